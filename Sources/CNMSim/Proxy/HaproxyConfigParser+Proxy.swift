/// The lines of a `frontend`, `backend`, `listen` or `defaults` section: the keywords that decide
/// where requests go are read; the other known keywords are accepted; an unknown one is an alert.
///
/// Sources: haproxy v3.0.0 `src/cfgparse-listen.c` (`mode`: `unknown proxy mode`, `balance`, `option`:
/// `unknown option`, `cookie`, `default_backend`, `use_backend`, the unknown-keyword alert),
/// `src/backend.c` (`backend_parse_balance`), `src/server.c` (`parse_server`, `_srv_parse_kw`,
/// `display_parser_err`, which ends every message with one more `.`, `srv_parse_weight`),
/// `src/check.c` (`srv_parse_check_inter`, `srv_parse_check_rise`, `srv_parse_check_fall`),
/// `src/tools.c` (`str2sa_range`: port errors).
extension HaproxyConfigParser {
    mutating func proxyLine(_ words: [String], into p: inout HaproxyProxyDraft, file: String, line: Int, section: String) {
        let at = "parsing [\(file):\(line)]"
        let ctx = "config : [\(file):\(line)] : "
        let keyword = words[0]
        let a1 = words.count > 1 ? words[1] : ""
        switch keyword {
        case "mode":
            switch a1 {
            case "http": p.mode = .http
            case "tcp": p.mode = .tcp
            case "log": p.mode = .tcp
            default: alerts.append("config : \(at) : unknown proxy mode '\(a1)'.")
            }
        case "bind":
            if p.kind == .defaults { alerts.append("config : \(at) : 'bind' not allowed in 'defaults' section."); return }
            guard !a1.isEmpty else {
                alerts.append("config : \(at) : 'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments.")
                return
            }
            if let problem = Self.bindAddressProblem(a1) { alerts.append("config : \(at) : 'bind' : \(problem)"); return }
            guard p.isFrontend else { return }
            let (host, port) = Self.hostPort(a1)
            guard let port, (1...65535).contains(port) else { return }
            var bind = HaproxyProxyDraft.Bind(address: host.isEmpty || host == "*" || host == "0.0.0.0" ? nil : host, port: port)
            if let k = words.firstIndex(of: "crt"), k + 1 < words.count { bind.certificate = words[k + 1] }
            if !words.contains("ssl") { bind.certificate = nil }
            p.binds.append(bind)
        case "balance":
            guard let algorithm = Self.algorithm(Array(words.dropFirst())) else {
                alerts.append("config : \(at) : balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hash', 'hdr(name)', 'rdp-cookie(name)', 'log-hash' and 'sticky' options.")
                return
            }
            p.algorithm = algorithm
        case "server", "default-server":
            if keyword == "server" && p.kind == .defaults {
                alerts.append(ctx + "'server' not allowed in 'defaults' section.")
                return
            }
            server(words, into: &p, ctx: ctx, file: file, line: line)
        case "default_backend":
            p.defaultBackend = (a1, line)
        case "use_backend":
            if !a1.isEmpty && !a1.contains("%") { p.useBackends.append((a1, line)) }
        case "option":
            option(words, into: &p, at: at)
        case "no":
            if a1 == "option", words.count > 2, words[2] == "forwardfor" { p.forwardedFor = false }
        case "cookie":
            guard !a1.isEmpty else { return }
            let rest = Set(words.dropFirst(2))
            p.cookie = ProxyCookie(name: a1, insert: rest.contains("insert"), indirect: rest.contains("indirect"),
                                   nocache: rest.contains("nocache"))
        case "timeout":
            // Only whether it is non-zero matters here (`missing timeouts`): `0`, `0s`, `0ms` are zero.
            guard words.count >= 3 else { return }
            let digits = words[2].prefix(while: { $0.isNumber })
            if digits.contains(where: { $0 != "0" }) { p.timeouts.insert(a1) } else { p.timeouts.remove(a1) }
        default:
            if !HaproxyKeywords.proxy.contains(keyword) {
                alerts.append(unknown(keyword, at: at, section: section, among: HaproxyKeywords.proxy))
            }
        }
    }

    mutating func option(_ words: [String], into p: inout HaproxyProxyDraft, at: String) {
        let name = words.count > 1 ? words[1] : ""
        switch name {
        case "forwardfor": p.forwardedFor = true
        case "httpchk":
            let rest = words.dropFirst(2)
            p.httpCheck = rest.isEmpty ? "OPTIONS /" : rest.count == 1 ? "OPTIONS \(rest.first ?? "/")" : rest.prefix(2).joined(separator: " ")
        default:
            guard !HaproxyKeywords.options.contains(name) else { return }
            if let best = HaproxySuggestion.best(name, among: HaproxyKeywords.options) {
                alerts.append("config : \(at) : unknown option '\(name)'; did you mean '\(best)' maybe ?")
            } else {
                alerts.append("config : \(at) : unknown option '\(name)'.")
            }
        }
    }

