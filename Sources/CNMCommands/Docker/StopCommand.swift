import CNMSim

/// `docker stop` (docker/cli v28.2.2 cli/command/container/stop.go).
enum StopCommand {
    static let spec = DockerCommandSpec(
        path: "docker stop", useLine: "docker stop [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.string("signal", "s"), .int("time", "t"), .int("timeout")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) throws(CommandError) -> CommandOutput {
        let flags = try spec.at(path).parse(args)
        return ContainerBatch.run(flags.positionals) { .from(engine.stopContainer($0)) }
    }
}
