import CNMSim

/// `docker restart` (docker/cli v28.2.2 cli/command/container/restart.go).
enum RestartCommand {
    static let spec = DockerCommandSpec(
        path: "docker restart", useLine: "docker restart [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.string("signal", "s"), .int("time", "t"), .int("timeout")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) throws(CommandError) -> CommandOutput {
        let flags = try spec.at(path).parse(args)
        return ContainerBatch.run(flags.positionals) { term in
            let result = engine.stopContainer(term).flatMap { _ in engine.startContainer(term) }
            // A command that ends runs again and exits, as `docker start` has it.
            if case .success(.oneShot) = result, let c = engine.findContainer(term).successValue {
                _ = ContainerProcess.runToEnd(c, engine: &engine)
            }
            return .from(result)
        }
    }
}
