import CNMSim

/// The second half of `why` when the first walk ends at a proxy (a container with `Container.proxy`
/// listening on that port): which backend server the proxy would pick for this client now, why
/// (algorithm, health, persistence), and the proxy-to-server walk, numbered on from the first.
/// A diagnosis: the proxy's rotation and health are read from a copy and never moved.
enum WhyThroughProxy {
    static let english: [String: String] = [
        "hop": "{0} is a proxy ({1}): frontend {2} sends to backend {3}",
        "pick": "{0} picks server {1} ({2}): {3}",
        "roundRobin": "round robin by weight",
        "leastConnections": "least connections (none open: round robin among the tied servers)",
        "random": "random (the next draw of the simulation's seeded generator, by weight)",
        "randomTwo": "random two (two servers drawn, the one with fewer connections for its weight)",
        "sourceHash": "hash of the client's address {0}",
        "uriHash": "hash of the URI",
        "keyHash": "hash of {0}",
        "cookie": "the client's persistence cookie names it ({0})",
        "backupOnly": "a backup server: no primary server is up",
        "down": "skipped: {0} is DOWN (health checks)",
        "disabled": "skipped: {0} failed recently (max_fails within fail_timeout)",
        "none": "{0} has no server available: the client gets {1}",
        "noBackend": "{0} serves this port itself (no backend)",
        "client": "the client's request as {0} sees it comes from {1}",
        "cookieDown": "the client's cookie {0}={1} names no server that is up: the algorithm picks",
        "cookieNoLine": "the client's cookie does not change the pick: backend {0} has no cookie line",
        "cookieOther": "the client's cookie does not change the pick: backend {0} keeps sessions by cookie {1}",
        "cookieNginx": "the client's cookie does not change the pick: nginx keeps no sessions by cookie",
    ]
    static let korean: [String: String] = [
        "hop": "프록시 {0}({1}): 프런트엔드 {2} → 백엔드 {3}",
        "pick": "{0}의 선택: 서버 {1}({2}) — {3}",
        "roundRobin": "가중치 라운드 로빈",
        "leastConnections": "최소 연결(열린 연결이 없으므로 동률 서버 사이의 라운드 로빈)",
        "random": "무작위(시뮬레이션의 시드 난수 생성기에서 다음에 뽑히는 값, 가중치 반영)",
        "randomTwo": "무작위 둘(서버 둘을 뽑아 가중치 대비 연결이 적은 쪽)",
        "sourceHash": "클라이언트 주소 {0}의 해시",
        "uriHash": "URI의 해시",
        "keyHash": "{0}의 해시",
        "cookie": "클라이언트의 고정 쿠키({0})가 가리키는 서버",
        "backupOnly": "백업 서버: 살아 있는 주 서버가 없습니다",
        "down": "건너뜀: {0} — DOWN 상태(헬스 체크)",
        "disabled": "건너뜀: {0} — 최근 실패(fail_timeout 안에 max_fails 도달)",
        "none": "백엔드 {0}에 쓸 수 있는 서버 없음: 클라이언트는 {1} 응답을 받습니다",
        "noBackend": "{0}의 이 포트는 백엔드 없이 직접 응답합니다",
        "client": "{0}에 도착한 요청의 출발지: {1}",
        "cookieDown": "클라이언트 쿠키 {0}={1}: 이 값을 가진 서버 중 살아 있는 것이 없어 알고리즘으로 고릅니다",
        "cookieNoLine": "클라이언트 쿠키는 선택에 영향이 없습니다: 백엔드 {0}에 cookie 줄이 없습니다",
        "cookieOther": "클라이언트 쿠키는 선택에 영향이 없습니다: 백엔드 {0}의 세션 쿠키 이름은 {1}입니다",
        "cookieNginx": "클라이언트 쿠키는 선택에 영향이 없습니다: nginx는 쿠키로 세션을 고정하지 않습니다",
    ]

    static func text(_ lang: String, _ key: String, _ args: String...) -> String {
        MessageTemplate.fill((lang == "ko" ? korean[key] : english[key]) ?? english[key] ?? key, args)
    }

