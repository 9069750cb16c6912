import CNMSim

/// `docker network inspect` (docker/cli v28.2.2 cli/command/network/inspect.go, cli/command/inspect/inspector.go).
enum NetworkInspectCommand {
    static let spec = DockerCommandSpec(
        path: "docker network inspect", useLine: "docker network inspect [OPTIONS] NETWORK [NETWORK...]",
        flags: [.string("format", "f"), .bool("verbose", "v")],
        arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        var items: [InspectPrinter.Item] = []
        for term in flags.positionals {
            switch engine.findNetwork(term) {
            case .success(let n):
                // `-v` adds `Services` for swarm networks: per-node IPVS marks and NetworkDB tables cnmlab does not model.
                if flags.bool("verbose") && n.isSwarmScoped {
                    throw .notSimulated("docker network inspect --verbose on a swarm network (its Services section)")
                }
                items.append(.found(NetworkInspectView.value(for: n, engine: engine)))
            case .failure(let e): items.append(.failed(DaemonError.text(e)))
            }
        }
        return InspectPrinter.print(items, format: flags.string("format"))
    }
}
