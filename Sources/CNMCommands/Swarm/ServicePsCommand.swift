import CNMSim

/// `docker service ps` (docker/cli v28.2.2 cli/command/service/ps.go): each argument
/// is matched as a full ID, a full name, then an ID prefix; arguments that
/// match nothing are reported after the table (`no such service: X`), and
/// when none matches only the errors are printed.
enum ServicePsCommand {
    static let spec = DockerCommandSpec(
        path: "docker service ps", useLine: "docker service ps [OPTIONS] SERVICE [SERVICE...]",
        flags: [.bool("quiet", "q"), .bool("no-trunc"), .bool("no-resolve"), .string("format"),
                .stringArray("filter", "f", validator: FilterValidation.validate)],
        arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        let store = try SwarmLookup.managerStore(engine).orDaemonError()
        // createFilter: the CLI lists services by ID prefix and by name prefix, then picks.
        var serviceIDs: [String] = []
        var notFound: [String] = []
        for term in flags.positionals {
            if let s = store.services.first(where: { $0.id == term }) ?? store.services.first(where: { $0.name == term }) {
                serviceIDs.append(s.id)
                continue
            }
            let prefixed = term.isEmpty ? store.services : store.services.filter { $0.id.hasPrefix(term) }
            if prefixed.count > 1 { throw .refused("multiple services found with provided prefix: \(term)") }
            if let s = prefixed.first { serviceIDs.append(s.id) } else { notFound.append("no such service: \(term)") }
        }
        if serviceIDs.isEmpty { throw .refused(notFound.joined(separator: "\n")) }
        let filters = try SwarmFilterArgs.parse(flags.strings("filter"), accepted: SwarmTaskTable.acceptedFilters).orDaemonError()
        // updateNodeFilter: `self` is the CLI's own node.
        var resolved = filters
        if filters.contains("node") {
            var raw = flags.strings("filter").filter { FilterValidation.split($0).key != "node" }
            raw += filters["node"].map { "node=" + ($0 == "self" ? (engine.swarmNode?.id ?? $0) : $0) }
            if case .success(let f) = SwarmFilterArgs.parse(raw, accepted: SwarmTaskTable.acceptedFilters) { resolved = f }
        }
        let tasks = try SwarmTaskTable.list(store, filters: resolved, serviceIDs: serviceIDs).orDaemonError()
        var out = SwarmTaskTable.print(tasks, store: store, now: engine.clock, format: flags.string("format"),
                                       quiet: flags.bool("quiet"), noTrunc: flags.bool("no-trunc"),
                                       noResolve: flags.bool("no-resolve"))
        if out.exitCode == 0, !notFound.isEmpty {
            out.stderr += notFound.joined(separator: "\n") + "\n"
            out.exitCode = 1
        }
        return out
    }
}
