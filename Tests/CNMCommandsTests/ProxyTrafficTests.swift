import XCTest
@testable import CNMCommands
import CNMSim

/// Issue 19 item 4: requests through a proxy reach the server its algorithm picks.
final class ProxyTrafficTests: XCTestCase {
    func servers(_ n: Int, weights: [Int] = [], backup: Set<Int> = []) -> [ProxyServer] {
        (1...n).map { i in
            ProxyServer(name: "web\(i)", host: "web\(i)", port: 80, weight: i - 1 < weights.count ? weights[i - 1] : 1,
                        backup: backup.contains(i))
        }
    }

    func sequence(_ sim: inout Simulator, _ n: Int, line: String = "curl -s localhost:8080") -> [String] {
        (0..<n).map { _ in ProxyWorld.servedBy(sim, sim.run(line: line).stdout) }
    }

    func testWhoamiPrintsItselfAndTheRequest() {
        var sim = ProxyWorld.make(software: .nginx, backends: 1)
        let out = sim.run(line: "docker exec c wget -qO- web1").stdout
        let web1 = ProxyWorld.address(sim, "web1")!
        XCTAssertTrue(out.contains("IP: 127.0.0.1\nIP: ::1\nIP: \(web1)\nRemoteAddr: \(ProxyWorld.address(sim, "c")!):"), out)
        XCTAssertTrue(out.hasSuffix("GET / HTTP/1.1\r\nHost: web1\r\nUser-Agent: Wget\r\nConnection: close\r\n\r\n"), out)
    }

    func testNginxSmoothWeightedRoundRobin() {
        var sim = ProxyWorld.make(software: .nginx)
        ProxyWorld.install(&sim, ProxyWorld.config(.nginx, servers: servers(3, weights: [5, 1, 1])))
        // nginx's smooth weighted round robin for 5:1:1 (ngx_http_upstream_round_robin.c).
        XCTAssertEqual(sequence(&sim, 7), ["web1", "web1", "web2", "web1", "web3", "web1", "web1"])
    }

    func testHAProxyRoundRobinAndBackup() {
        var sim = ProxyWorld.make(software: .haproxy)
        ProxyWorld.install(&sim, ProxyWorld.config(.haproxy, servers: servers(3, backup: [3])))
        XCTAssertEqual(sequence(&sim, 4), ["web1", "web2", "web1", "web2"])
    }

    func testNginxPassesThroughWithItsHeaders() {
        var sim = ProxyWorld.make(software: .nginx, backends: 1)
        ProxyWorld.install(&sim, ProxyWorld.config(.nginx, servers: servers(1), forwardedFor: true))
        let out = sim.run(line: "curl -si localhost:8080").stdout
        XCTAssertTrue(out.hasPrefix("HTTP/1.1 200 OK\r\nServer: nginx/1.27.5\r\n"), out)
        XCTAssertTrue(out.contains("Host: be\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\nConnection: close\r\nX-Forwarded-For: "), out)
    }
}

/// Issue 19 item 4: health — HAProxy's active checks (rise/fall in simulated time) and NGINX's
/// passive failures.
final class ProxyHealthTests: XCTestCase {
    func checked(_ n: Int) -> [ProxyServer] {
        (1...n).map { ProxyServer(name: "web\($0)", host: "web\($0)", port: 80, check: ProxyHealthCheck(intervalMilliseconds: 2000, rise: 2, fall: 3)) }
    }

    func testHAProxyMarksAStoppedServerDownAfterFallChecksAndUpAfterRise() {
        var sim = ProxyWorld.make(software: .haproxy, backends: 2)
        ProxyWorld.install(&sim, ProxyWorld.config(.haproxy, servers: checked(2)))
        sim.secondsPerLine = 0  // only `sleep` moves the clock here (each typed line takes 2 s otherwise)
        _ = sim.run(line: "docker stop web2")
        _ = sim.run(line: "sleep 4")
        // Two failed checks: still UP (fall 3).
        XCTAssertFalse(sim.run(line: "docker logs lb").stderr.contains("is DOWN"))
        _ = sim.run(line: "sleep 2")
        let down = sim.run(line: "docker logs lb").stderr
        XCTAssertTrue(down.contains("[WARNING]  (8) : Server be/web2 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.\n"), down)
        let after = (0..<3).map { _ in ProxyWorld.servedBy(sim, sim.run(line: "curl -s localhost:8080").stdout) }
        XCTAssertEqual(after, ["web1", "web1", "web1"])
        _ = sim.run(line: "docker start web2")
        _ = sim.run(line: "sleep 2")
        XCTAssertFalse(sim.run(line: "docker logs lb").stderr.contains("is UP"))
        _ = sim.run(line: "sleep 2")
        XCTAssertTrue(sim.run(line: "docker logs lb").stderr.contains("[WARNING]  (8) : Server be/web2 is UP, reason: Layer4 check passed, check duration: 0ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.\n"))
    }

