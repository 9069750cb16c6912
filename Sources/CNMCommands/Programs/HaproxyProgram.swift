import CNMSim

/// `haproxy -c -f FILE` inside a haproxy container: checks a configuration as HAProxy 3.0 does. An
/// error prints the alerts on stderr (exit 1); a valid file prints nothing (exit 0) unless `-V` asks
/// for `Configuration file is valid`; a valid file without any listener says it will not start (exit 2).
///
/// A valid file with warnings (`missing timeouts for frontend 'fe'.`) prints them on stderr after the
/// version notices, and `Warnings were found.` on stdout (exit 0).
///
/// Source: haproxy v3.0.0 `src/haproxy.c` (`init_args`: `-c`, `-f`, `-V`, `-q`; the `MODE_CHECK`
/// end of `init`: `Configuration file is valid` only in verbose mode since 3.0, `Configuration file
/// has no error but will not start (no listener) => exit(2).`).
enum HaproxyProgram: SimulatedProgram {
    static let names = ["haproxy"]
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard let c = ctx.container else { return NotSimulated.feature("haproxy on the host") }
        var check = false, verbose = false, quiet = false
        var paths: [String] = []
        var k = 0
        while k < args.count {
            switch args[k] {
            case "-c": check = true
            case "-V": verbose = true
            case "-q": quiet = true
            case "-f":
                k += 1
                guard k < args.count else { return NotSimulated.feature("haproxy's usage text") }
                paths.append(args[k])
            case "-W", "-db", "-Ws": break
            default: return NotSimulated.feature("haproxy \(args[k])")
            }
            k += 1
        }
        guard check else { return NotSimulated.feature("starting a second haproxy inside the container") }
        guard paths.count <= 1 else { return NotSimulated.feature("haproxy with several -f files") }
        guard let given = paths.first, let path = ctx.resolve(given) else { return NotSimulated.feature("haproxy's usage text") }
        guard let view = ctx.engine.files(at: .container(c.id)) else { return .fail("") }
        let generation = ctx.engine.containers[c.id].map { Engine.proxyGeneration($0, software: .haproxy) } ?? 0
        let pid = 20 + generation
        var world = ctx.engine
        var parser = HaproxyConfigParser(files: view) { NameResolution.resolve(name: $0, from: c.id, engine: &world) }
        let result = parser.parse(path: path)
        // `-q` silences the messages and the verdicts unless `-V` (`print_message`, `qfprintf`).
        let loud = !quiet || verbose
        let warnings = loud ? ProxyMessages.haproxyWarnings(parser.warnings, pid: pid).map { $0 + "\n" }.joined() : ""
        switch result {
        case .failure(let e):
            return .fail(ProxyMessages.haproxyRefused(e, pid: pid, after: parser.warnings).joined(separator: "\n") + "\n")
        case .success(let config):
            var out = CommandOutput(stderr: warnings)
            if !parser.warnings.isEmpty && !quiet { out.stdout += "Warnings were found.\n" }
            if config.frontends.isEmpty {
                if !quiet { out.stdout += "Configuration file has no error but will not start (no listener) => exit(2).\n" }
                out.exitCode = 2
                return out
            }
            if verbose && !quiet { out.stdout += "Configuration file is valid\n" }
            return out
        }
    }
}
