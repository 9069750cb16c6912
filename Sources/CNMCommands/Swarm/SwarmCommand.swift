import CNMSim

/// `docker swarm init|join|join-token|leave` (docker/cli v28.2.2 cli/command/swarm).
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

    /// `docker swarm …`'s subcommands (served with the whole cluster).
    static let commands: [DockerSubcommand] = [
        DockerSubcommand(["init"], spec: initSpec, changesState: true) { a, c, m throws(CommandError) in try initSwarm(a, &c, m) },
        DockerSubcommand(["join"], spec: joinSpec, changesState: true) { a, c, m throws(CommandError) in try join(a, &c, m) },
        DockerSubcommand(["join-token"], spec: tokenSpec, operands: [.words(["worker", "manager"])]) { a, c, m throws(CommandError) in
            try joinToken(a, c, m)
        },
        DockerSubcommand(["leave"], spec: leaveSpec, changesState: true) { a, c, m throws(CommandError) in try leave(a, &c, m) },
        DockerSubcommand("ca", notSimulated: true),
        DockerSubcommand("unlock", notSimulated: true, changesState: true),
        DockerSubcommand("unlock-key", notSimulated: true, changesState: true),
        DockerSubcommand("update", notSimulated: true, changesState: true),
    ]

    static func initSwarm(_ args: [String], _ cluster: inout Cluster, _ m: Int) throws(CommandError) -> CommandOutput {
        let flags = try initSpec.parse(args)
        if flags.bool("autolock") || flags.bool("force-new-cluster") { throw .notSimulated("docker swarm init --autolock / --force-new-cluster") }
        let engine = cluster.machines[m].engine
        var advertise: IPv4Address? = nil
        let given = flags.string("advertise-addr")
        if !given.isEmpty {
            let host = given.split(separator: ":").first.map(String.init) ?? given
            if host == "eth0" {
                advertise = engine.host.address
            } else if let ip = IPv4Address(host) {
                guard ip == engine.host.address else {
                    throw .daemon(EngineError(.system, "failed to listen on remote API address: listen tcp \(ip):2377: bind: cannot assign requested address"))
                }
                advertise = ip
            } else {
                throw .daemon(EngineError(.invalidParameter, "advertise address must be a non-zero IP address or network interface (with optional port number)"))
            }
        }
        if let s = cluster.swarm, engine.swarm == nil, s.activeNodes.contains(where: { $0.role == .manager }) {
            throw .notSimulated("a second swarm on the same LAN")
        }
        switch cluster.initSwarm(on: m, advertise: advertise) {
        case .failure(let e): throw .daemon(e)
        case .success(let node):
            guard let s = cluster.swarm else { return CommandOutput() }
            // docker/cli v28.2.2 cli/command/swarm/init.go: the last line ends with one newline (Fprintln).
            return .ok("Swarm initialized: current node (\(node.id)) is now a manager.\n\n"
                + "To add a worker to this swarm, run the following command:\n\n    docker swarm join --token \(s.workerToken) \(node.address):2377\n\n"
                + "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n")
        }
    }

    static func join(_ args: [String], _ cluster: inout Cluster, _ m: Int) throws(CommandError) -> CommandOutput {
        let flags = try joinSpec.parse(args)
        switch cluster.join(on: m, token: flags.string("token"), remote: flags.positionals[0]) {
        case .failure(let e): throw .daemon(e)
        case .success(let role): return .ok("This node joined a swarm as a \(role.rawValue).\n")
        }
    }

    static func joinToken(_ args: [String], _ cluster: Cluster, _ m: Int) throws(CommandError) -> CommandOutput {
        let flags = try tokenSpec.parse(args)
        let role = flags.positionals[0]
        guard role == "worker" || role == "manager" else { throw .refused("unknown role \(role)") }
        let engine = cluster.machines[m].engine
        if let refusal = engine.managerRequired { throw .daemon(refusal) }
        if flags.bool("rotate") { throw .notSimulated("docker swarm join-token --rotate") }
        guard let s = engine.swarm, let node = engine.swarmNode else { return CommandOutput() }
        let token = role == "worker" ? s.workerToken : s.managerToken
        if flags.bool("quiet") { return .ok(token + "\n") }
        return .ok("To add a \(role) to this swarm, run the following command:\n\n    docker swarm join --token \(token) \(node.address):2377\n\n")
    }

    static func leave(_ args: [String], _ cluster: inout Cluster, _ m: Int) throws(CommandError) -> CommandOutput {
        let flags = try leaveSpec.parse(args)
        if let e = cluster.leave(on: m, force: flags.bool("force")) { throw .daemon(e) }
        return .ok("Node left the swarm.\n")
    }
}
