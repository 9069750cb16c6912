import XCTest
@testable import CNMCommands
import CNMSim

/// `why FROM TO[:PORT][/PROTO]`: the hop-by-hop story and its exit code.
final class WhyTests: XCTestCase {
    func testDeliveredThroughDNAT() {
        var s = Simulator(seed: 31)
        XCTAssertEqual(s.run(line: "docker run -d --name web -p 8080:80 nginx").exitCode, 0)
        let out = s.run(line: "why remote host:8080")
        XCTAssertEqual(out.exitCode, 0)
        let text = out.stdout
        XCTAssertTrue(text.hasPrefix("why: remote -> host:8080 (192.168.1.100)\n 1. remote sends from 192.168.1.50 out eth0 (the destination is on that link)\n"), text)
        XCTAssertTrue(text.contains("nat DOCKER: -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80  => DNAT\n"), text)
        XCTAssertTrue(text.contains("DNAT: destination 192.168.1.100:8080 becomes 172.17.0.2:80\n"))
        XCTAssertTrue(text.contains("filter DOCKER: -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT  => ACCEPT\n"))
        XCTAssertTrue(text.hasSuffix("Verdict: delivered to web (172.17.0.2), where nginx listens on 80/tcp\n"), text)
    }

    func testIsolationAndErrors() {
        var s = Simulator(seed: 32)
        XCTAssertEqual(s.run(line: "docker network create n1").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker run -d --name a --network n1 busybox sleep 1000").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker run -d --name b busybox sleep 1000").exitCode, 0)
        // a is on n1 only: its embedded DNS does not know b, so a names b by its address.
        let unnamed = s.run(line: "why a b")
        XCTAssertEqual(unnamed.exitCode, 2)
        XCTAssertTrue(unnamed.stderr.hasPrefix("why: cannot resolve b from a\n"), unnamed.stderr)
        let out = s.run(line: "why a 172.17.0.2")
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stdout.hasSuffix("Verdict: not delivered — dropped by -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP\n"), out.stdout)
        XCTAssertEqual(s.run(line: "why a 8.8.8.8").exitCode, 0)
        XCTAssertTrue(s.run(line: "why a 172.17.0.2:80").stdout.contains("-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP"))
        XCTAssertEqual(s.run(line: "why nobody b").exitCode, 2)
        XCTAssertEqual(s.run(line: "why a").stderr, WhyMessages.text("en", .usage) + "\n")
        XCTAssertEqual(s.run(line: "docker run -d --name i --network none busybox sleep 1000").exitCode, 0)
        XCTAssertTrue(s.run(line: "why i 8.8.8.8").stdout.hasSuffix("Verdict: not delivered — Network is unreachable\n"))
    }

    func testEveryMessageHasEnglishText() {
        for key in WhyMessages.Key.allCases { XCTAssertFalse(WhyMessages.english[key]?.isEmpty ?? true, "\(key)") }
        XCTAssertEqual(WhyMessages.text("en", .dnat, "a", "b"), "DNAT: destination a becomes b")
    }
}
