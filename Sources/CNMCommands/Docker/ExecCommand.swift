import CNMSim

/// `docker exec` (docker/cli v28.2.2 cli/command/container/exec.go).
enum ExecCommand {
    static let spec = DockerCommandSpec(
        path: "docker exec", useLine: "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]",
        flags: [.bool("detach", "d"), .string("detach-keys"), .stringArray("env", "e"), .stringArray("env-file"),
                .bool("interactive", "i"), .bool("privileged"), .bool("tty", "t"), .string("user", "u"),
                .string("workdir", "w")],
        arity: .atLeast(2), interspersed: false)

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) throws(CommandError) -> CommandOutput {
        let flags = try spec.at(path).parse(args)
        let c = try engine.findContainer(flags.positionals[0]).orDaemonError()
        guard c.isRunning else {
            throw .daemon(.notRunning(c.id))
        }
        let argv = Array(flags.positionals.dropFirst())
        // ContainerExecCreate (moby v28.2.2 daemon/exec.go): the link variables are made afresh, and a
        // stopped linked container fails the exec.
        let linkEnv = try engine.legacyLinkEnvironment(of: c).orDaemonError()
        let env = ProcessEnvironment.of(c, tty: flags.bool("tty"), linkEnv: linkEnv, extra: flags.strings("env"), engine: engine)
        if flags.bool("interactive") && flags.bool("tty") && ProcessPlan.shells.contains(argv[0]) && argv.count == 1 {
            throw .notSimulated("an interactive shell from `docker exec -it` outside the cnmlab shell")
        }
        // Without -t the process writes into the docker CLI's pipe, not a terminal.
        let out = OutputTerminal.$isTerminal.withValue(OutputTerminal.isTerminal && flags.bool("tty")) {
            ProcessEnvironment.$current.withValue(env) { ContainerProcess.run(argv: argv, in: c.id, engine: &engine) }
        }
        return flags.bool("tty") ? Terminal.output(out) : out
    }
}

/// What a process run with a terminal (`-t`) shows: standard error merged into standard output,
/// and each newline as CR LF (the tty's ONLCR), as the docker CLI receives it.
enum Terminal {
    static func output(_ out: CommandOutput) -> CommandOutput {
        let merged = out.terminalText.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        return CommandOutput(stdout: merged, exitCode: out.exitCode)
    }
}
