import XCTest
@testable import CNMSim

/// moby v28.2.2 libnetwork/drivers/overlay/encryption.go `maxMTU`.
final class OverlayMTUTests: XCTestCase {
    func testPlainOverlayLosesTheVXLANHeaders() {
        XCTAssertEqual(OverlayDriver.mtu(options: [:]), 1450)
    }

    func testEncryptedOverlayAlsoLosesESPAndRoundsDownToFour() {
        XCTAssertEqual(OverlayDriver.mtu(options: ["encrypted": ""]), 1424)
        // 1400 - 50 - 26 = 1324, a multiple of 4; 1401 - 76 = 1325 rounds down to 1324.
        XCTAssertEqual(OverlayDriver.mtu(options: ["encrypted": "", "com.docker.network.driver.mtu": "1401"]), 1324)
    }

    func testTheMTUOptionIsTheBase() {
        XCTAssertEqual(OverlayDriver.mtu(options: ["com.docker.network.driver.mtu": "9000"]), 8950)
        XCTAssertEqual(OverlayDriver.mtu(options: ["com.docker.network.driver.mtu": "0"]), 1450, "0 means the default")
    }
}
