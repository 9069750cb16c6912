import CNMSim

/// `docker rm` (docker/cli cli/command/container/rm.go).
enum RmCommand {
    static let spec = DockerCommandSpec(
        path: "docker rm", useLine: "docker rm [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.bool("force", "f"), .bool("link", "l"), .bool("volumes", "v")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) -> CommandOutput {
        let flags: ParsedFlags
        switch spec.parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        var out = CommandOutput()
        var errors: [String] = []
        for term in flags.positionals {
            if term.isEmpty { errors.append("container name cannot be empty\n"); continue }
            switch engine.removeContainer(term, force: flags.bool("force")) {
            case .failure(let e):
                if flags.bool("force") && e.kind == .notFound { continue }
                errors.append(DaemonError.line(e))
            case .success: out.stdout += term + "\n"
            }
        }
        if !errors.isEmpty { out.stderr += errors.joined(); out.exitCode = 1 }
        return out
    }
}
