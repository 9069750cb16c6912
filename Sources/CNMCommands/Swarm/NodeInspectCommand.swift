import CNMSim

/// `docker node inspect [--format T] self|NODE…` (docker/cli v28.2.2 cli/command/node/inspect.go).
/// Templates over the fields cnmlab knows (`{{.Status.Addr}}`, `{{.Spec.Role}}`,
/// `{{.ManagerStatus.Leader}}`…) print as Docker prints them; the full JSON and
/// `--pretty` show a node's platform, resources, plugins and TLS certificate,
/// which are not simulated.
enum NodeInspectCommand {
    static let spec = DockerCommandSpec(
        path: "docker node inspect", useLine: "docker node inspect [OPTIONS] self|NODE [NODE...]",
        flags: [.string("format", "f"), .bool("pretty")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        let format = flags.bool("pretty") ? "pretty" : flags.string("format")
        if format.hasPrefix("pretty") && format != "pretty" {
            throw .refused("cannot supply extra formatting options to the pretty template")
        }
        var items: [InspectPrinter.Item] = []
        for term in flags.positionals {
            switch NodePsCommand.resolve(term, engine: engine) {
            case .failure(let message): items.append(.failed(message.text))
            case .success(let (node, store)): items.append(.found(NodeInspectView.value(for: node, in: store)))
            }
        }
        if format == "pretty" {
            if let failure = items.first(where: { if case .failed = $0 { return true } else { return false } }),
               case .failed(let message) = failure {
                throw .refused(message)
            }
            throw .notSimulated("docker node inspect --pretty (platform, resources, plugins, TLS certificate)")
        }
        let out = InspectPrinter.print(items, format: format)
        if SwarmUnknownValue.appears(in: out) {
            throw .notSimulated("a node's raft version, platform, resources, plugins and TLS certificate in docker node inspect")
        }
        return out
    }
}
