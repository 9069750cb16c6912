import CNMSim

/// An HTTP request that reached a proxy container (one with `Container.proxy`): the proxy picks a
/// server of the frontend's backend (`ProxyBalancer`), connects to it from its own container over
/// the packet path (the iptables rules and networks decide), and hands back the backend's answer with
/// its own headers — or its own error page when no server answers.
///
/// nginx 1.27: the request goes upstream as HTTP/1.0 with `Host: $proxy_host` and `Connection: close`
/// (ngx_http_proxy_module defaults); a failed connection counts toward `max_fails` and the request
/// is tried on the next server (`proxy_next_upstream error timeout`), each failure on the error log;
/// the answer carries nginx's Server, Date and Connection headers (it does not pass the upstream's
/// Date and Server). HAProxy 3.0: the request goes as sent, plus `X-Forwarded-For` with `option
/// forwardfor`; header names reach the client in lower case (HTX); a failed connection gives its 503.
enum ProxyForwarding {
    /// Where the request went and why, for `why`.
    struct Route {
        var backend: String
        var server: String
        var address: IPv4Address?
        var port: Int
        var reason: ProxyBalancer.Reason
        /// Servers tried first that failed (nginx's retries).
        var failed: [String]
        var path: PathResult?
    }

    struct Outcome {
        var response: SimulatedHTTP.Response
        var route: Route?
    }

    static func frontend(_ c: Container, port: Int) -> ProxyFrontend? {
        c.proxy?.frontends.first { $0.port == port }
    }

    /// Whether `c` answers on `port` as a proxy. An nginx `server` without `proxy_pass` (the stock
    /// configuration's) is a web server serving its own files, not a proxy.
    static func isProxy(_ c: Container, port: Int) -> Bool {
        guard let fe = frontend(c, port: port) else { return false }
        return fe.backend != nil || c.proxy?.software != .nginx
    }

    /// A proxy keeps its state on its own machine: reached from another simulated machine, a request
    /// through it is not simulated. Nil when `c` is no proxy there or is on this machine.
    static func fromAnotherMachine(_ c: Container, port: Int, engine: Engine) -> CommandOutput? {
        guard isProxy(c, port: port), engine.containers[c.id] == nil else { return nil }
        return NotSimulated.feature("a load balancer on another machine of the LAN (run the client on the proxy's machine)")
    }

    static let nginxServer = SimulatedHTTP.nginxVersion

    /// nginx's own error page (`ngx_http_special_response.c`): the same frame for every status.
    static func nginxErrorPage(_ status: String, engine: Engine, connection: String = "keep-alive") -> SimulatedHTTP.Response {
        let body = "<html>\r\n<head><title>\(status)</title></head>\r\n<body>\r\n<center><h1>\(status)</h1></center>\r\n<hr><center>\(nginxServer)</center>\r\n</body>\r\n</html>\r\n"
        return SimulatedHTTP.Response(status: status, headers: [
            ("Server", nginxServer), ("Date", SimulatedHTTP.httpDate(engine.clock)), ("Content-Type", "text/html"),
            ("Content-Length", "\(body.utf8.count)"), ("Connection", connection),
        ], body: body)
    }

    /// nginx's answer to plain HTTP on an `ssl` port (ngx_http_request.c, `NGX_HTTP_TO_HTTPS`).
    static func nginxPlainToHTTPS(engine: Engine) -> SimulatedHTTP.Response {
        let body = "<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>\(nginxServer)</center>\r\n</body>\r\n</html>\r\n"
        return SimulatedHTTP.Response(status: "400 Bad Request", headers: [
            ("Server", nginxServer), ("Date", SimulatedHTTP.httpDate(engine.clock)), ("Content-Type", "text/html"),
            ("Content-Length", "\(body.utf8.count)"), ("Connection", "close"),
        ], body: body)
    }

    /// HAProxy's 503 (haproxy v3.0.0 src/http_htx.c / errors: `http_err_msgs[HTTP_ERR_503]`).
    static func haproxy503() -> SimulatedHTTP.Response {
        let body = "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n"
        return SimulatedHTTP.Response(status: "503 Service Unavailable", headers: [
            ("content-length", "\(body.utf8.count)"), ("cache-control", "no-cache"), ("content-type", "text/html"),
        ], body: body)
    }

