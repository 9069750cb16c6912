import CNMSim
import CNMLabs
import XCTest
@testable import CNMProgress

/// A lab's `outside:` names survive a resume: the replayed session resolves them as the live one did.
final class OutsideNamesResumeTests: XCTestCase {
    func testAResumedAttemptSeesTheLabsOutsideNames() throws {
        let yaml = """
        id: outside
        version: 1
        title: {ko: 바깥, en: Outside}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: 5
        outside:
          names: {api.example.com: 203.0.113.7}
          missing: [naver.com]
        steps:
          - id: web
            title: {ko: 웹, en: Web}
            text: {ko: 웹, en: Web}
            points: 1
            hints: [{tier: nudge, ko: 힌트, en: a hint}]
            checks: [{network: {name: a}}]
            solution: [docker network create a]
        """
        let decoded = LabDecoder.decode(text: yaml, file: "outside.yaml")
        let lab = try XCTUnwrap(decoded.lab, "\(decoded.diagnostics)")
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        var live = try LabRecorder.start(store: store, lab: lab, learner: "ana")
        let before = try live.input("host api.example.com")
        XCTAssertEqual(before.exitCode, 0)
        _ = try live.input("host naver.com")

        let resumed = try XCTUnwrap(try LabRecorder.resume(store: try Fixture.store(dir.file("p.sqlite")), lab: lab, learner: "ana"))
        XCTAssertNil(resumed.mismatch, "every line replays with the same state hash and exit code")
        XCTAssertEqual(resumed.replayed, 2)
        var attempt = resumed.attempt
        XCTAssertEqual(attempt.session.engine.outsideNames, live.session.engine.outsideNames)
        let out = try attempt.input("host api.example.com")
        guard case .output(let printed)? = out.reports.first else { return XCTFail("no output: \(out.reports)") }
        XCTAssertEqual(printed.stdout, "api.example.com has address 203.0.113.7\n")
        XCTAssertEqual(try attempt.input("host naver.com").exitCode, 1)
    }
}
