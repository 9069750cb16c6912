import XCTest
@testable import CNMCommands
@testable import CNMSim

/// br_netfilter as a host kernel setting (moby v28.2.2 libnetwork/drivers/bridge/bridge_linux.go line 861,
/// setup_bridgenetfiltering.go): off on a fresh host, loaded by the first ICC-off bridge network and kept
/// after it is removed; a frame switched inside one bridge crosses FORWARD (and counts there) only while
/// `net.bridge.bridge-nf-call-iptables` is 1.
final class BridgeNetfilterTests: XCTestCase {
    private func twoOnOneNetwork() -> Simulator {
        var sim = Simulator(seed: 0)
        for line in ["docker network create app", "docker run -d --name web --network app nginx:alpine",
                     "docker run -d --name client --network app busybox sleep 3600"] {
            XCTAssertEqual(sim.run(line: line).exitCode, 0, line)
        }
        return sim
    }

    private func forwardPackets(_ sim: Simulator) -> UInt64 {
        sim.engine.firewall.ruleset.chain(.filter, "FORWARD")?.counted.first?.counter.packets ?? 0
    }

    func testAFreshHostSwitchesFramesPastTheHostsChains() {
        var sim = twoOnOneNetwork()
        XCTAssertFalse(sim.engine.bridgeNetfilter.loaded)
        XCTAssertEqual(sim.run(line: "docker exec client ping -c 2 web").exitCode, 0)
        XCTAssertEqual(forwardPackets(sim), 0, "nothing switched inside one bridge reaches FORWARD")
        // A DROP in DOCKER-USER does not stop it either.
        XCTAssertEqual(sim.run(line: "iptables -I DOCKER-USER -j DROP").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker exec client ping -c 1 web").exitCode, 0)
        let read = sim.run(line: "sysctl net.bridge.bridge-nf-call-iptables")
        XCTAssertEqual(read.exitCode, 1)
        XCTAssertEqual(read.stderr, "sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory\n")
    }

    func testAnICCOffNetworkLoadsTheModuleForGood() {
        var sim = twoOnOneNetwork()
        XCTAssertEqual(sim.run(line: "docker network create -o com.docker.network.bridge.enable_icc=false quiet").exitCode, 0)
        XCTAssertTrue(sim.engine.bridgeNetfilter.active)
        XCTAssertEqual(sim.run(line: "docker network rm quiet").exitCode, 0)
        XCTAssertTrue(sim.engine.bridgeNetfilter.active, "removing the network leaves the module loaded")
        XCTAssertEqual(sim.run(line: "docker exec client ping -c 2 web").exitCode, 0)
        XCTAssertEqual(forwardPackets(sim), 4, "two requests and two replies cross FORWARD")
        XCTAssertEqual(sim.run(line: "iptables -I DOCKER-USER -j DROP").exitCode, 0)
        XCTAssertNotEqual(sim.run(line: "docker exec client ping -c 1 -W 1 web").exitCode, 0)
    }

    func testTheSwitchCanBeTurnedOffAndModprobeLoadsIt() {
        var sim = twoOnOneNetwork()
        XCTAssertEqual(sim.run(line: "modprobe br_netfilter"), CommandOutput())
        XCTAssertTrue(sim.engine.bridgeNetfilter.active)
        XCTAssertEqual(sim.run(line: "sysctl -w net.bridge.bridge-nf-call-iptables=0").stdout, "net.bridge.bridge-nf-call-iptables = 0\n")
        XCTAssertFalse(sim.engine.bridgeNetfilter.active)
        XCTAssertEqual(sim.run(line: "docker exec client ping -c 2 web").exitCode, 0)
        XCTAssertEqual(forwardPackets(sim), 0)
        XCTAssertEqual(sim.run(line: "sysctl -n net.bridge.bridge-nf-call-ip6tables").stdout, "1\n")
    }
}
