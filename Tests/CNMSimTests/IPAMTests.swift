import XCTest
@testable import CNMSim

final class IPAMTests: XCTestCase {
    func testAutomaticSubnetsFollowDockerPoolOrderAndSkipTheLAN() {
        var engine = Engine(seed: 0)
        var subnets: [String] = []
        for i in 0..<29 {
            guard case .success(let n) = engine.createNetwork(NetworkCreateRequest(name: "n\(i)")) else {
                return XCTFail("network \(i) should be created")
            }
            subnets.append(n.subnet?.description ?? "")
        }
        XCTAssertEqual(subnets.first, "172.18.0.0/16")
        XCTAssertEqual(subnets[13], "172.31.0.0/16")
        // 192.168.0.0/20 overlaps the host's 192.168.1.0/24 and is skipped.
        XCTAssertEqual(subnets[14], "192.168.16.0/20")
        XCTAssertFalse(subnets.contains("192.168.0.0/20"))
        guard case .failure(let e) = engine.createNetwork(NetworkCreateRequest(name: "one-too-many")) else {
            return XCTFail("pools should be exhausted")
        }
        XCTAssertEqual(e.message, "all predefined address pools have been fully subnetted")
    }

    func testRemovedSubnetIsReusedLowestFirst() {
        var engine = Engine(seed: 0)
        _ = engine.createNetwork(NetworkCreateRequest(name: "a"))
        _ = engine.createNetwork(NetworkCreateRequest(name: "b"))
        _ = engine.removeNetwork("a")
        guard case .success(let c) = engine.createNetwork(NetworkCreateRequest(name: "c")) else { return XCTFail() }
        XCTAssertEqual(c.subnet?.description, "172.18.0.0/16")
    }

    func testLowestFreeAddressIsReusedAfterStop() {
        var engine = Engine(seed: 0)
        _ = engine.createNetwork(NetworkCreateRequest(name: "net"))
        for name in ["a", "b", "c"] {
            _ = engine.createContainer(ContainerCreateRequest(name: name, image: "nginx", networkMode: "net", attachments: [NetworkAttachment(network: "net")]))
            _ = engine.startContainer(name)
        }
        func ip(_ name: String) -> String? {
            guard case .success(let c) = engine.findContainer(name) else { return nil }
            return engine.endpoints(ofContainer: c).first?.ipv4?.description
        }
        XCTAssertEqual([ip("a"), ip("b"), ip("c")], ["172.18.0.2", "172.18.0.3", "172.18.0.4"])
        _ = engine.stopContainer("a")
        _ = engine.createContainer(ContainerCreateRequest(name: "d", image: "nginx", networkMode: "net", attachments: [NetworkAttachment(network: "net")]))
        _ = engine.startContainer("d")
        XCTAssertEqual(ip("d"), "172.18.0.2")
    }

    func testIPRangeHandsOutTheRangeNetworkAddressFirst() {
        var pool = AddressPool(subnet: IPv4Subnet("172.28.0.0/16")!, range: IPv4Subnet("172.28.5.0/24")!)
        XCTAssertEqual(pool.allocateNext()?.description, "172.28.5.0")
        XCTAssertEqual(pool.allocateNext()?.description, "172.28.5.1")
    }

    func testSlash30HoldsOneContainerBesidesTheGateway() {
        var pool = AddressPool(subnet: IPv4Subnet("10.9.0.0/30")!)
        XCTAssertEqual(pool.allocateNext()?.description, "10.9.0.1")
        XCTAssertEqual(pool.allocateNext()?.description, "10.9.0.2")
        XCTAssertNil(pool.allocateNext())
    }

    func testOverlapIsRefusedWithDockersText() {
        var engine = Engine(seed: 0)
        guard case .failure(let e) = engine.createNetwork(NetworkCreateRequest(name: "x", ipamConfig: [IPAMConfig(subnet: "172.17.5.0/24")])) else {
            return XCTFail("overlap with docker0 must fail")
        }
        XCTAssertEqual(e.message, "invalid pool request: Pool overlaps with other one on this address space")
    }

    func testNoAddressIsHandedOutTwiceAndEverythingIsFreeAfterRemoval() {
        var engine = Engine(seed: 7)
        _ = engine.createNetwork(NetworkCreateRequest(name: "net", ipamConfig: [IPAMConfig(subnet: "10.5.0.0/24")]))
        var rng = SeededGenerator(seed: 99)
        for i in 0..<200 {
            let name = "c\(i % 40)"
            switch rng.next() % 3 {
            case 0: _ = engine.createContainer(ContainerCreateRequest(name: name, image: "nginx", networkMode: "net", attachments: [NetworkAttachment(network: "net")])); _ = engine.startContainer(name)
            case 1: _ = engine.stopContainer(name)
            default: _ = engine.removeContainer(name, force: true)
            }
            let ips = engine.endpoints.values.compactMap(\.ipv4)
            XCTAssertEqual(ips.count, Set(ips).count, "duplicate address after step \(i)")
        }
        for c in engine.allContainers { _ = engine.removeContainer(c.id, force: true) }
        XCTAssertTrue(engine.endpoints.isEmpty)
        XCTAssertEqual(engine.pools[engine.network(named: "net")!.id]?.allocatedCount, 3) // network, gateway, broadcast
        _ = engine.removeNetwork("net")
        XCTAssertEqual(engine.localSpace.allocatedSubnets.map(\.description), ["172.17.0.0/16"])
    }

