import CNMSim

/// `docker start` (docker/cli v28.2.2 cli/command/container/start.go); `-a` prints what a
/// command that ends printed, as an attached `docker run` does.
enum StartCommand {
    static let spec = DockerCommandSpec(
        path: "docker start", useLine: "docker start [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.bool("attach", "a"), .bool("interactive", "i"), .string("detach-keys")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) throws(CommandError) -> CommandOutput {
        let flags = try spec.at(path).parse(args)
        if flags.bool("attach") || flags.bool("interactive") { return try attached(flags.positionals, engine: &engine) }
        var out = CommandOutput()
        var failed: [String] = []
        for term in flags.positionals {
            switch engine.startContainer(term) {
            case .failure(let e):
                out.stderr += DaemonError.line(e)
                out.errors.append(e)
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

    /// `docker start -a CONTAINER`: one container only; its exit code is the command's.
    static func attached(_ terms: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        guard terms.count == 1 else { throw .refused("you cannot start and attach multiple containers at once") }
        let c = try engine.findContainer(terms[0]).orDaemonError()
        if c.isRunning {
            return CommandOutput(stderr: "cnmlab: attaching to a running container's output is not simulated\n", exitCode: 0)
        }
        switch engine.startContainer(c.id) {
        case .failure(let e): throw .daemon(e)
        case .success(let plan): return RunCommand.foreground(plan, container: c, engine: &engine)
        }
    }
}
