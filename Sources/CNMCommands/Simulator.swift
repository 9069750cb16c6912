import CNMSim

/// A simulated machine a learner types into: parses each line like a shell
/// (quotes, `;`, `&&`, `||`, pipes, `$(…)`) and runs its commands against the engine.
public struct Simulator: Sendable {
    public var engine: Engine
    public private(set) var lastExitCode: Int32 = 0
    /// The shell variables `$NAME` expands (a root shell on the simulated host).
    public var environment: [String: String] = [
        "HOME": "/root", "USER": "root", "SHELL": "/bin/bash",
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ]
    /// Language of cnmlab's own explanations (`why`): `en` or `ko`.
    public var language = "en"
    /// Seconds of simulated time that pass with each command line typed.
    public var secondsPerLine: Int64 = 2

    /// Where typed commands run: the host, or a container (`sh -c`, `docker exec -it … sh`).
    public var site: ExecutionSite = .host

    public init(seed: UInt64 = 0) {
        engine = Engine(seed: seed)
    }

    public init(engine: Engine, site: ExecutionSite) {
        self.engine = engine
        self.site = site
    }

    /// Runs one (possibly multi-command) line and returns what the terminal shows.
    public mutating func run(line: String) -> CommandOutput {
        run(bytes: Array(line.utf8))
    }

    public mutating func run(bytes: [UInt8]) -> CommandOutput {
        let parsed: ShellLine
        switch ShellLine.parse(bytes: bytes) {
        case .complete(let l): parsed = l
        case .incomplete:
            lastExitCode = 2
            return CommandOutput(stderr: "cnmlab: syntax error: unexpected end of file (an open quote, `\\`, `|`, `&&` or `$(` is not closed)\n", exitCode: 2)
        case .failure(let e):
            lastExitCode = 2
            return CommandOutput(stderr: "cnmlab: \(e.message)\n", exitCode: 2)
        }
        if parsed.items.isEmpty { return CommandOutput(exitCode: lastExitCode) }
        engine.advance(seconds: secondsPerLine)
        var total = CommandOutput()
        var skip = false
        var previousConnector: ShellLine.Connector? = nil
        for item in parsed.items {
            if let c = previousConnector {
                switch c {
                case .and: skip = lastExitCode != 0
                case .or: skip = lastExitCode == 0
                default: skip = false
                }
            }
            previousConnector = item.connector
            if skip { continue }
            var stdin: String? = nil
            var result = CommandOutput()
            for (index, command) in item.pipeline.enumerated() {
                // A `$(…)` runs on a copy that is folded back; without one no copy of the world is made.
                let box = SubstitutionBox(self)
                let expanded = command.expand(environment: environment, lastExitCode: lastExitCode) { box.run($0) }
                if box.used, let sim = box.sim { engine = sim.engine }
                box.sim = nil
                switch expanded {
                case .failure(let e):
                    result = CommandOutput(stderr: "cnmlab: \(e.message)\n", exitCode: 2)
                case .success(let words):
                    let out = runSimple(words, stdin: stdin)
                    result.stderr += out.stderr
                    result.exitCode = out.exitCode
                    if index == item.pipeline.count - 1 { result.stdout = out.stdout } else { stdin = out.stdout }
                }
            }
            lastExitCode = result.exitCode
            total.append(result)
        }
        total.exitCode = lastExitCode
        total.stderr = NotSimulated.localize(total.stderr, language: language)
        return total
    }

    /// Runs one command with its words already expanded.
    mutating func runSimple(_ words: [String], stdin: String?) -> CommandOutput {
        guard let program = words.first else { return CommandOutput() }
        let args = Array(words.dropFirst())
        if case .container(let id) = site {
            return ContainerProcess.run(argv: words, in: id, engine: &engine, stdin: stdin ?? "")
        }
        if program == "docker" { return DockerCommand.run(args, engine: &engine, stdin: stdin) }
        guard let tool = ProgramRegistry.find(program), tool.onHost else { return NotSimulated.program(program) }
        var ctx = ProgramContext(engine: engine, site: .host, stdin: stdin ?? "", language: language,
                                 invokedAs: String(program.split(separator: "/").last ?? ""))
        let out = tool.run(args, &ctx)
        engine = ctx.engine
        return out
    }
}

/// Holds the world while `$(…)` substitutions run, and lets go of it before the
/// command itself runs, so that no copy of the engine is made on the common path.
private final class SubstitutionBox {
    var sim: Simulator?
    var used = false

    init(_ sim: Simulator) { self.sim = sim }

    func run(_ line: String) -> String {
        guard var s = sim else { return "" }
        let out = s.run(line: line).stdout
        sim = s
        used = true
        return out
    }
}