    /// `server NAME ADDRESS[:PORT] [keyword [value]]…` and `default-server [keyword [value]]…`.
    mutating func server(_ words: [String], into p: inout HaproxyProxyDraft, ctx: String, file: String, line: Int) {
        let isDefault = words[0] == "default-server"
        var s = p.defaultServer ?? HaproxyProxyDraft.Server(name: "", host: "", port: 0, file: file, line: line)
        s.file = file; s.line = line
        var k = 1
        if !isDefault {
            guard words.count > 2 else {
                alerts.append(ctx + "'server' expects <name> and <addr>[:<port>] as arguments.")
                return
            }
            s.name = words[1]
            let address = words[2]
            let (host, port) = Self.hostPort(address)
            if let colon = address.lastIndex(of: ":") {
                let portText = String(address[address.index(after: colon)...])
                if let bad = portText.first(where: { !("0"..."9").contains($0) && $0 != "+" && $0 != "-" }) {
                    alerts.append(ctx + "invalid character '\(bad)' in port number '\(portText)' in '\(address)'")
                    return
                }
            }
            s.host = host; s.port = port ?? 0
            k = 3
        }
        while k < words.count {
            let kw = words[k]
            guard let takes = HaproxyKeywords.serverArguments[kw] else {
                let names = Array(HaproxyKeywords.serverArguments.keys).sorted()
                if let best = HaproxySuggestion.best(kw, among: names) {
                    alerts.append(ctx + "unknown keyword '\(kw)'; did you mean '\(best)' maybe ?")
                } else {
                    alerts.append(ctx + "unknown keyword '\(kw)'.")
                }
                return
            }
            let value = k + 1 < words.count ? words[k + 1] : ""
            // display_parser_err adds a "." after the keyword's own message; the first error ends the line.
            if let problem = apply(kw, value, to: &s) { alerts.append(ctx + problem + "."); return }
            k += 1 + takes
        }
        if isDefault { p.defaultServer = s } else if p.isBackend { p.servers.append(s) }
    }

    /// One server keyword; the error text when its value is refused.
    func apply(_ kw: String, _ value: String, to s: inout HaproxyProxyDraft.Server) -> String? {
        switch kw {
        case "check": s.check = true
        case "no-check": s.check = false
        case "backup": s.backup = true
        case "no-backup": s.backup = false
        case "cookie": s.cookie = value
        case "resolvers": s.mayStayUnresolved = true; s.runtime = true
        case "init-addr": if value.split(separator: ",").contains(where: { $0 == "none" }) { s.mayStayUnresolved = true }
        case "weight":
            let w = Int32(truncatingIfNeeded: HaproxyNumber.atol(value))
            guard (0...256).contains(w) else { return "weight of server \(s.name) is not within 0 and 256 (\(w))." }
            s.weight = Int(w)
        case "rise", "fall":
            guard !value.isEmpty else { return "'\(kw)' expects an integer argument." }
            let n = Int32(truncatingIfNeeded: HaproxyNumber.atol(value))
            guard n > 0 else { return "'\(kw)' has to be > 0." }
            if kw == "rise" { s.rise = Int(n) } else { s.fall = Int(n) }
        case "inter":
            guard !value.isEmpty else { return "'\(kw)' expects a delay as argument." }
            switch HaproxyNumber.milliseconds(value) {
            case .success(let ms): s.inter = ms
            case .failure(.overflow):
                return "timer overflow in argument <\(value)> to <\(kw)> of server \(s.name), maximum value is 2147483647 ms (~24.8 days)."
            case .failure(.underflow):
                return "timer underflow in argument <\(value)> to <\(kw)> of server \(s.name), minimum non-null value is 1 ms."
            case .failure(.character(let c)):
                return "unexpected character '\(c)' in 'agent-inter' argument of server \(s.name)."
            }
        default: break
        }
        return nil
    }

    /// `balance ALGORITHM [arguments]`; nil for an algorithm HAProxy does not know.
    static func algorithm(_ args: [String]) -> ProxyBackend.Algorithm? {
        guard let name = args.first else { return nil }
        switch name {
        case "roundrobin", "static-rr": return .roundRobin
        case "leastconn": return .leastConnections
        case "source": return .source
        case "uri": return .uri
        case "first", "random", "url_param", "hash", "log-hash", "sticky":
            return .hash(args.joined(separator: " "))
        default:
            if name.hasPrefix("random(") || name.hasPrefix("hdr(") || name.hasPrefix("rdp-cookie") {
                return .hash(args.joined(separator: " "))
            }
            return nil
        }
    }

    /// What `str2sa_range` says of a listening address whose port is missing or wrong (nil: fine, or a
    /// form cnmlab does not check: UNIX sockets, several addresses, IPv6).
    static func bindAddressProblem(_ address: String) -> String? {
        if address.contains("/") || address.contains(",") || address.contains("[") || address.contains("@") { return nil }
        guard let colon = address.lastIndex(of: ":") else { return "missing port specification in '\(address)'" }
        let port = String(address[address.index(after: colon)...])
        guard let first = port.first, first.isASCII, first.isNumber else { return nil }
        let ends = port.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        for end in ends {
            if let bad = end.first(where: { !($0.isASCII && $0.isNumber) }) {
                return "invalid character '\(bad)' in port number '\(end)' in '\(address)'"
            }
            let value = HaproxyNumber.atol(end)
            if value < 1 || value > 65535 { return "invalid port '\(end)'" }
        }
        return nil
    }

    /// `host:port`, `:port`, `host` (no port).
    static func hostPort(_ address: String) -> (String, Int?) {
        guard let colon = address.lastIndex(of: ":") else { return (address, nil) }
        let host = String(address[..<colon])
        let port = Int(address[address.index(after: colon)...])
        return (host, port)
    }
}
