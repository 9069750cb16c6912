/// What `NginxConfigParser` has gathered so far from the directives that decide where requests go
/// (`upstream`, `server`, `listen`, `proxy_pass`, `ssl_certificate`, `proxy_set_header
/// X-Forwarded-For`, `resolver`), and the checks nginx makes on them, with its messages.
///
/// Sources: nginx release-1.27.5 `src/http/ngx_http_upstream.c` (`ngx_http_upstream`,
/// `ngx_http_upstream_server`: parameters, `no servers are inside upstream`, `duplicate upstream`),
/// `src/core/ngx_inet.c` (`ngx_parse_inet_url`: `invalid port`, `host not found`),
/// `src/http/modules/ngx_http_proxy_module.c` (`invalid URL prefix in`),
/// `src/http/ngx_http_upstream_round_robin.c` (implicit upstreams resolved when nginx initialises,
/// `host not found in upstream "…" in FILE:LINE`), `src/http/modules/ngx_http_ssl_module.c`
/// (`no "ssl_certificate" is defined for the "listen ... ssl" directive`), `src/core/ngx_parse.c`
/// (`ngx_parse_time`), `src/http/modules/ngx_http_upstream_{ip_hash,hash,least_conn,random}_module.c` (which
/// server parameters each method supports; `random [two [least_conn]]` and its `invalid parameter`;
/// each method's `[warn] load balancing method redefined` when the upstream already has one, which
/// `keepalive` counts as: `ngx_http_upstream_keepalive_module.c` wraps the method set so far).
struct NginxDraft {
    typealias Context = NginxDirectives.Context

    struct Upstream {
        var backend: ProxyBackend
        /// Whether the method set so far takes `backup` (round robin and least_conn do; hash, ip_hash and random do not).
        var acceptsBackup = true
        /// Whether a method (or `keepalive`) has set the upstream's `peer.init_upstream` already.
        var methodSet = false
    }

    struct Listen { var address: String?; var port: Int; var ssl: Bool; var file: String; var line: Int }

    struct Server {
        var mode: ProxyMode
        var listens: [Listen] = []
        var certificate: String?
        var key: String?
        var proxyPass: (target: String, file: String, line: Int)?
        var proxyPassLocation: String?
        var forwardedFor = false
    }

    var upstreams: [Upstream] = []
    var servers: [Server] = []
    var currentUpstream: Int?
    var currentServer: Int?
    var locations: [String] = []
    var defaultCertificate: [ProxyMode: (String, String?)] = [:]
    var httpForwardedFor = false
    var resolvesAtRuntime = false
    /// `[warn]` texts, with their `in FILE:LINE`, in the order nginx logs them.
    var warnings: [String] = []

    // MARK: blocks

    mutating func open(_ name: String, args: [String], context: Context, file: String, line: Int) throws(ProxyConfigError) {
        switch name {
        case "upstream":
            let upstreamName = args.first ?? ""
            let mode: ProxyMode = context == .stream ? .tcp : .http
            if upstreams.contains(where: { $0.backend.name == upstreamName && $0.backend.mode == mode }) {
                throw ProxyConfigError(nginx: "duplicate upstream \"\(upstreamName)\"", file: file, line: line)
            }
            upstreams.append(Upstream(backend: ProxyBackend(name: upstreamName, mode: mode)))
            currentUpstream = upstreams.count - 1
        case "server" where context == .http || context == .stream:
            servers.append(Server(mode: context == .stream ? .tcp : .http))
            currentServer = servers.count - 1
        case "location":
            locations.append(args.last ?? "")
        case "if", "limit_except":
            locations.append(locations.last ?? "")
        default:
            break
        }
    }

    mutating func close(_ name: String, context: Context, file: String, line: Int) throws(ProxyConfigError) {
        switch name {
        case "upstream":
            if let k = currentUpstream, upstreams[k].backend.servers.isEmpty {
                throw ProxyConfigError(nginx: "no servers are inside upstream", file: file, line: line)
            }
            currentUpstream = nil
        case "server" where context == .http || context == .stream:
            currentServer = nil
        case "location", "if", "limit_except":
            _ = locations.popLast()
        default:
            break
        }
    }

