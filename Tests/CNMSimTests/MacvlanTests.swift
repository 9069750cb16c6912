import XCTest
@testable import CNMSim

/// macvlan and ipvlan on the single simulated host (issue 10 item 5; moby v28.2.2 libnetwork/drivers/macvlan,
/// libnetwork/drivers/ipvlan):
/// option errors, gateways, the parent links Docker creates and removes, and reachability.
final class MacvlanTests: XCTestCase {
    private func macnet(_ e: inout Engine, name: String = "macnet", parent: String? = "eth0", driver: String = "macvlan",
                        subnet: String? = "192.168.1.0/24", gateway: String? = "192.168.1.1",
                        extra: [String: String] = [:], isInternal: Bool = false) -> Result<Network, EngineError> {
        var options = extra
        if let parent { options["parent"] = parent }
        let ipam = subnet.map { [IPAMConfig(subnet: $0, gateway: gateway)] } ?? []
        return e.createNetwork(NetworkCreateRequest(name: name, driver: driver, ipamConfig: ipam, isInternal: isInternal, options: options))
    }

    private func run(_ e: inout Engine, _ name: String, network: String, image: String = "busybox",
                     mac: MACAddress? = nil) -> Result<Container, EngineError> {
        let cmd: [String]? = image == "busybox" ? ["sleep", "1000"] : nil
        let attachment = NetworkAttachment(network: network, macAddress: mac)
        guard case .success = e.createContainer(ContainerCreateRequest(name: name, image: image, cmd: cmd, networkMode: network,
                                                                       attachments: [attachment])) else {
            return .failure(EngineError(.system, "create failed"))
        }
        if case .failure(let err) = e.startContainer(name) { return .failure(err) }
        return e.findContainer(name)
    }

    private func ip(_ e: Engine, _ c: Container) -> IPv4Address { e.endpoints(ofContainer: c).first?.ipv4 ?? IPv4Address(0) }

    private func trace(_ e: Engine, _ from: NetSite, _ to: IPv4Address, _ proto: String = "icmp", _ port: Int? = nil) -> PathResult {
        PacketPath(engine: e).trace(from: from, to: to, proto: proto, port: port)
    }

    private func message(_ r: Result<Network, EngineError>) -> String? {
        if case .failure(let err) = r { return err.message }
        return nil
    }

    func testCreateErrorsAreDockers() {
        var e = Engine(seed: 1)
        XCTAssertEqual(message(macnet(&e, name: "a", parent: "eth9")), "invalid subinterface vlan name eth9, example formatting is eth0.10")
        XCTAssertEqual(message(macnet(&e, name: "b", parent: "eth9.10")), "-o parent interface was not found on the host: eth9")
        XCTAssertEqual(message(macnet(&e, name: "c", parent: "eth0.5000")), "vlan id must be between 1-4094, received: 5000")
        XCTAssertEqual(message(macnet(&e, name: "c", parent: "eth0.0")), "vlan id must be between 1-4094, received: 0")
        XCTAssertEqual(message(macnet(&e, name: "d", parent: "eth0.x")), "unable to parse a valid vlan id from: x (ex. eth0.10 for vlan 10)")
        XCTAssertEqual(message(macnet(&e, name: "d", parent: "eth0.1.2")),
                       "required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received eth0.1.2")
        XCTAssertEqual(message(macnet(&e, name: "e", parent: "lo")), "loopback interface is not a valid macvlan parent link")
        XCTAssertEqual(message(macnet(&e, name: "f", extra: ["macvlan_mode": "foo"])),
                       "requested macvlan mode 'foo' is not valid, 'bridge' mode is the macvlan driver default")
        XCTAssertEqual(message(macnet(&e, name: "g", driver: "ipvlan", extra: ["ipvlan_mode": "l4"])),
                       "requested ipvlan mode 'l4' is not valid, 'l2' mode is the ipvlan driver default")
        XCTAssertEqual(message(macnet(&e, name: "g", driver: "ipvlan", extra: ["ipvlan_flag": "x"])),
                       "requested ipvlan flag 'x' is not valid, 'bridge' is the ipvlan driver default")
        // Nothing failed half-way: no network and no link is left behind.
        XCTAssertEqual(e.allNetworks.count, 3)
        XCTAssertTrue(e.createdLinks.isEmpty)
    }

    func testParentSharingRules() throws {
        var e = Engine(seed: 2)
        let first = try macnet(&e).get()
        XCTAssertEqual(message(macnet(&e, name: "pt", subnet: "10.1.0.0/24", gateway: nil, extra: ["macvlan_mode": "passthru"])),
                       "cannot use mode passthru, macvlan network \(first.id) is already using parent interface eth0")
        let ip1 = try macnet(&e, name: "ip1", driver: "ipvlan", subnet: "10.2.0.0/24", gateway: nil).get()
        XCTAssertEqual(message(macnet(&e, name: "ip2", driver: "ipvlan", subnet: "10.3.0.0/24", gateway: nil)),
                       "network di-\(ip1.id.prefix(12)) is already using parent interface eth0")
    }

