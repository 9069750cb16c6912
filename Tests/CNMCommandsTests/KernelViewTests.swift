import XCTest
@testable import CNMCommands
import CNMSim

/// `ip addr`, `ip route`, `bridge link`, `brctl show` derived from the model.
final class KernelViewTests: XCTestCase {
    func testContainerAddrAndRouteBusybox() {
        var sim = Simulator(seed: 11)
        XCTAssertEqual(sim.run(line: "docker run -d --name c1 busybox sleep 1000").exitCode, 0)
        guard let c = sim.engine.containers.values.first(where: { $0.name == "c1" }),
              let ep = sim.engine.endpoints(ofContainer: c).first, let mac = ep.mac else { return XCTFail("no endpoint") }
        let addr = sim.run(line: "docker exec c1 ip addr")
        XCTAssertEqual(addr.stdout, """
        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            inet 127.0.0.1/8 scope host lo
               valid_lft forever preferred_lft forever
            inet6 ::1/128 scope host \("")
               valid_lft forever preferred_lft forever
        \(ep.interfaceIndex): eth0@if\(ep.peerIndex): <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \("")
            link/ether \(mac) brd ff:ff:ff:ff:ff:ff
            inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0
               valid_lft forever preferred_lft forever

        """)
        XCTAssertEqual(sim.run(line: "docker exec c1 ip route").stdout,
                       "default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n")
        XCTAssertEqual(sim.run(line: "docker exec c1 ip addr show dev eth9").stderr, "ip: can't find device 'eth9'\n")
    }

    func testHostViewFollowsContainers() {
        var sim = Simulator(seed: 11)
        let before = sim.run(line: "ip route").stdout
        XCTAssertEqual(before, """
        default via 192.168.1.1 dev eth0 proto static \("")
        172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \("")
        192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.100 \("")

        """)
        XCTAssertTrue(sim.run(line: "ip addr show docker0").stdout.hasPrefix("3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default \n"))
        XCTAssertEqual(sim.run(line: "docker run -d --name c1 busybox sleep 1000").exitCode, 0)
        guard let c = sim.engine.containers.values.first(where: { $0.name == "c1" }),
              let ep = sim.engine.endpoints(ofContainer: c).first, let veth = ep.hostVeth else { return XCTFail("no endpoint") }
        XCTAssertFalse(sim.run(line: "ip route").stdout.contains("linkdown"))
        let link = sim.run(line: "ip link").stdout
        XCTAssertTrue(link.contains("\(ep.peerIndex): \(veth)@if\(ep.interfaceIndex): <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default \n"), link)
        XCTAssertTrue(link.contains(" link-netnsid 0\n"))
        XCTAssertEqual(sim.run(line: "bridge link").stdout,
                       "\(ep.peerIndex): \(veth)@if\(ep.interfaceIndex): <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 \n")
        let brctl = sim.run(line: "brctl show").stdout
        XCTAssertTrue(brctl.hasPrefix("bridge name\tbridge id\t\tSTP enabled\tinterfaces\ndocker0\t\t8000."), brctl)
        XCTAssertTrue(brctl.hasSuffix("\tno\t\t\(veth)\n"), brctl)
        XCTAssertEqual(sim.run(line: "ip addr show nope").stderr, "Device \"nope\" does not exist.\n")
    }

    func testInternalAndNoneHaveNoDefaultRoute() {
        var sim = Simulator(seed: 2)
        XCTAssertEqual(sim.run(line: "docker network create --internal secret").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker run -d --name i1 --network secret busybox sleep 1000").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker exec i1 ip route").stdout, "172.18.0.0/16 dev eth0 scope link  src 172.18.0.2 \n")
        XCTAssertEqual(sim.run(line: "docker run -d --name n1 --network none busybox sleep 1000").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker exec n1 ip route").stdout, "")
        XCTAssertEqual(sim.run(line: "docker exec n1 ip link").stdout,
                       "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n")
    }

    func testGatewayFollowsNetworkNameOrder() {
        var sim = Simulator(seed: 4)
        XCTAssertEqual(sim.run(line: "docker network create aaa").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker run -d --name c1 busybox sleep 1000").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker network connect aaa c1").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker exec c1 ip route").stdout, """
        default via 172.18.0.1 dev eth1 \("")
        172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \("")
        172.18.0.0/16 dev eth1 scope link  src 172.18.0.2 \("")

        """)
    }
}
