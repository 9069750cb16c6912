import CNMSim

/// `docker service inspect` (docker/cli v28.2.2 cli/command/service/inspect.go, formatter.go):
/// the JSON array of `ServiceInspectView`s, a `--format` template per service,
/// or `--pretty`. A reference the daemon does not know is `Error: no such service: X`.
enum ServiceInspectCommand {
    static let spec = DockerCommandSpec(
        path: "docker service inspect", useLine: "docker service inspect [OPTIONS] SERVICE [SERVICE...]",
        flags: [.string("format", "f"), .bool("pretty")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        let format = flags.string("format")
        if flags.bool("pretty") && !format.isEmpty { throw .refused("--format is incompatible with human friendly format") }
        if format.hasPrefix("pretty") && format != "pretty" { throw .refused("Cannot supply extra formatting options to the pretty template") }
        var found: [SwarmService] = []
        var items: [InspectPrinter.Item] = []
        let store = SwarmLookup.managerStore(engine)
        for term in flags.positionals {
            switch store.flatMap({ SwarmLookup.service(term, in: $0) }) {
            case .failure(let e):
                items.append(.failed(e.kind == .notFound ? "Error: no such service: \(term)" : DaemonError.line(e).trimmingSpaces))
            case .success(let s):
                found.append(s)
                if case .success(let st) = store { items.append(.found(ServiceInspectView.value(for: s, store: st))) }
            }
        }
        guard flags.bool("pretty") || format == "pretty" else {
            let out = InspectPrinter.print(items, format: format)
            // An updated service's PreviousSpec has a replica count the store does not keep.
            if SwarmUnknownValue.appears(in: out) {
                throw .notSimulated("the PreviousSpec replica count of an updated service")
            }
            return out
        }
        var contexts: [TemplateValue] = []
        for item in items {
            switch item {
            case .failed(let message): throw .refused(message)
            case .found: break
            }
        }
        if case .success(let st) = store { contexts = found.map { ServicePrettyContext.value(for: $0, store: st) } }
        do {
            return .ok(try TemplateFormat(ServicePrettyTemplate.text).render(rows: contexts, header: .null))
        } catch {
            throw .refused(templateError(error))
        }
    }
}