    func testHAProxyAllDownAnswers503AndAlerts() {
        var sim = ProxyWorld.make(software: .haproxy, backends: 1)
        ProxyWorld.install(&sim, ProxyWorld.config(.haproxy, servers: checked(1)))
        _ = sim.run(line: "docker exec lb true")
        _ = sim.run(line: "iptables -I DOCKER-USER -p tcp --dport 80 -j REJECT")
        _ = sim.run(line: "docker stop web1")
        _ = sim.run(line: "sleep 6")
        XCTAssertTrue(sim.run(line: "docker logs lb").stderr.contains("[ALERT]    (8) : backend 'be' has no server available!\n"))
        let out = sim.run(line: "curl -si localhost:8080").stdout
        XCTAssertEqual(out, "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 107\r\ncache-control: no-cache\r\ncontent-type: text/html\r\n\r\n<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n")
    }

    func testRiseFallStateMachine() {
        // Alternating results never reach fall 3; three failures in a row do; two successes bring it back.
        var sim = ProxyWorld.make(software: .haproxy, backends: 1)
        ProxyWorld.install(&sim, ProxyWorld.config(.haproxy, servers: checked(1)))
        sim.secondsPerLine = 0
        sim.engine.advance(seconds: 1)  // half-way between two checks: the commands' milliseconds never cross one
        func up() -> Bool { sim.engine.proxyStates.values.first?.backends["be"]?.servers.first?.up ?? false }
        for _ in 0..<3 {
            _ = sim.run(line: "docker stop web1"); _ = sim.run(line: "sleep 2")
            _ = sim.run(line: "docker start web1"); _ = sim.run(line: "sleep 2")
            XCTAssertTrue(up())
        }
        _ = sim.run(line: "docker stop web1")
        _ = sim.run(line: "sleep 4"); XCTAssertTrue(up())
        _ = sim.run(line: "sleep 2"); XCTAssertFalse(up())
        _ = sim.run(line: "docker start web1")
        _ = sim.run(line: "sleep 2"); XCTAssertFalse(up())
        _ = sim.run(line: "sleep 2"); XCTAssertTrue(up())
    }

    func testNginxRetriesTheNextServerAndLogsThePassiveFailure() {
        var sim = ProxyWorld.make(software: .nginx, backends: 2)
        let servers = (1...2).map { ProxyServer(name: "web\($0):80", host: "web\($0)", port: 80) }
        ProxyWorld.install(&sim, ProxyWorld.config(.nginx, servers: servers))
        _ = sim.run(line: "docker stop web1")
        // web1's old address answers nothing now: nginx tries it, fails, and passes the request to web2.
        let first = sim.run(line: "curl -s localhost:8080")
        XCTAssertEqual(ProxyWorld.servedBy(sim, first.stdout), "web2")
        let logs = sim.run(line: "docker logs lb").stderr
        XCTAssertTrue(logs.contains("[error] 29#29: *1 "), logs)
        XCTAssertTrue(logs.contains("while connecting to upstream, client: "), logs)
        XCTAssertTrue(logs.contains("[warn] 29#29: *1 upstream server temporarily disabled while connecting to upstream"), logs)
        // Disabled for fail_timeout (10 s): the next requests go straight to web2.
        XCTAssertEqual(ProxyWorld.servedBy(sim, sim.run(line: "curl -s localhost:8080").stdout), "web2")
        _ = sim.run(line: "docker stop web2")
        let none = sim.run(line: "curl -s localhost:8080").stdout
        XCTAssertTrue(none.contains("<center><h1>502 Bad Gateway</h1></center>") || none.contains("504 Gateway Time-out"), none)
    }
}

