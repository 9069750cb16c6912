import CNMSim

/// A simulated machine a learner types into: parses each line like a shell
/// (quotes, `;`, `&&`, `||`, pipes, `$(…)`) and runs its commands against the engine.
public struct Simulator: Sendable {
    public var engine: Engine
    public private(set) var lastExitCode: Int32 = 0
    /// Seconds of simulated time that pass with each command line typed.
    public var secondsPerLine: Int64 = 2

    public init(seed: UInt64 = 0) {
        engine = Engine(seed: seed)
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
                var sim = self
                let expanded = command.expand(environment: [:], lastExitCode: lastExitCode) { inner in
                    sim.run(line: inner).stdout
                }
                engine = sim.engine
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
        return total
    }

    /// Runs one command with its words already expanded.
    mutating func runSimple(_ words: [String], stdin: String?) -> CommandOutput {
        guard let program = words.first else { return CommandOutput() }
        let args = Array(words.dropFirst())
        switch program {
        case "docker": return DockerCommand.run(args, engine: &engine, stdin: stdin)
        case "echo": return .ok(args.joined(separator: " ") + "\n")
        case "true", ":": return .ok()
        case "false": return CommandOutput(exitCode: 1)
        case "sleep":
            guard let n = args.first.flatMap({ Int64($0) }), n >= 0 else {
                return .fail("sleep: invalid time interval '\(args.first ?? "")'\n")
            }
            engine.advance(seconds: min(n, 100 * 365 * 86_400))
            return .ok()
        case "grep": return GrepCommand.run(args, stdin: stdin ?? "")
        case "head": return HeadCommand.run(args, stdin: stdin ?? "")
        case "wc": return WcCommand.run(args, stdin: stdin ?? "")
        case "hostname" where args.isEmpty: return .ok(engine.host.hostname + "\n")
        default: return NotSimulated.program(program)
        }
    }
}
