import CNMSim

/// `curl [-s] [-S] [-v] [-I] [-i] [-m S] [-o FILE] [-w FMT] URL`: Debian 12's curl 7.88.1 on the host
/// and in the Debian-based images (its `-v` trace and progress meter: `CurlTrace`); answers come
/// from the simulated services. The Alpine-based images carry a curl 8 whose version the catalogue
/// does not pin: their `-v` trace and meter answer "not simulated".
///
/// Why it stays unpinned: the only Alpine image of the catalogue with curl is `nginx:alpine`
/// (nginx 1.27.5). Its Dockerfile (nginxinc/docker-nginx mainline/alpine/Dockerfile, `FROM
/// nginx:1.27.5-alpine-slim`, itself `FROM alpine:3.21`) runs `apk add --no-cache curl ca-certificates`,
/// so the curl is whatever Alpine 3.21's `main/curl` package was on the day the image was (re)built:
/// 3.21 moved from 8.11.1-r0 through 8.12.x while nginx 1.27.5 was current (nginx/docker-nginx-unprivileged
/// issue #278), and no stored source records the package of the image's last build. The trace prints
/// the version (`User-Agent: curl/8.x.y`) and its texts changed between 8.x releases, so any choice
/// would be invented output.
enum CurlProgram: SimulatedProgram {
    static let names = ["curl"]
    static let takesDestination = true

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let alpine = ctx.container.map { $0.image.tools.contains("apk") } ?? false
        return curl(args, &ctx, site: Connectivity.site(ctx), pinned: !alpine)
    }

    /// `pinned`: curl 7.88.1, whose trace and meter are simulated; otherwise a curl 8 whose are not.
    /// Error texts are the same in both (`Couldn't connect to server` since 7.87).
    static func curl(_ args: [String], _ ctx: inout ProgramContext, site: NetSite, pinned: Bool = true) -> CommandOutput {
        var silent = false, showErrors = false, head = false, include = false, verbose = false, insecure = false
        var extraHeaders: [(String, String)] = []
        var cookie: String?
        var maxTime: Int?
        var outputFile: String?
        var writeOut: String?
        var url: String?
        var words: [String] = []
        for a in args {
            // Clustered short flags (`-sSI`, `-sv`).
            if a.count > 2, a.hasPrefix("-"), !a.hasPrefix("--"), a.dropFirst().allSatisfy({ "sSIivk".contains($0) }) {
                words += a.dropFirst().map { "-\($0)" }
            } else {
                words.append(a)
            }
        }
        let args = words
        var i = 0
        while i < args.count {
            let a = args[i]
            switch a {
            case "-s", "--silent": silent = true
            case "-S", "--show-error": showErrors = true
            case "-v", "--verbose": verbose = true
            case "-I", "--head": head = true
            case "-i", "--include": include = true
            case "-k", "--insecure": insecure = true
            case "-H", "--header", "-b", "--cookie", "-c", "--cookie-jar":
                guard i + 1 < args.count else {
                    return .fail("curl: option \(a): requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", code: 2)
                }
                let v = args[i + 1]
                i += 1
                if a == "-c" || a == "--cookie-jar" { return NotSimulated.feature("curl's cookie jar (-c FILE)") }
                if a == "-b" || a == "--cookie" {
                    // A value without `=` names a cookie file.
                    guard v.contains("=") else { return NotSimulated.feature("curl -b FILE (cookie files)") }
                    cookie = cookie.map { "\($0); \(v)" } ?? v
                } else {
                    guard let colon = v.firstIndex(of: ":") else { break }
                    let name = String(v[..<colon])
                    let value = v[v.index(after: colon)...].trimmingSpaces
                    extraHeaders.append((name, value))
                }
            case "-o", "--output", "-w", "--write-out":
                guard i + 1 < args.count else {
                    return .fail("curl: option \(a): requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", code: 2)
                }
                if a == "-o" || a == "--output" { outputFile = args[i + 1] } else { writeOut = args[i + 1] }
                i += 1
            case "-m", "--max-time", "--connect-timeout":
                guard i + 1 < args.count, let v = Int(args[i + 1]), v > 0 else { return .fail("curl: option \(a): expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", code: 2) }
                maxTime = v
                i += 1
            default:
                if a.hasPrefix("-") { return NotSimulated.feature("curl option \(a)") }
                url = a
            }
            i += 1
        }
        guard let url else { return .fail("curl: try 'curl --help' or 'curl --manual' for more information\n", code: 2) }
        let toFile = outputFile.map { $0 != "-" } ?? false
        let meter = !silent && (toFile || !OutputTerminal.isTerminal)
        if !pinned && (verbose || meter) {
            return NotSimulated.feature(verbose ? "curl -v in this image (its curl 8 version is not pinned)"
                                                : "curl's progress meter in this image (its curl 8 version is not pinned; use -s)")
        }
        var trace = CurlTrace(verbose: verbose, meter: meter, stdoutIsTerminal: OutputTerminal.isTerminal && !toFile)
        func fail(_ code: Int32, _ message: String) -> CommandOutput {
            // `-w` is written after a failed transfer too (curl-7_88_1 src/tool_operate.c post_per_transfer).
            var shown = ""
            if let w = writeOut {
                guard let text = CurlWriteOut.renderFailed(w, exitCode: code, url: SimulatedHTTP.effectiveURL(url)) else {
                    return NotSimulated.feature("curl -w with %{remote_ip}, %{remote_port}, %{method} or %{num_connects} after a failed transfer")
                }
                shown = text
            }
            return CommandOutput(stdout: shown, stderr: trace.text + ((!silent || showErrors) ? "curl: (\(code)) \(message)\n" : ""), exitCode: code)
        }
        guard let u = SimulatedHTTP.parseURL(url) else { return fail(3, "URL rejected: Bad hostname") }
        // curl resolves `localhost` to ::1 as well and tries it first; IPv6 is not simulated.
        if (verbose || meter) && u.host == "localhost" { return NotSimulated.feature("curl -v or its progress meter to localhost (curl tries ::1 first)") }
        if let w = writeOut, let bad = CurlWriteOut.unsupported(w) { return NotSimulated.feature("curl -w variable %{\(bad)}") }
        let start = ctx.engine.clock
        trace.begin()
        guard let ip = Connectivity.resolve(u.host, &ctx, from: site) else {
            // A failed resolve ends before the meter's last line (curl-7_88_1 lib/multi.c).
            trace.info("Could not resolve host: \(u.host)")
            trace.info("Closing connection 0")
            return fail(6, "Could not resolve host: \(u.host)")
        }
        trace.info("  Trying \(ip):\(u.port)...")
        let connectFail = "Couldn't connect to server"
        /// A failed connection: the kernel's reason, curl's failf, the meter's last line, the close.
        func connectFailed(_ errno: String?, _ code: Int32, _ message: String, waited: Int64) -> CommandOutput {
            trace.wait(from: start, seconds: waited)
            if let errno { trace.info("connect to \(ip) port \(u.port) failed: \(errno)") }
            trace.info(message)
            trace.done(total: 0, downloaded: 0, sizeKnown: false, spentMicros: waited * 1_000_000)
            trace.info("Closing connection 0")
            return fail(code, message)
        }
        switch TCPOutcome.attempt(&ctx, ip: ip, port: u.port, from: site, connectTimeout: maxTime) {
        case .refused:
            return connectFailed("Connection refused", 7, "Failed to connect to \(u.host) port \(u.port) after 0 ms: \(connectFail)", waited: 0)
        case .unreachable:
            return connectFailed("Network is unreachable", 7, "Failed to connect to \(u.host) port \(u.port) after 0 ms: \(connectFail)", waited: 0)
        case .noRouteToHost:
            // ARP gives up after about 3 s; a shorter --max-time fires first.
            if let maxTime, maxTime < 3 {
                ctx.engine.advance(seconds: Int64(maxTime))
                return connectFailed(nil, 28, "Connection timed out after \(maxTime * 1000 + 1) milliseconds", waited: Int64(maxTime))
            }
            ctx.engine.advance(seconds: 3)
            return connectFailed("No route to host", 7, "Failed to connect to \(u.host) port \(u.port) after 3071 ms: \(connectFail)", waited: 3)
        case .timedOut:
            if let maxTime {
                ctx.engine.advance(seconds: Int64(maxTime))
                return connectFailed(nil, 28, "Connection timed out after \(maxTime * 1000 + 1) milliseconds", waited: Int64(maxTime))
            }
            ctx.engine.advance(seconds: 134)
            return connectFailed("Connection timed out", 28, "Failed to connect to \(u.host) port \(u.port) after 134318 ms: \(connectFail)", waited: 134)
        case .reset:
            trace.info("Connected to \(u.host) (\(ip)) port \(u.port) (#0)")
            trace.request(method: head ? "HEAD" : "GET", path: u.path, hostHeader: hostHeader(u))
            return connectFailed(nil, 56, "Recv failure: Connection reset by peer", waited: 0)
        case .outside:
            return NotSimulated.feature("a web server outside the Docker host")
        case .connected(let r, let container, let service):
            let tlsFrontend = container.flatMap { ProxyForwarding.frontend($0, port: service.port) }.map { $0.tls != nil } ?? false
            if u.scheme == "https" {
                // TLS to a plain-HTTP port fails in the TLS library, whose text is not simulated.
                guard tlsFrontend else { return NotSimulated.feature("HTTPS (TLS) in curl to a port without TLS") }
                if verbose || meter { return NotSimulated.feature("curl's -v trace and progress meter over TLS (use -s)") }
                if !insecure {
                    // The proxy's certificate is self-signed (curl 7.88.1 src/tool_operate.c, CURL_CA_CERT_ERRORMSG).
                    let text = "curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\n"
                        + "curl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n"
                    return CommandOutput(stderr: (!silent || showErrors) ? text : "", exitCode: 60)
                }
            }
            trace.info("Connected to \(u.host) (\(ip)) port \(u.port) (#0)")
            trace.request(method: head ? "HEAD" : "GET", path: u.path, hostHeader: hostHeader(u))
            guard service.kind == .http, let c = container else {
                return connectFailed(nil, 52, "Empty reply from server", waited: 0)
            }
            if let refusal = ProxyForwarding.fromAnotherMachine(c, port: service.port, engine: ctx.engine) { return refusal }
            var headers: [(String, String)] = [("User-Agent", CurlTrace.userAgent), ("Accept", "*/*")]
            if let cookie { headers.append(("Cookie", cookie)) }
            for (k, v) in extraHeaders {
                if let i = headers.firstIndex(where: { $0.0.lowercased() == k.lowercased() }), k.lowercased() != "cookie" { headers[i].1 = v } else { headers.append((k, v)) }
            }
            var hostValue = hostHeader(u)
            if let i = headers.firstIndex(where: { $0.0.lowercased() == "host" }) { hostValue = headers[i].1; headers.remove(at: i) }
            let facts = HTTPRequestFacts(method: head ? "HEAD" : "GET", path: u.path, host: hostValue, headers: headers,
                                         client: AccessLog.clientAddress(r, ctx.engine, site: site), clientPort: 0)
            guard let served = ProxyForwarding.serve(&ctx, server: c, port: service.port, request: facts, tls: u.scheme == "https") else {
                return connectFailed(nil, 52, "Empty reply from server", waited: 0)
            }
            let resp = served.response
            AccessLog.record(&ctx, result: r, server: c, request: "\(head ? "HEAD" : "GET") \(u.path) HTTP/1.1", status: resp.status,
                             bodyBytes: head ? 0 : resp.body.utf8.count, userAgent: CurlTrace.userAgent, site: site)
            let headerText = "HTTP/1.1 \(resp.status)\r\n" + resp.headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "\r\n"
            let bodyBytes = resp.body.utf8.count
            Connectivity.countHTTP(&ctx, r, request: HTTPRequestText.curl(u, userAgent: CurlTrace.userAgent, head: head),
                                   response: headerText.utf8.count + (head ? 0 : bodyBytes))
            trace.response(headerText)
            if !head { trace.bodyData(bodyBytes) }
            // Four round trips (handshake, request and answer, close) and curl's own work: the simulated transfer time.
            // (Drawn only when the meter shows it, so the seeded stream is not moved otherwise.)
            let micros = meter ? Int64((Connectivity.rtt(&ctx, hops: r.hops, outside: false) * 4 + 0.6) * 1000) : 0
            trace.done(total: bodyBytes, downloaded: head ? 0 : bodyBytes, sizeKnown: true, spentMicros: micros)
            trace.info("Connection #0 to host \(u.host) left intact")
            var shown = head ? headerText : (include ? headerText : "") + resp.body
            // `-o FILE` keeps the body out of the terminal (files are not kept by the simulation).
            if toFile { shown = head ? headerText : (include ? headerText : "") }
            if let w = writeOut {
                let contentType = resp.headers.first { $0.0 == "Content-Type" }?.1 ?? ""
                shown += CurlWriteOut.render(w, values: [
                    "http_code": String(resp.status.prefix(3)), "response_code": String(resp.status.prefix(3)),
                    "remote_ip": ip.description, "remote_port": String(u.port),
                    "size_download": String(head ? 0 : bodyBytes), "content_type": contentType,
                    "url_effective": SimulatedHTTP.effectiveURL(url), "num_connects": "1", "exitcode": "0",
                    "method": head ? "HEAD" : "GET",
                ])
            }
            return CommandOutput(stdout: shown, stderr: trace.text)
        }
    }

    /// The `Host:` header: the URL's host, with the port when it is not the scheme's default.
    static func hostHeader(_ u: (scheme: String, host: String, port: Int, path: String)) -> String {
        u.port == (u.scheme == "https" ? 443 : 80) ? u.host : "\(u.host):\(u.port)"
    }
}

