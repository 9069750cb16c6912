import CNMSim

/// `nginx` inside an nginx container: `-t` / `-T` test the configuration (`-c FILE` names another),
/// `-s reload` makes the running master read it again, `-v` prints the version. The test and the
/// signal both read the file first, as nginx does, so a broken file stops `nginx -s reload` before
/// any signal is sent: the running configuration stays.
///
/// Source: nginx release-1.27.5 `src/core/nginx.c` (`ngx_get_options`: `invalid option`,
/// `option "-s" requires parameter`; `main`: `the configuration file %s syntax is ok`,
/// `configuration file %s test is successful`, `configuration file %s test failed`, the `-T` dump),
/// `src/core/ngx_cycle.c` (`ngx_signal_process`: `signal process started`, the pid file).
enum NginxProgram: SimulatedProgram {
    static let names = ["nginx"]
    static var onHost: Bool { false }
    static func mayChangeState(_ args: [String]) -> Bool { args.contains("-s") }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard let c = ctx.container else { return NotSimulated.feature("nginx on the host") }
        var test = false, dump = false, quiet = false, version = false
        var signal: String? = nil
        var confPath: String? = nil
        var k = 0
        while k < args.count {
            let a = args[k]
            guard a.hasPrefix("-"), a.count > 1 else { return .fail("nginx: invalid option: \"\(a)\"\n") }
            var chars = Array(a.dropFirst())[...]
            while let f = chars.popFirst() {
                switch f {
                case "t": test = true
                case "T": test = true; dump = true
                case "q": quiet = true
                case "v": version = true
                case "c", "s", "p", "g", "e":
                    var value = String(chars)
                    chars = []
                    if value.isEmpty {
                        k += 1
                        guard k < args.count else {
                            let what: [Character: String] = ["c": "file name", "e": "file name", "p": "directory name"]
                            return .fail("nginx: option \"-\(f)\" requires \(what[f] ?? "parameter")\n")
                        }
                        value = args[k]
                    }
                    if f == "c" { confPath = value }
                    if f == "s" {
                        guard ["stop", "quit", "reopen", "reload"].contains(value) else { return .fail("nginx: invalid option: \"-s \(value)\"\n") }
                        signal = value
                    }
                    if f == "p" || f == "g" || f == "e" { return NotSimulated.feature("nginx -\(f)") }
                case "V", "h", "?": return NotSimulated.feature("nginx -\(f)")
                default: return .fail("nginx: invalid option: \"\(f)\"\n")
                }
            }
            k += 1
        }
        if version && !test && signal == nil { return .fail("nginx version: nginx/\(NginxStartupLog.version)\n", code: 0) }
        let path = confPath.flatMap { ctx.resolve($0) } ?? Engine.proxyConfigPath(of: c, software: .nginx)
        guard test || signal != nil else { return NotSimulated.feature("starting a second nginx inside the container") }
        if let s = signal, s != "reload" { return NotSimulated.feature("nginx -s \(s)") }

        let generation = ctx.engine.containers[c.id].map { Engine.proxyGeneration($0, software: .nginx) } ?? 0
        let pid = ProxyMessages.nginxPIDs(generation: generation, cpus: ctx.engine.host.cpus,
                                          alpine: c.image.tag.contains("alpine")).signaller
        let now = ctx.engine.clock
        guard let view = ctx.engine.files(at: .container(c.id)) else { return .fail("") }
        var world = ctx.engine
        var parser = NginxConfigParser(files: view) { NameResolution.resolve(name: $0, from: c.id, engine: &world) }
        let result = parser.parse(path: path)
        // `[warn]` lines (`load balancing method redefined`) come as nginx reads the files, before an
        // `[emerg]` or the test's verdict, `-q` or not; a signal (`-s reload`) prints them too.
        let warned = ProxyMessages.nginxWarnings(parser.warnings, pid: pid, at: now, alsoStderr: true)
            .map { $0 + "\n" }.joined()
        if case .failure(let e) = result {
            var err = warned + ProxyMessages.nginxRefused(e, pid: pid, at: now).joined(separator: "\n") + "\n"
            if test { err += "nginx: configuration file \(path) test failed\n" }
            return .fail(err)
        }
        if test {
            var out = CommandOutput()
            out.stderr = warned
            if !quiet {
                out.stderr += "nginx: the configuration file \(path) syntax is ok\nnginx: configuration file \(path) test is successful\n"
            }
            if dump {
                for f in parser.filesRead { out.stdout += "# configuration file \(f.path):\n\(f.text)\n" }
            }
            return out
        }
        // -s reload: the pid file names the master only when nginx is the container's main process.
        guard Engine.proxySoftware(of: c) == .nginx else {
            let text = "open() \"/run/nginx.pid\" failed (2: No such file or directory)"
            return .fail("\(NginxStartupLog.errorLogTime(now)) [error] \(pid)#\(pid): \(text)\nnginx: [error] \(text)\n")
        }
        ctx.engine.reloadProxy(c.id, sender: pid)
        return CommandOutput(stderr: warned + ProxyMessages.nginxNotice("signal process started", pid: pid, at: now) + "\n")
    }
}
