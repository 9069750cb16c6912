import CNMSim

/// `docker inspect` (docker/cli v28.2.2 cli/command/system/inspect.go): containers first, then networks.
enum InspectCommand {
    static let spec = DockerCommandSpec(
        path: "docker inspect", useLine: "docker inspect [OPTIONS] NAME|ID [NAME|ID...]",
        flags: [.string("format", "f"), .bool("size", "s"), .string("type")], arity: .atLeast(1))

    /// `docker container inspect` (cli/command/container/inspect.go).
    static let containerSpec = DockerCommandSpec(
        path: "docker container inspect", useLine: "docker container inspect [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.string("format", "f"), .bool("size", "s")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine, containerOnly: Bool = false) throws(CommandError) -> CommandOutput {
        let flags = try (containerOnly ? containerSpec : spec).parse(args)
        let type = containerOnly ? "container" : flags.string("type")
        var items: [InspectPrinter.Item] = []
        for term in flags.positionals {
            if type.isEmpty || type == "container", case .success(let c) = engine.findContainer(term) {
                items.append(.found(ContainerInspectView.value(for: c, engine: engine)))
            } else if type.isEmpty || type == "network", case .success(let n) = engine.findNetwork(term) {
                items.append(.found(NetworkInspectView.value(for: n, engine: engine)))
            } else if type == "container" {
                items.append(.failed(DaemonError.text(.noSuchContainer(term))))
            } else if type == "network", case .failure(let e) = engine.findNetwork(term) {
                // With --type the daemon's error comes through as it is (docker/cli v28.2.2 system/inspect.go inspectAll).
                items.append(.failed(DaemonError.text(e)))
            } else {
                items.append(.failed("Error: No such object: \(term)"))
            }
        }
        return InspectPrinter.print(items, format: flags.string("format"))
    }
}
