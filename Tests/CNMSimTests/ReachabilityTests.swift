import XCTest
@testable import CNMSim

/// Who reaches whom on a Docker 28.2 host (the rules of moby v28.2.2
/// integration/network/bridge/iptablesdoc/generated/*.md), computed by walking the generated iptables
/// rules — and what changes when a learner adds rules.
final class ReachabilityTests: XCTestCase {
    private func run(_ e: inout Engine, _ name: String, image: String = "busybox", network: String = "bridge",
                     cmd: [String]? = ["sleep", "1000"], ports: [ContainerPort: [PortBindingRequest]] = [:]) throws -> Container {
        _ = try e.createContainer(ContainerCreateRequest(name: name, image: image, cmd: cmd, networkMode: network,
                                                         portBindings: ports)).get()
        _ = try e.startContainer(name).get()
        return try e.findContainer(name).get()
    }

    private func ip(_ e: Engine, _ c: Container, network: String? = nil) -> IPv4Address {
        let eps = e.endpoints(ofContainer: c)
        let ep = network.flatMap { n in eps.first { e.networks[$0.networkID]?.name == n } } ?? eps.first
        return ep?.ipv4 ?? IPv4Address(0)
    }

    private func verdict(_ e: Engine, from: NetSite, to: IPv4Address, _ proto: String = "icmp", _ port: Int? = nil) -> PathVerdict {
        PacketPath(engine: e).trace(from: from, to: to, proto: proto, port: port).verdict
    }

    private func isDropped(_ v: PathVerdict) -> Bool { if case .dropped = v { return true } else { return false } }

    func testSameUserNetworkAndDefaultBridge() throws {
        var e = Engine(seed: 1)
        _ = try e.createNetwork(NetworkCreateRequest(name: "mynet")).get()
        let a = try run(&e, "a", network: "mynet"), b = try run(&e, "b", network: "mynet")
        XCTAssertTrue(verdict(e, from: .container(a.id), to: ip(e, b)).isDelivered)
        let d1 = try run(&e, "d1"), d2 = try run(&e, "d2")
        XCTAssertTrue(verdict(e, from: .container(d1.id), to: ip(e, d2)).isDelivered)
    }

    func testOtherBridgeIsDroppedByIsolation() throws {
        var e = Engine(seed: 2)
        _ = try e.createNetwork(NetworkCreateRequest(name: "n1")).get()
        let a = try run(&e, "a", network: "n1"), d = try run(&e, "d")
        let r = PacketPath(engine: e).trace(from: .container(a.id), to: ip(e, d), proto: "icmp", port: nil)
        guard case .dropped(let rule) = r.verdict else { return XCTFail("\(r.verdict)") }
        // Docker 28 drops it even before DOCKER-ISOLATION: the raw rule that guards every
        // endpoint's address against packets from outside its bridge (moby iptabler/endpoint.go).
        XCTAssertEqual(rule, "-A PREROUTING -d \(ip(e, d))/32 ! -i docker0 -j DROP")
        XCTAssertTrue(r.events.contains(.chain(ChainVisit(table: .raw, chain: "PREROUTING", rule: rule, outcome: "DROP", byPolicy: false))))
        // Without that raw rule, DOCKER-ISOLATION-STAGE-2 is what stops it.
        XCTAssertNil(e.applyFirewall(.flush(.raw, "PREROUTING")))
        XCTAssertEqual(verdict(e, from: .container(a.id), to: ip(e, d)), .dropped(rule: "-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP"))
    }

    func testInternalNetworkHasNoWayOut() throws {
        var e = Engine(seed: 3)
        _ = try e.createNetwork(NetworkCreateRequest(name: "secret", isInternal: true)).get()
        let i1 = try run(&e, "i1", network: "secret"), i2 = try run(&e, "i2", network: "secret"), d = try run(&e, "d")
        XCTAssertEqual(verdict(e, from: .container(i1.id), to: IPv4Address(8, 8, 8, 8)), .networkUnreachable)
        XCTAssertEqual(verdict(e, from: .container(i1.id), to: ip(e, d)), .networkUnreachable)
        XCTAssertTrue(verdict(e, from: .container(i1.id), to: ip(e, i2)).isDelivered)
        XCTAssertTrue(verdict(e, from: .container(i1.id), to: e.network(named: "secret")?.gateway ?? IPv4Address(0)).isDelivered)
    }

