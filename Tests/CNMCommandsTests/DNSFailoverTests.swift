import XCTest
@testable import CNMCommands
import CNMSim

/// Issue 19 item 5: DNS round-robin fails over as Docker's embedded DNS does — a stopped
/// container's name and aliases leave the answers (moby v28.2.2 libnetwork: the endpoint's
/// service records are removed when it leaves the sandbox) and come back when it starts again.
final class DNSFailoverTests: XCTestCase {
    func addresses(_ sim: inout Simulator, _ name: String) -> [String] {
        let out = sim.run(line: "docker exec c nslookup \(name)").stdout
        return out.split(separator: "\n").filter { $0.hasPrefix("Address: ") }.map { String($0.dropFirst("Address: ".count)) }
    }

    func testAStoppedContainerLeavesTheRoundRobinAndComesBack() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker network create app")
        _ = sim.run(line: "docker run -d --name w1 --network app --network-alias web nginx")
        _ = sim.run(line: "docker run -d --name w2 --network app --network-alias web nginx")
        _ = sim.run(line: "docker run -d --name c --network app busybox sleep 1000")
        XCTAssertEqual(addresses(&sim, "web"), ["172.18.0.2", "172.18.0.3"])
        _ = sim.run(line: "docker stop w1")
        XCTAssertEqual(addresses(&sim, "web"), ["172.18.0.3"])
        XCTAssertTrue(sim.run(line: "docker exec c nslookup w1").stdout.contains("** server can't find w1: NXDOMAIN"))
        _ = sim.run(line: "docker start w1")
        XCTAssertEqual(addresses(&sim, "web"), ["172.18.0.2", "172.18.0.3"])
        // Disconnected from the network: its names leave that network's answers too.
        _ = sim.run(line: "docker network disconnect app w2")
        XCTAssertEqual(addresses(&sim, "web"), ["172.18.0.2"])
    }
}
