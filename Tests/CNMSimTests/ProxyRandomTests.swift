import XCTest
@testable import CNMSim

/// nginx `random` and `random two` (nginx release-1.27.5 src/http/modules/ngx_http_upstream_random_module.c):
/// draws by weight from the seeded generator, only servers that may take requests, `two` taking the
/// less busy of two different servers; and the `load balancing method redefined` warning.
final class ProxyRandomTests: XCTestCase {
    func backend(_ two: Bool) -> ProxyBackend {
        ProxyBackend(name: "be", algorithm: .random(two: two), servers: [
            ProxyServer(name: "a", host: "a", port: 80, weight: 3), ProxyServer(name: "b", host: "b", port: 80),
            ProxyServer(name: "c", host: "c", port: 80),
        ])
    }

    func picks(_ b: ProxyBackend, seed: UInt64, state: ProxyBackendState, count: Int = 200) -> [Int] {
        var rng = SeededGenerator(seed: seed)
        var s = state
        return (0..<count).compactMap { _ in
            ProxyBalancer.choose(b, software: .nginx, state: &s, request: .init(client: IPv4Address(10, 0, 0, 1), uri: "/"),
                                 at: .epoch, rng: &rng)?.server
        }
    }

    func testRandomFollowsTheWeightsAndTheSeed() {
        let state = ProxyBackendState(servers: Array(repeating: ProxyServerState(), count: 3))
        let first = picks(backend(false), seed: 7, state: state)
        XCTAssertEqual(first, picks(backend(false), seed: 7, state: state))
        XCTAssertNotEqual(first, picks(backend(false), seed: 8, state: state))
        let a = first.filter { $0 == 0 }.count
        XCTAssertTrue((90...210).contains(a), "weight 3 of 5 should take about 120 of 200, took \(a)")
        XCTAssertEqual(Set(first), [0, 1, 2])
    }

    func testRandomSkipsServersThatAreDown() {
        var state = ProxyBackendState(servers: Array(repeating: ProxyServerState(), count: 3))
        state.servers[0].up = false
        XCTAssertFalse(picks(backend(false), seed: 1, state: state).contains(0))
        XCTAssertFalse(picks(backend(true), seed: 1, state: state).contains(0))
    }

    func testRandomTwoAvoidsTheBusyServer() {
        var state = ProxyBackendState(servers: Array(repeating: ProxyServerState(), count: 3))
        state.servers[0].active = 50
        let p = picks(backend(true), seed: 3, state: state)
        // `a` wins only when both draws are `a`, which `two` forbids: it never takes a request.
        XCTAssertFalse(p.contains(0))
    }

    func testAMethodAfterKeepaliveOrAnotherMethodWarns() {
        var d = NginxDraft()
        try? d.open("upstream", args: ["be"], context: .http, file: "/etc/nginx/nginx.conf", line: 2)
        try? d.apply("keepalive", args: ["16"], context: .upstream, file: "/etc/nginx/nginx.conf", line: 3) { _ in nil }
        try? d.apply("random", args: ["two"], context: .upstream, file: "/etc/nginx/nginx.conf", line: 4) { _ in nil }
        XCTAssertEqual(d.warnings, ["load balancing method redefined in /etc/nginx/nginx.conf:4"])
        XCTAssertThrowsError(try d.apply("random", args: ["two", "most_conn"], context: .upstream,
                                         file: "/etc/nginx/nginx.conf", line: 5) { _ in nil })
    }
}
