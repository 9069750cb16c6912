import CNMSim

/// `docker start` (docker/cli cli/command/container/start.go), without attach.
enum StartCommand {
    static let spec = DockerCommandSpec(
        path: "docker start", useLine: "docker start [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.bool("attach", "a"), .bool("interactive", "i"), .string("detach-keys")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) -> CommandOutput {
        let flags: ParsedFlags
        switch spec.at(path).parse(args) {
        case .failure(let e): return e.output
        case .success(let f): flags = f
        }
        if flags.bool("attach") || flags.bool("interactive") { return NotSimulated.feature("docker start --attach") }
        var out = CommandOutput()
        var failed: [String] = []
        for term in flags.positionals {
            switch engine.startContainer(term) {
            case .failure(let e):
                out.stderr += DaemonError.line(e)
                failed.append(term)
            case .success(let plan):
                if case .oneShot = plan, let c = engine.findContainer(term).successValue {
                    _ = ContainerProcess.runToEnd(c, engine: &engine)
                }
                out.stdout += term + "\n"
            }
        }
        if !failed.isEmpty {
            out.stderr += "Error: failed to start containers: \(failed.joined(separator: ", "))\n"
            out.exitCode = 1
        }
        return out
    }
}
