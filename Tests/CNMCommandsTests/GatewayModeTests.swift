import XCTest
@testable import CNMCommands
import CNMSim

/// `com.docker.network.bridge.gateway_mode_ipv4` (issue 16 item 7), rule for rule as moby
/// v28.2.2 documents them in integration/network/bridge/iptablesdoc/generated/
/// usernet-portmap-natunprot.md (lines 64-92, 136-148) and usernet-portmap-routed.md (lines 68-98,
/// 173-184). Those documents were generated on a host whose FORWARD policy stayed ACCEPT; the
/// simulated daemon enabled IP forwarding itself and so set it to DROP, the one line that differs.
final class GatewayModeTests: XCTestCase {
    private func sim(mode: String) -> Simulator {
        var sim = Simulator(seed: 0)
        let create = sim.run(line: "docker network create -o com.docker.network.bridge.name=bridge1 "
                             + "-o com.docker.network.bridge.gateway_mode_ipv4=\(mode) --subnet 192.0.2.0/24 --gateway 192.0.2.1 bridge1")
        XCTAssertEqual(create.exitCode, 0, create.stderr)
        XCTAssertEqual(sim.run(line: "docker run -d --network bridge1 -p 8080:80 --name c1 nginx:alpine").exitCode, 0)
        return sim
    }

