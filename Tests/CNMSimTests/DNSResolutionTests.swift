import XCTest
@testable import CNMSim

/// `NameResolution` (what ping/curl use), `NameDiagnosis`, and the property:
/// a name resolves from X iff X shares a user-defined network with a running
/// endpoint carrying it, or the external zone holds it and X has a way out.
final class DNSResolutionTests: XCTestCase {
    func testResolveThroughEmbeddedDNSHostsFileAndLiterals() throws {
        var w = DNSWorld()
        w.network("mynet")
        w.run("a", networks: ["mynet"], extraHosts: ["legacy:10.1.2.3"])
        w.run("b", networks: ["mynet"])
        XCTAssertEqual(w.resolve("b", from: "a"), [try XCTUnwrap(w.ip("b", on: "mynet"))])
        XCTAssertEqual(w.resolve("legacy", from: "a"), [IPv4Address(10, 1, 2, 3)])
        XCTAssertEqual(w.resolve("localhost", from: "a"), [IPv4Address(127, 0, 0, 1)])
        XCTAssertEqual(w.resolve("10.9.8.7", from: "a"), [IPv4Address(10, 9, 8, 7)])
        XCTAssertNil(w.resolve("c9", from: "a"))
        XCTAssertEqual(w.resolve("github.com", from: "a")?.map(\.description), ["140.82.121.4"])
    }

    func testTheHostResolvesOnlyExternalAndItsOwnNames() {
        var w = DNSWorld()
        w.network("mynet")
        w.run("a", networks: ["mynet"])
        XCTAssertNil(w.resolve("a", from: nil))
        XCTAssertEqual(w.resolve("nas.lan", from: nil), [IPv4Address(192, 168, 1, 20)])
        XCTAssertEqual(w.resolve("docker-host", from: nil), [IPv4Address(127, 0, 1, 1)])
    }

    func testNoneAndInternalContainersCannotResolveExternalNames() {
        var w = DNSWorld()
        w.network("secret", internal: true)
        w.run("n", networks: ["none"])
        w.run("i", networks: ["secret"])
        XCTAssertNil(w.resolve("example.com", from: "n"))
        XCTAssertNil(w.resolve("example.com", from: "i"))
        XCTAssertEqual(w.resolve("example.com", from: nil)?.map(\.description), ["93.184.215.14"])
    }

    func testSearchDomainsAreTried() {
        var w = DNSWorld()
        w.run("s", dnsSearch: ["lan"])
        XCTAssertEqual(w.resolve("nas", from: "s"), [IPv4Address(192, 168, 1, 20)])
        XCTAssertEqual(NameResolution.searchCandidates("nas", conf: ResolvConf.parse("search lan\noptions ndots:0\n"), hostname: "x"), ["nas", "nas.lan"])
        XCTAssertEqual(NameResolution.searchCandidates("nas", conf: ResolvConf.parse("search lan\n"), hostname: "x"), ["nas.lan", "nas"])
        XCTAssertEqual(NameResolution.searchCandidates("nas.", conf: ResolvConf.parse("search lan\n"), hostname: "x"), ["nas"])
    }

    func testHasExternalAccess() {
        var w = DNSWorld()
        w.network("secret", internal: true)
        w.network("mynet")
        w.run("i", networks: ["secret"])
        w.run("n", networks: ["none"])
        w.run("u", networks: ["mynet"])
        w.run("b")
        w.run("h", networks: ["host"])
        w.run("stopped", networks: ["mynet"], start: false)
        let access = ["i", "n", "u", "b", "h", "stopped"].map { w.engine.hasExternalAccess(containerID: w.id($0)) }
        XCTAssertEqual(access, [false, false, true, true, true, false])
    }

    func testDiagnosisSentences() {
        var w = DNSWorld()
        w.network("frontend")
        w.network("backend")
        w.run("web", networks: ["frontend"])
        w.run("db", networks: ["backend"])
        w.run("cache", networks: ["backend"], aliases: ["redis"])
        w.run("old", networks: ["frontend"])
        _ = w.engine.stopContainer("old")
        w.run("b1")
        w.run("b2")
        w.network("secret", internal: true)
        w.run("vault", networks: ["secret"])
        func why(_ name: String, _ from: String?) -> String {
            NameDiagnosis.explain(name: name, from: from.map { w.id($0) }, engine: w.engine)
        }
        XCTAssertEqual(why("db", "web"), "db is registered on backend, which web is not attached to")
        XCTAssertEqual(why("redis", "web"), "the name exists only as an alias on another network (backend), which web is not attached to")
        XCTAssertEqual(why("old", "web"), "old is stopped; a container's names exist only while it runs")
        XCTAssertEqual(why("b2", "b1"), "the default bridge has no embedded DNS; b1 reaches b2 only by IP or a legacy --link")
        XCTAssertEqual(why("example.com", "vault"), "vault has no way out (only internal networks), so the embedded DNS cannot forward example.com and answers SERVFAIL")
        XCTAssertEqual(why("nosuch", "web"), "no container, alias or external name called nosuch is known")
        XCTAssertTrue(why("web", nil).hasPrefix("the Docker host does not use the embedded DNS server"))
        XCTAssertTrue(why("db", "cache").hasPrefix("db resolves to 172.19.0.2 from cache"))
        XCTAssertEqual(Set(NameDiagnosis.english.keys), Set(NameDiagnosis.Reason.allCases), "every reason has an English sentence")
    }

