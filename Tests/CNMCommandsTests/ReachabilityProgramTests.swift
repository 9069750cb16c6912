import XCTest
@testable import CNMCommands
import CNMSim

/// ping, curl, wget, nc, redis-cli and traceroute over the simulated packet path (reachability as
/// Docker 28.2's iptables rules give it, the tools' own output shapes).
final class ReachabilityProgramTests: XCTestCase {
    private func sim(_ lines: [String], seed: UInt64 = 21) -> Simulator {
        var s = Simulator(seed: seed)
        for l in lines { XCTAssertEqual(s.run(line: l).exitCode, 0, l) }
        return s
    }

    private func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    func testBusyboxPingShapes() {
        var s = sim(["docker network create mynet",
                     "docker run -d --name c1 --network mynet busybox sleep 1000",
                     "docker run -d --name c2 --network mynet busybox sleep 1000",
                     "docker run -d --name d1 busybox sleep 1000"])
        let ok = s.run(line: "docker exec c1 ping -c 2 c2")
        XCTAssertEqual(ok.exitCode, 0)
        let l = lines(ok.stdout)
        XCTAssertEqual(l.count, 8)
        XCTAssertEqual(l[0], "PING c2 (172.18.0.3): 56 data bytes")
        XCTAssertTrue(l[1].hasPrefix("64 bytes from 172.18.0.3: seq=0 ttl=64 time=0.") && l[1].hasSuffix(" ms"), l[1])
        XCTAssertTrue(l[2].hasPrefix("64 bytes from 172.18.0.3: seq=1 ttl=64 time="), l[2])
        XCTAssertEqual(l[3], "")
        XCTAssertEqual(l[4], "--- c2 ping statistics ---")
        XCTAssertEqual(l[5], "2 packets transmitted, 2 packets received, 0% packet loss")
        XCTAssertTrue(l[6].hasPrefix("round-trip min/avg/max = "))
        // Another bridge network, by IP: dropped.
        let lost = s.run(line: "docker exec c1 ping -c 1 172.17.0.2")
        XCTAssertEqual(lost.stdout, "PING 172.17.0.2 (172.17.0.2): 56 data bytes\n\n--- 172.17.0.2 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n")
        XCTAssertEqual(lost.exitCode, 1)
        // Default bridge peers by IP work.
        XCTAssertEqual(s.run(line: "docker run -d --name d2 busybox sleep 1000").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker exec d2 ping -c 1 172.17.0.2").exitCode, 0)
        // Internet works (MASQUERADE).
        XCTAssertEqual(s.run(line: "docker exec c1 ping -c 1 8.8.8.8").exitCode, 0)
    }

    func testUnreachableFromInternalAndNone() {
        var s = sim(["docker network create --internal secret",
                     "docker run -d --name i1 --network secret busybox sleep 1000",
                     "docker run -d --name i2 --network secret busybox sleep 1000",
                     "docker run -d --name n1 --network none busybox sleep 1000"])
        let out = s.run(line: "docker exec i1 ping -c 1 8.8.8.8")
        XCTAssertEqual(out.stdout, "PING 8.8.8.8 (8.8.8.8): 56 data bytes\n")
        XCTAssertEqual(out.stderr, "ping: sendto: Network is unreachable\n")
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertEqual(s.run(line: "docker exec i1 ping -c 1 172.18.0.3").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker exec i1 ping -c 1 172.18.0.1").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker exec n1 ping -c 1 172.17.0.1").stderr, "ping: sendto: Network is unreachable\n")
        XCTAssertEqual(s.run(line: "docker exec n1 ping -c 1 127.0.0.1").exitCode, 0)
    }

    func testICCOffDropsPeer() {
        var s = sim(["docker network create -o com.docker.network.bridge.enable_icc=false quiet",
                     "docker run -d --name q1 --network quiet busybox sleep 1000",
                     "docker run -d --name q2 --network quiet -p 8081:80 nginx:alpine"])
        XCTAssertTrue(s.run(line: "docker exec q1 ping -c 1 172.18.0.3").stdout.contains("100% packet loss"))
        XCTAssertEqual(s.run(line: "docker exec q1 ping -c 1 8.8.8.8").exitCode, 0)
        // The published port via the host address works (docker-proxy).
        XCTAssertEqual(s.run(line: "docker exec q1 wget -qO- 192.168.1.100:8081").stdout, SimulatedHTTP.nginxWelcome)
    }