    /// The rule lines of a listing (the `-P` policy lines aside).
    private func rules(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("-P ") }
    }

    func testNatUnprotectedFollowsMobysGeneratedDocument() {
        var s = sim(mode: "nat-unprotected")
        XCTAssertEqual(rules(s.run(line: "iptables -S").stdout), [
            "-N DOCKER", "-N DOCKER-BRIDGE", "-N DOCKER-CT", "-N DOCKER-FORWARD", "-N DOCKER-ISOLATION-STAGE-1",
            "-N DOCKER-ISOLATION-STAGE-2", "-N DOCKER-USER",
            "-A FORWARD -j DOCKER-USER",
            "-A FORWARD -j DOCKER-FORWARD",
            "-A DOCKER ! -i docker0 -o docker0 -j DROP",
            "-A DOCKER ! -i bridge1 -o bridge1 -j ACCEPT",
            "-A DOCKER-BRIDGE -o docker0 -j DOCKER",
            "-A DOCKER-BRIDGE -o bridge1 -j DOCKER",
            "-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A DOCKER-FORWARD -j DOCKER-CT",
            "-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1",
            "-A DOCKER-FORWARD -j DOCKER-BRIDGE",
            "-A DOCKER-FORWARD -i docker0 -j ACCEPT",
            "-A DOCKER-FORWARD -i bridge1 -j ACCEPT",
            "-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2",
            "-A DOCKER-ISOLATION-STAGE-1 -i bridge1 ! -o bridge1 -j DOCKER-ISOLATION-STAGE-2",
            "-A DOCKER-ISOLATION-STAGE-2 -o bridge1 -j DROP",
            "-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP",
        ])
        XCTAssertEqual(rules(s.run(line: "iptables -t nat -S").stdout), [
            "-N DOCKER",
            "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
            "-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER",
            "-A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE",
            "-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE",
            "-A DOCKER -i bridge1 -j RETURN",
            "-A DOCKER -i docker0 -j RETURN",
            "-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80",
        ])
        // No direct-access guard in raw PREROUTING (iptabler/endpoint.go filterDirectAccess).
        XCTAssertEqual(rules(s.run(line: "iptables -t raw -S").stdout), [])
        // So the LAN reaches the container's own address on any port it serves.
        XCTAssertEqual(s.run(line: "ssh remote curl -s -m 2 -I http://192.0.2.2/").exitCode, 0)
    }

    func testRoutedFollowsMobysGeneratedDocument() {
        var s = sim(mode: "routed")
        XCTAssertEqual(rules(s.run(line: "iptables -S").stdout), [
            "-N DOCKER", "-N DOCKER-BRIDGE", "-N DOCKER-CT", "-N DOCKER-FORWARD", "-N DOCKER-ISOLATION-STAGE-1",
            "-N DOCKER-ISOLATION-STAGE-2", "-N DOCKER-USER",
            "-A FORWARD -j DOCKER-USER",
            "-A FORWARD -j DOCKER-FORWARD",
            "-A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT",
            "-A DOCKER ! -i docker0 -o docker0 -j DROP",
            "-A DOCKER -o bridge1 -p icmp -j ACCEPT",
            "-A DOCKER ! -i bridge1 -o bridge1 -j DROP",
            "-A DOCKER-BRIDGE -o docker0 -j DOCKER",
            "-A DOCKER-BRIDGE -o bridge1 -j DOCKER",
            "-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A DOCKER-FORWARD -j DOCKER-CT",
            "-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1",
            "-A DOCKER-FORWARD -j DOCKER-BRIDGE",
            "-A DOCKER-FORWARD -i docker0 -j ACCEPT",
            "-A DOCKER-FORWARD -i bridge1 -j ACCEPT",
            "-A DOCKER-ISOLATION-STAGE-1 -i bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A DOCKER-ISOLATION-STAGE-1 -o bridge1 -j RETURN",
            "-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2",
            "-A DOCKER-ISOLATION-STAGE-1 -i bridge1 ! -o bridge1 -j DOCKER-ISOLATION-STAGE-2",
            "-A DOCKER-ISOLATION-STAGE-2 -o bridge1 -j DROP",
            "-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP",
        ])
        XCTAssertEqual(rules(s.run(line: "iptables -t nat -S").stdout), [
            "-N DOCKER",
            "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
            "-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER",
            "-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE",
            "-A DOCKER -i bridge1 -j RETURN",
            "-A DOCKER -i docker0 -j RETURN",
        ])
        // No NAT for IPv4: the binding opens 80/tcp on 0.0.0.0 without a host port (integration/networking/
        // port_mapping_linux_test.go TestDisableNAT "nat6 routed4"); nothing listens on 127.0.0.1:8080.
        XCTAssertEqual(s.run(line: "docker port c1").stdout, "80/tcp -> 0.0.0.0:\n80/tcp -> [::]:8080\n")
        XCTAssertEqual(s.run(line: "docker inspect -f '{{json .NetworkSettings.Ports}}' c1").stdout,
                       "{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"\"},{\"HostIp\":\"::\",\"HostPort\":\"8080\"}]}\n")
        XCTAssertNotEqual(s.run(line: "curl -s http://127.0.0.1:8080/").exitCode, 0)
        // The LAN reaches the container at its own address: the published port and ICMP, nothing else.
        XCTAssertEqual(s.run(line: "ssh remote curl -s -m 2 -I http://192.0.2.2/").exitCode, 0)
        XCTAssertEqual(s.run(line: "ssh remote ping -c 1 192.0.2.2").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker run -d --network bridge1 --name c2 redis").exitCode, 0)
        let direct = s.run(line: "why remote 192.0.2.3:6379")
        XCTAssertTrue(direct.stdout.contains("-A DOCKER ! -i bridge1 -o bridge1 -j DROP"), direct.stdout)
    }

    func testNatModeStillGuardsTheContainersAddress() {
        var s = sim(mode: "nat")
        XCTAssertEqual(rules(s.run(line: "iptables -t raw -S").stdout), ["-A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -j DROP"])
        XCTAssertNotEqual(s.run(line: "ssh remote curl -s -m 2 http://192.0.2.2/").exitCode, 0)
    }

    /// moby v28.2.2 libnetwork/drivers/bridge/bridge_linux.go:374 `newGwMode`, :400 `parseErr`, :672.
    func testOtherValuesAndIsolatedOutsideInternalAreRefused() {
        var s = Simulator(seed: 0)
        let bad = s.run(line: "docker network create -o com.docker.network.bridge.gateway_mode_ipv4=foo n")
        XCTAssertEqual(bad.stderr, "Error response from daemon: failed to parse com.docker.network.bridge.gateway_mode_ipv4 value: foo (unknown gateway mode foo)\n")
        XCTAssertEqual(bad.exitCode, 1)
        let iso = s.run(line: "docker network create -o com.docker.network.bridge.gateway_mode_ipv4=isolated n")
        XCTAssertEqual(iso.stderr, "Error response from daemon: gateway mode 'isolated' can only be used for an internal network\n")
        XCTAssertEqual(s.run(line: "docker network ls -q --filter name=^n$").stdout, "")
    }

    /// An isolated network: no gateway address, no route on the host, no rules at all.
    func testIsolatedInternalNetworkHasNoGatewayRouteOrRules() {
        var s = Simulator(seed: 0)
        let before = s.run(line: "iptables-save").stdout
        XCTAssertEqual(s.run(line: "docker network create --internal -o com.docker.network.bridge.gateway_mode_ipv4=isolated --subnet 10.55.0.0/24 iso").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker network inspect iso -f '{{json .IPAM.Config}}'").stdout, "[{\"Subnet\":\"10.55.0.0/24\"}]\n")
        XCTAssertEqual(s.run(line: "docker run -d --network iso --name c busybox sleep 600").exitCode, 0)
        XCTAssertEqual(rules(s.run(line: "iptables -S").stdout), rules(Simulator(seed: 0).engine.currentRulesetSpecs))
        XCTAssertFalse(s.run(line: "ip route").stdout.contains("10.55.0.0"))
        XCTAssertFalse(s.run(line: "iptables-save").stdout.contains("10.55"), before)
    }
}

private extension Engine {
    /// `iptables -S` of the filter table as this engine holds it.
    var currentRulesetSpecs: String {
        var out = ""
        for c in currentRuleset.listedChains(.filter) {
            out += c.policy.map { "-P \(c.name) \($0)\n" } ?? "-N \(c.name)\n"
        }
        for c in currentRuleset.listedChains(.filter) { for r in c.rules { out += "-A \(c.name) \(r.specification)\n" } }
        return out
    }
}