    func testICCOffDropsPeersAndTheirPorts() throws {
        var e = Engine(seed: 4)
        _ = try e.createNetwork(NetworkCreateRequest(name: "quiet", options: [BridgeDriver.iccOption: "false"])).get()
        let a = try run(&e, "a", network: "quiet")
        let web = try run(&e, "web", image: "nginx", network: "quiet", cmd: nil,
                          ports: [ContainerPort(port: 80): [PortBindingRequest(hostIP: "", hostPort: "8080")]])
        let r = PacketPath(engine: e).trace(from: .container(a.id), to: ip(e, web), proto: "tcp", port: 80)
        guard case .dropped(let rule) = r.verdict else { return XCTFail("\(r.verdict)") }
        XCTAssertTrue(rule?.contains("-j DROP") == true)
        XCTAssertTrue(verdict(e, from: .container(a.id), to: IPv4Address(8, 8, 8, 8)).isDelivered)
        // Via the published port on the host address it works (docker-proxy).
        XCTAssertTrue(verdict(e, from: .container(a.id), to: e.host.address, "tcp", 8080).isDelivered)
    }

    func testInternetAndPublishedPortsFromEverywhere() throws {
        var e = Engine(seed: 5)
        _ = try e.createNetwork(NetworkCreateRequest(name: "front")).get()
        _ = try e.createNetwork(NetworkCreateRequest(name: "other")).get()
        let web = try run(&e, "web", image: "nginx", network: "front", cmd: nil,
                          ports: [ContainerPort(port: 80): [PortBindingRequest(hostIP: "", hostPort: "8080")]])
        let o = try run(&e, "o", network: "other")
        // Container → internet, with MASQUERADE on the way out.
        let out = PacketPath(engine: e).trace(from: .container(o.id), to: IPv4Address(1, 1, 1, 1), proto: "icmp", port: nil)
        XCTAssertTrue(out.verdict.isDelivered)
        XCTAssertTrue(out.events.contains { if case .masquerade = $0 { return true } else { return false } })
        // Container on another network → published port via host IP and via its own gateway.
        XCTAssertTrue(verdict(e, from: .container(o.id), to: e.host.address, "tcp", 8080).isDelivered)
        XCTAssertTrue(verdict(e, from: .container(o.id), to: e.network(named: "other")?.gateway ?? IPv4Address(0), "tcp", 8080).isDelivered)
        // Host → container IP directly, and localhost:8080.
        XCTAssertTrue(verdict(e, from: .host, to: ip(e, web), "tcp", 80).isDelivered)
        XCTAssertTrue(verdict(e, from: .host, to: IPv4Address(127, 0, 0, 1), "tcp", 8080).isDelivered)
        XCTAssertTrue(verdict(e, from: .host, to: e.host.address, "tcp", 8080).isDelivered)
        // Remote → container IP directly: raw PREROUTING drop.
        let direct = verdict(e, from: .remote, to: ip(e, web), "tcp", 80)
        XCTAssertEqual(direct, .dropped(rule: "-A PREROUTING -d \(ip(e, web))/32 ! -i \(e.network(named: "front")?.deviceName ?? "") -j DROP"))
        // Remote → hostIP:8080: DNAT to the container.
        let dnat = PacketPath(engine: e).trace(from: .remote, to: e.host.address, proto: "tcp", port: 8080)
        XCTAssertTrue(dnat.verdict.isDelivered)
        XCTAssertEqual(dnat.servedBy, web.id)
        XCTAssertTrue(dnat.events.contains(.dnat(from: e.host.address, fromPort: 8080, to: ip(e, web), toPort: 80)))
        // Nothing listens on 8081.
        XCTAssertEqual(verdict(e, from: .remote, to: e.host.address, "tcp", 8081), .refused(site: .host, address: e.host.address))
    }

    func testNoneAndMultiHomed() throws {
        var e = Engine(seed: 6)
        let n = try run(&e, "n", network: "none")
        XCTAssertEqual(verdict(e, from: .container(n.id), to: IPv4Address(172, 17, 0, 1)), .networkUnreachable)
        XCTAssertTrue(verdict(e, from: .container(n.id), to: IPv4Address(127, 0, 0, 1)).isDelivered)
        _ = try e.createNetwork(NetworkCreateRequest(name: "n1")).get()
        _ = try e.createNetwork(NetworkCreateRequest(name: "n2")).get()
        let a = try run(&e, "a", network: "n1"), b = try run(&e, "b", network: "n2")
        let m = try run(&e, "m", network: "n1")
        _ = try e.connect(container: "m", network: "n2", settings: NetworkAttachment(network: "n2")).get()
        let mm = try e.findContainer("m").get()
        XCTAssertTrue(verdict(e, from: .container(mm.id), to: ip(e, a)).isDelivered)
        XCTAssertTrue(verdict(e, from: .container(mm.id), to: ip(e, b)).isDelivered)
        XCTAssertTrue(isDropped(verdict(e, from: .container(a.id), to: ip(e, b))))
        _ = m
    }

