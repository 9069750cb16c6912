import XCTest
@testable import CNMCommands
import CNMSim

/// The neighbour (ARP) tables: learned where simulated traffic crosses a link, aged on the
/// simulated clock, listed by `ip neigh` (iproute2 on the host, busybox in containers) and `arp`.
final class NeighbourTests: XCTestCase {
    func world() -> Simulator {
        var sim = Simulator(seed: 0)
        for line in ["docker network create net1",
                     "docker run -d --name a --network net1 busybox sleep 1000",
                     "docker run -d --name b --network net1 busybox sleep 1000"] {
            XCTAssertEqual(sim.run(line: line).exitCode, 0, line)
        }
        sim.secondsPerLine = 0
        return sim
    }

    func ip(_ sim: Simulator, _ name: String) -> String {
        let c = (try! sim.engine.findContainer(name).get())
        return sim.engine.endpoints(ofContainer: c).first!.ipv4!.description
    }

    func testNothingIsKnownBeforeTraffic() {
        var sim = world()
        XCTAssertEqual(sim.run(line: "ip neigh").stdout, "")
        XCTAssertEqual(sim.run(line: "docker exec a ip neigh").stdout, "")
        XCTAssertEqual(sim.run(line: "docker exec a arp -n").stdout, "")
    }

    func testAPingTeachesBothEndsAndTheReceiverWaitsInDelay() {
        var sim = world()
        let bIP = ip(sim, "b"), aIP = ip(sim, "a")
        let bMAC = sim.engine.endpoints(ofContainer: (try! sim.engine.findContainer("b").get())).first!.mac!
        let aMAC = sim.engine.endpoints(ofContainer: (try! sim.engine.findContainer("a").get())).first!.mac!
        XCTAssertEqual(sim.run(line: "docker exec a ping -c 1 b").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker exec a ip neigh").stdout, "\(bIP) dev eth0 lladdr \(bMAC) REACHABLE\n")
        // b learned a from a's ARP request and answered the echo over a STALE entry: DELAY for 5 s.
        XCTAssertEqual(sim.run(line: "docker exec b ip neigh").stdout, "\(aIP) dev eth0 lladdr \(aMAC) DELAY\n")
        sim.engine.advance(seconds: 5)
        XCTAssertEqual(sim.run(line: "docker exec b ip neigh").stdout, "\(aIP) dev eth0 lladdr \(aMAC) REACHABLE\n",
                       "the unicast probe confirmed it")
        XCTAssertEqual(sim.run(line: "docker exec a arp -n").stdout, "? (\(bIP)) at \(bMAC) [ether]  on eth0\n")
        XCTAssertEqual(sim.run(line: "docker exec a arp").stdout, "b.net1 (\(bIP)) at \(bMAC) [ether]  on eth0\n",
                       "without -n the name comes from the embedded DNS's PTR record")
        XCTAssertEqual(sim.run(line: "ip neigh").stdout, "", "the bridge switched the frames: the host's stack saw nothing")
    }

    func testReachableTurnsStaleAfterThirtySecondsOfSimulatedTime() {
        var sim = world()
        let bIP = ip(sim, "b")
        _ = sim.run(line: "docker exec a ping -c 1 b")
        sim.engine.advance(seconds: 28)
        XCTAssertTrue(sim.run(line: "docker exec a ip neigh").stdout.hasSuffix(" REACHABLE\n"))
        _ = sim.run(line: "sleep 2")
        XCTAssertTrue(sim.run(line: "docker exec a ip neigh").stdout.hasPrefix("\(bIP) dev eth0 lladdr "))
        XCTAssertTrue(sim.run(line: "docker exec a ip neigh").stdout.hasSuffix(" STALE\n"), "sleep advances the clock")
        // Used again by ICMP: DELAY, then REACHABLE after the probe.
        _ = sim.run(line: "docker exec a ping -c 1 b")
        XCTAssertTrue(sim.run(line: "docker exec a ip neigh").stdout.hasSuffix(" DELAY\n"))
    }

    func testTheHostLearnsContainersAndTheRouterWhenItForwards() {
        var sim = world()
        let aIP = ip(sim, "a")
        let aMAC = sim.engine.endpoints(ofContainer: (try! sim.engine.findContainer("a").get())).first!.mac!
        XCTAssertEqual(sim.run(line: "docker exec a ping -c 1 8.8.8.8").exitCode, 0)
        let bridge = sim.engine.network(named: "net1")!.deviceName!
        let bridgeMAC = KernelView.host(sim.engine).interface(named: bridge)!.mac
        XCTAssertEqual(sim.run(line: "docker exec a ip neigh").stdout, "172.18.0.1 dev eth0 lladdr \(bridgeMAC) REACHABLE\n")
        XCTAssertEqual(sim.run(line: "ip neigh").stdout,
                       "\(aIP) dev \(bridge) lladdr \(aMAC) DELAY \n192.168.1.1 dev eth0 lladdr 52:54:00:ab:cd:01 REACHABLE \n")
        XCTAssertEqual(sim.run(line: "ip neigh show dev eth0").stdout, "192.168.1.1 lladdr 52:54:00:ab:cd:01 REACHABLE \n")
        XCTAssertEqual(sim.run(line: "ip -6 neigh").stdout, "")
        let missing = sim.run(line: "ip neigh show dev nosuch")
        XCTAssertEqual(missing.stderr, "Cannot find device \"nosuch\"\n")
        XCTAssertEqual(missing.exitCode, 1)
        XCTAssertEqual(sim.run(line: "docker exec a ip neigh show dev eth9").stderr, "ip: can't find device 'eth9'\n")
    }

    func testATCPConnectionConfirmsAtOnce() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker run -d --name web nginx")
        sim.secondsPerLine = 0
        XCTAssertEqual(sim.run(line: "curl -s -o /dev/null 172.17.0.2").exitCode, 0)
        XCTAssertTrue(sim.run(line: "ip neigh").stdout.hasPrefix("172.17.0.2 dev docker0 lladdr "))
        XCTAssertTrue(sim.run(line: "ip neigh").stdout.hasSuffix(" REACHABLE \n"))
    }