    func testCurlPublishedPortAndServices() {
        var s = sim(["docker network create mynet",
                     "docker run -d --name web --hostname web1 --network mynet -p 8080:80 nginx",
                     "docker run -d --name api --network mynet httpd",
                     "docker run -d --name r1 --network mynet redis",
                     "docker run -d --name r2 --network mynet redis"])
        XCTAssertEqual(s.run(line: "curl localhost:8080").stdout, SimulatedHTTP.nginxWelcome)
        XCTAssertEqual(s.run(line: "curl -s http://192.168.1.100:8080/").stdout, SimulatedHTTP.nginxWelcome)
        let head = s.run(line: "curl -I localhost:8080").stdout
        XCTAssertTrue(head.hasPrefix("HTTP/1.1 200 OK\r\nServer: nginx/1.27.5\r\n"), head)
        XCTAssertTrue(head.contains("Content-Length: 615\r\n"))
        XCTAssertFalse(head.contains("X-Cnmlab"), "no invented headers")
        XCTAssertEqual(s.run(line: "docker exec web curl -s api").stdout, "<html><body><h1>It works!</h1></body></html>\n")
        XCTAssertEqual(s.run(line: "docker exec r2 redis-cli -h r1 ping").stdout, "PONG\n")
        let refused = s.run(line: "curl localhost:8081")
        XCTAssertEqual(refused.stderr, "curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server\n")
        XCTAssertEqual(refused.exitCode, 7)
        // curl 7.88.1 says what curl 8 says (`Couldn't connect to server`); -s keeps the meter of a piped exec away.
        XCTAssertEqual(s.run(line: "docker exec web curl -sS 172.18.0.2:81").stderr,
                       "curl: (7) Failed to connect to 172.18.0.2 port 81 after 0 ms: Couldn't connect to server\n")
    }

    func testDockerUserBlocksRemoteButNotHost() {
        var s = sim(["docker run -d --name web -p 8080:80 nginx",
                     "iptables -I DOCKER-USER -s 192.168.1.50 -j DROP"])
        let blocked = s.run(line: "why remote 192.168.1.100:8080")
        XCTAssertEqual(blocked.exitCode, 1)
        XCTAssertTrue(blocked.stdout.hasSuffix("Verdict: not delivered — dropped by -A DOCKER-USER -s 192.168.1.50/32 -j DROP\n"), blocked.stdout)
        XCTAssertEqual(s.run(line: "why host localhost:8080").exitCode, 0)
        XCTAssertEqual(s.run(line: "curl -s localhost:8080").stdout, SimulatedHTTP.nginxWelcome)
        // The rule survives another docker run, and still blocks.
        XCTAssertEqual(s.run(line: "docker run -d --name web2 -p 8081:80 nginx").exitCode, 0)
        XCTAssertEqual(s.run(line: "why remote 192.168.1.100:8081").exitCode, 1)
        XCTAssertEqual(s.run(line: "iptables -D DOCKER-USER 1").exitCode, 0)
        XCTAssertEqual(s.run(line: "why remote 192.168.1.100:8081").exitCode, 0)
    }

    func testCurlTimeoutWhenDropped() {
        var s = sim(["docker run -d --name web nginx",
                     "iptables -I DOCKER-USER -p tcp --dport 80 -j DROP",
                     "docker network create other",
                     "docker run -d --name o --network other nginx"])
        // o reaches web's IP on another network: raw PREROUTING drops it; curl times out.
        let out = s.run(line: "docker exec o curl -sS -m 5 172.17.0.2")
        XCTAssertEqual(out.stderr, "curl: (28) Connection timed out after 5001 milliseconds\n")
        // Without -s, docker exec's pipe gets curl's meter: a line each second while it waits.
        let meter = s.run(line: "docker exec o curl -m 2 172.17.0.2").stderr
        let lines = meter.split(separator: "\r").map(String.init)
        XCTAssertEqual(lines.count, 5, meter)
        XCTAssertTrue(lines[1].hasPrefix("  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0"))
        XCTAssertTrue(meter.hasSuffix("\ncurl: (28) Connection timed out after 2001 milliseconds\n"), meter)
        XCTAssertTrue(meter.contains(" 0:00:01 ") || meter.contains(" 0:00:02 "), meter)
        XCTAssertEqual(out.exitCode, 28)
    }

    func testNcAndTraceroute() {
        var s = sim(["docker network create mynet",
                     "docker run -d --name web --network mynet nginx:alpine",
                     "docker run -d --name c1 --network mynet busybox sleep 1000"])
        let open = s.run(line: "docker exec c1 nc -zv web 80")
        XCTAssertEqual(open.stderr, "web (172.18.0.2:80) open\n")
        XCTAssertEqual(open.exitCode, 0)
        XCTAssertEqual(s.run(line: "docker exec c1 nc -zv web 81").stderr, "nc: web (172.18.0.2:81): Connection refused\n")
        let tr = s.run(line: "docker exec c1 traceroute 172.18.0.2").stdout
        XCTAssertTrue(tr.hasPrefix("traceroute to 172.18.0.2 (172.18.0.2), 30 hops max, 46 byte packets\n 1  172.18.0.2 (172.18.0.2)  "), tr)
        XCTAssertEqual(lines(tr).count, 3)
    }