    func testHostNetworkContainerListensOnHostPorts() throws {
        var e = Engine(seed: 7)
        _ = try run(&e, "hweb", image: "nginx", network: "host", cmd: nil)
        let r = PacketPath(engine: e).trace(from: .remote, to: e.host.address, proto: "tcp", port: 80)
        XCTAssertTrue(r.verdict.isDelivered)
        XCTAssertNotNil(r.servedBy)
    }

    /// A DOCKER-USER rule blocks the published port for `remote` but not for the host itself.
    func testDockerUserBlocksRemoteNotHost() throws {
        var e = Engine(seed: 8)
        _ = try run(&e, "web", image: "nginx", network: "bridge", cmd: nil,
                    ports: [ContainerPort(port: 80): [PortBindingRequest(hostIP: "", hostPort: "8080")]])
        let rule = NetfilterRule(source: AddressMatch(IPv4Subnet(address: KernelView.remoteAddress, prefixLength: 32)), target: .drop)
        XCTAssertNil(e.applyFirewall(.insert(.filter, "DOCKER-USER", 1, rule)))
        XCTAssertEqual(verdict(e, from: .remote, to: e.host.address, "tcp", 8080), .dropped(rule: "-A DOCKER-USER -s 192.168.1.50/32 -j DROP"))
        XCTAssertTrue(verdict(e, from: .host, to: IPv4Address(127, 0, 0, 1), "tcp", 8080).isDelivered)
        XCTAssertTrue(verdict(e, from: .host, to: e.host.address, "tcp", 8080).isDelivered)
        // …and the learner rule survives the next docker run.
        _ = try run(&e, "other")
        XCTAssertEqual(verdict(e, from: .remote, to: e.host.address, "tcp", 8080), .dropped(rule: "-A DOCKER-USER -s 192.168.1.50/32 -j DROP"))
    }

    func testRepliesAreCheckedByConntrack() throws {
        var e = Engine(seed: 9)
        let a = try run(&e, "a")
        let drop = NetfilterRule(matches: [.conntrack(states: ["ESTABLISHED"], negated: false)], target: .drop)
        XCTAssertNil(e.applyFirewall(.insert(.filter, "DOCKER-USER", 1, drop)))
        XCTAssertEqual(verdict(e, from: .container(a.id), to: IPv4Address(1, 1, 1, 1)),
                       .dropped(rule: "-A DOCKER-USER -m conntrack --ctstate ESTABLISHED -j DROP"))
    }
}

extension ReachabilityTests {
    /// `enable_ip_masquerade=false`: the internet cannot answer a private source; the LAN's
    /// answer comes back to the container's own address and meets Docker 28's raw-PREROUTING guard.
    func testNoMasqueradeReachesNeitherInternetNorLan() throws {
        var e = Engine(seed: 10)
        _ = try e.createNetwork(NetworkCreateRequest(name: "plain", options: [BridgeDriver.masqueradeOption: "false"])).get()
        let a = try run(&e, "a", network: "plain")
        let out = PacketPath(engine: e).trace(from: .container(a.id), to: IPv4Address(8, 8, 8, 8), proto: "icmp", port: nil)
        XCTAssertEqual(out.verdict, .dropped(rule: nil))
        XCTAssertEqual(out.events.last, .noReturnRoute(source: ip(e, a)))
        let bridge = e.network(named: "plain")?.deviceName ?? ""
        XCTAssertEqual(verdict(e, from: .container(a.id), to: KernelView.remoteAddress),
                       .dropped(rule: "-A PREROUTING -d \(ip(e, a))/32 ! -i \(bridge) -j DROP"))
        e.syncFirewall()
        XCTAssertFalse(e.firewall.ruleset.chain(.nat, "POSTROUTING")?.rules.contains { $0.target == .masquerade && $0.outInterface?.name == e.network(named: "plain")?.deviceName } ?? true)
    }
}
