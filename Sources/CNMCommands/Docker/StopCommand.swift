import CNMSim

/// `docker stop` (docker/cli cli/command/container/stop.go).
enum StopCommand {
    static let spec = DockerCommandSpec(
        path: "docker stop", useLine: "docker stop [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.string("signal", "s"), .int("time", "t"), .int("timeout")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) -> CommandOutput {
        let flags: ParsedFlags
        switch spec.at(path).parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        return ContainerBatch.run(flags.positionals) { .from(engine.stopContainer($0)) }
    }
}
