import XCTest
@testable import CNMCommands
import CNMSim

/// Packets between the LAN's Docker hosts: each machine's own routes and
/// iptables decide, and `why` tells every machine's part.
final class LanMachinesTests: XCTestCase {
    func testHostsReachEachOtherAndPublishedPortsAcrossTheLan() {
        var sim = Simulator(seed: 2, hosts: Cluster.courseHosts)
        XCTAssertEqual(sim.run(line: "ping -c1 192.168.1.102").exitCode, 0)
        XCTAssertEqual(sim.run(line: "ssh worker1 docker run -d --name web -p 8080:80 nginx").exitCode, 0)
        // From a container on docker-host: masqueraded out of docker-host, DNAT on worker1.
        XCTAssertEqual(sim.run(line: "docker run -d --name c nginx:alpine").exitCode, 0)
        let curl = sim.run(line: "docker exec c curl -s http://192.168.1.102:8080/")
        XCTAssertTrue(curl.stdout.contains("<title>Welcome to nginx!</title>"), curl.stdout + curl.stderr)
        let why = sim.run(line: "why c 192.168.1.102:8080").stdout
        XCTAssertTrue(why.contains("MASQUERADE") || why.contains("masquerade") || why.contains("becomes 192.168.1.100"), why)
        XCTAssertTrue(why.contains("the frame crosses the LAN from 192.168.1.100 to 192.168.1.102 (machine worker1)"), why)
        XCTAssertTrue(why.contains("DNAT: destination 192.168.1.102:8080 becomes 172.17.0.2:80"), why)
        XCTAssertTrue(why.contains("web on worker1"), why)
        // worker1's DOCKER-USER drop stops it there, not on docker-host.
        _ = sim.run(line: "ssh worker1 iptables -I DOCKER-USER -s 192.168.1.100 -j DROP")
        XCTAssertNotEqual(sim.run(line: "docker exec c curl -s -m 2 http://192.168.1.102:8080/").exitCode, 0)
        XCTAssertTrue(sim.run(line: "why c 192.168.1.102:8080").stdout.contains("DOCKER-USER"))
    }

    func testWhyFromAnotherMachineWalksFromItsOwnStack() {
        var sim = Simulator(seed: 2, hosts: [HostSpec(name: "laptop", address: IPv4Address(192, 168, 1, 101))])
        XCTAssertEqual(sim.run(line: "docker run -d --name web -p 8080:80 nginx").exitCode, 0)
        let asSsh = sim.run(line: "ssh laptop why host 192.168.1.100:8080")
        let byName = sim.run(line: "why laptop host:8080")
        XCTAssertEqual(byName.exitCode, 0, byName.stdout + byName.stderr)
        XCTAssertTrue(byName.stdout.hasPrefix("why: laptop -> host:8080 (192.168.1.100)\n"), byName.stdout)
        XCTAssertTrue(byName.stdout.contains("host sends from 192.168.1.101 out eth0"), byName.stdout)
        // The same walk as ssh shows it, header aside.
        XCTAssertEqual(byName.stdout.split(separator: "\n").dropFirst(), asSsh.stdout.split(separator: "\n").dropFirst())
        XCTAssertEqual(sim.run(line: "why 192.168.1.101 host:8080").stdout, byName.stdout, "an address names its machine")
        // docker-host's DOCKER-USER decides, and a name laptop cannot resolve is laptop's problem.
        _ = sim.run(line: "iptables -I DOCKER-USER -s 192.168.1.101 -j DROP")
        let dropped = sim.run(line: "why laptop host:8080")
        XCTAssertEqual(dropped.exitCode, 1)
        XCTAssertTrue(dropped.stdout.contains("dropped by -A DOCKER-USER -s 192.168.1.101/32 -j DROP"), dropped.stdout)
        XCTAssertTrue(sim.run(line: "why laptop web:80").stderr.hasPrefix("why: cannot resolve web from laptop"))
        XCTAssertTrue(sim.run(line: "why nosuch host:80").stderr.contains("a machine that hosts lists"))
    }

    func testSshReadsTheRemoteCommandLineAgainOnEveryMachine() {
        var sim = Simulator(seed: 2, hosts: [HostSpec(name: "laptop", address: IPv4Address(192, 168, 1, 101))])
        XCTAssertEqual(sim.run(line: "docker run -d --name web -p 8080:80 nginx").exitCode, 0)
        // The quotes are removed here; the remote shell reads `%{http_code}\n` again: `\n` becomes `n`.
        let line = "curl -s -o /dev/null -w '%{http_code}\\n' http://192.168.1.100:8080"
        XCTAssertEqual(sim.run(line: "ssh remote " + line).stdout, "200n")
        XCTAssertEqual(sim.run(line: "ssh laptop " + line).stdout, "200n")
        XCTAssertEqual(sim.run(line: "ssh remote 'ping -c 1 192.168.1.100'").exitCode, 0)
        XCTAssertEqual(sim.run(line: "ssh remote 'curl -s x | wc -l'").exitCode, 127)
    }

    func testOtherHostsReachAMacvlanChildTheHostItselfCannot() {
        var sim = Simulator(seed: 2, hosts: Cluster.courseHosts)
        _ = sim.run(line: "docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan")
        XCTAssertEqual(sim.run(line: "docker run -d --name m --network lan --ip 192.168.1.200 nginx").exitCode, 0)
        XCTAssertNotEqual(sim.run(line: "ping -c1 -W1 192.168.1.200").exitCode, 0, "the host cannot reach its own macvlan child")
        XCTAssertEqual(sim.run(line: "ssh worker1 ping -c1 192.168.1.200").exitCode, 0)
        let curl = sim.run(line: "ssh worker2 curl -s http://192.168.1.200/")
        XCTAssertTrue(curl.stdout.contains("Welcome to nginx"), curl.stdout + curl.stderr)
    }

    func testAnUnknownLanAddressHasNoHost() {
        var sim = Simulator(seed: 2, hosts: Cluster.courseHosts)
        let why = sim.run(line: "why host 192.168.1.104")
        XCTAssertTrue(why.stdout.contains("no machine has the address 192.168.1.104"), why.stdout)
    }

    func testAPrivateAddressOffTheLanIsLostAtTheRouterNotAnsweredByTheInternet() {
        var sim = Simulator(seed: 2, hosts: Cluster.courseHosts)
        _ = sim.run(line: "docker swarm init")
        _ = sim.run(line: "docker network create -d overlay --attachable ov")
        _ = sim.run(line: "docker run -d --name a1 --network ov busybox sleep 600")
        XCTAssertNotEqual(sim.run(line: "ping -c1 10.0.1.2").exitCode, 0, "the host is not on the overlay")
        XCTAssertEqual(sim.run(line: "docker exec a1 ping -c1 10.0.1.2").exitCode, 0)
        let why = sim.run(line: "why host 10.0.1.2").stdout
        XCTAssertTrue(why.contains("the LAN router has no route to 10.0.1.2"), why)
        XCTAssertTrue(why.hasSuffix("Verdict: not delivered — nothing on the LAN or beyond routes 10.0.1.2; the sender times out\n"), why)
        XCTAssertEqual(sim.run(line: "ping -c1 8.8.8.8").exitCode, 0, "public addresses still answer")
    }
}