/// busybox 1.36.1 `wget [-q] [-O FILE|-] [-S] [-T SEC] URL` (networking/wget.c): `Connecting to`,
/// `writing to stdout` or `saving to 'FILE'`, the progress line as busybox prints it when stderr is
/// not a terminal (libbb/progress.c: name in 20 columns, percentage, a 32-star bar for the default
/// 80 columns, the size, the ETA), then `written to stdout` or `'FILE' saved` — all on stderr, none
/// with `-q`. `-S` prints the response's status line and headers, each indented by two spaces.
/// Files are not kept: a saved file cannot be read back.
enum WgetProgram: SimulatedProgram {
    static let names = ["wget"]
    /// The host has GNU wget, whose output is not simulated.
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var quiet = false, serverResponse = false
        var output: String?
        var timeout: Int?
        var url: String?
        var i = 0
        while i < args.count {
            let a = args[i]
            guard a.hasPrefix("-"), a.count > 1 else {
                if url != nil { return NotSimulated.feature("wget with several URLs") }
                url = a
                i += 1
                continue
            }
            if a == "--quiet" { quiet = true; i += 1; continue }
            if a == "--server-response" { serverResponse = true; i += 1; continue }
            if a.hasPrefix("--output-document=") { output = String(a.dropFirst("--output-document=".count)); i += 1; continue }
            if a.hasPrefix("--") { return NotSimulated.feature("wget option \(a)") }
            var chars = Array(a.dropFirst())
            while !chars.isEmpty {
                let f = chars.removeFirst()
                switch f {
                case "q": quiet = true
                case "S": serverResponse = true
                case "O", "T":
                    var value = String(chars)
                    chars = []
                    if value.isEmpty {
                        guard i + 1 < args.count else { return NotSimulated.feature("busybox wget's usage text") }
                        i += 1
                        value = args[i]
                    }
                    if f == "O" { output = value } else {
                        guard let v = Int(value) else { return .fail("wget: invalid number '\(value)'\n") }
                        timeout = v
                    }
                default:
                    return NotSimulated.feature("wget option -\(f)")
                }
            }
            i += 1
        }
        guard let url else { return NotSimulated.feature("busybox wget's usage text") }
        guard let u = SimulatedHTTP.parseURL(url) else { return .fail("wget: bad address '\(url)'\n") }
        if u.scheme == "https" { return NotSimulated.feature("HTTPS (TLS) in wget") }
        guard let ip = Connectivity.resolve(u.host, &ctx) else { return .fail("wget: bad address '\(u.host)'\n") }
        var out = CommandOutput()
        if !quiet { out.stderr += "Connecting to \(u.host) (\(ip):\(u.port))\n" }
        func fail(_ message: String) -> CommandOutput {
            out.stderr += message
            out.exitCode = 1
            return out
        }
        switch TCPOutcome.attempt(&ctx, ip: ip, port: u.port, connectTimeout: timeout) {
        case .refused: return fail("wget: can't connect to remote host (\(ip)): Connection refused\n")
        case .unreachable: return fail("wget: can't connect to remote host (\(ip)): Network is unreachable\n")
        case .noRouteToHost:
            ctx.engine.advance(seconds: 3)
            return fail("wget: can't connect to remote host (\(ip)): Host is unreachable\n")
        case .timedOut:
            ctx.engine.advance(seconds: Int64(timeout ?? 900))
            return fail("wget: download timed out\n")
        case .reset: return fail("wget: error getting response: Connection reset by peer\n")
        case .outside: return NotSimulated.feature("a web server outside the Docker host")
        case .connected(let r, let container, let service):
            guard service.kind == .http, let c = container else { return fail("wget: error getting response\n") }
            if let refusal = ProxyForwarding.fromAnotherMachine(c, port: service.port, engine: ctx.engine) { return refusal }
            let facts = HTTPRequestFacts(method: "GET", path: u.path, host: HTTPRequestText.host(u),
                                         headers: [("User-Agent", "Wget"), ("Connection", "close")],
                                         client: AccessLog.clientAddress(r, ctx.engine, site: Connectivity.site(ctx)), clientPort: 0)
            guard let resp = ProxyForwarding.serve(&ctx, server: c, port: service.port, request: facts, tls: false)?.response else {
                return fail("wget: error getting response\n")
            }
            let headerText = "HTTP/1.1 \(resp.status)\r\n" + resp.headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "\r\n"
            Connectivity.countHTTP(&ctx, r, request: HTTPRequestText.busyboxWget(u), response: headerText.utf8.count + resp.body.utf8.count)
            AccessLog.record(&ctx, result: r, server: c, request: "GET \(u.path) HTTP/1.1", status: resp.status,
                             bodyBytes: resp.body.utf8.count, userAgent: "Wget", site: Connectivity.site(ctx))
            if serverResponse {
                // busybox sends `Connection: close`, which nginx echoes.
                out.stderr += "  HTTP/1.1 \(resp.status)\n"
                for (k, v) in resp.headers { out.stderr += "  \(k): \(k == "Connection" ? "close" : v)\n" }
                out.stderr += "  \n"
            }
            if !resp.status.hasPrefix("200") { return fail("wget: server returned error: HTTP/1.1 \(resp.status)\n") }
            let toStdout = output == "-"
            let file = output ?? defaultFileName(u.path)
            let shown = String(file.split(separator: "/").last ?? "")
            if !quiet {
                out.stderr += toStdout ? "writing to stdout\n" : "saving to '\(file)'\n"
                out.stderr += progressLine(name: toStdout ? "-" : shown, size: resp.body.utf8.count)
                out.stderr += toStdout ? "written to stdout\n" : "'\(file)' saved\n"
            }
            if toStdout { out.stdout += resp.body }
            return out
        }
    }

    /// The file name busybox guesses from the URL's path (`index.html` for `/`).
    static func defaultFileName(_ path: String) -> String {
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        let last = bare.hasSuffix("/") ? "" : String(bare.split(separator: "/").last ?? "")
        return last.isEmpty ? "index.html" : last
    }

    /// The last progress update of a finished transfer when stderr is not a terminal.
    static func progressLine(name: String, size: Int) -> String {
        let padded = name.count >= 20 ? String(name.prefix(20)) : name + String(repeating: " ", count: 20 - name.count)
        return padded + " 100% |" + String(repeating: "*", count: 32) + "| " + sizeText(size) + "  0:00:00 ETA\n"
    }

    /// busybox `smart_ulltoa5`: five columns, with a k/M/G suffix past 99999.
    static func sizeText(_ n: Int) -> String {
        if n <= 99_999 { let s = String(n); return String(repeating: " ", count: max(0, 5 - s.count)) + s }
        var v = n
        var unit = 0
        let units = Array(" kMGTPEZY")
        while v > 9999 && unit < units.count - 1 { v /= 1024; unit += 1 }
        let s = String(v) + String(units[unit])
        return String(repeating: " ", count: max(0, 5 - s.count)) + s
    }
}

