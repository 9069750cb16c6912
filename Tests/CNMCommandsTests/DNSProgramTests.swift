import XCTest
@testable import CNMCommands

/// busybox `nslookup`, glibc `getent hosts`, and `cat` of the resolution files,
/// run through the simulator as a learner types them.
final class DNSProgramTests: XCTestCase {
    func sim(_ lines: [String]) -> Simulator {
        var s = Simulator(seed: 0)
        for line in lines {
            let out = s.run(line: line)
            XCTAssertEqual(out.exitCode, 0, "\(line): \(out.stderr)")
        }
        return s
    }

    func userNetwork() -> Simulator {
        sim([
            "docker network create mynet",
            "docker run -d --name c1 --network mynet busybox sleep 1000",
            "docker run -d --name c2 --network mynet busybox sleep 1000",
        ])
    }

    let server = "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n"

    func testNslookupOfAContainerShowsTheAAnswerAndNoAAAA() {
        var s = userNetwork()
        let out = s.run(line: "docker exec c1 nslookup c2")
        XCTAssertEqual(out.stdout, server + "Non-authoritative answer:\nName:\tc2\nAddress: 172.18.0.3\n\nNon-authoritative answer:\n\n")
        XCTAssertEqual(out.stderr, "")
        XCTAssertEqual(out.exitCode, 0)
    }

    func testNslookupOfAnUnknownNameIsNXDOMAINTwiceAndExit1() {
        var s = userNetwork()
        let out = s.run(line: "docker exec c1 nslookup c9")
        XCTAssertEqual(out.stdout, server + "** server can't find c9: NXDOMAIN\n\n** server can't find c9: NXDOMAIN\n\n")
        XCTAssertEqual(out.exitCode, 1)
    }

    func testNslookupOfAnAddressAsksForPTR() {
        var s = userNetwork()
        let out = s.run(line: "docker exec c1 nslookup 172.18.0.3")
        XCTAssertEqual(out.stdout, server + "Non-authoritative answer:\n3.0.18.172.in-addr.arpa\tname = c2.mynet\n\n")
        XCTAssertEqual(out.exitCode, 0)
    }

    func testNslookupOfAnExternalNameShowsBothFamilies() {
        var s = userNetwork()
        let out = s.run(line: "docker exec c1 nslookup example.com")
        XCTAssertEqual(out.stdout, server + "Non-authoritative answer:\nName:\texample.com\nAddress: 93.184.215.14\n\nNon-authoritative answer:\nName:\texample.com\nAddress: 2606:2800:21f:cb07:6820:80da:af6b:8b2c\n\n")
    }

    func testNslookupWithAnExplicitServerAndTypeOption() {
        var s = userNetwork()
        let out = s.run(line: "docker exec c1 nslookup -type=a nas.lan 192.168.1.1")
        XCTAssertEqual(out.stdout, "Server:\t\t192.168.1.1\nAddress:\t192.168.1.1:53\n\nNon-authoritative answer:\nName:\tnas.lan\nAddress: 192.168.1.20\n\n")
        let viaPublic = s.run(line: "docker exec c1 nslookup -type=a nas.lan 8.8.8.8")
        XCTAssertEqual(viaPublic.stdout, "Server:\t\t8.8.8.8\nAddress:\t8.8.8.8:53\n\n** server can't find nas.lan: NXDOMAIN\n\n")
        XCTAssertEqual(viaPublic.exitCode, 1)
    }

    func testNslookupRejectsUnknownQueryTypes() {
        var s = userNetwork()
        let out = s.run(line: "docker exec c1 nslookup -type=foo c2")
        XCTAssertEqual(out.stderr, "nslookup: invalid query type \"foo\"\n")
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertEqual(s.run(line: "docker exec c1 nslookup -type=mx c2").exitCode, 127)
    }

    func testNslookupOnTheDefaultBridgeAsksTheHostsServer() {
        var s = sim(["docker run -d --name b1 busybox sleep 1000", "docker run -d --name b2 busybox sleep 1000"])
        let out = s.run(line: "docker exec b1 nslookup b2")
        XCTAssertEqual(out.stdout, "Server:\t\t192.168.1.1\nAddress:\t192.168.1.1:53\n\n** server can't find b2: NXDOMAIN\n\n** server can't find b2: NXDOMAIN\n\n")
        XCTAssertEqual(out.exitCode, 1)
    }