    /// Seeded random topologies: a name resolves from X iff X runs, shares a
    /// user-defined network with a running endpoint carrying the name, or the
    /// external zone holds the name and X has a way out.
    func testPropertyNameResolvesIffSharedUserNetworkOrExternalWithWayOut() {
        var outcomes: [Bool: Int] = [:]
        for seed in UInt64(1)...25 {
            var rng = SeededGenerator(seed: seed &* 7919)
            func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
            var w = DNSWorld(seed: seed)
            let nets = ["n0", "n1", "n2", "n3"]
            for (i, n) in nets.enumerated() { w.network(n, internal: i == 3) }
            let aliasPool = ["api", "db", "cache"]
            var names: [String] = []
            for i in 0..<7 {
                let name = "c\(i)"
                names.append(name)
                let kind = pick(6)
                var networks: [String] = []
                if kind == 0 { networks = [] } else if kind == 1 { networks = ["none"] } else {
                    networks = [nets[pick(4)]]
                }
                let aliases = (kind >= 2 && pick(2) == 0) ? [aliasPool[pick(3)]] : []
                w.run(name, networks: networks, aliases: aliases, start: pick(5) != 0)
                if kind >= 2 && pick(3) == 0 {
                    let extra = nets[pick(4)]
                    _ = w.engine.connect(container: name, network: extra, settings: NetworkAttachment(network: extra))
                }
            }
            let candidates = names + aliasPool + ["example.com", "nas.lan", "nosuch", "zz.example"]
            for x in names {
                let xid = w.id(x)
                guard let cx = w.engine.containers[xid], cx.isRunning else { continue }
                let xNets = Set(w.engine.endpoints(ofContainer: cx).compactMap { w.engine.networks[$0.networkID] }.filter(\.isUserDefined).map(\.id))
                for name in candidates {
                    var expected = false
                    for ep in w.engine.endpoints.values where xNets.contains(ep.networkID) {
                        if w.engine.containers[ep.containerID]?.isRunning == true,
                           ep.dnsNames.contains(where: { $0.lowercased() == name }) { expected = true }
                    }
                    let inHostsFile = !HostsFile.lookup(name, containerID: xid, engine: w.engine).isEmpty
                    if ExternalDNSZone.entry(name, knownTo: ExternalDNSZone.lanResolver) != nil && w.engine.hasExternalAccess(containerID: xid) {
                        expected = true
                    }
                    let got = NameResolution.resolve(name: name, from: xid, engine: &w.engine) != nil
                    XCTAssertEqual(got, expected || inHostsFile, "seed \(seed): \(name) from \(x)")
                    outcomes[got, default: 0] += 1
                }
            }
        }
        // The topologies exercise both outcomes plentifully.
        XCTAssertGreaterThan(outcomes[true] ?? 0, 100)
        XCTAssertGreaterThan(outcomes[false] ?? 0, 100)
    }
}

extension DNSResolutionTests {
    func testDiagnosisOfResolvingAndUnreachableNames() {
        var w = DNSWorld()
        w.run("b1")
        w.run("n1", networks: ["none"])
        w.network("mynet")
        w.run("u1", networks: ["mynet"])
        func why(_ name: String, _ from: String?) -> String {
            NameDiagnosis.explain(name: name, from: from.map { w.id($0) }, engine: w.engine)
        }
        XCTAssertEqual(why("example.com", "b1"), "example.com resolves to 93.184.215.14 from b1 through the upstream DNS server")
        XCTAssertEqual(why("nas.lan", nil), "nas.lan resolves to 192.168.1.20 from docker-host through the upstream DNS server")
        XCTAssertEqual(why("localhost", "u1"), "localhost resolves to 127.0.0.1 from u1 through its /etc/hosts file")
        XCTAssertEqual(why("example.com", "n1"), "n1 has no route to its DNS server (no network but lo), so example.com cannot be looked up")
        XCTAssertEqual(why("u1", "n1"), "n1 is on no user-defined network, so it has no embedded DNS to ask for u1")
        XCTAssertEqual(why("u1", "b1"), "the default bridge has no embedded DNS; b1 reaches u1 only by IP or a legacy --link")
        // Diagnosis never consumes the caller's randomness.
        let before = w.engine.rng
        _ = why("u1", "u1")
        XCTAssertEqual(w.engine.rng, before)
    }
}
