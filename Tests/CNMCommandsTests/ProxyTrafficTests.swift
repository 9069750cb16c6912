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