    // MARK: directives

    mutating func apply(_ name: String, args: [String], context: Context, file: String, line: Int,
                        resolve: (String) -> [IPv4Address]?) throws(ProxyConfigError) {
        func fail(_ m: String) -> ProxyConfigError { ProxyConfigError(nginx: m, file: file, line: line) }
        switch (name, context) {
        case ("least_conn", _):
            setMethod(.leastConnections, acceptsBackup: true, file: file, line: line)
        case ("ip_hash", _):
            setMethod(.source, acceptsBackup: false, file: file, line: line)
        case ("random", _):
            // The warning comes first, then the arguments are checked (`ngx_http_upstream_random`).
            setMethod(.random(two: args.first == "two"), acceptsBackup: false, file: file, line: line)
            if let a = args.first, a != "two" { throw fail("invalid parameter \"\(a)\"") }
            if args.count == 2 && args[1] != "least_conn" { throw fail("invalid parameter \"\(args[1])\"") }
        case ("keepalive", .upstream):
            if let k = currentUpstream { upstreams[k].methodSet = true }
        case ("hash", _):
            // The warning comes before the argument check (`ngx_http_upstream_hash`).
            let key = args.first ?? ""
            let method: ProxyBackend.Algorithm = key == "$remote_addr" || key == "$binary_remote_addr" ? .source
                : key == "$request_uri" ? .uri : .hash(args.joined(separator: " "))
            setMethod(method, acceptsBackup: false, file: file, line: line)
            if args.count == 2 && args[1] != "consistent" { throw fail("invalid parameter \"\(args[1])\"") }
        case ("server", .upstream), ("server", .streamUpstream):
            try upstreamServer(args, stream: context == .streamUpstream, file: file, line: line, resolve: resolve)
        case ("listen", _):
            try listen(args, file: file, line: line)
        case ("ssl_certificate", _), ("ssl_certificate_key", _):
            let path = args.first ?? ""
            if let k = currentServer {
                if name == "ssl_certificate" { servers[k].certificate = path } else { servers[k].key = path }
            } else {
                let mode: ProxyMode = context == .stream ? .tcp : .http
                var d = defaultCertificate[mode] ?? ("", nil)
                if name == "ssl_certificate" { d.0 = path } else { d.1 = path }
                defaultCertificate[mode] = d
            }
        case ("proxy_pass", _):
            guard let k = currentServer, let target = args.first else { return }
            if context == .location {
                let scheme = target.lowercased()
                guard scheme.hasPrefix("http://") || scheme.hasPrefix("https://") else {
                    throw fail("invalid URL prefix in \"\(target)\"")
                }
            } else if !target.contains("$") && upstreams.allSatisfy({ $0.backend.name != target }) {
                if NginxAddress.split(target).port == nil { throw fail("no port in upstream \"\(target)\"") }
            }
            let location = locations.last
            if servers[k].proxyPass == nil || location == "/" && servers[k].proxyPassLocation != "/" {
                servers[k].proxyPass = (target, file, line)
                servers[k].proxyPassLocation = location
            }
        case ("proxy_set_header", _):
            guard args.first?.lowercased() == "x-forwarded-for" else { return }
            if let k = currentServer { servers[k].forwardedFor = true } else { httpForwardedFor = true }
        case ("resolver", _):
            resolvesAtRuntime = true
        default:
            break
        }
    }

    mutating func setMethod(_ algorithm: ProxyBackend.Algorithm, acceptsBackup: Bool, file: String, line: Int) {
        guard let k = currentUpstream else { return }
        if upstreams[k].methodSet {
            warnings.append(ProxyConfigError(nginx: "load balancing method redefined", file: file, line: line).nginxText)
        }
        upstreams[k].methodSet = true
        upstreams[k].backend.algorithm = algorithm
        upstreams[k].acceptsBackup = acceptsBackup
    }

