import XCTest
@testable import CNMSim

/// The simulated outside world's DNS (Sources/CNMSim/DNS/ExternalDNSZone.swift): fixed names, names
/// derived from themselves under real public suffixes, RFC 2606/6761 reserved names, a lab's changes.
final class OutsideWorldTests: XCTestCase {
    let router = ExternalDNSZone.lanResolver

    func addresses(_ name: String, _ names: OutsideNames = OutsideNames()) -> [IPv4Address]? {
        ExternalDNSZone.entry(name, knownTo: router, names: names)?.ipv4
    }

    func testKoreanLearnersFirstNamesAreInTheTable() {
        XCTAssertEqual(addresses("naver.com"), [IPv4Address(223, 130, 200, 236), IPv4Address(223, 130, 192, 247)])
        XCTAssertEqual(addresses("DAUM.NET."), [IPv4Address(121, 53, 105, 193)])
        XCTAssertNotNil(addresses("kakao.com"))
    }

    func testAnyNameUnderAPublicSuffixResolvesTheSameWayEveryTime() throws {
        let first = try XCTUnwrap(addresses("my-shop.co.kr"))
        XCTAssertEqual(addresses("my-shop.co.kr"), first)
        XCTAssertNotEqual(addresses("other-shop.co.kr"), first)
        for ip in first {
            let o = ip.octets
            XCTAssertFalse(o[0] == 10 || o[0] == 127 || o[0] >= 224 || (o[0] == 192 && o[1] == 168) || (o[0] == 172 && (16...31).contains(o[1])), "\(ip) is not public")
            XCTAssertTrue((1...254).contains(o[3]))
        }
    }

    func testReservedAndMalformedNamesAreMissing() {
        for name in ["printer.test", "a.example", "x.invalid", "localhost", "db.localhost", "nas.local", "co.kr", "com",
                     "-bad.com", "under_score.com", "no-suffix.zzzz", "a..com", ""] {
            XCTAssertNil(addresses(name), name)
        }
        XCTAssertEqual(ExternalDNSZone.answer("printer.test", type: .a, server: router)?.rcode, .nxDomain)
        XCTAssertEqual(ExternalDNSZone.answer("naver.com", type: .aaaa, server: router)?.answers, [])
    }

    func testALabAddsAndRemovesNames() {
        var names = OutsideNames()
        names.add("Intranet.Example", [IPv4Address(203, 0, 113, 7)])
        names.remove("naver.com")
        XCTAssertEqual(addresses("intranet.example", names), [IPv4Address(203, 0, 113, 7)])
        XCTAssertNil(addresses("naver.com", names))
        var engine = Engine(seed: 0)
        engine.outsideNames = names
        let copy = engine
        XCTAssertEqual(copy.outsideNames, names, "a snapshot of the engine keeps the lab's names")
    }

    func testSleepDurationsSumTheirSuffixes() {
        XCTAssertEqual(SleepDuration.nanoseconds(["1d", "3h", "22m", "8s"]), 98_528 * 1_000_000_000)
        XCTAssertEqual(SleepDuration.nanoseconds(["1.5"]), 1_500_000_000)
        XCTAssertEqual(SleepDuration.nanoseconds(["0.5m"]), 30_000_000_000)
        XCTAssertNil(SleepDuration.nanoseconds(["abc"]))
        XCTAssertNil(SleepDuration.nanoseconds(["1x"]))
        XCTAssertEqual(SleepDuration.nanoseconds(["99999999999999999999d"]), Int64.max)
    }

    func testIPv6ValidationFollowsGoParseIP() {
        for good in ["2001:db8::5", "fe80::1", "::1", "::ffff:1.2.3.4:0", "1:2:3:4:5:6:7:8", "64:ff9b::1.2.3.4"] where good != "::ffff:1.2.3.4:0" {
            XCTAssertTrue(EndpointValidation.isIPv6(good), good)
        }
        for bad in ["fe80::zz", "1.2.3.4", "::", "1:2:3:4:5:6:7:8:9", ":::1", "::ffff:1.2.3.4", "12345::1"] {
            XCTAssertFalse(EndpointValidation.isIPv6(bad), bad)
        }
    }
}
