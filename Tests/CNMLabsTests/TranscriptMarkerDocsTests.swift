import XCTest
@testable import CNMLabs

/// The transcript format an instructor reads in `docs/ci-grading.md` names every marker line the
/// grader replays (`LabLine`), so an exported attempt holds no line the documentation does not explain.
final class TranscriptMarkerDocsTests: XCTestCase {
    func testEveryMarkerTheGraderReplaysIsDocumented() throws {
        let root = Fixture.labsDirectory.deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/ci-grading.md"), encoding: .utf8)
        let markers = [LabLine.hintMarker, LabLine.solutionMarker, LabLine.skipMarker, LabLine.undoMarker,
                       LabLine.resetStepMarker, LabLine.resetLabMarker]
        for marker in markers {
            XCTAssertTrue(doc.contains("| `\(marker)` |"), "docs/ci-grading.md does not explain \(marker)")
            XCTAssertNotEqual(LabLine(marker), .comment(marker), "\(marker) is replayed, not ignored")
        }
    }
}