    func testNobodyAtTheAddressIsIncompleteThenFailed() {
        var sim = world()
        _ = sim.run(line: "docker exec a ping -c 1 -W 1 172.18.0.99")
        XCTAssertEqual(sim.run(line: "docker exec a ip neigh").stdout, "172.18.0.99 dev eth0  INCOMPLETE\n",
                       "ping gave up after 1 s; the kernel goes on asking for 3 s")
        sim.engine.advance(seconds: 2)
        XCTAssertEqual(sim.run(line: "docker exec a ip neigh").stdout, "172.18.0.99 dev eth0  FAILED\n")
        XCTAssertEqual(sim.run(line: "docker exec a arp -n").stdout, "? (172.18.0.99) at <incomplete>  on eth0\n")
        XCTAssertEqual(sim.run(line: "docker exec a arp -n 172.18.0.7").stdout, "No match found in 1 entries\n")
    }

    func testAStoppedContainerForgetsAndTheStateIsPartOfTheFingerprint() {
        var sim = world()
        let before = StateFingerprint.canonicalBytes(cluster: sim.cluster)
        _ = sim.run(line: "docker exec a ping -c 1 b")
        XCTAssertNotEqual(StateFingerprint.canonicalBytes(cluster: sim.cluster), before, "the neighbour tables are model state")
        _ = sim.run(line: "docker restart a")
        XCTAssertEqual(sim.run(line: "docker exec a ip neigh").stdout, "", "a restarted container has a new namespace")
    }

    func testTheDebianImagesAndTheHostHaveNoArp() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker run -d --name web nginx")
        XCTAssertEqual(sim.run(line: "arp -n").stderr, "bash: arp: command not found\n")
        XCTAssertNotEqual(sim.run(line: "docker exec web arp -n").exitCode, 0)
    }
}