    func testSubInterfaceLifecycle() throws {
        var e = Engine(seed: 3)
        let a = try macnet(&e, name: "v10a", parent: "eth0.10", subnet: "192.168.10.0/24", gateway: nil).get()
        let b = try macnet(&e, name: "v10b", parent: "eth0.10", subnet: "192.168.11.0/24", gateway: nil).get()
        let link = try XCTUnwrap(KernelView.host(e).interface(named: "eth0.10"))
        XCTAssertEqual(link.displayName, "eth0.10@eth0")
        XCTAssertEqual(link.kind, .vlan)
        XCTAssertEqual(link.mac, e.host.mac)
        // The second network shares the link; it goes with the last one.
        _ = try e.removeNetwork(a.name).get()
        XCTAssertNotNil(KernelView.host(e).interface(named: "eth0.10"))
        _ = try e.removeNetwork(b.name).get()
        XCTAssertNil(KernelView.host(e).interface(named: "eth0.10"))
        // Without a parent: a dummy dm-<id12>, removed by prune too.
        let d = try macnet(&e, name: "dm", parent: nil, subnet: nil, gateway: nil).get()
        XCTAssertEqual(KernelView.host(e).interface(named: "dm-" + d.id.prefix(12))?.kind, .dummy)
        XCTAssertEqual(e.pruneNetworks(), ["dm"])
        XCTAssertTrue(e.createdLinks.isEmpty)
    }

    func testGatewayRules() throws {
        var e = Engine(seed: 4)
        let auto = try macnet(&e, name: "auto", parent: nil, subnet: nil, gateway: nil).get()
        XCTAssertNil(auto.gateway, "no parent: the driver skips the gateway")
        XCTAssertEqual(auto.ipamConfig, [IPAMConfig(subnet: "172.18.0.0/16", gateway: nil)])
        let l3 = try macnet(&e, name: "l3", driver: "ipvlan", subnet: "10.9.0.0/24", gateway: nil, extra: ["ipvlan_mode": "l3"]).get()
        XCTAssertNil(l3.gateway)
        let c = try run(&e, "c", network: "l3").get()
        XCTAssertEqual(ip(e, c), IPv4Address(10, 9, 0, 1), "no gateway reserved: the first address goes to the container")
        let ns = try XCTUnwrap(KernelView.namespace(of: c, in: e))
        XCTAssertEqual(ns.routes.first, KernelRoute(destination: nil, device: "eth0", proto: "static"))
        XCTAssertTrue(e.hasExternalAccess(containerID: c.id))
        let internalNet = try macnet(&e, name: "in", subnet: "10.8.0.0/24", gateway: nil, isInternal: true).get()
        XCTAssertNil(internalNet.gateway)
    }

    func testChildInterfacesAndMACs() throws {
        var e = Engine(seed: 5)
        _ = try macnet(&e).get()
        let m = try run(&e, "m", network: "macnet").get()
        let ns = try XCTUnwrap(KernelView.namespace(of: m, in: e))
        let eth0 = try XCTUnwrap(ns.interface(named: "eth0"))
        XCTAssertEqual(eth0.kind, .macvlan)
        XCTAssertEqual(eth0.displayName, "eth0@if2")
        XCTAssertNotEqual(eth0.mac, e.host.mac, "macvlan children have their own random MAC")
        XCTAssertEqual(ns.routes.first?.gateway, IPv4Address(192, 168, 1, 1))
        XCTAssertNil(e.endpoints(ofContainer: m).first?.hostVeth, "no veth on the host")

        _ = try macnet(&e, name: "ipnet", parent: "eth0.20", driver: "ipvlan", subnet: "10.20.0.0/24", gateway: nil).get()
        let i = try run(&e, "i", network: "ipnet").get()
        let iface = try XCTUnwrap(KernelView.namespace(of: i, in: e)?.interface(named: "eth0"))
        XCTAssertEqual(iface.mac, e.host.mac, "ipvlan children share the parent's MAC")
        XCTAssertEqual(iface.peerIndex, e.linkIndex("eth0.20"))
        XCTAssertNil(e.endpoints(ofContainer: i).first?.mac, "inspect shows an empty MacAddress")
        // A custom MAC is refused and leaves nothing behind.
        guard case .failure(let err) = run(&e, "j", network: "ipnet", mac: MACAddress("02:00:00:00:00:01")) else {
            return XCTFail("custom MAC accepted on ipvlan")
        }
        XCTAssertEqual(err.message, "failed to set up container networking: failed to create endpoint j on network ipnet: ipvlan interfaces do not support custom mac address assignment")
        XCTAssertEqual(e.endpoints(onNetwork: e.network(named: "ipnet")?.id ?? "").count, 1)
    }