    /// Forwards `request` (as the proxy received it on `frontend`) and returns what the client gets.
    static func forward(_ ctx: inout ProgramContext, proxy: Container, frontend: ProxyFrontend,
                        request: HTTPRequestFacts) -> Outcome {
        guard let config = proxy.proxy else { return Outcome(response: nginxErrorPage("502 Bad Gateway", engine: ctx.engine)) }
        let nginx = config.software == .nginx
        guard let name = frontend.backend, let backend = config.backend(named: name) else {
            // An nginx server block without proxy_pass serves its own files: the welcome page.
            if nginx { return Outcome(response: SimulatedHTTP.respond(image: proxy.image, path: request.path, at: ctx.engine.clock)) }
            return Outcome(response: haproxy503())
        }
        var state = ctx.engine.proxyStates[proxy.id] ?? ProxyState(config: config, at: ctx.engine.clock)
        var bs = state.backends[backend.name] ?? ProxyBackendState(servers: Array(repeating: ProxyServerState(), count: backend.servers.count))
        state.connections += 1
        let connection = state.connections
        let facts = ProxyBalancer.Request(client: request.client, uri: request.path,
                                          cookie: backend.cookie.flatMap { request.cookie($0.name) })
        var tried: Set<Int> = []
        var failed: [String] = []
        var lastTimeout = false
        while true {
            var rng = ctx.engine.rng
            let picked = ProxyBalancer.choose(backend, software: config.software, state: &bs, request: facts,
                                              at: ctx.engine.clock, excluded: tried, rng: &rng)
            ctx.engine.rng = rng
            guard let choice = picked else {
                state.backends[backend.name] = bs
                ctx.engine.setProxyState(state, forContainer: proxy.id)
                if nginx {
                    if tried.isEmpty {
                        nginxError(&ctx, proxy, connection, "no live upstreams while connecting to upstream", request: request, upstream: "http://\(backend.name)\(request.path)")
                    }
                    return Outcome(response: nginxErrorPage(lastTimeout ? "504 Gateway Time-out" : "502 Bad Gateway", engine: ctx.engine),
                                   route: Route(backend: backend.name, server: "-", address: nil, port: 0, reason: .roundRobin, failed: failed))
                }
                return Outcome(response: haproxy503(), route: Route(backend: backend.name, server: "-", address: nil, port: 0, reason: .roundRobin, failed: failed))
            }
            let server = backend.servers[choice.server]
            tried.insert(choice.server)
            var resolved = server.address
            // Runtime resolution (nginx `resolver` + `resolve`, HAProxy `resolvers`): the name is looked up
            // again through the container's DNS, so a stopped backend's name no longer answers.
            if config.resolvesAtRuntime, IPv4Address(server.host) == nil {
                resolved = NameResolution.resolve(name: server.host, from: proxy.id, engine: &ctx.engine)?.first
            }
            guard let address = resolved else {
                failed.append(server.name)
                // A name that no longer resolves takes the server out; another one is chosen.
                if nginx || config.resolvesAtRuntime { continue }
                state.backends[backend.name] = bs
                ctx.engine.setProxyState(state, forContainer: proxy.id)
                return Outcome(response: haproxy503(), route: Route(backend: backend.name, server: server.name, address: nil, port: server.port, reason: choice.reason, failed: failed))
            }
            let upstream = "http://\(address):\(server.port)\(request.path)"
            let attempt = TCPOutcome.attempt(&ctx, ip: address, port: server.port, from: .container(proxy.id), connectTimeout: nginx ? 60 : nil)
            var errorText: String?
            switch attempt {
            case .connected(let r, let backendContainer, let service) where service.kind == .http && backendContainer != nil:
                let b = backendContainer!
                state.backends[backend.name] = bs
                ctx.engine.setProxyState(state, forContainer: proxy.id)
                var upstreamRequest = proxiedRequest(request, config: config, frontend: frontend, backend: backend, proxy: proxy, result: r, ctx: &ctx)
                if !nginx, let cookie = backend.cookie, cookie.indirect {
                    upstreamRequest.headers = upstreamRequest.headers.compactMap { h in
                        guard h.0.lowercased() == "cookie" else { return h }
                        let kept = h.1.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.hasPrefix(cookie.name + "=") }
                        return kept.isEmpty ? nil : (h.0, kept.joined(separator: "; "))
                    }
                }
                let answer = BackendHTTP.answer(b, request: upstreamRequest, engine: &ctx.engine)
                AccessLog.record(&ctx, result: r, server: b, request: "\(upstreamRequest.method) \(upstreamRequest.path) \(nginx ? "HTTP/1.0" : "HTTP/1.1")",
                                 status: answer.status, bodyBytes: upstreamRequest.method == "HEAD" ? 0 : answer.body.utf8.count,
                                 userAgent: upstreamRequest.header("User-Agent") ?? "-", site: .container(proxy.id),
                                 forwardedFor: upstreamRequest.header("X-Forwarded-For"))
                let route = Route(backend: backend.name, server: server.name, address: address, port: server.port, reason: choice.reason, failed: failed, path: r)
                if nginx { return Outcome(response: nginxPassed(answer, engine: ctx.engine), route: route) }
                var headers = answer.headers.filter { $0.0.lowercased() != "connection" }.map { ($0.0.lowercased(), $0.1) }
                if let cookie = backend.cookie, cookie.insert, let value = server.cookie, facts.cookie != value {
                    headers.append(("set-cookie", "\(cookie.name)=\(value)" + (cookie.path.map { "; path=\($0)" } ?? "")))
                    if cookie.nocache { headers.append(("cache-control", "private")) }
                }
                return Outcome(response: SimulatedHTTP.Response(status: answer.status, headers: headers, body: answer.body), route: route)
            case .connected, .reset:
                errorText = "upstream prematurely closed connection while reading response header from upstream"
            case .refused:
                errorText = "connect() failed (111: Connection refused) while connecting to upstream"
            case .unreachable:
                errorText = "connect() failed (101: Network is unreachable) while connecting to upstream"
            case .noRouteToHost:
                // ARP gives up after about 3 s.
                ctx.engine.advance(seconds: 3)
                errorText = "connect() failed (113: No route to host) while connecting to upstream"
            case .timedOut:
                // nginx waits proxy_connect_timeout (60 s); HAProxy's `timeout connect` is not modelled.
                if nginx { ctx.engine.advance(seconds: 60) }
                lastTimeout = true
                errorText = "upstream timed out (110: Connection timed out) while connecting to upstream"
            case .outside:
                errorText = "connect() failed (111: Connection refused) while connecting to upstream"
            }
            failed.append(server.name)
            guard nginx else {
                state.backends[backend.name] = bs
                ctx.engine.setProxyState(state, forContainer: proxy.id)
                return Outcome(response: haproxy503(), route: Route(backend: backend.name, server: server.name, address: address, port: server.port, reason: choice.reason, failed: failed))
            }
            if case .timedOut = attempt {} else { lastTimeout = false }
            nginxError(&ctx, proxy, connection, errorText ?? "", request: request, upstream: upstream)
            // Passive health: max_fails failures within fail_timeout make the server unavailable for fail_timeout.
            var s = bs.servers[choice.server]
            let now = ctx.engine.clock
            let window = Int64(min(max(server.failTimeoutSeconds, 0), 86_400 * 365)) * 1_000_000_000
            if let start = s.failWindowStart, now.nanoseconds - start.nanoseconds < window { s.failures += 1 } else { s.failures = 1; s.failWindowStart = now }
            if server.maxFails > 0, s.failures >= server.maxFails {
                s.disabledUntil = now.adding(nanoseconds: window)
                s.failures = 0
                s.failWindowStart = nil
                ctx.engine.appendLog(proxy.id, [ContainerLogLine(time: now, stream: .stderr, text:
                    "\(nginxStamp(now)) [warn] 29#29: *\(connection) upstream server temporarily disabled while connecting to upstream, client: \(request.client), server: , request: \"\(request.method) \(request.path) HTTP/1.1\", upstream: \"\(upstream)\", host: \"\(request.host)\"")])
            }
            bs.servers[choice.server] = s
        }
    }

    /// The request as it leaves the proxy for the backend.
    static func proxiedRequest(_ request: HTTPRequestFacts, config: ProxyConfig, frontend: ProxyFrontend, backend: ProxyBackend,
                               proxy: Container, result r: PathResult, ctx: inout ProgramContext) -> HTTPRequestFacts {
        var out = request
        out.client = AccessLog.clientAddress(r, ctx.engine, site: .container(proxy.id))
        out.clientPort = 0
        if config.software == .nginx {
            // proxy_set_header defaults: Host $proxy_host, Connection close; HTTP/1.0 upstream.
            let proxyHost = backend.name.hasSuffix(":80") ? String(backend.name.dropLast(3)) : backend.name
            out.host = proxyHost
            out.headers = request.headers.filter { $0.0.lowercased() != "connection" } + [("Connection", "close")]
            if frontend.forwardedFor {
                let prior = request.header("X-Forwarded-For")
                out.headers = out.headers.filter { $0.0.lowercased() != "x-forwarded-for" }
                out.headers.append(("X-Forwarded-For", prior.map { "\($0), \(request.client)" } ?? request.client.description))
            }
        } else if frontend.forwardedFor {
            out.headers.append(("x-forwarded-for", request.client.description))
        }
        return out
    }

    /// nginx's headers on a proxied answer (ngx_http_header_filter_module.c order): Server, Date,
    /// Content-Type, Content-Length, Last-Modified, Connection, then the upstream's other headers.
    static func nginxPassed(_ answer: SimulatedHTTP.Response, engine: Engine) -> SimulatedHTTP.Response {
        func value(_ name: String) -> String? { answer.headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var headers: [(String, String)] = [("Server", nginxServer), ("Date", SimulatedHTTP.httpDate(engine.clock))]
        if let v = value("Content-Type") { headers.append(("Content-Type", v)) }
        if let v = value("Content-Length") { headers.append(("Content-Length", v)) }
        if let v = value("Last-Modified") { headers.append(("Last-Modified", v)) }
        headers.append(("Connection", "keep-alive"))
        let own: Set<String> = ["server", "date", "content-type", "content-length", "last-modified", "connection", "keep-alive", "transfer-encoding", "x-pad"]
        headers += answer.headers.filter { !own.contains($0.0.lowercased()) && !$0.0.lowercased().hasPrefix("x-accel-") }
        return SimulatedHTTP.Response(status: answer.status, headers: headers, body: answer.body)
    }

    /// nginx's error-log time: `2025/06/01 10:00:00`.
    static func nginxStamp(_ t: SimTime) -> String { EchoServer.goLogStamp(t) }

    /// One `[error]` line on the proxy's stderr, as nginx writes it (worker 29, connection `*N`).
    static func nginxError(_ ctx: inout ProgramContext, _ proxy: Container, _ connection: Int, _ text: String,
                           request: HTTPRequestFacts, upstream: String) {
        let now = ctx.engine.clock
        let line = "\(nginxStamp(now)) [error] 29#29: *\(connection) \(text), client: \(request.client), server: , request: \"\(request.method) \(request.path) HTTP/1.1\", upstream: \"\(upstream)\", host: \"\(request.host)\""
        ctx.engine.appendLog(proxy.id, [ContainerLogLine(time: now, stream: .stderr, text: line)])
    }

    /// What a server that a client reached answers: a proxy forwards (`forward`), any other
    /// server answers itself (`BackendHTTP`). `nil` response: the connection closes without one.
    static func serve(_ ctx: inout ProgramContext, server c: Container, port: Int, request: HTTPRequestFacts, tls: Bool) -> Outcome? {
        if let fe = frontend(c, port: port) {
            if fe.tls != nil && !tls {
                // Plain HTTP on a TLS port: nginx answers 400; HAProxy's handshake fails and it closes.
                return c.proxy?.software == .nginx ? Outcome(response: nginxPlainToHTTPS(engine: ctx.engine)) : nil
            }
            return forward(&ctx, proxy: c, frontend: fe, request: request)
        }
        return Outcome(response: BackendHTTP.answer(c, request: request, engine: &ctx.engine))
    }

    /// A TCP connection that reached a `mode tcp` / `stream {}` frontend: the proxy picks a server as for
    /// HTTP and connects to it from its container; the client ends up talking to that server, or sees
    /// the connection closed when none answers. Nil when `outcome` did not reach such a frontend.
    static func tcpForward(_ ctx: inout ProgramContext, _ outcome: TCPOutcome, site: NetSite) -> TCPOutcome? {
        guard case .connected(let r, let c?, let service) = outcome, ctx.engine.containers[c.id] != nil,
              let config = c.proxy, let fe = frontend(c, port: service.port), fe.mode == .tcp,
              let name = fe.backend, let backend = config.backend(named: name) else { return nil }
        var state = ctx.engine.proxyStates[c.id] ?? ProxyState(config: config, at: ctx.engine.clock)
        var bs = state.backends[backend.name] ?? ProxyBackendState(servers: Array(repeating: ProxyServerState(), count: backend.servers.count))
        let request = ProxyBalancer.Request(client: AccessLog.clientAddress(r, ctx.engine, site: site), uri: "")
        var rng = ctx.engine.rng
        let choice = ProxyBalancer.choose(backend, software: config.software, state: &bs, request: request,
                                          at: ctx.engine.clock, rng: &rng)
        ctx.engine.rng = rng
        state.backends[backend.name] = bs
        ctx.engine.setProxyState(state, forContainer: c.id)
        guard let choice, let address = backend.servers[choice.server].address else { return .reset }
        switch TCPOutcome.attempt(&ctx, ip: address, port: backend.servers[choice.server].port, from: .container(c.id)) {
        case .connected(let r2, let b, let s2): return .connected(r2, b, s2)
        default: return .reset
        }
    }
}
