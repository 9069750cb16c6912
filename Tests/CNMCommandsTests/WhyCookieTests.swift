import XCTest
@testable import CNMCommands
import CNMSim

/// `why … --cookie NAME=VALUE` explains the pick HAProxy really makes for a request carrying its
/// persistence cookie: the same server `curl -b NAME=VALUE` reaches, in English and Korean.
final class WhyCookieTests: XCTestCase {
    func haproxyWithCookies(backends: Int = 3) -> Simulator {
        var sim = ProxyWorld.make(software: .haproxy, backends: backends)
        let servers = (1...backends).map { ProxyServer(name: "web\($0)", host: "web\($0)", port: 80, cookie: "s\($0)") }
        ProxyWorld.install(&sim, ProxyWorld.config(.haproxy, servers: servers,
                                                   cookie: ProxyCookie(name: "SERVERID", indirect: true, nocache: true)))
        return sim
    }

    /// The server `why` says the proxy picks ("picks server NAME").
    func picked(_ out: CommandOutput) -> String? {
        guard let line = out.stdout.split(separator: "\n").first(where: { $0.contains(" picks server ") }),
              let name = line.split(separator: " ").drop(while: { $0 != "server" }).dropFirst().first else { return nil }
        return String(name)
    }

    func testTheCookiePicksWhatCurlGets() {
        var sim = haproxyWithCookies()
        // Without the cookie round robin would pick web1 next; with it, web3 — and curl agrees.
        XCTAssertEqual(picked(sim.run(line: "why host localhost:8080")), "web1")
        for value in ["s3", "s2", "s3"] {
            let why = sim.run(line: "why host localhost:8080 --cookie SERVERID=\(value)")
            XCTAssertEqual(why.exitCode, 0, why.stdout + why.stderr)
            XCTAssertTrue(why.stdout.contains("the client's persistence cookie names it (\(value))"), why.stdout)
            let curl = sim.run(line: "curl -s -b SERVERID=\(value) localhost:8080")
            XCTAssertEqual(picked(why), ProxyWorld.servedBy(sim, curl.stdout))
        }
        // curl's other spellings, and the cookie among others in one header.
        XCTAssertEqual(picked(sim.run(line: "why host localhost:8080 -b 'lang=ko; SERVERID=s2'")), "web2")
        XCTAssertEqual(picked(sim.run(line: "why c lb:80 --cookie=SERVERID=s3")), "web3")
    }

    func testACookieThatCannotDecideIsSaidSo() {
        var sim = haproxyWithCookies(backends: 2)
        let unknown = sim.run(line: "why host localhost:8080 -b SERVERID=s9")
        XCTAssertTrue(unknown.stdout.contains(" the client's cookie SERVERID=s9 names no server that is up: the algorithm picks\n"), unknown.stdout)
        XCTAssertEqual(picked(unknown), "web1")
        let curl = sim.run(line: "curl -s -b SERVERID=s9 localhost:8080")
        XCTAssertEqual(ProxyWorld.servedBy(sim, curl.stdout), "web1")
        let other = sim.run(line: "why host localhost:8080 -b JSESSIONID=1").stdout
        XCTAssertTrue(other.contains(" the client's cookie does not change the pick: backend be keeps sessions by cookie SERVERID\n"), other)
        sim.language = "ko"
        let korean = sim.run(line: "why host localhost:8080 -b SERVERID=s2").stdout
        XCTAssertTrue(korean.contains("lb의 선택: 서버 web2(") && korean.contains("클라이언트의 고정 쿠키(s2)가 가리키는 서버"), korean)
        let koreanUnknown = sim.run(line: "why host localhost:8080 -b SERVERID=s9").stdout
        XCTAssertTrue(koreanUnknown.contains("클라이언트 쿠키 SERVERID=s9: 이 값을 가진 서버 중 살아 있는 것이 없어 알고리즘으로 고릅니다"), koreanUnknown)
    }

    func testNginxAndABackendWithoutCookieLineIgnoreIt() {
        var nginx = ProxyWorld.make(software: .nginx, backends: 2)
        ProxyWorld.install(&nginx, ProxyWorld.config(.nginx, servers: [ProxyServer(name: "web1", host: "web1", port: 80),
                                                                       ProxyServer(name: "web2", host: "web2", port: 80)]))
        let n = nginx.run(line: "why host localhost:8080 --cookie SERVERID=s2").stdout
        XCTAssertTrue(n.contains(" the client's cookie does not change the pick: nginx keeps no sessions by cookie\n"), n)
        var plain = ProxyWorld.make(software: .haproxy, backends: 2)
        ProxyWorld.install(&plain, ProxyWorld.config(.haproxy, servers: [ProxyServer(name: "web1", host: "web1", port: 80, cookie: "s1"),
                                                                         ProxyServer(name: "web2", host: "web2", port: 80, cookie: "s2")]))
        let p = plain.run(line: "why host localhost:8080 --cookie SERVERID=s2")
        XCTAssertTrue(p.stdout.contains(" the client's cookie does not change the pick: backend be has no cookie line\n"), p.stdout)
        XCTAssertEqual(picked(p), "web1")
    }

    func testMalformedCookieOptionsGiveTheUsage() {
        var sim = Simulator(seed: 0)
        for line in ["why host remote --cookie", "why host remote -b cookies.txt", "why host --cookie a=1"] {
            let out = sim.run(line: line)
            XCTAssertEqual(out.exitCode, 2, line)
            XCTAssertTrue(out.stderr.hasPrefix("usage: why FROM TO[:PORT][/tcp|/udp] [--cookie NAME=VALUE]"), line + ": " + out.stderr)
        }
    }
}
