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
}

final class PlaceholderTextTests: XCTestCase {
    func testArgumentsAreFilledOnceAndLeftAlone() {
        XCTAssertEqual(PlaceholderText.fill("{0} and {1}", ["a{1}", "b"]), "a{1} and b")
        XCTAssertEqual(PlaceholderText.fill("{0} {2}", ["x"]), "x {2}")
    }
}
