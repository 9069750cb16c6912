import CNMSim

/// `docker restart` (docker/cli cli/command/container/restart.go).
enum RestartCommand {
    static let spec = DockerCommandSpec(
        path: "docker restart", useLine: "docker restart [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.string("signal", "s"), .int("time", "t"), .int("timeout")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) -> CommandOutput {
        let flags: ParsedFlags
        switch spec.parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        var out = CommandOutput()
        var errors: [String] = []
        for term in flags.positionals {
            if case .failure(let e) = engine.stopContainer(term) { errors.append(DaemonError.line(e)); continue }
            switch engine.startContainer(term) {
            case .failure(let e): errors.append(DaemonError.line(e))
            case .success: out.stdout += term + "\n"
            }
        }
        if !errors.isEmpty { out.stderr += errors.joined(); out.exitCode = 1 }
        return out
    }
}