/// `nc -zv HOST PORT` (busybox): whether a TCP port accepts connections.
enum NcProgram: SimulatedProgram {
    static let names = ["nc"]
    /// The host has OpenBSD nc, whose output is not simulated.
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var scan = false, verbose = false
        var rest: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("-"), a.count > 1 {
                for f in a.dropFirst() {
                    switch f {
                    case "z": scan = true
                    case "v": verbose = true
                    default: return NotSimulated.feature("nc option -\(f)")
                    }
                }
            } else {
                rest.append(a)
            }
            i += 1
        }
        guard scan, rest.count == 2, let port = Int(rest[1]), port > 0, port <= 65535 else {
            return NotSimulated.feature("nc without -z HOST PORT")
        }
        let host = rest[0]
        guard let ip = Connectivity.resolve(host, &ctx) else { return .fail("nc: bad address '\(host)'\n") }
        let label = "\(host) (\(ip):\(port))"
        switch TCPOutcome.attempt(&ctx, ip: ip, port: port) {
        case .connected, .reset: return CommandOutput(stderr: verbose ? "\(label) open\n" : "")
        case .refused: return .fail("nc: \(label): Connection refused\n")
        case .unreachable: return .fail("nc: \(label): Network is unreachable\n")
        case .noRouteToHost: return .fail("nc: \(label): Host is unreachable\n")
        case .timedOut:
            ctx.engine.advance(seconds: 134)
            return .fail("nc: \(label): Connection timed out\n")
        case .outside: return NotSimulated.feature("services outside the Docker host")
        }
    }
}

