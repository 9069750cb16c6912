import CNMSim

/// `docker node ps [self|NODE…]` (docker/cli v28.2.2 cli/command/node/ps.go): the tasks
/// on each node (the current one by default), printed like `docker service ps`.
/// Per-node errors are joined after the table; with errors and no task, only the errors.
enum NodePsCommand {
    static let spec = DockerCommandSpec(
        path: "docker node ps", useLine: "docker node ps [OPTIONS] [NODE...]",
        flags: [.bool("no-trunc"), .bool("no-resolve"), .stringArray("filter", "f", validator: FilterValidation.validate),
                .string("format"), .bool("quiet", "q")],
        arity: .atLeast(0))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        let refs = flags.positionals.isEmpty ? ["self"] : flags.positionals
        var errors: [String] = []
        var tasks: [SwarmTask] = []
        var lastStore: Swarm?
        for ref in refs {
            let node: SwarmNode, store: Swarm
            switch resolve(ref, engine: engine) {
            case .failure(let m): errors.append(m.text); continue
            case .success(let pair): (node, store) = pair
            }
            lastStore = store
            var raw = flags.strings("filter").filter { FilterValidation.split($0).key != "node" }
            raw.append("node=" + node.id)
            let filters: SwarmFilterArgs
            switch SwarmFilterArgs.parse(raw, accepted: SwarmTaskTable.acceptedFilters) {
            case .failure(let e): errors.append(DaemonError.line(e).trimmingSpaces); continue
            case .success(let f): filters = f
            }
            switch SwarmTaskTable.list(store, filters: filters, serviceIDs: nil) {
            case .failure(let e): errors.append(DaemonError.line(e).trimmingSpaces)
            case .success(let list): tasks += list
            }
        }
        var out = CommandOutput()
        if errors.isEmpty || !tasks.isEmpty, let store = lastStore {
            out = SwarmTaskTable.print(tasks, store: store, now: engine.clock, format: flags.string("format"),
                                       quiet: flags.bool("quiet"), noTrunc: flags.bool("no-trunc"),
                                       noResolve: flags.bool("no-resolve"))
        }
        if !errors.isEmpty {
            out.stderr += errors.joined(separator: "\n") + "\n"
            out.exitCode = 1
        }
        return out
    }

    /// `node.Reference` then `NodeInspectWithRaw`: `self` is the node the command runs on
    /// (off a swarm, the CLI asks `GET /nodes` for the daemon's error); the daemon answers
    /// only on a manager. Failures are the lines the CLI prints.
    static func resolve(_ ref: String, engine: Engine) -> Result<(SwarmNode, Swarm), InvalidValue> {
        var term = ref
        if ref == "self" {
            guard let id = engine.swarmNodeID else {
                if let refusal = engine.managerRequired { return .failure(.init(DaemonError.line(refusal).trimmingSpaces)) }
                return .failure(.init("node ID not found in /info"))
            }
            term = id
        }
        switch SwarmLookup.managerStore(engine) {
        case .failure(let e): return .failure(.init(DaemonError.line(e).trimmingSpaces))
        case .success(let store):
            switch SwarmLookup.node(term, in: store) {
            case .failure(let e): return .failure(.init(DaemonError.line(e).trimmingSpaces))
            case .success(let node): return .success((node, store))
            }
        }
    }
}