/// Issue 19 items 4 and 5: persistence, TLS, hashing, the echo backend, and DNS failover as a proxy sees it.
final class ProxyFeatureTests: XCTestCase {
    func servers(_ n: Int, cookies: Bool = false) -> [ProxyServer] {
        (1...n).map { ProxyServer(name: "web\($0)", host: "web\($0)", port: 80, cookie: cookies ? "s\($0)" : nil) }
    }

    func testHAProxyCookieInsertAndPersistence() {
        var sim = ProxyWorld.make(software: .haproxy, backends: 2)
        ProxyWorld.install(&sim, ProxyWorld.config(.haproxy, servers: servers(2, cookies: true),
                                                   cookie: ProxyCookie(name: "SERVERID", indirect: true, nocache: true)))
        let first = sim.run(line: "curl -si localhost:8080").stdout
        XCTAssertTrue(first.contains("\r\nset-cookie: SERVERID=s1\r\ncache-control: private\r\n\r\n"), first)
        // The cookie keeps the client on s2 while round robin would alternate.
        let pinned = (0..<3).map { _ in sim.run(line: "curl -si -b SERVERID=s2 localhost:8080").stdout }

        XCTAssertEqual(pinned.map { ProxyWorld.servedBy(sim, $0) }, ["web2", "web2", "web2"])
        // indirect: the backend does not see the cookie, and no new one is set.
        XCTAssertFalse(pinned[0].contains("Cookie"), pinned[0])
        XCTAssertFalse(pinned[0].contains("set-cookie"), pinned[0])
        let header = sim.run(line: "curl -s -H 'Cookie: SERVERID=s1' localhost:8080").stdout
        XCTAssertEqual(ProxyWorld.servedBy(sim, header), "web1")
    }

    func testTLSTermination() {
        var sim = ProxyWorld.make(software: .nginx, backends: 1)
        var config = ProxyWorld.config(.nginx, servers: servers(1), tls: true, port: 443)
        config.frontends.append(ProxyFrontend(name: "server:80", port: 80, backend: "be"))
        ProxyWorld.install(&sim, config)
        let lb = ProxyWorld.address(sim, "lb")!
        XCTAssertEqual(ProxyWorld.servedBy(sim, sim.run(line: "curl -sk https://\(lb)/").stdout), "web1")
        let strict = sim.run(line: "curl -s https://\(lb)/")
        XCTAssertEqual(strict.exitCode, 60)
        XCTAssertEqual(strict.stderr, "")
        let shown = sim.run(line: "curl -sS https://\(lb)/")
        XCTAssertTrue(shown.stderr.hasPrefix("curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\n"), shown.stderr)
        let plain = sim.run(line: "curl -s http://\(lb):443/").stdout
        XCTAssertTrue(plain.contains("<center>The plain HTTP request was sent to HTTPS port</center>"), plain)
    }

    func testNginxIPHashKeepsAClientOnOneServer() {
        var sim = ProxyWorld.make(software: .nginx, backends: 3)
        ProxyWorld.install(&sim, ProxyWorld.config(.nginx, algorithm: .source, servers: servers(3)))
        let fromC = (0..<4).map { _ in ProxyWorld.servedBy(sim, sim.run(line: "docker exec c wget -qO- lb").stdout) }
        XCTAssertEqual(Set(fromC).count, 1, "\(fromC)")
        // ip_hash reads only the first three octets: every client on 172.18.0.0/24 lands on the same server.
        let fromHost = ProxyWorld.servedBy(sim, sim.run(line: "curl -s \(ProxyWorld.address(sim, "lb")!)").stdout)
        XCTAssertEqual(fromHost, fromC[0])
    }

    func testIPHashFormula() {
        // hash = 89; three rounds of (hash * 113 + octet) % 6271, then % total weight.
        var hash = 89
        for o in [172, 18, 0] { hash = (hash * 113 + o) % 6271 }
        var state = ProxyBackendState(servers: Array(repeating: ProxyServerState(), count: 3))
        let backend = ProxyBackend(name: "be", algorithm: .source, servers: servers(3))
        let choice = ProxyBalancer.choose(backend, software: .nginx, state: &state,
                                          request: .init(client: IPv4Address(172, 18, 0, 9), uri: "/"), at: SimTime.epoch)
        XCTAssertEqual(choice?.server, hash % 3)
    }

