import XCTest
@testable import CNMCommands
import CNMSim

/// macvlan/ipvlan through the command layer: inspect output (reference §1.3), create errors (§1.4),
/// the host's and the container's kernel view, reachability and `why` (§7).
final class MacvlanCommandTests: XCTestCase {
    static let create = "docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 macnet"

    func testInspectGolden() {
        var s = Simulator(seed: 41)
        let created = s.run(line: Self.create)
        XCTAssertEqual(created.exitCode, 0)
        XCTAssertEqual(created.stdout, "2e5abf2094277a4e8c13f55a552d00364c4f1d9c0eb38542cb3b3ec144be424d\n")
        XCTAssertEqual(s.run(line: "docker network inspect macnet").stdout, """
        [
            {
                "Name": "macnet",
                "Id": "2e5abf2094277a4e8c13f55a552d00364c4f1d9c0eb38542cb3b3ec144be424d",
                "Created": "2025-06-01T10:00:02.045609331Z",
                "Scope": "local",
                "Driver": "macvlan",
                "EnableIPv4": true,
                "EnableIPv6": false,
                "IPAM": {
                    "Driver": "default",
                    "Options": {},
                    "Config": [
                        {
                            "Subnet": "192.168.1.0/24",
                            "Gateway": "192.168.1.1"
                        }
                    ]
                },
                "Internal": false,
                "Attachable": false,
                "Ingress": false,
                "ConfigFrom": {
                    "Network": ""
                },
                "ConfigOnly": false,
                "Containers": {},
                "Options": {
                    "parent": "eth0"
                },
                "Labels": {}
            }
        ]

        """)
        XCTAssertEqual(s.run(line: "docker network create -d ipvlan --subnet 10.9.0.0/24 -o parent=eth0.10 -o ipvlan_mode=l3 ipnet").exitCode, 0)
        // l3: no gateway is allocated, and the user's config is echoed.
        XCTAssertEqual(s.run(line: "docker network inspect -f '{{json .IPAM.Config}} {{json .Options}} {{.Driver}} {{.Scope}}' ipnet").stdout,
                       "[{\"Subnet\":\"10.9.0.0/24\"}] {\"ipvlan_mode\":\"l3\",\"parent\":\"eth0.10\"} ipvlan local\n")
        XCTAssertEqual(s.run(line: "docker run -d --name web --network macnet nginx").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker network inspect -f '{{json .Containers}}' macnet").stdout,
                       "{\"7e20811b1501c8d150d6d466f3fcae58f22cdef3d429d1660cc3145af9c24d8c\":{\"Name\":\"web\",\"EndpointID\":\"3b16729be3ae6c73ead9fbea051926f7c3c0843aaf99a56afd38fb106ceb5ccb\",\"MacAddress\":\"f6:7b:8a:30:22:86\",\"IPv4Address\":\"192.168.1.2/24\",\"IPv6Address\":\"\"}}\n")
        XCTAssertEqual(s.run(line: "docker network ls --filter driver=macvlan --format '{{.Name}} {{.Driver}} {{.Scope}}'").stdout, "macnet macvlan local\n")
    }

    func testCreateErrors() {
        var s = Simulator(seed: 42)
        for (parent, message) in [
            ("eth9", "invalid subinterface vlan name eth9, example formatting is eth0.10"),
            ("eth9.10", "-o parent interface was not found on the host: eth9"),
            ("eth0.5000", "vlan id must be between 1-4094, received: 5000"),
        ] {
            let out = s.run(line: "docker network create -d macvlan -o parent=\(parent) bad")
            XCTAssertEqual(out.exitCode, 1)
            XCTAssertEqual(out.stdout, "")
            XCTAssertEqual(out.stderr, "Error response from daemon: \(message)\n")
        }
        XCTAssertEqual(s.run(line: "docker network create -d ipvlan -o parent=eth9 bad").stderr,
                       "Error response from daemon: invalid subinterface vlan name eth9, example formatting is eth0.10\n")
        XCTAssertEqual(s.run(line: "docker network ls -q").stdout.split(separator: "\n").count, 3)
    }

    func testSubInterfaceAppearsAndGoes() {
        var s = Simulator(seed: 43)
        XCTAssertEqual(s.run(line: "docker network create -d macvlan --subnet 192.168.10.0/24 -o parent=eth0.10 vlan10").exitCode, 0)
        XCTAssertEqual(s.run(line: "ip link show eth0.10").stdout, """
        4: eth0.10@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
            link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff

        """)
        XCTAssertEqual(s.run(line: "docker network rm vlan10").stdout, "vlan10\n")
        let gone = s.run(line: "ip link show eth0.10")
        XCTAssertEqual(gone.stderr, "Device \"eth0.10\" does not exist.\n")
        XCTAssertEqual(s.run(line: "docker network create -d macvlan nop").exitCode, 0)
        let id = s.run(line: "docker network inspect -f '{{.Id}}' nop").stdout.prefix(12)
        XCTAssertTrue(s.run(line: "ip link").stdout.contains(": dm-\(id): <BROADCAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n"))
    }

