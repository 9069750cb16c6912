import CNMSim

/// Runs a program inside a container's sandbox: the part of `docker exec` and
/// foreground `docker run` that depends on the image's tools.
enum ContainerProcess {
    /// Runs `argv` in the running container `id`.
    static func run(argv: [String], in id: String, engine: inout Engine) -> CommandOutput {
        guard let program = argv.first, let c = engine.containers[id] else { return CommandOutput(exitCode: 1) }
        let base = program.split(separator: "/").last.map(String.init) ?? program
        if !c.image.tools.contains(base) && !c.image.tools.contains(program) {
            return CommandOutput(stdout: "OCI runtime exec failed: exec failed: unable to start container process: exec: \(GoQuoteLite.quote(program)): executable file not found in $PATH: unknown\r\n", exitCode: 127)
        }
        let args = Array(argv.dropFirst())
        switch base {
        case "echo":
            var words = args
            var newline = true
            if words.first == "-n" { newline = false; words.removeFirst() }
            return .ok(words.joined(separator: " ") + (newline ? "\n" : ""))
        case "true": return .ok()
        case "false": return CommandOutput(exitCode: 1)
        case "hostname" where args.isEmpty: return .ok(c.hostname + "\n")
        case "cat" where args == ["/etc/hostname"]: return .ok(c.hostname + "\n")
        case "sleep":
            if let first = args.first, let n = Int64(first) { engine.advance(seconds: n) }
            return .ok()
        default:
            return NotSimulated.feature("'\(base)' inside a container")
        }
    }
}
