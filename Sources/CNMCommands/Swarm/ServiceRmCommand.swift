import CNMSim

/// `docker service rm` (docker/cli v28.2.2 cli/command/service/remove.go): prints each
/// argument as given once removed; the daemon's errors are joined on stderr, exit 1.
/// The cluster stops the service's tasks when it reconciles afterwards.
enum ServiceRmCommand {
    static let spec = DockerCommandSpec(
        path: "docker service rm", useLine: "docker service rm SERVICE [SERVICE...]",
        flags: [], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        var out = CommandOutput()
        for term in flags.positionals {
            switch engine.removeService(term) {
            case .success: out.stdout += term + "\n"
            case .failure(let e):
                out.stderr += DaemonError.line(e)
                out.errors.append(e)
                out.exitCode = 1
            }
        }
        return out
    }
}
