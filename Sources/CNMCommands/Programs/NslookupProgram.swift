import CNMSim

/// busybox `nslookup [-type=A|AAAA|PTR] HOST [DNS_SERVER]` (the LEDE/OpenWrt
/// implementation busybox 1.3x builds with `FEATURE_NSLOOKUP_BIG`).
///
/// It reads `nameserver`/`search` from /etc/resolv.conf (never /etc/hosts),
/// sends A and AAAA queries (PTR for an address), prints `Server:`/`Address:`
/// on the first reply, then one block per reply: `Non-authoritative answer:`
/// and `Name:\t…`/`Address: …` lines (an empty NOERROR answer prints the header
/// and the empty line only: busybox 1.34.0 stopped printing `*** Can't find X:
/// No answer` for it, busybox 1.36.1 `networking/nslookup.c` lines 349-353 and 629-665),
/// `** server can't find X: NXDOMAIN|SERVFAIL` (exit 1) for an error, and
/// `*** Can't find X: No answer` only for a query that got no reply at all
/// (line 1026). No reply to any query: `;; connection timed out; no servers could be reached`.
enum NslookupProgram: SimulatedProgram {
    static let names = ["nslookup"]
    static let takesDestination = true
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var types: [DNSQueryType] = []
        var rest = args[...]
        while let first = rest.first, first.hasPrefix("-") {
            rest = rest.dropFirst()
            let option = first.dropFirst()
            let key = option.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let value = option.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            switch key {
            case "type", "querytype":
                let known = ["SOA", "NS", "A", "AAAA", "CNAME", "MX", "TXT", "SRV", "PTR", "ANY"]
                guard known.contains(value.uppercased()) else {
                    return .fail("nslookup: invalid query type \"\(value)\"\n")
                }
                guard let t = DNSQueryType(rawValue: value.uppercased()) else {
                    return NotSimulated.feature("nslookup -type=\(value)")
                }
                if !types.contains(t) { types.append(t) }
            default:
                return NotSimulated.feature("nslookup -\(option)")
            }
        }
        guard let host = rest.first, rest.count <= 2 else { return NotSimulated.feature("nslookup's usage message") }
        let site = ctx.container?.id
        let conf = NameResolution.resolvConf(site: site, engine: ctx.engine)

        // Servers: the argument, or resolv.conf's nameservers (127.0.0.1 if none).
        var servers: [(shown: String, ip: IPv4Address)] = []
        if rest.count == 2, let given = rest.last {
            if let ip = IPv4Address(given) {
                servers = [(given, ip)]
            } else if let ip = NameResolution.resolve(name: given, from: site, engine: &ctx.engine)?.first {
                servers = [(given, ip)]
            } else {
                return .fail("nslookup: bad address '\(given)'\n")
            }
        } else {
            for ns in conf.nameservers {
                if let ip = IPv4Address(ns) { servers.append((ns, ip)) }
            }
            if servers.isEmpty { servers = [("127.0.0.1", IPv4Address(127, 0, 0, 1))] }
        }

        // Queries: PTR for an address, else A and AAAA, with the search domains for a dotless name
        // (busybox 1.36.1 networking/nslookup.c `parse_resolvconf`, lines 712-773): the `search` (or
        // `domain`) line, else the domain part of the hostname; a lone "." means none. `options`
        // (ndots:0, which Docker writes for user-defined networks) is never read: a dotless name is
        // asked only with each search domain, never bare (`add_query_with_search`, lines 797-815).
        var queries: [(name: String, type: DNSQueryType)] = []
        let ptrName = IPv4Address(host).map(ReverseName.of)
        var search = conf.search
        let hostname = ctx.container?.hostname ?? ctx.engine.host.hostname
        if search.isEmpty, let dot = hostname.firstIndex(of: ".") {
            search = [String(hostname[hostname.index(after: dot)...])]
        }
        if search == ["."] { search = [] }
        func add(_ type: DNSQueryType, _ name: String) {
            if type == .ptr || search.isEmpty || name.contains(".") {
                queries.append((name, type))
            } else {
                for domain in search { queries.append((name + "." + domain, type)) }
            }
        }
        if types.isEmpty {
            if let p = ptrName { queries.append((p, .ptr)) } else { add(.a, host); add(.aaaa, host) }
        } else {
            for t in DNSQueryType.allCases where types.contains(t) { add(t, t == .ptr ? (ptrName ?? host) : host) }
        }

        var out = CommandOutput()
        var failed = false
        for server in servers {
            var replies: [DNSResponse] = []
            var unanswered: [String] = []
            var header = false
            for q in queries {
                switch DNSTransport.exchange(q.name, type: q.type, server: server.ip, from: site, engine: &ctx.engine) {
                case .networkUnreachable:
                    out.stderr += "nslookup: can't connect to remote host (\(server.ip)): Network is unreachable\n"
                    out.exitCode = 1
                    return out
                case .connectionRefused:
                    return NotSimulated.feature("nslookup against \(server.ip), where no DNS server listens (the real tool prints read errors, then times out)")
                case .timeout:
                    unanswered.append(q.name)
                case .response(let r):
                    if !header {
                        out.stdout += "Server:\t\t\(server.shown)\nAddress:\t\(server.ip):53\n\n"
                        header = true
                    }
                    replies.append(r)
                    out.stdout += render(r, asked: q.name)
                    if r.rcode != .noError { failed = true }
                }
            }
            if !replies.isEmpty {
                for name in unanswered { out.stdout += "*** Can't find \(name): No answer\n" }
                if !unanswered.isEmpty { out.stdout += "\n" }
                out.exitCode = failed ? 1 : 0
                return out
            }
        }
        out.stdout += ";; connection timed out; no servers could be reached\n\n"
        out.exitCode = 1
        return out
    }

    /// One reply's block, ending with the empty line busybox prints after each.
    static func render(_ r: DNSResponse, asked: String) -> String {
        guard r.rcode == .noError else { return "** server can't find \(asked): \(r.rcode.text)\n\n" }
        var text = r.authoritative ? "" : "Non-authoritative answer:\n"
        for a in r.answers {
            switch a.type {
            case .a, .aaaa: text += "Name:\t\(a.name)\nAddress: \(a.data)\n"
            case .ptr: text += "\(a.name)\tname = \(a.data)\n"
            }
        }
        return text + "\n"
    }
}