    func testHostAndChildrenCannotReachEachOther() throws {
        var e = Engine(seed: 6)
        _ = try macnet(&e).get()
        let web = try run(&e, "web", network: "macnet", image: "nginx").get()
        let r = trace(e, .host, ip(e, web))
        XCTAssertEqual(r.verdict, .noHost(ip(e, web)))
        XCTAssertTrue(r.events.contains(.childIsolation(parent: "eth0")))
        let back = trace(e, .container(web.id), e.host.address)
        XCTAssertEqual(back.verdict, .noHost(e.host.address))
        XCTAssertTrue(back.events.contains(.childIsolation(parent: "eth0")))
        // A bridge container goes through the host too: same wall.
        let b = try run(&e, "b", network: "bridge").get()
        XCTAssertTrue(trace(e, .container(b.id), ip(e, web)).events.contains(.childIsolation(parent: "eth0")))
    }

    func testRemoteAndChildrenReachEachOtherDirectly() throws {
        var e = Engine(seed: 7)
        _ = try macnet(&e).get()
        let web = try run(&e, "web", network: "macnet", image: "nginx", mac: nil).get()
        let peer = try run(&e, "peer", network: "macnet").get()
        let http = trace(e, .remote, ip(e, web), "tcp", 80)
        guard case .delivered(.container(web.id), _, let service?) = http.verdict else { return XCTFail("\(http.verdict)") }
        XCTAssertEqual(service.port, 80)
        XCTAssertFalse(http.events.contains { if case .chain = $0 { return true } else { return false } }, "no iptables on the way")
        XCTAssertTrue(trace(e, .container(peer.id), KernelView.remoteAddress).verdict.isDelivered)
        XCTAssertTrue(trace(e, .container(peer.id), e.host.gateway).verdict.isDelivered)
        XCTAssertTrue(trace(e, .container(peer.id), ip(e, web), "tcp", 80).verdict.isDelivered)
        XCTAssertTrue(trace(e, .container(peer.id), IPv4Address(8, 8, 8, 8)).verdict.isDelivered)
        // No port publishing on macvlan.
        XCTAssertTrue(e.containers[web.id]?.portMappings.isEmpty ?? false)
    }

    func testModesAndSegments() throws {
        var e = Engine(seed: 8)
        _ = try macnet(&e, name: "priv", parent: "eth0.7", subnet: "10.7.0.0/24", gateway: nil, extra: ["macvlan_mode": "private"]).get()
        let p1 = try run(&e, "p1", network: "priv").get(), p2 = try run(&e, "p2", network: "priv").get()
        let blocked = trace(e, .container(p1.id), ip(e, p2))
        XCTAssertEqual(blocked.verdict, .noHost(ip(e, p2)))
        XCTAssertTrue(blocked.events.contains(.childModeBlocks(driver: "macvlan", mode: "private")))
        // A VLAN segment has no router in the simulation.
        XCTAssertTrue(trace(e, .container(p1.id), IPv4Address(8, 8, 8, 8)).events.contains(.segmentEnd(parent: "eth0.7")))
        XCTAssertEqual(trace(e, .remote, ip(e, p1)).verdict, .noHost(ip(e, p1)))

        _ = try macnet(&e, name: "dm", parent: nil, subnet: nil, gateway: nil).get()
        let d1 = try run(&e, "d1", network: "dm").get(), d2 = try run(&e, "d2", network: "dm").get()
        XCTAssertTrue(trace(e, .container(d1.id), ip(e, d2)).verdict.isDelivered)
        XCTAssertEqual(trace(e, .container(d1.id), IPv4Address(8, 8, 8, 8)).verdict, .networkUnreachable)
    }

    func testIpvlanL2AndL3() throws {
        var e = Engine(seed: 9)
        _ = try macnet(&e, name: "l2", driver: "ipvlan").get()
        let a = try run(&e, "a", network: "l2", image: "nginx").get()
        XCTAssertTrue(trace(e, .remote, ip(e, a), "tcp", 80).verdict.isDelivered)
        XCTAssertEqual(trace(e, .host, ip(e, a)).verdict, .noHost(ip(e, a)))

        var f = Engine(seed: 10)
        _ = try macnet(&f, name: "l3", driver: "ipvlan", subnet: "10.9.0.0/24", gateway: nil, extra: ["ipvlan_mode": "l3"]).get()
        let x = try run(&f, "x", network: "l3").get(), y = try run(&f, "y", network: "l3").get()
        XCTAssertTrue(trace(f, .container(x.id), ip(f, y)).verdict.isDelivered)
        let out = trace(f, .container(x.id), KernelView.remoteAddress)
        XCTAssertEqual(out.verdict, .dropped(rule: nil))
        XCTAssertEqual(out.events.last, .l3NoReturn(source: ip(f, x)))
    }
}
