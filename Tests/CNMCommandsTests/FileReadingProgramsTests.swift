import XCTest
@testable import CNMCommands

/// The pieces behind `docker cp`'s summary and the new "not simulated" lines of head, tail, wc and
/// docker cp, checked one by one (the goldens cp-sizes and text-files show them in use).
final class FileReadingProgramsTests: XCTestCase {
    /// Go archive/tar: USTAR holds 100 bytes, or a path split at a `/` into a prefix of at most 155
    /// bytes and a name of at most 100; anything else (or a non-ASCII name) gets a PAX header.
    func testUSTARNameLimits() {
        XCTAssertTrue(CpCommand.fitsUSTAR(String(repeating: "a", count: 100)))
        XCTAssertFalse(CpCommand.fitsUSTAR(String(repeating: "a", count: 101)))
        XCTAssertTrue(CpCommand.fitsUSTAR(String(repeating: "p", count: 155) + "/" + String(repeating: "n", count: 100)))
        XCTAssertFalse(CpCommand.fitsUSTAR(String(repeating: "p", count: 156) + "/" + String(repeating: "n", count: 10)))
        XCTAssertFalse(CpCommand.fitsUSTAR(String(repeating: "p", count: 10) + "/" + String(repeating: "n", count: 101)))
        XCTAssertFalse(CpCommand.fitsUSTAR("café"))
        // A folder's trailing slash is not a split point.
        XCTAssertFalse(CpCommand.fitsUSTAR(String(repeating: "d", count: 101) + "/"))
    }

    func testTarEntrySizes() {
        XCTAssertEqual(CpCommand.tarEntrySize(name: "a", contentBytes: 0), 512)
        XCTAssertEqual(CpCommand.tarEntrySize(name: "a", contentBytes: 1), 1024)
        XCTAssertEqual(CpCommand.tarEntrySize(name: "a", contentBytes: 512), 1024)
        XCTAssertEqual(CpCommand.tarEntrySize(name: "a", contentBytes: 513), 1536)
        // PAX: a 512-byte header and its "NNN path=…\n" record padded to 512, then the entry.
        XCTAssertEqual(CpCommand.tarEntrySize(name: String(repeating: "a", count: 101), contentBytes: 0), 1536)
        // A 499-byte path makes a 509-byte record, one block; 511 bytes make 521, two blocks.
        XCTAssertEqual(CpCommand.tarEntrySize(name: String(repeating: "a", count: 499), contentBytes: 0), 1536)
        XCTAssertEqual(CpCommand.tarEntrySize(name: String(repeating: "a", count: 511), contentBytes: 0), 2048)
    }

    /// go-units `HumanSizeWithPrecision(n, 3)`: Go's `%.3g`, decimal units.
    func testHumanSize() {
        XCTAssertEqual(CpCommand.humanSize(1536), "1.54kB")
        XCTAssertEqual(CpCommand.humanSize(2048), "2.05kB")
        XCTAssertEqual(CpCommand.humanSize(3072), "3.07kB")
        XCTAssertEqual(CpCommand.humanSize(10240), "10.2kB")
        XCTAssertEqual(CpCommand.humanSize(2000), "2kB")
        XCTAssertEqual(CpCommand.humanSize(1_049_600), "1.05MB")
    }

    func testNewNotSimulatedLinesReadInKorean() {
        XCTAssertEqual(NotSimulated.localize("cnmlab: busybox head on a folder is not simulated\n", language: "ko"),
                       "cnmlab: 폴더에 대한 busybox head는 시뮬레이션하지 않습니다\n")
        XCTAssertEqual(NotSimulated.localize("cnmlab: wc -m, -L or -w over non-ASCII text (it depends on the locale) is not simulated\n", language: "ko"),
                       "cnmlab: ASCII가 아닌 글자에 대한 wc -m, -L, -w는 시뮬레이션하지 않습니다 (로캘에 따라 달라집니다)\n")
        XCTAssertEqual(NotSimulated.localize("cnmlab: docker cp of /etc/nginx (the image's other files there are not modelled) is not simulated\n", language: "ko"),
                       "cnmlab: /etc/nginx의 docker cp는 시뮬레이션하지 않습니다 (그곳에 있는 이미지의 다른 파일은 모델링하지 않았습니다)\n")
    }
}