/// `redis-cli -h HOST [-p PORT] ping`.
enum RedisCliProgram: SimulatedProgram {
    static let names = ["redis-cli"]
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var host = "127.0.0.1", port = 6379
        var command: [String] = []
        var i = 0
        while i < args.count {
            if args[i] == "-h", i + 1 < args.count { host = args[i + 1]; i += 2; continue }
            if args[i] == "-p", i + 1 < args.count, let p = Int(args[i + 1]) { port = p; i += 2; continue }
            command.append(args[i])
            i += 1
        }
        guard command.map({ $0.lowercased() }) == ["ping"] else { return NotSimulated.feature("redis-cli other than PING") }
        guard let ip = Connectivity.resolve(host, &ctx) else {
            return .fail("Could not connect to Redis at \(host):\(port): Name or service not known\n")
        }
        var outcome = TCPOutcome.attempt(&ctx, ip: ip, port: port)
        // Through a TCP-mode proxy the connection reaches whichever server the proxy picked.
        if let forwarded = ProxyForwarding.tcpForward(&ctx, outcome, site: Connectivity.site(ctx)) { outcome = forwarded }
        switch outcome {
        case .connected(_, _, let s) where s.kind == .redis: return .ok("PONG\n")
        case .connected, .reset: return .fail("Error: Server closed the connection\n")
        case .refused: return .fail("Could not connect to Redis at \(host):\(port): Connection refused\n")
        case .unreachable: return .fail("Could not connect to Redis at \(host):\(port): Network is unreachable\n")
        case .noRouteToHost: return .fail("Could not connect to Redis at \(host):\(port): No route to host\n")
        case .timedOut:
            ctx.engine.advance(seconds: 134)
            return .fail("Could not connect to Redis at \(host):\(port): Connection timed out\n")
        case .outside: return NotSimulated.feature("services outside the Docker host")
        }
    }
}

