import XCTest
@testable import CNMCommands
@testable import CNMSim

/// Issue 16 item 1: the counters count the simulated traffic on every rule it matches in every
/// chain it traverses, in the sizes `TrafficExchange` documents, and iptables v1.8.10 shows them
/// (xshared.c `print_header`/`print_rule_details`, xtables.c `xtables_print_num`).
final class IptablesCountersTests: XCTestCase {
    private func lab() -> Simulator {
        var sim = Simulator(seed: 0)
        // Traffic inside one bridge meets the host's chains only with br_netfilter loaded (`BridgeNetfilter`).
        for line in ["modprobe br_netfilter", "docker network create mynet", "docker run -d --name web --network mynet -p 8080:80 nginx:alpine",
                     "docker run -d --name client --network mynet busybox sleep 3600"] {
            XCTAssertEqual(sim.run(line: line).exitCode, 0, line)
        }
        return sim
    }

    /// Counters of one chain's rules, in order, and its policy's.
    private func counters(_ sim: Simulator, _ table: NetfilterTable, _ chain: String) -> (rules: [PacketCounter], policy: PacketCounter) {
        let c = sim.engine.firewall.ruleset.chain(table, chain)
        return (c?.counted.map(\.counter) ?? [], c?.policyCounter ?? PacketCounter())
    }

    func testPingsCountEveryRuleTheyMatchWithEightyFourBytesEach() {
        var sim = lab()
        XCTAssertEqual(sim.run(line: "docker exec client ping -c 3 web").exitCode, 0)
        // Three requests and three replies cross FORWARD: both jumps see all six.
        XCTAssertEqual(counters(sim, .filter, "FORWARD").rules, [PacketCounter(packets: 6, bytes: 504), PacketCounter(packets: 6, bytes: 504)])
        // The first request is NEW: isolation, DOCKER-BRIDGE and the bridge's ACCEPT; the rest are ESTABLISHED (DOCKER-CT).
        let forward = counters(sim, .filter, "DOCKER-FORWARD").rules
        XCTAssertEqual(forward.map(\.packets), [6, 1, 1, 0, 1])
        XCTAssertEqual(counters(sim, .filter, "DOCKER-CT").rules.map(\.packets), [0, 5])
        // Only the first packet of the connection goes through the nat table.
        XCTAssertEqual(counters(sim, .nat, "POSTROUTING").policy, PacketCounter(packets: 1, bytes: 84))
        XCTAssertEqual(counters(sim, .raw, "PREROUTING").policy, PacketCounter(packets: 6, bytes: 504))
    }

    func testARequestThroughAPublishedPortIsDNATedOnceAndCountsItsBytes() {
        var sim = lab()
        XCTAssertEqual(sim.run(line: "ssh remote curl -s http://192.168.1.100:8080/").exitCode, 0)
        XCTAssertEqual(counters(sim, .nat, "DOCKER").rules.map(\.packets), [0, 0, 1])
        XCTAssertEqual(counters(sim, .nat, "DOCKER").rules[2].bytes, 60)
        // SYN, ACK, request, ACK of the response, FIN, last ACK one way; SYN-ACK, ACK, response, FIN back.
        let request = "GET / HTTP/1.1\r\nHost: 192.168.1.100:8080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n".utf8.count
        let forward = counters(sim, .filter, "FORWARD").rules[0]
        XCTAssertEqual(forward.packets, 10)
        XCTAssertGreaterThan(forward.bytes, UInt64(60 + 52 + 52 + request + 52 + 52 + 60 + 52 + 52 + 52))
    }

    func testAConnectionNobodyAnswersSendsItsSYNsUntilTheClientGivesUp() {
        var sim = lab()
        XCTAssertEqual(sim.run(line: "iptables -I DOCKER-USER -s 192.168.1.50 -j DROP").exitCode, 0)
        XCTAssertNotEqual(sim.run(line: "ssh remote curl -s -m 2 http://192.168.1.100:8080/").exitCode, 0)
        // SYNs at 0 s and 1 s before curl gives up at 2 s.
        XCTAssertEqual(counters(sim, .filter, "DOCKER-USER").rules, [PacketCounter(packets: 2, bytes: 120)])
        XCTAssertNotEqual(sim.run(line: "ssh remote curl -s http://192.168.1.100:8080/").exitCode, 0)
        XCTAssertEqual(counters(sim, .filter, "DOCKER-USER").rules, [PacketCounter(packets: 9, bytes: 540)])
    }

