import XCTest
@testable import CNMSim

/// The netfilter model: Docker's generated rules, how learner edits and Docker's
/// later programming combine (see `Firewall`), and rule matching.
final class NetfilterTests: XCTestCase {
    private func startWeb(_ e: inout Engine, _ name: String = "web", hostPort: String = "8080") throws {
        _ = try e.createContainer(ContainerCreateRequest(name: name, image: "nginx", networkMode: "bridge",
                                                         portBindings: [ContainerPort(port: 80): [PortBindingRequest(hostIP: "", hostPort: hostPort)]])).get()
        _ = try e.startContainer(name).get()
    }

    private func specs(_ e: inout Engine, _ table: NetfilterTable, _ chain: String) -> [String] {
        e.syncFirewall()
        return e.firewall.ruleset.chain(table, chain)?.rules.map(\.specification) ?? []
    }

    func testFreshDaemonLayout() {
        var e = Engine(seed: 1)
        XCTAssertEqual(specs(&e, .filter, "FORWARD"), ["-j DOCKER-USER", "-j DOCKER-FORWARD"])
        XCTAssertEqual(e.firewall.ruleset.chain(.filter, "FORWARD")?.policy, "DROP")
        XCTAssertEqual(specs(&e, .filter, "DOCKER-FORWARD"), ["-j DOCKER-CT", "-j DOCKER-ISOLATION-STAGE-1", "-j DOCKER-BRIDGE", "-i docker0 -j ACCEPT"])
        XCTAssertEqual(specs(&e, .raw, "PREROUTING"), [])
        XCTAssertEqual(e.firewall.ruleset.listedChains(.filter).map(\.name),
                       ["INPUT", "FORWARD", "OUTPUT", "DOCKER", "DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-FORWARD",
                        "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2", "DOCKER-USER"])
    }

    func testPortRulesFollowContainerLifecycle() throws {
        var e = Engine(seed: 2)
        try startWeb(&e)
        XCTAssertEqual(specs(&e, .nat, "DOCKER").last, "! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80")
        XCTAssertEqual(specs(&e, .raw, "PREROUTING"), ["-d 172.17.0.2/32 ! -i docker0 -j DROP"])
        _ = try e.stopContainer("web").get()
        XCTAssertEqual(specs(&e, .nat, "DOCKER"), ["-i docker0 -j RETURN"])
        XCTAssertEqual(specs(&e, .raw, "PREROUTING"), [])
        XCTAssertEqual(specs(&e, .filter, "DOCKER"), ["! -i docker0 -o docker0 -j DROP"])
    }

    /// A Docker rule the learner deleted stays deleted until Docker programs it again for a new object.
    func testDeletedDockerRuleReturnsOnlyWithANewObject() throws {
        var e = Engine(seed: 3)
        try startWeb(&e)
        let raw = NetfilterRule(destination: AddressMatch(IPv4Subnet(address: IPv4Address(172, 17, 0, 2), prefixLength: 32)),
                                inInterface: InterfaceMatch("docker0", negated: true), target: .drop)
        XCTAssertNil(e.applyFirewall(.deleteRule(.raw, "PREROUTING", raw)))
        _ = try e.createNetwork(NetworkCreateRequest(name: "later")).get()
        XCTAssertEqual(specs(&e, .raw, "PREROUTING"), [])
        _ = try e.stopContainer("web").get()
        _ = try e.startContainer("web").get()
        XCTAssertEqual(specs(&e, .raw, "PREROUTING"), ["-d 172.17.0.2/32 ! -i docker0 -j DROP"])
    }

    /// Learner rules keep their place; Docker's later inserts land above them, appends below.
    func testLearnerRuleInDockerChainKeepsItsPlace() throws {
        var e = Engine(seed: 4)
        let mine = NetfilterRule(proto: "icmp", target: .accept)
        XCTAssertNil(e.applyFirewall(.append(.filter, "DOCKER", mine)))
        try startWeb(&e)
        _ = try e.createNetwork(NetworkCreateRequest(name: "n2")).get()
        let bridge = e.network(named: "n2")?.deviceName ?? ""
        XCTAssertEqual(specs(&e, .filter, "DOCKER"), [
            "-d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT",
            "! -i docker0 -o docker0 -j DROP",
            "-p icmp -j ACCEPT",
            "! -i \(bridge) -o \(bridge) -j DROP",
        ])
    }

