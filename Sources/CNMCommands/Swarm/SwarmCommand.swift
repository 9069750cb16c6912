import CNMSim

/// `docker swarm init|join|join-token|leave` (docker/cli cli/command/swarm).
/// Served with the whole cluster: joining needs the manager on another machine.
enum SwarmCommand {
    static let initSpec = DockerCommandSpec(
        path: "docker swarm init", useLine: "docker swarm init [OPTIONS]",
        flags: [.string("advertise-addr"), .string("listen-addr", default: "0.0.0.0:2377"), .string("data-path-addr"),
                .bool("force-new-cluster"), .string("availability", default: "active"), .bool("autolock")],
        arity: .none)
    static let joinSpec = DockerCommandSpec(
        path: "docker swarm join", useLine: "docker swarm join [OPTIONS] HOST:PORT",
        flags: [.string("token"), .string("advertise-addr"), .string("listen-addr", default: "0.0.0.0:2377"),
                .string("data-path-addr"), .string("availability", default: "active")],
        arity: .exact(1))
    static let tokenSpec = DockerCommandSpec(
        path: "docker swarm join-token", useLine: "docker swarm join-token [OPTIONS] (worker|manager)",
        flags: [.bool("rotate"), .bool("quiet", "q")], arity: .exact(1))
    static let leaveSpec = DockerCommandSpec(
        path: "docker swarm leave", useLine: "docker swarm leave [OPTIONS]",
        flags: [.bool("force", "f")], arity: .none)

    static func run(_ args: [String], cluster: inout Cluster, machine m: Int) -> CommandOutput {
        guard let sub = args.first else { return DockerHelp.bareGroup("docker swarm") }
        if let help = DockerHelp.groupFlag("docker swarm", sub) { return help }
        let rest = Array(args.dropFirst())
        switch sub {
        case "init": return initSwarm(rest, &cluster, m)
        case "join": return join(rest, &cluster, m)
        case "join-token": return joinToken(rest, cluster, m)
        case "leave": return leave(rest, &cluster, m)
        case "ca", "unlock", "unlock-key", "update":
            return NotSimulated.feature("docker swarm \(sub)")
        default:
            if sub.hasPrefix("-") { return DockerHelp.unknownFlag("docker swarm", sub) }
            return DockerHelp.unknownSubcommand("docker swarm", sub)
        }
    }

    static func initSwarm(_ args: [String], _ cluster: inout Cluster, _ m: Int) -> CommandOutput {
        let flags: ParsedFlags
        switch initSpec.parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        if flags.bool("autolock") || flags.bool("force-new-cluster") { return NotSimulated.feature("docker swarm init --autolock / --force-new-cluster") }
        let engine = cluster.machines[m].engine
        var advertise: IPv4Address? = nil
        let given = flags.string("advertise-addr")
        if !given.isEmpty {
            let host = given.split(separator: ":").first.map(String.init) ?? given
            if host == "eth0" {
                advertise = engine.host.address
            } else if let ip = IPv4Address(host) {
                guard ip == engine.host.address else {
                    return DaemonError.output(EngineError(.system, "failed to listen on remote API address: listen tcp \(ip):2377: bind: cannot assign requested address"))
                }
                advertise = ip
            } else {
                return DaemonError.output(EngineError(.invalidParameter, "advertise address must be a non-zero IP address or network interface (with optional port number)"))
            }
        }
        if let s = cluster.swarm, engine.swarm == nil, s.activeNodes.contains(where: { $0.role == .manager }) {
            return NotSimulated.feature("a second swarm on the same LAN")
        }
        switch cluster.initSwarm(on: m, advertise: advertise) {
        case .failure(let e): return DaemonError.output(e)
        case .success(let node):
            guard let s = cluster.swarm else { return CommandOutput() }
            // docker/cli v28.2.2 cli/command/swarm/init.go: the last line ends with one newline (Fprintln).
            return .ok("Swarm initialized: current node (\(node.id)) is now a manager.\n\n"
                + "To add a worker to this swarm, run the following command:\n\n    docker swarm join --token \(s.workerToken) \(node.address):2377\n\n"
                + "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n")
        }
    }

    static func join(_ args: [String], _ cluster: inout Cluster, _ m: Int) -> CommandOutput {
        let flags: ParsedFlags
        switch joinSpec.parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        switch cluster.join(on: m, token: flags.string("token"), remote: flags.positionals[0]) {
        case .failure(let e): return DaemonError.output(e)
        case .success(let role): return .ok("This node joined a swarm as a \(role.rawValue).\n")
        }
    }

    static func joinToken(_ args: [String], _ cluster: Cluster, _ m: Int) -> CommandOutput {
        let flags: ParsedFlags
        switch tokenSpec.parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        let role = flags.positionals[0]
        guard role == "worker" || role == "manager" else { return .fail("unknown role \(role)\n") }
        let engine = cluster.machines[m].engine
        if let refusal = engine.managerRequired { return DaemonError.output(refusal) }
        if flags.bool("rotate") { return NotSimulated.feature("docker swarm join-token --rotate") }
        guard let s = engine.swarm, let node = engine.swarmNode else { return CommandOutput() }
        let token = role == "worker" ? s.workerToken : s.managerToken
        if flags.bool("quiet") { return .ok(token + "\n") }
        return .ok("To add a \(role) to this swarm, run the following command:\n\n    docker swarm join --token \(token) \(node.address):2377\n\n")
    }

    static func leave(_ args: [String], _ cluster: inout Cluster, _ m: Int) -> CommandOutput {
        let flags: ParsedFlags
        switch leaveSpec.parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        if let e = cluster.leave(on: m, force: flags.bool("force")) { return DaemonError.output(e) }
        return .ok("Node left the swarm.\n")
    }
}
