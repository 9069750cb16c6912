import XCTest
@testable import CNMCommands
@testable import CNMSim

/// Traffic that crosses the LAN moves the counters of the machine that receives it, once per packet,
/// as that machine's netfilter sees it: the walk goes on over a copy of the other machines while the
/// command runs, and `Simulator` counts its packets on the real ones afterwards. `why` never counts.
final class LanCountersTests: XCTestCase {
    private func engine(_ sim: Simulator, _ name: String) -> Engine {
        sim.cluster.machines.first { $0.name == name }!.engine
    }

    private func rules(_ e: Engine, _ table: NetfilterTable, _ chain: String) -> [PacketCounter] {
        e.firewall.ruleset.chain(table, chain)?.counted.map(\.counter) ?? []
    }

    private func policy(_ e: Engine, _ table: NetfilterTable, _ chain: String) -> PacketCounter {
        e.firewall.ruleset.chain(table, chain)?.policyCounter ?? PacketCounter()
    }

    private func laptopLab() -> Simulator {
        var sim = Simulator(seed: 0, hosts: [HostSpec(name: "laptop", address: IPv4Address(192, 168, 1, 101))])
        XCTAssertEqual(sim.run(line: "docker run -d --name web -p 8080:80 nginx").exitCode, 0)
        return sim
    }

    func testARequestFromAnotherMachineCountsOnDockerHostAsOneFromRemoteDoes() {
        var fromRemote = laptopLab()
        XCTAssertEqual(fromRemote.run(line: "ssh remote curl -s -o page http://192.168.1.100:8080/").exitCode, 0)
        var fromLaptop = laptopLab()
        XCTAssertEqual(fromLaptop.run(line: "ssh laptop curl -s -o page http://192.168.1.100:8080/").exitCode, 0)
        let host = engine(fromLaptop, "docker-host")
        // The connection is DNATed once; every packet both ways crosses FORWARD and its DOCKER-USER jump.
        XCTAssertEqual(rules(host, .nat, "DOCKER").last, PacketCounter(packets: 1, bytes: 60))
        let forward = rules(host, .filter, "FORWARD")
        XCTAssertEqual(forward.first?.packets, 10)
        XCTAssertEqual(forward, rules(engine(fromRemote, "docker-host"), .filter, "FORWARD"))
        XCTAssertEqual(policy(host, .raw, "PREROUTING"), policy(engine(fromRemote, "docker-host"), .raw, "PREROUTING"))
        // The laptop counts only its own side: nothing of docker-host's rules lands there.
        XCTAssertEqual(rules(engine(fromLaptop, "laptop"), .nat, "DOCKER").last?.packets, 0)
        // What it sent of the ten (SYN, ACK, request, ACKs, FIN) leaves through its OUTPUT.
        XCTAssertEqual(policy(engine(fromLaptop, "laptop"), .filter, "OUTPUT").packets, 6)

        // A diagnosis moves nothing, from either machine; a second request counts once more.
        let before = (rules(host, .filter, "FORWARD"), rules(host, .nat, "DOCKER"))
        XCTAssertEqual(fromLaptop.run(line: "why laptop host:8080").exitCode, 0)
        XCTAssertEqual(fromLaptop.run(line: "ssh laptop why host 192.168.1.100:8080").exitCode, 0)
        let after = engine(fromLaptop, "docker-host")
        XCTAssertEqual(rules(after, .filter, "FORWARD"), before.0)
        XCTAssertEqual(rules(after, .nat, "DOCKER"), before.1)
        XCTAssertEqual(fromLaptop.run(line: "ssh laptop curl -s -o page http://192.168.1.100:8080/").exitCode, 0)
        XCTAssertEqual(rules(engine(fromLaptop, "docker-host"), .nat, "DOCKER").last, PacketCounter(packets: 2, bytes: 120))
        XCTAssertEqual(rules(engine(fromLaptop, "docker-host"), .filter, "FORWARD").first?.packets, 20)
    }

    func testAContainersRequestToAnotherMachinesPublishedPortCountsThere() {
        var sim = Simulator(seed: 0, hosts: Cluster.courseHosts)
        XCTAssertEqual(sim.run(line: "ssh worker1 docker run -d --name w -p 8080:80 nginx").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker run -d --name client alpine sleep 3600").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker exec client wget -q -O page http://192.168.1.102:8080/").exitCode, 0)
        let worker = engine(sim, "worker1")
        XCTAssertEqual(rules(worker, .nat, "DOCKER").last, PacketCounter(packets: 1, bytes: 60))
        let forward = rules(worker, .filter, "FORWARD")
        XCTAssertEqual(forward.first?.packets, 10)
        // Each packet once: what enters worker1 (raw PREROUTING) is what it forwards.
        XCTAssertEqual(policy(worker, .raw, "PREROUTING"), forward.first)
        // Machines the walk did not reach stay at 0.
        XCTAssertEqual(policy(engine(sim, "worker2"), .raw, "PREROUTING").packets, 0)
        // Two echo requests to worker1 itself: its INPUT sees each once (84 bytes each).
        XCTAssertEqual(sim.run(line: "docker exec client ping -c 2 192.168.1.102").exitCode, 0)
        XCTAssertEqual(policy(engine(sim, "worker1"), .filter, "INPUT"), PacketCounter(packets: 2, bytes: 168))
    }
}