    /// moby v28.2.2 libnetwork/ipams/defaultipam/address_space.go allocateSubnetL (moby#46756): --ip-range skips the overlap check,
    /// and a network on exactly an existing pool's subnet shares that pool's addresses.
    func testIPRangeSkipsTheOverlapCheckAndSharesTheExistingPool() {
        var engine = Engine(seed: 0)
        func ip(_ name: String) -> String? {
            guard case .success(let c) = engine.findContainer(name) else { return nil }
            return engine.endpoints(ofContainer: c).first?.ipv4?.description
        }
        func run(_ name: String, on net: String) {
            _ = engine.createContainer(ContainerCreateRequest(name: name, image: "nginx", networkMode: net, attachments: [NetworkAttachment(network: net)]))
            _ = engine.startContainer(name)
        }
        _ = engine.createNetwork(NetworkCreateRequest(name: "a", ipamConfig: [IPAMConfig(subnet: "10.5.0.0/24")]))
        run("a1", on: "a")
        guard case .failure = engine.createNetwork(NetworkCreateRequest(name: "plain", ipamConfig: [IPAMConfig(subnet: "10.5.0.0/24")])) else {
            return XCTFail("without --ip-range the same subnet overlaps")
        }
        guard case .success(let b) = engine.createNetwork(NetworkCreateRequest(name: "b", ipamConfig: [IPAMConfig(subnet: "10.5.0.0/24", ipRange: "10.5.0.0/25")])) else {
            return XCTFail("with --ip-range the overlap check is skipped")
        }
        // One address set: .1 is a's gateway and .2 is a1, so b's gateway is .3 and its first container .4.
        XCTAssertEqual(b.gateway?.description, "10.5.0.3")
        run("b1", on: "b")
        XCTAssertEqual(ip("b1"), "10.5.0.4")
        run("a2", on: "a")
        XCTAssertEqual(ip("a2"), "10.5.0.5", "a and b draw from one pool")
        // A gateway that the shared pool has handed out already is refused.
        guard case .failure(let e) = engine.createNetwork(NetworkCreateRequest(name: "c", ipamConfig: [IPAMConfig(subnet: "10.5.0.0/24", ipRange: "10.5.0.128/25", gateway: "10.5.0.1")])) else {
            return XCTFail("the gateway is taken")
        }
        XCTAssertEqual(e.message, "failed to allocate gateway (10.5.0.1): Address already in use")
        // A network that is removed gives its gateway back to the pool the other one keeps using.
        _ = engine.removeContainer("a1", force: true)
        _ = engine.removeContainer("a2", force: true)
        _ = engine.removeNetwork("a")
        XCTAssertEqual(engine.localSpace.allocatedSubnets.map(\.description), ["10.5.0.0/24", "172.17.0.0/16"])
        run("b2", on: "b")
        XCTAssertEqual(ip("b2"), "10.5.0.1")
        // A different parent (10.5.0.0/16) is a pool of its own, accepted without the overlap check.
        guard case .success(let d) = engine.createNetwork(NetworkCreateRequest(name: "d", ipamConfig: [IPAMConfig(subnet: "10.5.0.0/16", ipRange: "10.5.1.0/24")])) else {
            return XCTFail("a partly overlapping parent with --ip-range is accepted")
        }
        XCTAssertEqual(d.gateway?.description, "10.5.1.0")
    }

    func testOwnersOfASubnetAreExactMatchesOnly() {
        var space = AddressSpace(predefined: [])
        space.insert(IPv4Subnet("10.5.0.0/16")!, owner: "wide")
        space.insert(IPv4Subnet("10.5.0.0/24")!, owner: "a")
        space.insert(IPv4Subnet("10.5.0.0/24")!, owner: "b")
        space.insert(IPv4Subnet("10.6.0.0/24")!, owner: "c")
        XCTAssertEqual(Set(space.owners(of: IPv4Subnet("10.5.0.0/24")!)), ["a", "b"])
        XCTAssertEqual(space.owners(of: IPv4Subnet("10.5.0.0/16")!), ["wide"])
        XCTAssertEqual(space.owners(of: IPv4Subnet("10.7.0.0/24")!), [])
    }

    func testAnAuxiliaryAddressOnTheGatewayIsRefused() {
        var engine = Engine(seed: 0)
        guard case .failure(let e) = engine.createNetwork(NetworkCreateRequest(name: "g", ipamConfig: [IPAMConfig(subnet: "10.6.0.0/24", gateway: "10.6.0.1", auxAddresses: ["x": "10.6.0.1"])])) else {
            return XCTFail("the aux address is the gateway")
        }
        XCTAssertEqual(e.message, "failed to allocate secondary ip address (x:10.6.0.1): Address already in use")
        XCTAssertEqual(engine.localSpace.allocatedSubnets.map(\.description), ["172.17.0.0/16"], "a refused network leaves no subnet behind")
    }
}

final class PlaceholderTextTests: XCTestCase {
    func testArgumentsAreFilledOnceAndLeftAlone() {
        XCTAssertEqual(PlaceholderText.fill("{0} and {1}", ["a{1}", "b"]), "a{1} and b")
        XCTAssertEqual(PlaceholderText.fill("{0} {2}", ["x"]), "x {2}")
    }
}
