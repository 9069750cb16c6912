import CNMSim

/// `docker network rm` (docker/cli v28.2.2 cli/command/network/remove.go).
enum NetworkRmCommand {
    static let spec = DockerCommandSpec(
        path: "docker network rm", useLine: "docker network rm NETWORK [NETWORK...]",
        flags: [.bool("force", "f")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        var out = CommandOutput()
        var failed = false
        for term in flags.positionals {
            switch engine.removeNetwork(term) {
            case .success: out.stdout += term + "\n"
            case .failure(let e):
                if flags.bool("force") && e.kind == .notFound { continue }
                out.stderr += DaemonError.line(e)
                out.errors.append(e)
                failed = true
            }
        }
        if failed {
            out.stderr += "exit status 1\n"
            out.exitCode = 1
        }
        return out
    }
}
