import CNMSim

/// Runs a program inside a container's sandbox: the part of `docker exec` and
/// foreground `docker run` that depends on the image's tools.
enum ContainerProcess {
    /// The main process's command line after the image's entrypoint script has run: a
    /// `docker-entrypoint.sh` ends in `exec "$@"`, so `docker run nginx echo hi` runs `echo hi`.
    static func mainCommand(_ c: Container) -> [String] {
        let isEntrypointScript = !c.image.entrypoint.isEmpty && c.path == c.image.entrypoint.first
        return isEntrypointScript && !c.args.isEmpty ? c.args : [c.path] + c.args
    }

    /// Runs a one-shot main process to its end: its output goes to the container's log, the
    /// container exits with its code (and is removed with `--rm`). Returns what it printed.
    static func runToEnd(_ c: Container, engine: inout Engine) -> CommandOutput {
        let linkEnv = engine.legacyLinkEnvironment(of: c).successValue ?? []
        let env = ProcessEnvironment.of(c, tty: c.tty, linkEnv: linkEnv, engine: engine)
        let result = ProcessEnvironment.$current.withValue(env) { run(argv: mainCommand(c), in: c.id, engine: &engine) }
        engine.appendLog(c.id, pieces: result.segments.map { ($0.stream == .stdout ? .stdout : .stderr, $0.text) })
        engine.processExited(c.id, code: Int(result.exitCode))
        return result
    }

    /// Runs `argv` in the running container `id`.
    static func run(argv: [String], in id: String, engine: inout Engine, stdin: String = "") -> CommandOutput {
        guard let program = argv.first, let c = engine.containers[id] else { return CommandOutput(exitCode: 1) }
        let base = program.split(separator: "/").last.map(String.init) ?? program
        if !c.image.tools.contains(base) && !c.image.tools.contains(program) {
            return CommandError.executableNotFound(program).output
        }
        if ProcessPlan.shells.contains(program) || ProcessPlan.shells.contains(base) {
            if argv.count >= 3, argv[1] == "-c" {
                var sim = Simulator(engine: Engine.placeholder, site: .container(id: id))
                sim.secondsPerLine = 0
                sim.shell = ContainerShell.forScript(program, in: c)
                swap(&sim.engine, &engine)
                // A shell adds variables of its own: `env` in a script is not simulated.
                let out = ProcessEnvironment.$current.withValue(nil) { sim.run(line: argv[2]) }
                swap(&sim.engine, &engine)
                return out
            }
            return NotSimulated.feature("an interactive shell outside the cnmlab shell")
        }
        guard let tool = ProgramRegistry.find(program) else {
            return NotSimulated.feature("'\(base)' inside a container")
        }
        var ctx = ProgramContext(engine: Engine.placeholder, site: .container(id: id), stdin: stdin, invokedAs: base)
        // Lent, not copied (see `Simulator.runLocal`).
        swap(&ctx.engine, &engine)
        let out = tool.run(Array(argv.dropFirst()), &ctx)
        swap(&ctx.engine, &engine)
        return out
    }
}
