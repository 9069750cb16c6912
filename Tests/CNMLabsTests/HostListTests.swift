import XCTest
@testable import CNMLabs
import CNMSim

/// `--host NAME[=IP]` lists for `cnmlab shell` and `cnmlab sim`: the rules of a lab's `hosts:`.
final class HostListTests: XCTestCase {
    func testCourseNamesKeepTheirAddressesOthersTakeTheLowestFree() throws {
        let list = try HostList.parse(["worker1", "db", "cache=192.168.1.120", "web"]).get()
        XCTAssertEqual(list.map(\.name), ["worker1", "db", "cache", "web"])
        XCTAssertEqual(list.map(\.address.description), ["192.168.1.102", "192.168.1.101", "192.168.1.120", "192.168.1.103"])
    }

    func testRefusals() {
        XCTAssertEqual(HostList.parse(["remote"]).failureValue?.description, "'remote' is already a place on the LAN")
        XCTAssertEqual(HostList.parse(["a", "a"]).failureValue?.description, "'a' is named twice")
        XCTAssertEqual(HostList.parse(["Web"]).failureValue?.description, "'Web' is not a hostname (a-z first, then a-z, 0-9, '-')")
        XCTAssertEqual(HostList.parse(["db=10.0.0.5"]).failureValue?.description, "'10.0.0.5' is not an address of the LAN 192.168.1.0/24")
        XCTAssertEqual(HostList.parse(["db=192.168.1.100"]).failureValue?.description, "192.168.1.100 of db is already taken on the LAN")
        XCTAssertEqual(HostList.parse(["db="]).failureValue?.description, "'' is not an address of the LAN 192.168.1.0/24")
        XCTAssertNotNil(HostList.parse((1...9).map { "h\($0)" }).failureValue)
    }
}
