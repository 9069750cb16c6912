import XCTest
@testable import CNMSim

/// The SOA of negative answers from the simulated outside world (Sources/CNMSim/DNS/ExternalDNSZone+SOA.swift):
/// the IANA root zone's SOA (https://www.internic.net/domain/root.zone: `a.root-servers.net.
/// nstld.verisign-grs.com. YYYYMMDDNN 1800 900 604800 86400`) for names whose top-level domain does not
/// exist, TTL capped at BIND 9.18's `max-ncache-ttl` 10800 (isc-projects/bind9 v9.18.33 bin/named/config.c);
/// an invented SOA for the outside world's own domains; none where the zone cannot be established.
/// Wire sizes follow RFC 1035 §4.1.4 name compression.
final class NegativeAnswerSOATests: XCTestCase {
    let router = ExternalDNSZone.lanResolver

    func testReservedAndUnknownTopLevelDomainsAnswerWithTheRootSOA() throws {
        for name in ["nosuch.invalid", "printer.test", "a.example", "db.localhost", "x.onion", "foo.bar.notatld"] {
            let r = try XCTUnwrap(ExternalDNSZone.answer(name, type: .a, server: router, at: .epoch))
            XCTAssertEqual(r.rcode, .nxDomain, name)
            let soa = try XCTUnwrap(r.authority, name)
            XCTAssertEqual(soa.zone, ".")
            XCTAssertEqual(soa.ttl, 10800)
            XCTAssertEqual(soa.dataText, "a.root-servers.net. nstld.verisign-grs.com. 2025060100 1800 900 604800 86400")
        }
    }

    func testNodataAndMissingSubnamesAnswerWithTheDomainsOwnSOA() throws {
        let nodata = try XCTUnwrap(ExternalDNSZone.answer("www.my-shop.com", type: .aaaa, server: router, at: .epoch))
        XCTAssertEqual(nodata.rcode, .noError)
        XCTAssertEqual(nodata.authority?.zone, "my-shop.com.")
        XCTAssertEqual(nodata.authority?.mname, "ns1.my-shop.com.")
        XCTAssertEqual(nodata.authority?.rname, "hostmaster.my-shop.com.")
        XCTAssertEqual(nodata.authority?.ttl, 300)
        XCTAssertEqual(nodata.authority?.minimum, 300)
        var names = OutsideNames()
        names.remove("api.shop.co.kr")
        let missing = try XCTUnwrap(ExternalDNSZone.answer("api.shop.co.kr", type: .a, server: router, names: names, at: .epoch))
        XCTAssertEqual(missing.rcode, .nxDomain)
        XCTAssertEqual(missing.authority?.zone, "shop.co.kr.")
        XCTAssertEqual(missing.authority, ExternalDNSZone.zoneSOA("shop.co.kr", at: .epoch))
    }

    func testZonesThatCannotBeEstablishedHaveNoSOA() {
        var names = OutsideNames()
        names.remove("my-shop.com")  // the answer would come from .com, whose SOA is not modelled
        for (name, type) in [("my-shop.com", DNSQueryType.a), ("naver.com", .aaaa), ("www.github.com", .aaaa), ("com", .a), ("localhost", .a), ("nas.lan", .aaaa),
                             ("foo.lan", .a), ("under_score.com", .a), ("x.home.arpa", .a)] {
            XCTAssertNil(ExternalDNSZone.answer(name, type: type, server: router, names: names, at: .epoch)?.authority, name)
        }
        XCTAssertNil(ExternalDNSZone.answer("example.com", type: .a, server: router, at: .epoch)?.authority)
    }

    func testTheWireSizeCompressesTheSOANames() throws {
        // nosuch.invalid: 12 + 16 + 4 = 32; `.` 1 + 10; a.root-servers.net. 20; nstld.verisign-grs.com. 24; 20.
        let root = try XCTUnwrap(ExternalDNSZone.answer("nosuch.invalid", type: .a, server: router, at: .epoch))
        XCTAssertEqual(DNSTraffic.responseSize("nosuch.invalid", root), 107)
        // my-shop.com AAAA: 12 + 13 + 4 = 29; owner pointer 2 + 10; ns1+pointer 6; hostmaster+pointer 13; 20.
        let zone = try XCTUnwrap(ExternalDNSZone.answer("my-shop.com", type: .aaaa, server: router, at: .epoch))
        XCTAssertEqual(DNSTraffic.responseSize("my-shop.com", zone), 80)
        let a = try XCTUnwrap(ExternalDNSZone.answer("example.com", type: .a, server: router, at: .epoch))
        XCTAssertEqual(DNSTraffic.responseSize("example.com", a), 45)
    }
}
