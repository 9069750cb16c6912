import XCTest
@testable import CNMCommands
@testable import CNMSim

/// Issue 21 item 6, first fact: a reply from a container to a remote client leaves its bridge and is
/// accepted by `-A DOCKER-FORWARD -i BRIDGE -j ACCEPT`; `DOCKER-CT`'s rules (`-o BRIDGE … RELATED,ESTABLISHED`)
/// match only packets going into a bridge (moby v28.2.2 integration/network/bridge/iptablesdoc/generated/
/// usernet-portmap.md). `why` and the counters say the same.
final class ReplyPathTests: XCTestCase {
    private func published() -> (Simulator, String) {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "docker network create mynet").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker run -d --name web --network mynet -p 8080:80 nginx").exitCode, 0)
        let bridge = sim.engine.network(named: "mynet")?.deviceName ?? ""
        XCTAssertTrue(bridge.hasPrefix("br-"))
        return (sim, bridge)
    }

    func testWhyShowsTheReplyAcceptedByTheBridgesOwnRuleNotByDockerCT() throws {
        var (sim, bridge) = published()
        let text = sim.run(line: "why remote 192.168.1.100:8080").stdout
        let reply = try XCTUnwrap(text.range(of: "the reply (conntrack state ESTABLISHED) goes back through:"))
        let after = String(text[reply.upperBound...])
        XCTAssertTrue(after.contains("filter DOCKER-CT: no rule matched, back to the calling chain"), after)
        XCTAssertTrue(after.contains("filter DOCKER-FORWARD: -A DOCKER-FORWARD -i \(bridge) -j ACCEPT  => ACCEPT"), after)
        XCTAssertFalse(after.contains("-A DOCKER-CT -o \(bridge)"), after)
    }

    func testCountersPutTheClientsPacketsOnDockerCTAndTheRepliesOnTheBridgeAccept() {
        var (sim, bridge) = published()
        XCTAssertEqual(sim.run(line: "ssh remote curl -s -o /dev/null http://192.168.1.100:8080/").exitCode, 0)
        let ct = sim.engine.firewall.ruleset.chain(.filter, "DOCKER-CT")?.counted ?? []
        let forward = sim.engine.firewall.ruleset.chain(.filter, "DOCKER-FORWARD")?.counted ?? []
        let intoBridge = ct.first { $0.rule.specification.contains("-o \(bridge)") }?.counter.packets ?? 0
        let leavingBridge = forward.first { $0.rule.specification.contains("-i \(bridge) -j ACCEPT") }?.counter.packets ?? 0
        // remote -> web after the SYN: ACK, request, ACK, FIN, last ACK (into the bridge: DOCKER-CT).
        XCTAssertEqual(intoBridge, 5)
        // web -> remote: SYN-ACK, response, ACK, FIN (leaving the bridge: DOCKER-FORWARD -i BRIDGE -j ACCEPT).
        XCTAssertEqual(leavingBridge, 4)
    }
}