/// `mysql -h HOST [-P PORT] [-u USER]` (the mysql image's client): the
/// connection attempt only — reaching a server ends at its password check,
/// since no password is ever given on this simulated command line.
enum MysqlProgram: SimulatedProgram {
    static let names = ["mysql"]
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var host = "localhost", port = 3306, user = "root"
        var i = 0
        while i < args.count {
            let a = args[i]
            if (a == "-h" || a == "-P" || a == "-u"), i + 1 < args.count {
                if a == "-h" { host = args[i + 1] } else if a == "-u" { user = args[i + 1] } else if let p = Int(args[i + 1]) { port = p }
                i += 2
                continue
            }
            if a.hasPrefix("-h"), a.count > 2 { host = String(a.dropFirst(2)); i += 1; continue }
            if a.hasPrefix("-u"), a.count > 2 { user = String(a.dropFirst(2)); i += 1; continue }
            return NotSimulated.feature("mysql option \(a)")
        }
        if host == "localhost" { return NotSimulated.feature("mysql over the local socket") }
        guard let ip = Connectivity.resolve(host, &ctx) else {
            return .fail("ERROR 2005 (HY000): Unknown MySQL server host '\(host)' (-2)\n")
        }
        switch TCPOutcome.attempt(&ctx, ip: ip, port: port) {
        case .connected(_, _, let s) where s.kind == .mysql:
            var client = ctx.engine.host.address.description
            if let c = ctx.container, let ep = ctx.engine.endpoints(ofContainer: c).first(where: { $0.ipv4 != nil }), let a = ep.ipv4 { client = a.description }
            return .fail("ERROR 1045 (28000): Access denied for user '\(user)'@'\(client)' (using password: NO)\n")
        case .connected, .reset: return .fail("ERROR 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', system error: 0\n")
        case .refused: return .fail("ERROR 2003 (HY000): Can't connect to MySQL server on '\(host):\(port)' (111)\n")
        case .unreachable: return .fail("ERROR 2003 (HY000): Can't connect to MySQL server on '\(host):\(port)' (101)\n")
        case .noRouteToHost: return .fail("ERROR 2003 (HY000): Can't connect to MySQL server on '\(host):\(port)' (113)\n")
        case .timedOut:
            ctx.engine.advance(seconds: 134)
            return .fail("ERROR 2003 (HY000): Can't connect to MySQL server on '\(host):\(port)' (110)\n")
        case .outside: return NotSimulated.feature("services outside the Docker host")
        }
    }
}