    func testDockerChainDeletedByLearnerIsRecreated() throws {
        var e = Engine(seed: 5)
        XCTAssertNil(e.applyFirewall(.flush(.filter, nil)))
        XCTAssertEqual(e.applyFirewall(.deleteChain(.filter, "DOCKER-USER")), nil)
        XCTAssertEqual(e.applyFirewall(.deleteChain(.filter, "DOCKER-USER")), NetfilterError.noChain)
        try startWeb(&e)
        XCTAssertEqual(specs(&e, .filter, "DOCKER"), ["-d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT"])
        XCTAssertNil(e.firewall.ruleset.chain(.filter, "DOCKER-USER"))
        XCTAssertEqual(specs(&e, .filter, "FORWARD"), [])
    }

    func testRuleMatching() {
        let ev = NetfilterEvaluator(ruleset: Ruleset()) { $0 == IPv4Address(10, 0, 0, 1) }
        var p = NetfilterPacket(proto: "tcp", source: IPv4Address(192, 168, 1, 50), destination: IPv4Address(10, 0, 0, 1),
                                sourcePort: 40000, destinationPort: 80, inInterface: "eth0")
        let rule = NetfilterRule(source: AddressMatch(IPv4Subnet(address: IPv4Address(192, 168, 1, 0), prefixLength: 24)),
                                 inInterface: InterfaceMatch("eth+"), proto: "tcp",
                                 matches: [.ports(proto: "tcp", sport: nil, dport: PortMatch(low: 80, high: 90)),
                                           .addrtype(src: nil, srcNegated: false, dst: "LOCAL", dstNegated: false),
                                           .conntrack(states: ["NEW"], negated: false),
                                           .multiport(ports: [PortMatch(low: 80, high: 80), PortMatch(low: 443, high: 443)], source: false, negated: false)],
                                 target: .drop)
        XCTAssertTrue(ev.matches(rule, p))
        p.ctstates = ["ESTABLISHED"]
        XCTAssertFalse(ev.matches(rule, p))
        p.ctstates = ["NEW"]
        p.inInterface = "docker0"
        XCTAssertFalse(ev.matches(rule, p))
        var negated = rule
        negated.inInterface = InterfaceMatch("docker0", negated: true)
        XCTAssertFalse(ev.matches(negated, p))
        p.inInterface = "eth1"
        XCTAssertTrue(ev.matches(negated, p))
        p.destinationPort = 91
        XCTAssertFalse(ev.matches(negated, p))
    }

    func testJumpsReturnAndPolicy() {
        var rs = Ruleset()
        XCTAssertNil(rs.newChain(.filter, "MINE"))
        XCTAssertNil(rs.append(.filter, "MINE", NetfilterRule(proto: "udp", target: .returnFromChain)))
        XCTAssertNil(rs.append(.filter, "MINE", NetfilterRule(target: .log(prefix: "x"))))
        XCTAssertNil(rs.append(.filter, "MINE", NetfilterRule(proto: "tcp", target: .reject(with: "icmp-port-unreachable"))))
        XCTAssertNil(rs.append(.filter, "INPUT", NetfilterRule(target: .jump("MINE"))))
        XCTAssertNil(rs.setPolicy(.filter, "INPUT", "DROP"))
        XCTAssertEqual(rs.deleteChain(.filter, "MINE"), NetfilterError.busy("MINE"))
        let ev = NetfilterEvaluator(ruleset: rs) { _ in true }
        var trace: [ChainVisit] = []
        let tcp = NetfilterPacket(proto: "tcp", source: IPv4Address(1, 1, 1, 1), destination: IPv4Address(2, 2, 2, 2), destinationPort: 22)
        XCTAssertEqual(ev.run(.filter, "INPUT", tcp, trace: &trace), .reject(rule: "-A MINE -p tcp -j REJECT --reject-with icmp-port-unreachable"))
        trace = []
        let udp = NetfilterPacket(proto: "udp", source: IPv4Address(1, 1, 1, 1), destination: IPv4Address(2, 2, 2, 2), destinationPort: 53)
        XCTAssertEqual(ev.run(.filter, "INPUT", udp, trace: &trace), .drop(rule: nil))
        XCTAssertEqual(trace.last, ChainVisit(table: .filter, chain: "INPUT", rule: nil, outcome: "DROP", byPolicy: true))
    }
}