    func testADNSQueryLeavingTheHostCrossesForwardAndCounts() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "docker run -d --name legacy busybox sleep 600").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker exec legacy nslookup github.com").exitCode, 0)
        // busybox nslookup asks for A and AAAA: two queries to 192.168.1.1:53, each a new UDP "connection"
        // whose first packet the bridge's ACCEPT sees; github.com is 12 bytes on the wire (labels and root).
        let query = 20 + 8 + 12 + 12 + 4
        let docker0 = counters(sim, .filter, "DOCKER-FORWARD").rules[3]
        XCTAssertEqual(docker0, PacketCounter(packets: 2, bytes: UInt64(2 * query)))
        // A rule that drops DNS makes the name unknown, and counts the drop.
        XCTAssertEqual(sim.run(line: "iptables -I DOCKER-USER -p udp --dport 53 -j DROP").exitCode, 0)
        XCTAssertNotEqual(sim.run(line: "docker exec legacy ping -c 1 github.com").exitCode, 0)
        XCTAssertGreaterThan(counters(sim, .filter, "DOCKER-USER").rules[0].packets, 0)
    }

    func testWhyAndLabChecksMoveNoCounter() {
        var sim = lab()
        let before = IncrementalViewsTests.counters(sim.engine)
        XCTAssertEqual(sim.run(line: "why client web:80").exitCode, 0)
        XCTAssertEqual(sim.run(line: "why client github.com").exitCode, 0)
        XCTAssertEqual(IncrementalViewsTests.counters(sim.engine), before)
        sim.engine.countsTraffic = true
        XCTAssertEqual(sim.run(line: "docker exec client ping -c 1 web").exitCode, 0)
        XCTAssertNotEqual(IncrementalViewsTests.counters(sim.engine), before)
    }

    /// Counters record traffic, not the network the learner built: the state fingerprint leaves them out.
    /// (Traffic does change the model elsewhere — the neighbour tables learn the peers it reaches — so the
    /// comparison is between two worlds that differ in their counters alone: before and after `iptables -Z`.)
    func testTrafficLeavesTheStateFingerprintAlone() {
        var sim = lab()
        XCTAssertEqual(sim.run(line: "docker exec client ping -c 5 web").exitCode, 0)
        XCTAssertNotEqual(IncrementalViewsTests.counters(sim.engine).filter { !$0.hasSuffix(" 0:0") }, [])
        let counted = StateFingerprint.canonicalBytes(cluster: sim.cluster)
        for table in ["filter", "nat", "raw"] { XCTAssertEqual(sim.run(line: "iptables -t \(table) -Z").exitCode, 0) }
        XCTAssertEqual(IncrementalViewsTests.counters(sim.engine).filter { !$0.hasSuffix(" 0:0") }, [])
        XCTAssertTrue(StateFingerprint.canonicalBytes(cluster: sim.cluster) == counted, "zeroing counters changed the fingerprint")
        XCTAssertEqual(sim.run(line: "iptables -I DOCKER-USER -p icmp -j DROP").exitCode, 0)
        XCTAssertFalse(StateFingerprint.canonicalBytes(cluster: sim.cluster) == counted, "a learner's rule must change the fingerprint")
    }

    func testZeroListAndSaveForms() {
        var sim = lab()
        XCTAssertEqual(sim.run(line: "docker exec client ping -c 2 web").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -S FORWARD -v").stdout,
                       "-P FORWARD DROP -c 0 0\n-A FORWARD -c 4 336 -j DOCKER-USER\n-A FORWARD -c 4 336 -j DOCKER-FORWARD\n")
        XCTAssertTrue(sim.run(line: "iptables-save -c -t filter").stdout.contains("[4:336] -A FORWARD -j DOCKER-USER\n"))
        // -L -Z lists, then zeroes.
        XCTAssertTrue(sim.run(line: "iptables -L FORWARD -n -v -Z").stdout.contains("    4   336 DOCKER-USER"))
        XCTAssertTrue(sim.run(line: "iptables -L FORWARD -n -v").stdout.contains("    0     0 DOCKER-USER"))
        XCTAssertEqual(sim.run(line: "iptables -Z FORWARD 7").stderr, "iptables: Bad rule (does a matching rule exist in that chain?).\n")
        XCTAssertEqual(sim.run(line: "iptables -Z NOSUCH").stderr, "iptables: No chain/target/match by that name.\n")
        XCTAssertEqual(sim.run(line: "iptables -A DOCKER-USER -c 3 120 -j RETURN").exitCode, 0)
        XCTAssertEqual(counters(sim, .filter, "DOCKER-USER").rules, [PacketCounter(packets: 3, bytes: 120)])
        XCTAssertEqual(sim.run(line: "iptables -A DOCKER-USER -c 3 -j RETURN").stderr,
                       "iptables v1.8.10 (nf_tables): -c requires packet and byte counter\nTry `iptables -h' or 'iptables --help' for more information.\n")
    }

    /// `xtables_print_num`: five columns up to 99999, then K/M/G/T rounded in four; `-x` exact in eight.
    func testCounterNumbersAsIptablesPrintsThem() {
        XCTAssertEqual(IptablesListing.number(0, exact: false), "    0 ")
        XCTAssertEqual(IptablesListing.number(99_999, exact: false), "99999 ")
        XCTAssertEqual(IptablesListing.number(100_000, exact: false), " 100K ")
        XCTAssertEqual(IptablesListing.number(9_999_499, exact: false), "9999K ")
        XCTAssertEqual(IptablesListing.number(9_999_500, exact: false), "  10M ")
        XCTAssertEqual(IptablesListing.number(123_456_789_012, exact: false), " 123G ")
        XCTAssertEqual(IptablesListing.number(121_199, exact: true), "  121199 ")
        XCTAssertEqual(IptablesListing.headerNumber(121_199, exact: false), "121K ")
    }
}