    func testNslookupFromAnInternalNetworkGetsSERVFAIL() {
        var s = sim(["docker network create --internal secret", "docker run -d --name i1 --network secret busybox sleep 1000"])
        let out = s.run(line: "docker exec i1 nslookup example.com")
        XCTAssertEqual(out.stdout, server + "** server can't find example.com: SERVFAIL\n\n** server can't find example.com: SERVFAIL\n\n")
        XCTAssertEqual(out.exitCode, 1)
    }

    func testNslookupWithoutANetworkCannotConnect() {
        var s = Simulator(seed: 0)
        let out = s.run(line: "docker run --rm --network none busybox nslookup example.com")
        XCTAssertEqual(out.stdout, "")
        XCTAssertEqual(out.stderr, "nslookup: can't connect to remote host (192.168.1.1): Network is unreachable\n")
        XCTAssertEqual(out.exitCode, 1)
    }

    func testNslookupTimesOutAgainstASilentServer() {
        var s = userNetwork()
        let out = s.run(line: "docker exec c1 nslookup example.com 10.20.30.40")
        XCTAssertEqual(out.stdout, ";; connection timed out; no servers could be reached\n\n")
        XCTAssertEqual(out.exitCode, 1)
    }

    func testNslookupIsNotInDebianImagesNorOnTheHost() {
        var s = sim(["docker run -d --name web nginx"])
        let out = s.run(line: "docker exec web nslookup example.com")
        XCTAssertEqual(out.exitCode, 127)
        XCTAssertTrue(out.stdout.contains("executable file not found"))
        XCTAssertEqual(s.run(line: "nslookup example.com").exitCode, 127)
    }

    func testGetentHosts() {
        var s = userNetwork()
        _ = s.run(line: "docker run -d --name u1 --network mynet ubuntu sleep 1000")
        XCTAssertEqual(s.run(line: "docker exec u1 getent hosts c2").stdout, "172.18.0.3      c2\n")
        XCTAssertEqual(s.run(line: "docker exec u1 getent hosts localhost").stdout, "::1             localhost ip6-localhost ip6-loopback\n")
        XCTAssertEqual(s.run(line: "docker exec u1 getent hosts 172.18.0.3").stdout, "172.18.0.3      c2.mynet\n")
        XCTAssertEqual(s.run(line: "docker exec u1 getent hosts github.com").stdout, "140.82.121.4    github.com\n")
        let missing = s.run(line: "docker exec u1 getent hosts nosuch")
        XCTAssertEqual(missing.stdout, "")
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertEqual(s.run(line: "getent hosts docker-host").stdout, "127.0.1.1       docker-host\n")
        XCTAssertEqual(s.run(line: "getent hosts c2").exitCode, 2)
        XCTAssertEqual(s.run(line: "docker exec u1 getent passwd root").exitCode, 127)
    }

    func testCatOfTheResolutionFilesInsideAndOutside() {
        var s = userNetwork()
        let hosts = s.run(line: "docker exec c1 cat /etc/hosts")
        XCTAssertTrue(hosts.stdout.hasPrefix("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"))
        XCTAssertTrue(hosts.stdout.hasSuffix("172.18.0.2\t" + String(s.engine.allContainers[0].id.prefix(12)) + "\n"))
        let resolv = s.run(line: "docker exec c1 cat /etc/resolv.conf")
        XCTAssertTrue(resolv.stdout.contains("\nnameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n"))
        XCTAssertEqual(s.run(line: "cat /etc/resolv.conf").stdout, "nameserver 192.168.1.1\n")
        XCTAssertEqual(s.run(line: "docker exec c1 cat /etc/resolv.conf | grep nameserver").stdout, "nameserver 127.0.0.11\n")
    }

    func testRoundRobinAnswersRotateAndAreReproducible() {
        func answers() -> [String] {
            var s = sim([
                "docker network create mynet",
                "docker run -d --name client --network mynet busybox sleep 1000",
                "docker run -d --name w1 --network mynet --network-alias web busybox sleep 1000",
                "docker run -d --name w2 --network mynet --network-alias web busybox sleep 1000",
            ])
            return (0..<8).map { _ in
                let out = s.run(line: "docker exec client nslookup -type=a web").stdout
                return out.split(separator: "\n").filter { $0.hasPrefix("Address: ") }.joined(separator: ",")
            }
        }
        let first = answers()
        XCTAssertEqual(first, answers())
        XCTAssertEqual(Set(first), ["Address: 172.18.0.3,Address: 172.18.0.4", "Address: 172.18.0.4,Address: 172.18.0.3"])
    }
}
