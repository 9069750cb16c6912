import XCTest
@testable import CNMCommands
import CNMSim

/// moby v28.2.2 integration/network/bridge/iptablesdoc/generated/usernet-portmap.md with names
/// substituted: `docker network create mynet` and
/// `docker run -d --name web --network mynet -p 8080:80 nginx`, listed byte for byte.
final class IptablesListingTests: XCTestCase {
    private func workedExample() -> (Simulator, String) {
        var sim = Simulator(seed: 7)
        XCTAssertEqual(sim.run(line: "docker network create mynet").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker run -d --name web --network mynet -p 8080:80 nginx").exitCode, 0)
        let bridge = sim.engine.network(named: "mynet")?.deviceName ?? "?"
        return (sim, bridge)
    }

    func testFilterSpecs() {
        var (sim, br) = workedExample()
        let expected = """
        -P INPUT ACCEPT
        -P FORWARD DROP
        -P OUTPUT ACCEPT
        -N DOCKER
        -N DOCKER-BRIDGE
        -N DOCKER-CT
        -N DOCKER-FORWARD
        -N DOCKER-ISOLATION-STAGE-1
        -N DOCKER-ISOLATION-STAGE-2
        -N DOCKER-USER
        -A FORWARD -j DOCKER-USER
        -A FORWARD -j DOCKER-FORWARD
        -A DOCKER -d 172.18.0.2/32 ! -i br-3c1a9d8f6e2b -o br-3c1a9d8f6e2b -p tcp -m tcp --dport 80 -j ACCEPT
        -A DOCKER ! -i docker0 -o docker0 -j DROP
        -A DOCKER ! -i br-3c1a9d8f6e2b -o br-3c1a9d8f6e2b -j DROP
        -A DOCKER-BRIDGE -o docker0 -j DOCKER
        -A DOCKER-BRIDGE -o br-3c1a9d8f6e2b -j DOCKER
        -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A DOCKER-CT -o br-3c1a9d8f6e2b -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A DOCKER-FORWARD -j DOCKER-CT
        -A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
        -A DOCKER-FORWARD -j DOCKER-BRIDGE
        -A DOCKER-FORWARD -i docker0 -j ACCEPT
        -A DOCKER-FORWARD -i br-3c1a9d8f6e2b -j ACCEPT
        -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
        -A DOCKER-ISOLATION-STAGE-1 -i br-3c1a9d8f6e2b ! -o br-3c1a9d8f6e2b -j DOCKER-ISOLATION-STAGE-2
        -A DOCKER-ISOLATION-STAGE-2 -o br-3c1a9d8f6e2b -j DROP
        -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP

        """.replacingOccurrences(of: "br-3c1a9d8f6e2b", with: br)
        let out = sim.run(line: "iptables -S")
        XCTAssertEqual(out.stdout, expected)
        XCTAssertEqual(out.exitCode, 0)
    }

    func testNatSpecs() {
        var (sim, br) = workedExample()
        let expected = """
        -P PREROUTING ACCEPT
        -P INPUT ACCEPT
        -P OUTPUT ACCEPT
        -P POSTROUTING ACCEPT
        -N DOCKER
        -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
        -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
        -A POSTROUTING -s 172.18.0.0/16 ! -o br-3c1a9d8f6e2b -j MASQUERADE
        -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
        -A DOCKER -i br-3c1a9d8f6e2b -j RETURN
        -A DOCKER -i docker0 -j RETURN
        -A DOCKER ! -i br-3c1a9d8f6e2b -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:80

        """.replacingOccurrences(of: "br-3c1a9d8f6e2b", with: br)
        XCTAssertEqual(sim.run(line: "iptables -t nat -S").stdout, expected)
    }

    func testRawSpecs() {
        var (sim, br) = workedExample()
        let expected = """
        -P PREROUTING ACCEPT
        -P OUTPUT ACCEPT
        -A PREROUTING -d 172.18.0.2/32 ! -i br-3c1a9d8f6e2b -j DROP

        """.replacingOccurrences(of: "br-3c1a9d8f6e2b", with: br)
        XCTAssertEqual(sim.run(line: "iptables -t raw -S").stdout, expected)
    }

    /// Real iptables pads the destination column, so its lines end in spaces; the
    /// reference shows them trimmed, so lines are compared with trailing spaces removed
    /// and the padding itself is checked separately.
    private func trimmed(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }

    func testFilterListVerbose() {
        var (sim, br) = workedExample()
        let out = sim.run(line: "iptables -L -n -v").stdout
        let forward = """
        Chain FORWARD (policy DROP 0 packets, 0 bytes)
         pkts bytes target     prot opt in     out     source               destination
            0     0 DOCKER-USER  0    --  *      *       0.0.0.0/0            0.0.0.0/0
            0     0 DOCKER-FORWARD  0    --  *      *       0.0.0.0/0            0.0.0.0/0

        """
        let docker = """
        Chain DOCKER (2 references)
         pkts bytes target     prot opt in     out     source               destination
            0     0 ACCEPT     6    --  !br-3c1a9d8f6e2b br-3c1a9d8f6e2b  0.0.0.0/0            172.18.0.2           tcp dpt:80
            0     0 DROP       0    --  !docker0 docker0  0.0.0.0/0            0.0.0.0/0
            0     0 DROP       0    --  !br-3c1a9d8f6e2b br-3c1a9d8f6e2b  0.0.0.0/0            0.0.0.0/0

        """.replacingOccurrences(of: "br-3c1a9d8f6e2b", with: br)
        XCTAssertTrue(trimmed(out).contains(forward), out)
        XCTAssertTrue(trimmed(out).contains(docker), out)
        XCTAssertTrue(out.contains(" pkts bytes target     prot opt in     out     source               destination         \n"))
    }

    func testNatListNumeric() {
        var (sim, _) = workedExample()
        let out = trimmed(sim.run(line: "iptables -t nat -L -n").stdout)
        let expected = """
        Chain PREROUTING (policy ACCEPT)
        target     prot opt source               destination
        DOCKER     0    --  0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL

        Chain INPUT (policy ACCEPT)
        target     prot opt source               destination

        Chain OUTPUT (policy ACCEPT)
        target     prot opt source               destination
        DOCKER     0    --  0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL

        Chain POSTROUTING (policy ACCEPT)
        target     prot opt source               destination
        MASQUERADE  0    --  172.18.0.0/16        0.0.0.0/0
        MASQUERADE  0    --  172.17.0.0/16        0.0.0.0/0

        Chain DOCKER (2 references)
        target     prot opt source               destination
        RETURN     0    --  0.0.0.0/0            0.0.0.0/0
        RETURN     0    --  0.0.0.0/0            0.0.0.0/0
        DNAT       6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.18.0.2:80

        """
        XCTAssertEqual(out, expected)
    }

    func testFreshDaemonAndErrors() {
        var sim = Simulator(seed: 1)
        XCTAssertEqual(sim.run(line: "iptables -t nat -S POSTROUTING").stdout,
                       "-P POSTROUTING ACCEPT\n-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n")
        XCTAssertEqual(sim.run(line: "iptables -S DOCKER-USER").stdout, "-N DOCKER-USER\n")
        let missing = sim.run(line: "iptables -L NOPE")
        XCTAssertEqual(missing.stderr, "iptables: No chain/target/match by that name.\n")
        XCTAssertEqual(missing.exitCode, 1)
        let badDelete = sim.run(line: "iptables -D DOCKER-USER -j DROP")
        XCTAssertEqual(badDelete.stderr, "iptables: Bad rule (does a matching rule exist in that chain?).\n")
        XCTAssertEqual(sim.run(line: "iptables -N DOCKER").stderr, "iptables: Chain already exists.\n")
        XCTAssertEqual(sim.run(line: "iptables -A INPUT -p tcp --dport 22 -j NOPE").exitCode, 2)
        XCTAssertEqual(sim.run(line: "iptables -A INPUT --dport 22 -j DROP").stderr,
                       "iptables v1.8.10 (nf_tables): unknown option \"--dport\"\nTry `iptables -h' or 'iptables --help' for more information.\n")
        XCTAssertEqual(sim.run(line: "iptables -X DOCKER").exitCode, 1)
    }

    func testLearnerEditsRoundTrip() {
        var sim = Simulator(seed: 1)
        XCTAssertEqual(sim.run(line: "iptables -I DOCKER-USER -s 192.168.1.50 -p tcp -m multiport --dports 80,443 -j REJECT").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -A DOCKER-USER ! -i eth0 -m conntrack --ctstate NEW,ESTABLISHED -j LOG --log-prefix blocked").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -S DOCKER-USER").stdout, """
        -N DOCKER-USER
        -A DOCKER-USER -s 192.168.1.50/32 -p tcp -m multiport --dports 80,443 -j REJECT --reject-with icmp-port-unreachable
        -A DOCKER-USER ! -i eth0 -m conntrack --ctstate NEW,ESTABLISHED -j LOG --log-prefix "blocked"

        """)
        XCTAssertEqual(sim.run(line: "iptables -D DOCKER-USER 1").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -R DOCKER-USER 1 -p udp --dport 53 -j ACCEPT").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -L DOCKER-USER -n --line-numbers").stdout, """
        Chain DOCKER-USER (1 references)
        num  target     prot opt source               destination         
        1    ACCEPT     17   --  0.0.0.0/0            0.0.0.0/0            udp dpt:53

        """)
        XCTAssertEqual(sim.run(line: "iptables -F DOCKER-USER").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -N MYCHAIN && iptables -X MYCHAIN").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -P FORWARD ACCEPT && iptables -S FORWARD").stdout,
                       "-P FORWARD ACCEPT\n-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-FORWARD\n")
    }

    /// A learner's rule stays where it was when Docker programs a new container.
    func testLearnerRuleSurvivesDockerRun() {
        var sim = Simulator(seed: 3)
        XCTAssertEqual(sim.run(line: "iptables -I DOCKER-USER -s 192.168.1.50 -j DROP").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -A DOCKER ! -i docker0 -o docker0 -p icmp -j ACCEPT").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker run -d --name web -p 8080:80 nginx").exitCode, 0)
        let ip = sim.engine.containers.values.first?.name == "web" ? "172.17.0.2" : "172.17.0.2"
        XCTAssertEqual(sim.run(line: "iptables -S DOCKER-USER").stdout, "-N DOCKER-USER\n-A DOCKER-USER -s 192.168.1.50/32 -j DROP\n")
        XCTAssertEqual(sim.run(line: "iptables -S DOCKER").stdout, """
        -N DOCKER
        -A DOCKER -d \(ip)/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
        -A DOCKER ! -i docker0 -o docker0 -j DROP
        -A DOCKER ! -i docker0 -o docker0 -p icmp -j ACCEPT

        """)
        XCTAssertEqual(sim.run(line: "docker rm -f web").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -S DOCKER").stdout, """
        -N DOCKER
        -A DOCKER ! -i docker0 -o docker0 -j DROP
        -A DOCKER ! -i docker0 -o docker0 -p icmp -j ACCEPT

        """)
        XCTAssertEqual(sim.run(line: "iptables -S DOCKER-USER").stdout, "-N DOCKER-USER\n-A DOCKER-USER -s 192.168.1.50/32 -j DROP\n")
    }

    func testInternalAndNoICCRules() {
        var sim = Simulator(seed: 5)
        XCTAssertEqual(sim.run(line: "docker network create --internal -o com.docker.network.bridge.name=bridgeICC --subnet 192.0.2.0/24 int1").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker network create -o com.docker.network.bridge.enable_icc=false -o com.docker.network.bridge.name=bridge1 --subnet 198.51.100.0/24 noicc").exitCode, 0)
        let out = sim.run(line: "iptables -S DOCKER-FORWARD; iptables -S DOCKER-ISOLATION-STAGE-1").stdout
        XCTAssertEqual(out, """
        -N DOCKER-FORWARD
        -A DOCKER-FORWARD -j DOCKER-CT
        -A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
        -A DOCKER-FORWARD -j DOCKER-BRIDGE
        -A DOCKER-FORWARD -i docker0 -j ACCEPT
        -A DOCKER-FORWARD -i bridgeICC -o bridgeICC -j ACCEPT
        -A DOCKER-FORWARD -i bridge1 -o bridge1 -j DROP
        -A DOCKER-FORWARD -i bridge1 ! -o bridge1 -j ACCEPT
        -N DOCKER-ISOLATION-STAGE-1
        -A DOCKER-ISOLATION-STAGE-1 ! -s 192.0.2.0/24 -o bridgeICC -j DROP
        -A DOCKER-ISOLATION-STAGE-1 ! -d 192.0.2.0/24 -i bridgeICC -j DROP
        -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
        -A DOCKER-ISOLATION-STAGE-1 -i bridge1 ! -o bridge1 -j DOCKER-ISOLATION-STAGE-2

        """)
    }

    func testLoopbackBinding() {
        var sim = Simulator(seed: 9)
        XCTAssertEqual(sim.run(line: "docker run -d --name c1 -p 127.0.0.1:8080:80 nginx").exitCode, 0)
        XCTAssertEqual(sim.run(line: "iptables -t raw -S PREROUTING").stdout, """
        -P PREROUTING ACCEPT
        -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
        -A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8080 -j DROP

        """)
        XCTAssertTrue(sim.run(line: "iptables -t nat -S DOCKER").stdout.contains(
            "-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n"))
        XCTAssertTrue(sim.run(line: "iptables-save").stdout.contains("*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"))
    }
}
