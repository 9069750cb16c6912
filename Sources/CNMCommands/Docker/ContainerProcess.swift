import CNMSim

/// Runs a program inside a container's sandbox: the part of `docker exec` and
/// foreground `docker run` that depends on the image's tools.
enum ContainerProcess {
    /// Runs `argv` in the running container `id`.
    static func run(argv: [String], in id: String, engine: inout Engine, stdin: String = "") -> CommandOutput {
        guard let program = argv.first, let c = engine.containers[id] else { return CommandOutput(exitCode: 1) }
        let base = program.split(separator: "/").last.map(String.init) ?? program
        if !c.image.tools.contains(base) && !c.image.tools.contains(program) {
            return CommandOutput(stdout: "OCI runtime exec failed: exec failed: unable to start container process: exec: \(GoQuote.quote(program)): executable file not found in $PATH: unknown\r\n", exitCode: 127)
        }
        if ProcessPlan.shells.contains(program) || ProcessPlan.shells.contains(base) {
            if argv.count >= 3, argv[1] == "-c" {
                var sim = Simulator(engine: Engine.placeholder, site: .container(id: id))
                sim.secondsPerLine = 0
                swap(&sim.engine, &engine)
                let out = sim.run(line: argv[2])
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