    func testHostPingShapes() {
        var s = sim(["docker run -d --name d1 busybox sleep 1000"])
        let out = s.run(line: "ping -c 1 172.17.0.2")
        let l = lines(out.stdout)
        XCTAssertEqual(l[0], "PING 172.17.0.2 (172.17.0.2) 56(84) bytes of data.")
        XCTAssertTrue(l[1].hasPrefix("64 bytes from 172.17.0.2: icmp_seq=1 ttl=64 time="))
        XCTAssertEqual(l[4], "1 packets transmitted, 1 received, 0% packet loss, time 0ms")
        let none = s.run(line: "ping -c 2 192.168.1.77")
        XCTAssertEqual(none.stdout, """
        PING 192.168.1.77 (192.168.1.77) 56(84) bytes of data.
        From 192.168.1.100 icmp_seq=1 Destination Host Unreachable
        From 192.168.1.100 icmp_seq=2 Destination Host Unreachable

        --- 192.168.1.77 ping statistics ---
        2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1002ms

        """)
        XCTAssertEqual(none.exitCode, 1)
    }

    func testHostnameFlags() {
        var s = sim(["docker network create mynet",
                     "docker run -d --name c1 --network mynet busybox sleep 1000"])
        XCTAssertEqual(s.run(line: "hostname -I").stdout, "192.168.1.100 172.17.0.1 172.18.0.1 \n")
        // busybox hostname -i (networking/hostname.c): spaces between addresses, none after the last.
        XCTAssertEqual(s.run(line: "docker exec c1 hostname -i").stdout, "172.18.0.2\n")
    }
}

extension ReachabilityProgramTests {
    func testMysqlConnectionAttempts() {
        var s = sim(["docker network create app",
                     "docker run -d --name db --network app -e MYSQL_ROOT_PASSWORD=x mysql",
                     "docker run -d --name cli --network app -e MYSQL_ROOT_PASSWORD=x mysql"])
        XCTAssertEqual(s.run(line: "docker exec cli mysql -h db").stderr,
                       "ERROR 1045 (28000): Access denied for user 'root'@'172.18.0.3' (using password: NO)\n")
        XCTAssertEqual(s.run(line: "docker exec cli mysql -h db -P 3307").stderr,
                       "ERROR 2003 (HY000): Can't connect to MySQL server on 'db:3307' (111)\n")
        XCTAssertEqual(s.run(line: "docker exec cli mysql -h nosuch").stderr,
                       "ERROR 2005 (HY000): Unknown MySQL server host 'nosuch' (-2)\n")
    }
}

extension ReachabilityProgramTests {
    /// The remote machine reaches the published port, not the container's address; a DOCKER-USER
    /// rule for its address blocks it while the host itself still gets through.
    func testSshRemoteSeesTheOutsideView() {
        var s = sim(["docker run -d --name web -p 8080:80 nginx"])
        XCTAssertEqual(s.run(line: "ssh remote curl -s 192.168.1.100:8080").stdout, SimulatedHTTP.nginxWelcome)
        let direct = s.run(line: "ssh remote curl -m 2 172.17.0.2")
        XCTAssertEqual(direct.stderr, "curl: (28) Connection timed out after 2001 milliseconds\n")
        XCTAssertEqual(direct.exitCode, 28)
        XCTAssertEqual(s.run(line: "iptables -I DOCKER-USER -s 192.168.1.50 -j DROP").exitCode, 0)
        XCTAssertEqual(s.run(line: "ssh remote curl -m 3 192.168.1.100:8080").exitCode, 28)
        XCTAssertEqual(s.run(line: "curl -s localhost:8080").stdout, SimulatedHTTP.nginxWelcome)
        XCTAssertEqual(s.run(line: "ssh other ls").exitCode, 255)
    }

    /// curl's CRLF header lines survive `head` and `grep` in a pipe.
    func testHeadersThroughPipes() {
        var s = sim(["docker run -d --name web --hostname web1 -p 8080:80 nginx"])
        XCTAssertEqual(s.run(line: "curl -sI localhost:8080 | head -1").stdout, "HTTP/1.1 200 OK\r\n")
        XCTAssertEqual(s.run(line: "curl -sI localhost:8080 | grep -c X-Cnmlab").stdout, "0\n")
    }
}
