import CNMSim

/// `docker rm` (docker/cli v28.2.2 cli/command/container/rm.go).
enum RmCommand {
    static let spec = DockerCommandSpec(
        path: "docker rm", useLine: "docker rm [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.bool("force", "f"), .bool("link", "l"), .bool("volumes", "v")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) throws(CommandError) -> CommandOutput {
        let flags = try spec.at(path).parse(args)
        let force = flags.bool("force")
        return ContainerBatch.run(flags.positionals) { term in
            if term.isEmpty { return .failed("container name cannot be empty\n") }
            let result = engine.removeContainer(term, force: force)
            if case .failure(let e) = result, force, e.kind == .notFound { return .ignored(DaemonError.line(e), e) }
            // `-v`: the container's anonymous volumes go with it (named ones stay).
            if case .success(let c) = result, flags.bool("volumes") { engine.removeAnonymousVolumes(of: c) }
            return .from(result)
        }
    }
}