    func testUriHashIsStablePerPath() {
        var sim = ProxyWorld.make(software: .haproxy, backends: 3)
        ProxyWorld.install(&sim, ProxyWorld.config(.haproxy, algorithm: .uri, servers: servers(3)))
        let a = (0..<3).map { _ in ProxyWorld.servedBy(sim, sim.run(line: "curl -s localhost:8080/a").stdout) }
        XCTAssertEqual(Set(a).count, 1)
        let paths = (0..<12).map { ProxyWorld.servedBy(sim, sim.run(line: "curl -s localhost:8080/p\($0)").stdout) }
        XCTAssertGreaterThan(Set(paths).count, 1, "\(paths)")
    }

    func testLeastConnectionsIsRoundRobinAmongTies() {
        var sim = ProxyWorld.make(software: .nginx, backends: 3)
        ProxyWorld.install(&sim, ProxyWorld.config(.nginx, algorithm: .leastConnections, servers: servers(3)))
        let seq = (0..<6).map { _ in ProxyWorld.servedBy(sim, sim.run(line: "curl -s localhost:8080").stdout) }
        XCTAssertEqual(seq, ["web1", "web2", "web3", "web1", "web2", "web3"])
    }

    func testEchoServerAnswersItsText() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker run -d --name e -p 5678:5678 hashicorp/http-echo -text=hello")
        XCTAssertEqual(sim.run(line: "curl -s localhost:5678").stdout, "hello\n")
        let head = sim.run(line: "curl -sI localhost:5678").stdout
        XCTAssertTrue(head.hasPrefix("HTTP/1.1 200 OK\r\nX-App-Name: http-echo\r\nX-App-Version: 1.0.0\r\nDate: "), head)
        let bad = sim.run(line: "docker run --name e2 hashicorp/http-echo")
        XCTAssertEqual(bad.exitCode, 127)
        XCTAssertTrue(sim.run(line: "docker logs e2").stderr.contains("Missing -text option OR ENV var TEXT is empty!"))
    }

    func testRuntimeResolutionDropsAStoppedBackendStartupResolutionKeepsItsAddress() {
        // Item 5: a stopped container's name leaves the embedded DNS. A proxy that resolves at
        // runtime stops using it; one that resolved at start still tries the old address.
        var sim = ProxyWorld.make(software: .haproxy, backends: 2)
        var config = ProxyWorld.config(.haproxy, servers: servers(2))
        config.resolvesAtRuntime = true
        ProxyWorld.install(&sim, config)
        _ = sim.run(line: "docker stop web1")
        let seq = (0..<3).map { _ in ProxyWorld.servedBy(sim, sim.run(line: "curl -s localhost:8080").stdout) }
        XCTAssertEqual(seq, ["web2", "web2", "web2"])
        var fixed = ProxyWorld.make(software: .haproxy, backends: 2)
        ProxyWorld.install(&fixed, ProxyWorld.config(.haproxy, servers: servers(2)))
        _ = fixed.run(line: "docker stop web1")
        XCTAssertTrue(fixed.run(line: "curl -s localhost:8080").stdout.contains("503 Service Unavailable"))
    }
}

/// No configuration value may crash the traffic side (huge or negative numbers, no servers).
final class ProxyRobustnessTests: XCTestCase {
    func testExtremeValuesDoNotCrash() {
        var sim = ProxyWorld.make(software: .haproxy, backends: 1)
        let wild = [
            ProxyServer(name: "a", host: "web1", port: 80, weight: Int.max, check: ProxyHealthCheck(intervalMilliseconds: Int.max, rise: Int.max, fall: Int.min),
                        maxFails: Int.max, failTimeoutSeconds: Int.max),
            ProxyServer(name: "b", host: "nosuch", port: 0, weight: -5, check: ProxyHealthCheck(intervalMilliseconds: 1, rise: 0, fall: 0)),
        ]
        ProxyWorld.install(&sim, ProxyWorld.config(.haproxy, servers: wild))
        _ = sim.run(line: "sleep 100")
        _ = sim.run(line: "curl -s localhost:8080")
        _ = sim.run(line: "why host localhost:8080")
        ProxyWorld.install(&sim, ProxyWorld.config(.nginx, algorithm: .source, servers: wild))
        _ = sim.run(line: "curl -s localhost:8080")
        ProxyWorld.install(&sim, ProxyWorld.config(.nginx, servers: []))
        XCTAssertTrue(sim.run(line: "curl -s localhost:8080").stdout.contains("502 Bad Gateway"))
        XCTAssertEqual(sim.run(line: "curl -s -H").exitCode, 2)
    }
}