    /// `server ADDRESS [weight=N] [max_fails=N] [fail_timeout=T] [backup] [down] [resolve] …` in an upstream.
    mutating func upstreamServer(_ args: [String], stream: Bool, file: String, line: Int,
                                 resolve: (String) -> [IPv4Address]?) throws(ProxyConfigError) {
        func fail(_ m: String) -> ProxyConfigError { ProxyConfigError(nginx: m, file: file, line: line) }
        guard let k = currentUpstream, let url = args.first else { return }
        var server = ProxyServer(name: url, host: "", port: 0)
        var runtime = false
        var down = false
        for p in args.dropFirst() {
            if let v = p.value(after: "weight=") {
                guard let n = NginxNumber.atoi(v), n > 0 else { throw fail("invalid parameter \"\(p)\"") }
                server.weight = n
            } else if let v = p.value(after: "max_fails=") {
                guard let n = NginxNumber.atoi(v) else { throw fail("invalid parameter \"\(p)\"") }
                server.maxFails = n
            } else if let v = p.value(after: "max_conns=") {
                guard NginxNumber.atoi(v) != nil else { throw fail("invalid parameter \"\(p)\"") }
            } else if let v = p.value(after: "fail_timeout=") {
                guard let n = NginxNumber.seconds(v) else { throw fail("invalid parameter \"\(p)\"") }
                server.failTimeoutSeconds = n
            } else if p == "backup" {
                guard upstreams[k].acceptsBackup else { throw fail("balancing method does not support parameter \"\(p)\"") }
                server.backup = true
            } else if p == "down" {
                down = true
            } else if p == "resolve" {
                runtime = true
            } else {
                throw fail("invalid parameter \"\(p)\"")
            }
        }
        let (host, port) = NginxAddress.split(url)
        guard let port = port ?? (stream ? nil : 80) else { throw fail("no port in upstream \"\(url)\"") }
        guard (1...65535).contains(port) else { throw fail("invalid port in upstream \"\(url)\"") }
        server.host = host; server.port = port
        if runtime {
            resolvesAtRuntime = true
            upstreams[k].backend.servers.append(server)
            return
        }
        guard let addresses = resolve(host), !addresses.isEmpty else { throw fail("host not found in upstream \"\(url)\"") }
        // nginx keeps every address the name had when it read the file: one peer each. A `down`
        // server never takes requests: it is left out.
        for a in addresses where !down {
            var peer = server
            peer.address = a
            upstreams[k].backend.servers.append(peer)
        }
    }

    /// `listen [ADDRESS:]PORT [ssl] [default_server] …`.
    mutating func listen(_ args: [String], file: String, line: Int) throws(ProxyConfigError) {
        func fail(_ m: String) -> ProxyConfigError { ProxyConfigError(nginx: m, file: file, line: line) }
        guard let k = currentServer, let spec = args.first else { return }
        var ssl = false
        let known: Set<String> = ["default_server", "default", "http2", "proxy_protocol", "reuseport", "deferred",
                                  "bind", "udp", "quic", "so_keepalive=on", "so_keepalive=off", "ipv6only=on", "ipv6only=off"]
        let valued = ["backlog=", "rcvbuf=", "sndbuf=", "setfib=", "fastopen=", "accept_filter=", "so_keepalive="]
        for p in args.dropFirst() {
            if p == "ssl" { ssl = true; continue }
            if known.contains(p) || valued.contains(where: { p.hasPrefix($0) }) { continue }
            throw fail("invalid parameter \"\(p)\"")
        }
        if spec.hasPrefix("[") { return }  // IPv6 sockets: the simulation's networks are IPv4
        if spec.hasPrefix("unix:") { return }
        let (host, port) = NginxAddress.split(spec)
        let onlyPort = port == nil && NginxNumber.atoi(host) != nil
        guard let p = onlyPort ? NginxNumber.atoi(host) : port, (1...65535).contains(p) else {
            throw fail("invalid port in \"\(spec)\" of the \"listen\" directive")
        }
        let address = onlyPort || host == "*" || host == "0.0.0.0" ? nil : host
        servers[k].listens.append(Listen(address: address, port: p, ssl: ssl, file: file, line: line))
    }
}

private extension String {
    /// The text after `prefix`, when the string starts with it.
    func value(after prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }
}
