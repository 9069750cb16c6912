import CNMSim

/// `docker service create` (docker/cli v28.2.2 cli/command/service/create.go, opts.go).
///
/// The CLI builds the spec (client-side checks, network names resolved to IDs
/// and sorted by ID), the daemon validates it as swarmkit's control API does,
/// and the CLI prints the new ID — then, unless `-d`, waits for convergence
/// and prints the progress (`ServiceProgress`). The tasks themselves are placed
/// by the cluster right after this command returns.
enum ServiceCreateCommand {
    static let spec = DockerCommandSpec(
        path: "docker service create", useLine: "docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]",
        flags: ServiceFlagSpecs.create, arity: .atLeast(1), interspersed: false,
        unsimulatedFlags: Set(ServiceFlagSpecs.create.map(\.name)).subtracting(ServiceFlagSpecs.simulated))

    /// More replicas than this are not simulated (every task is a container on some node).
    static let maxReplicas: UInt64 = 100

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        try checkMode(flags)
        if let name = ServiceFlagSpecs.firstUnsimulated(flags, among: ServiceFlagSpecs.create, simulated: ServiceFlagSpecs.simulated) {
            throw .notSimulated("docker service create --\(name)")
        }
        let replicas = flags.wasSet("replicas") ? ServiceFlagValues.uintValue(flags.string("replicas")) : 1
        if replicas > maxReplicas { throw .notSimulated("a service of more than \(maxReplicas) replicas") }

        var ports: [SwarmService.PublishedPort] = []
        for raw in flags.strings("publish") {
            guard case .success(let list) = ServiceFlagValues.publish(raw) else { continue }
            if list.contains(where: \.hostMode) { throw .notSimulated("docker service create --publish mode=host") }
            ports += list.map { SwarmService.PublishedPort(proto: $0.proto, published: $0.published, target: $0.target) }
        }
        // Client side: network names become IDs (a failed lookup is the daemon's answer), sorted by ID.
        var networks: [(String, [String])] = []
        for raw in flags.strings("network") {
            guard case .success(let value) = ServiceFlagValues.network(raw) else { continue }
            if value.hasDriverOpts { throw .notSimulated("docker service create --network driver-opt=…") }
            switch SwarmLookup.swarmNetworkID(value.target, engine: engine) {
            case .failure(let e): throw .daemon(e)
            case .success(let id): networks.append((id, value.aliases))
            }
        }
        networks.sort { $0.0 < $1.0 }

        // Daemon side: a manager only, then the spec conversion and swarmkit's validation.
        if let refusal = engine.managerRequired { throw .daemon(refusal) }
        let mode = flags.string("endpoint-mode").lowercased()
        guard mode.isEmpty || mode == "vip" || mode == "dnsrr" else {
            throw .daemon(EngineError(.invalidParameter, "invalid resolution mode: \(GoQuote.quote(mode))"))
        }
        let name = flags.string("name")
        if !name.isEmpty, let message = SwarmLookup.serviceNameError(name) {
            throw .daemon(EngineError(.invalidParameter, message))
        }
        let image = flags.positionals[0]
        if let message = imageError(image) { throw .daemon(EngineError(.invalidParameter, message)) }
        if let message = endpointError(ports: ports, dnsrr: mode == "dnsrr") {
            throw .daemon(EngineError(.invalidParameter, message))
        }
        // Real Docker creates the service and its tasks keep failing to pull; cnmlab has only its catalogue.
        if ImageCatalogue.find(image) == nil {
            throw .notSimulated("a service of an image outside cnmlab's catalogue (\(image))")
        }
        let request = ServiceSpec(name: name.isEmpty ? nil : name, image: image, command: Array(flags.positionals.dropFirst()),
                                  replicas: Int(replicas), networks: networks, ports: ports,
                                  endpointMode: mode == "dnsrr" ? .dnsrr : .vip)
        let service = try engine.createService(request).orDaemonError()
        var out = CommandOutput(stdout: service.id + "\n")
        if !flags.bool("detach") && !flags.bool("quiet") {
            out.stdout += ServiceProgress.replicated(reference: service.id, replicas: service.replicas, runningAtFirstPoll: 0)
        }
        return out
    }

    /// `serviceOptions.ToServiceMode`: the CLI's own checks of `--mode` (plain errors, exit 1);
    /// modes other than `replicated` are not simulated.
    static func checkMode(_ flags: ParsedFlags) throws(CommandError) {
        let mode = flags.string("mode")
        let replicasSet = flags.wasSet("replicas")
        let maxPerNode = ServiceFlagValues.uintValue(flags.string("replicas-max-per-node"))
        let concurrentSet = flags.wasSet("max-concurrent")
        switch mode {
        case "replicated":
            if concurrentSet { throw .refused("max-concurrent can only be used with replicated-job mode") }
        case "global":
            if replicasSet { throw .refused("replicas can only be used with replicated or replicated-job mode") }
            if maxPerNode > 0 { throw .refused("replicas-max-per-node can only be used with replicated or replicated-job mode") }
            if concurrentSet { throw .refused("max-concurrent can only be used with replicated-job mode") }
            throw .notSimulated("docker service create --mode global")
        case "replicated-job":
            throw .notSimulated("docker service create --mode replicated-job")
        case "global-job":
            if maxPerNode > 0 { throw .refused("replicas-max-per-node can only be used with replicated or replicated-job mode") }
            if concurrentSet { throw .refused("max-concurrent can only be used with replicated-job mode") }
            if replicasSet { throw .refused("replicas can only be used with replicated or replicated-job mode") }
            throw .notSimulated("docker service create --mode global-job")
        default:
            throw .refused("Unknown mode: \(mode), only replicated and global supported")
        }
    }

    /// swarmkit `validateImage`: an empty reference, or one whose repository has capitals
    /// (`reference.ParseNormalizedNamed` refuses it), is invalid.
    static func imageError(_ image: String) -> String? {
        if image.isEmpty { return "rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be provided" }
        var repository = image
        if let at = repository.firstIndex(of: "@") { repository = String(repository[..<at]) }
        if let colon = repository.lastIndex(of: ":"), !repository[colon...].contains("/") {
            repository = String(repository[..<colon])
        }
        if repository.isEmpty || repository != repository.lowercased() {
            return "rpc error: code = InvalidArgument desc = ContainerSpec: \(GoQuote.quote(image)) is not a valid repository/tag"
        }
        return nil
    }

    /// swarmkit `validateEndpointSpec`: no ingress ports in dnsrr mode, no published port twice.
    static func endpointError(ports: [SwarmService.PublishedPort], dnsrr: Bool) -> String? {
        var seen: Set<String> = []
        for p in ports {
            if dnsrr {
                return "rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode"
            }
            if p.published == 0 { continue }
            let key = "\(p.published)/\(p.proto)"
            if seen.contains(key) { return "rpc error: code = InvalidArgument desc = EndpointSpec: duplicate published ports provided" }
            seen.insert(key)
        }
        return nil
    }
}