    func testContainerViewAndReachability() {
        var s = Simulator(seed: 44)
        XCTAssertEqual(s.run(line: Self.create).exitCode, 0)
        XCTAssertEqual(s.run(line: "docker run -d --name web --network macnet -p 8080:80 nginx").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker run -d --name c1 --network macnet busybox sleep 1000").exitCode, 0)
        let addr = s.run(line: "docker exec c1 ip addr show eth0").stdout
        XCTAssertTrue(addr.contains("eth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500"), addr)
        XCTAssertTrue(addr.contains("    inet 192.168.1.3/24 brd 192.168.1.255 scope global eth0\n"), addr)
        XCTAssertEqual(s.run(line: "docker exec c1 ip route").stdout,
                       "default via 192.168.1.1 dev eth0 \n192.168.1.0/24 dev eth0 scope link  src 192.168.1.3 \n")
        // No port publishing: nothing listens on the host, nothing is listed.
        XCTAssertEqual(s.run(line: "docker port web").stdout, "")
        XCTAssertEqual(s.run(line: "docker ps --format '{{.Names}}:{{.Ports}}' -f name=web").stdout, "web:\n")
        // The LAN reaches the containers directly; the containers reach the LAN, each other and their names.
        XCTAssertTrue(s.run(line: "ssh remote curl -s 192.168.1.2").stdout.contains("Welcome to nginx!"))
        XCTAssertEqual(s.run(line: "docker exec c1 ping -c1 192.168.1.50").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker exec c1 ping -c1 192.168.1.1").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker exec c1 wget -qO- web").exitCode, 0)
        // The host and its own macvlan children cannot reach each other.
        XCTAssertTrue(s.run(line: "ping -c1 192.168.1.2").stdout.contains("Destination Host Unreachable"))
        XCTAssertEqual(s.run(line: "docker exec c1 ping -c1 192.168.1.100").exitCode, 1)
        let why = s.run(line: "why host web")
        XCTAssertEqual(why.exitCode, 1)
        let shim = s.run(line: "ip link add mvshim link eth0 type macvlan mode bridge")
        XCTAssertEqual(shim.exitCode, 127)
        XCTAssertEqual(shim.stderr, "cnmlab: ip link add (changing the host's links, e.g. a macvlan shim) is not simulated\n")
        XCTAssertTrue(why.stdout.contains(" the host and its own macvlan/ipvlan children on eth0 cannot reach each other: the kernel never passes frames between a parent interface and its children (a macvlan shim interface on the host would be needed)\n"), why.stdout)
        XCTAssertEqual(s.run(line: "why remote web:80").stdout, """
        why: remote -> web:80 (192.168.1.2)
         1. remote sends from 192.168.1.50 out eth0 (the destination is on that link)
         2. the LAN delivers the frame straight to the container's own interface on eth0; the host's iptables are not involved
        Verdict: delivered to web (192.168.1.2), where nginx listens on 80/tcp

        """)
    }

    func testChildOnlyNamespacesGetNoNetnsID() {
        var s = Simulator(seed: 46)
        XCTAssertEqual(s.run(line: Self.create).exitCode, 0)
        XCTAssertEqual(s.run(line: "docker run -d --name m --network macnet busybox sleep 1000").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker run -d --name b busybox sleep 1000").exitCode, 0)
        let link = s.run(line: "ip link").stdout
        XCTAssertTrue(link.contains(" link-netnsid 0\n"), link)
        XCTAssertFalse(link.contains(" link-netnsid 1"), link)
        XCTAssertFalse(link.contains("192.168.1.2"), "the host shows nothing of its macvlan children")
    }

    func testIpvlanMACRuleAndL3Route() {
        var s = Simulator(seed: 45)
        XCTAssertEqual(s.run(line: "docker network create -d ipvlan --subnet 10.9.0.0/24 -o parent=eth0 -o ipvlan_mode=l3 ipnet").exitCode, 0)
        let refused = s.run(line: "docker run -d --name i2 --network ipnet --mac-address 02:00:00:00:00:01 busybox sleep 1000")
        XCTAssertEqual(refused.exitCode, 125)
        XCTAssertTrue(refused.stderr.hasPrefix("docker: Error response from daemon: failed to set up container networking: failed to create endpoint i2 on network ipnet: ipvlan interfaces do not support custom mac address assignment\n"), refused.stderr)
        XCTAssertEqual(s.run(line: "docker run -d --name i1 --network ipnet busybox sleep 1000").exitCode, 0)
        XCTAssertEqual(s.run(line: "docker exec i1 ip route").stdout, "default dev eth0 scope link \n10.9.0.0/24 dev eth0 scope link  src 10.9.0.1 \n")
        XCTAssertTrue(s.run(line: "docker exec i1 ip link show eth0").stdout.contains("    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff\n"),
                      "ipvlan shares eth0's MAC")
        XCTAssertEqual(s.run(line: "docker network inspect -f '{{range .Containers}}[{{.MacAddress}}]{{end}}' ipnet").stdout, "[]\n")
    }
}