/// TCP mode (`stream {}`, `mode tcp`): redis-cli through the proxy reaches a redis backend.
final class ProxyTCPModeTests: XCTestCase {
    func testRedisThroughATCPProxy() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker network create app")
        _ = sim.run(line: "docker run -d --name r1 --network app redis")
        _ = sim.run(line: "docker run -d --name r2 --network app redis:alpine")
        _ = sim.run(line: "printf 'defaults\\n  mode tcp\\nfrontend redis\\n  bind :6379\\n  default_backend be\\nbackend be\\n  server r1 r1:6379\\n  server r2 r2:6379\\n' > haproxy.cfg")
        _ = sim.run(line: "docker run -d --name lb --network app -v ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro haproxy")
        XCTAssertEqual(sim.run(line: "docker exec lb true").exitCode, 0, "haproxy started with its tcp configuration")
        XCTAssertEqual(sim.run(line: "docker exec r2 redis-cli -h lb ping").stdout, "PONG\n")
        _ = sim.run(line: "docker stop r1 r2")
        XCTAssertEqual(sim.run(line: "docker exec lb true").exitCode, 0)
        _ = sim.run(line: "docker start r2")
        // r1 is gone: the proxy picks it in turn and closes the client's connection.
        let outs = (0..<2).map { _ in sim.run(line: "docker exec r2 redis-cli -h lb ping") }
        XCTAssertTrue(outs.contains { $0.stdout == "PONG\n" })
        XCTAssertTrue(outs.contains { $0.stderr == "Error: Server closed the connection\n" }, "\(outs.map(\.stderr))")
    }
}

/// The balancer alone: shares over many requests.
final class ProxyDistributionTests: XCTestCase {
    func backend(_ algorithm: ProxyBackend.Algorithm, weights: [Int]) -> ProxyBackend {
        ProxyBackend(name: "be", algorithm: algorithm,
                     servers: weights.enumerated().map { ProxyServer(name: "s\($0.offset)", host: "s\($0.offset)", port: 80, weight: $0.element) })
    }

    func counts(_ b: ProxyBackend, _ software: ProxyConfig.Software, n: Int, client: (Int) -> IPv4Address, uri: (Int) -> String) -> [Int] {
        var state = ProxyBackendState(servers: Array(repeating: ProxyServerState(), count: b.servers.count))
        var out = Array(repeating: 0, count: b.servers.count)
        for i in 0..<n {
            guard let c = ProxyBalancer.choose(b, software: software, state: &state, request: .init(client: client(i), uri: uri(i)), at: SimTime.epoch) else { continue }
            out[c.server] += 1
        }
        return out
    }

    func testWeightedRoundRobinGivesExactShares() {
        let b = backend(.roundRobin, weights: [3, 1, 0])  // weight 0 counts as 1, as the parsers never give 0
        XCTAssertEqual(counts(b, .nginx, n: 500, client: { _ in IPv4Address(10, 0, 0, 1) }, uri: { _ in "/" }), [300, 100, 100])
    }

    func testHashesSpreadOverEveryServer() {
        let b = backend(.uri, weights: [1, 1, 1])
        for software in [ProxyConfig.Software.nginx, .haproxy] {
            let c = counts(b, software, n: 300, client: { _ in IPv4Address(10, 0, 0, 1) }, uri: { "/item/\($0)" })
            XCTAssertTrue(c.allSatisfy { $0 > 50 }, "\(software): \(c)")
        }
        let source = backend(.source, weights: [1, 1])
        let byClient = counts(source, .haproxy, n: 200, client: { IPv4Address(10, 0, UInt8($0 / 256), UInt8($0 % 256)) }, uri: { _ in "/" })
        XCTAssertTrue(byClient.allSatisfy { $0 > 50 }, "\(byClient)")
        // nginx ip_hash: one /24, one server.
        let ipHash = counts(source, .nginx, n: 200, client: { IPv4Address(10, 0, 0, UInt8($0 % 256)) }, uri: { _ in "/" })
        XCTAssertTrue(ipHash.contains(200), "\(ipHash)")
    }
}