    /// The proxy part; nil when the walk did not end at a proxy's frontend. `cookie` is the request's
    /// `Cookie` header (`why … --cookie`), read as the proxy reads curl's (`ProxyForwarding`).
    static func lines(_ first: PathResult, from site: NetSite, engine: Engine, lang: String,
                      startStep: Int, cookie: String? = nil) -> (lines: [String], delivered: Bool)? {
        guard case .delivered(_, _, let service?) = first.verdict, let lb = Connectivity.server(first, engine),
              ProxyForwarding.isProxy(lb, port: service.port),
              let config = lb.proxy, let fe = ProxyForwarding.frontend(lb, port: service.port) else { return nil }
        var out: [String] = []
        var step = startStep
        func add(_ s: String) { step += 1; out.append(" \(step). " + s) }
        let client = AccessLog.clientAddress(first, engine, site: site)
        add(text(lang, "client", lb.name, client.description))
        guard let name = fe.backend, let backend = config.backend(named: name) else {
            add(text(lang, "noBackend", lb.name))
            return (out, true)
        }
        add(text(lang, "hop", lb.name, config.software.rawValue, fe.name, backend.name))
        var state = engine.proxyStates[lb.id]?.backends[backend.name]
            ?? ProxyBackendState(servers: Array(repeating: ProxyServerState(), count: backend.servers.count))
        for (i, s) in backend.servers.enumerated() where i < state.servers.count {
            if !state.servers[i].up { add(text(lang, "down", s.name)) }
            else if !ProxyBalancer.isAvailable(state.servers[i], at: engine.clock) { add(text(lang, "disabled", s.name)) }
        }
        // The persistence cookie's value, as ProxyForwarding takes it from the request's Cookie header.
        let sent = cookie.map { HTTPRequestFacts(method: "GET", path: "/", host: "", headers: [("Cookie", $0)],
                                                 client: client, clientPort: 0) }
        let value = backend.cookie.flatMap { c in sent?.cookie(c.name) }
        let request = ProxyBalancer.Request(client: client, uri: "/", cookie: value)
        var rng = engine.rng  // the draw `random` would make next; the engine itself is not changed
        guard let choice = ProxyBalancer.choose(backend, software: config.software, state: &state, request: request,
                                                at: engine.clock, rng: &rng) else {
            add(text(lang, "none", backend.name, config.software == .nginx ? "502 Bad Gateway" : "503 Service Unavailable"))
            return (out, false)
        }
        if sent != nil {
            if config.software == .nginx { add(text(lang, "cookieNginx")) }
            else if let c = backend.cookie, let v = value {
                if case .cookie = choice.reason {} else { add(text(lang, "cookieDown", c.name, v)) }
            } else if let c = backend.cookie { add(text(lang, "cookieOther", backend.name, c.name)) }
            else { add(text(lang, "cookieNoLine", backend.name)) }
        }
        let server = backend.servers[choice.server]
        let reason: String
        switch choice.reason {
        case .roundRobin: reason = text(lang, "roundRobin")
        case .leastConnections: reason = text(lang, "leastConnections")
        case .sourceHash: reason = text(lang, "sourceHash", config.software == .nginx ? client.octets.prefix(3).map(String.init).joined(separator: ".") + ".x" : client.description)
        case .uriHash: reason = text(lang, "uriHash")
        case .keyHash(let k): reason = text(lang, "keyHash", k)
        case .cookie(let v): reason = text(lang, "cookie", v)
        case .backupOnly: reason = text(lang, "backupOnly")
        case .random(let two): reason = text(lang, two ? "randomTwo" : "random")
        }
        let target = server.address.map { "\($0):\(server.port)" } ?? "\(server.host):\(server.port)"
        add(text(lang, "pick", lb.name, server.name, target, reason))
        guard let address = server.address else { return (out, false) }
        let second = Connectivity.walk(engine, from: .container(lb.id), to: address, proto: "tcp", port: server.port)
        let (steps, verdict, delivered) = WhyProgram.describe(second, engine: engine, lang: lang, proto: "tcp", port: server.port)
        for s in steps {
            // Renumber the second walk's steps after the first's.
            let body = s.drop(while: { $0 == " " }).drop(while: { $0.isNumber }).dropFirst(2)
            add(String(body))
        }
        out.append(verdict)
        return (out, delivered)
    }
}
