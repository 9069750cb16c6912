import XCTest
@testable import CNMSim

/// The embedded DNS server (reference §5): names, scope, dotted lookups,
/// case, TTL, AAAA, PTR, shuffling, forwarding and SERVFAIL.
final class DNSEmbeddedTests: XCTestCase {
    func world() -> DNSWorld {
        var w = DNSWorld()
        w.network("mynet")
        w.network("other")
        w.run("c1", networks: ["mynet"])
        w.run("c2", networks: ["mynet"], aliases: ["db"], hostname: "dbhost")
        w.run("o1", networks: ["other"])
        return w
    }

    func testEveryRegisteredNameAnswersWithTTL600AndNotAuthoritative() throws {
        var w = world()
        let c2 = try XCTUnwrap(w.ip("c2", on: "mynet"))
        let short = String(w.id("c2").prefix(12))
        for name in ["c2", "db", short, "dbhost"] {
            let r = w.query(name, from: "c1")
            XCTAssertEqual(r.rcode, .noError, name)
            XCTAssertEqual(r.answers, [DNSAnswer(name: name, type: .a, ttl: 600, data: c2.description)], name)
            XCTAssertFalse(r.authoritative)
        }
    }

    func testNamesAreCaseInsensitiveAndTheFinalDotIsIgnored() throws {
        var w = world()
        let c2 = try XCTUnwrap(w.ip("c2", on: "mynet"))
        XCTAssertEqual(w.query("C2", from: "c1").ipv4Addresses, [c2])
        XCTAssertEqual(w.query("DB.", from: "c1").ipv4Addresses, [c2])
        XCTAssertEqual(w.query("DB.", from: "c1").answers.first?.name, "DB")
    }

    func testNameDotNetworkAndItsPitfalls() throws {
        var w = world()
        let c2 = try XCTUnwrap(w.ip("c2", on: "mynet"))
        XCTAssertEqual(w.query("c2.mynet", from: "c1").ipv4Addresses, [c2])
        XCTAssertEqual(w.query("db.mynet", from: "c1").ipv4Addresses, [c2])
        // The network part is compared exactly: a different case is another network.
        XCTAssertEqual(w.query("c2.MyNet", from: "c1").rcode, .nxDomain)
        // A network the querier is not on does not answer.
        XCTAssertEqual(w.query("o1.other", from: "c1").rcode, .nxDomain)
    }

    func testDottedNetworkNamesFollowTheLookupAlgorithm() throws {
        var w = DNSWorld()
        w.network("br.net1")
        w.run("c1", networks: ["br.net1"])
        w.run("c2", networks: ["br.net1"])
        let c1 = try XCTUnwrap(w.ip("c1", on: "br.net1"))
        XCTAssertEqual(w.query("c1.br.net1", from: "c2").ipv4Addresses, [c1])
        XCTAssertEqual(w.query("c1.br.net1.nosuch.invalid", from: "c2").rcode, .nxDomain)
    }

    func testScopeIsTheQueriersNetworks() {
        var w = world()
        XCTAssertEqual(w.query("o1", from: "c1").rcode, .nxDomain)
        XCTAssertEqual(w.query("c1", from: "o1").rcode, .nxDomain)
    }

    func testAAAAOfAnIPv4OnlyNameIsAnEmptyNoError() {
        var w = world()
        let r = w.query("c2", .aaaa, from: "c1")
        XCTAssertEqual(r.rcode, .noError)
        XCTAssertTrue(r.answers.isEmpty)
    }

    func testPTRAnswersFirstNameDotNetwork() throws {
        var w = world()
        let c2 = try XCTUnwrap(w.ip("c2", on: "mynet"))
        let r = w.query(ReverseName.of(c2), .ptr, from: "c1")
        XCTAssertEqual(r.answers, [DNSAnswer(name: ReverseName.of(c2), type: .ptr, ttl: 600, data: "c2.mynet")])
    }

    func testPTRForAnAddressOnAnotherNetworkIsForwardedAndUnknownUpstream() throws {
        var w = world()
        let o1 = try XCTUnwrap(w.ip("o1", on: "other"))
        XCTAssertEqual(w.query(ReverseName.of(o1), .ptr, from: "c1").rcode, .nxDomain)
    }

    func testRecordsExistOnlyWhileTheContainerRuns() throws {
        var w = world()
        XCTAssertEqual(w.query("c2", from: "c1").rcode, .noError)
        _ = w.engine.stopContainer("c2")
        XCTAssertEqual(w.query("c2", from: "c1").rcode, .nxDomain)
        XCTAssertEqual(w.query("db", from: "c1").rcode, .nxDomain)
        _ = w.engine.startContainer("c2")
        XCTAssertEqual(w.query("db", from: "c1").ipv4Addresses, [try XCTUnwrap(w.ip("c2", on: "mynet"))])
    }

    func testDefaultBridgeContainersHaveNoEmbeddedDNSAndRegisterNothing() {
        var w = DNSWorld()
        w.run("b1")
        w.run("b2")
        let b1 = w.engine.containers[w.id("b1")]!
        XCTAssertFalse(EmbeddedDNS.isRunning(in: b1, engine: w.engine))
        XCTAssertNil(w.resolve("b2", from: "b1"))
        XCTAssertTrue(w.engine.endpoints.values.allSatisfy { $0.dnsNames.isEmpty })
    }

    func testSharedAliasListsEveryBackendShuffledPerQueryFromTheSeed() throws {
        func orders(seed: UInt64) -> [[IPv4Address]] {
            var w = DNSWorld(seed: seed)
            w.network("mynet")
            w.run("client", networks: ["mynet"])
            for i in 1...3 { w.run("web\(i)", networks: ["mynet"], aliases: ["web"]) }
            return (0..<12).map { _ in w.query("web", from: "client").ipv4Addresses }
        }
        let a = orders(seed: 3)
        XCTAssertEqual(a, orders(seed: 3), "same seed, same answers")
        let all = Set(["172.18.0.3", "172.18.0.4", "172.18.0.5"].compactMap { IPv4Address($0) })
        for answer in a { XCTAssertEqual(Set(answer), all); XCTAssertEqual(answer.count, 3) }
        XCTAssertGreaterThan(Set(a.map { $0.first! }).count, 1, "the first answer varies between queries")
    }

    func testFirstNetworkInSandboxOrderWinsWithoutMerging() throws {
        var w = DNSWorld()
        w.network("aaa")
        w.network("zzz")
        w.run("x", networks: ["zzz"], aliases: ["svc"])
        w.run("y", networks: ["aaa"], aliases: ["svc"])
        w.run("client", networks: ["zzz"])
        XCTAssertNil(w.engine.connect(container: "client", network: "aaa", settings: NetworkAttachment(network: "aaa")).failureValue)
        // Endpoints are scanned in gateway order (network name ascending): aaa answers, zzz is not merged in.
        XCTAssertEqual(w.query("svc", from: "client").ipv4Addresses, [try XCTUnwrap(w.ip("y", on: "aaa"))])
    }

    func testLinkOnAUserDefinedNetworkIsALocalAlias() throws {
        var w = DNSWorld()
        w.network("foo")
        w.run("first", networks: ["foo"])
        w.run("linker", networks: ["foo"], links: ["first:FirstInFoo"])
        w.run("bystander", networks: ["foo"])
        let first = try XCTUnwrap(w.ip("first", on: "foo"))
        XCTAssertEqual(w.query("FirstInFoo", from: "linker").ipv4Addresses, [first])
        XCTAssertEqual(w.query("FirstInFoo", from: "bystander").rcode, .nxDomain)
    }

    func testExternalNamesAreForwardedToTheHostResolver() {
        var w = world()
        XCTAssertEqual(w.query("example.com", from: "c1").ipv4Addresses.map(\.description), ["93.184.215.14"])
        XCTAssertEqual(w.query("nas.lan", from: "c1").ipv4Addresses.map(\.description), ["192.168.1.20"])
        XCTAssertEqual(w.query("nosuch.example", from: "c1").rcode, .nxDomain)
        XCTAssertEqual(w.query("nosuch", from: "c1").rcode, .nxDomain)
    }

    func testInternalOnlyContainersGetSERVFAILForExternalNames() throws {
        var w = DNSWorld()
        w.network("secret", internal: true)
        w.run("a", networks: ["secret"])
        w.run("b", networks: ["secret"])
        XCTAssertEqual(w.query("example.com", from: "a").rcode, .servFail)
        XCTAssertEqual(w.query("b", from: "a").ipv4Addresses, [try XCTUnwrap(w.ip("b", on: "secret"))])
    }

    func testOwnAddressAsTheOnlyDNSServerGivesSERVFAIL() {
        var w = DNSWorld()
        w.network("mynet")
        w.run("a", networks: ["mynet"], dns: ["127.0.0.11"])
        XCTAssertEqual(w.query("example.com", from: "a").rcode, .servFail)
    }

    func testDNSOverridesAreQueriedFromTheContainer() {
        var w = DNSWorld()
        w.network("mynet")
        w.run("pub", networks: ["mynet"], dns: ["8.8.8.8"])
        w.run("nowhere", networks: ["mynet"], dns: ["10.99.99.99", "1.1.1.1"])
        XCTAssertEqual(w.query("example.com", from: "pub").rcode, .noError)
        // Public resolvers do not know the LAN's names.
        XCTAssertEqual(w.query("nas.lan", from: "pub").rcode, .nxDomain)
        // An upstream that never answers is skipped.
        XCTAssertEqual(w.query("github.com", from: "nowhere").ipv4Addresses.map(\.description), ["140.82.121.4"])
    }

    func testUserNdotsStopsForwardingOfSingleLabelNames() {
        var w = DNSWorld()
        w.network("mynet")
        w.run("a", networks: ["mynet"], dnsOptions: ["ndots:2"])
        let r = w.query("printer", from: "a")
        XCTAssertEqual(r.rcode, .noError)
        XCTAssertTrue(r.answers.isEmpty)
    }

    func testResolverStaysAfterLeavingTheUserNetwork() {
        var w = DNSWorld()
        w.network("mynet")
        w.run("b1")
        XCTAssertNil(w.engine.connect(container: "b1", network: "mynet", settings: NetworkAttachment(network: "mynet")).failureValue)
        XCTAssertNil(w.engine.disconnect(container: "b1", network: "mynet", force: false).failureValue)
        let b1 = w.engine.containers[w.id("b1")]!
        XCTAssertTrue(EmbeddedDNS.isRunning(in: b1, engine: w.engine))
        XCTAssertEqual(w.query("example.com", from: "b1").rcode, .noError)
    }
}
