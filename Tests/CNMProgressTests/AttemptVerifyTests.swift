import CNMLabs
import Foundation
import GRDB
import XCTest
@testable import CNMProgress

/// Scores are tamper-evident: each attempt is checked against a replay of its own command log.
final class AttemptVerifyTests: XCTestCase {
    let yaml = """
        id: ver
        version: 1
        title: {ko: 검증, en: Verify}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: 5
        steps:
          - id: a
            title: {ko: a, en: a}
            text: {ko: a, en: a}
            points: 1
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            checks: [{network: {name: a}}]
            solution: [docker network create a]
          - id: b
            title: {ko: b, en: b}
            text: {ko: b, en: b}
            points: 3
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            checks: [{network: {name: b}}]
            solution: [docker network create b]
        """

    func recorded(_ dir: TempDir) throws -> (ProgressStore, Lab) {
        let lab = try XCTUnwrap(LabDecoder.decode(text: yaml, file: "ver.yaml").lab)
        let store = try Fixture.store(dir.file("p.sqlite"))
        var attempt = try LabRecorder.start(store: store, lab: lab, learner: "ana")
        _ = try attempt.apply(LabLine("docker network create a"))
        _ = try attempt.apply(.hint)
        _ = try attempt.apply(LabLine("docker network create b"))   // the last step: the attempt is finished
        XCTAssertEqual(try store.attempts().first?.status, .finished)
        return (store, lab)
    }

    func testAnHonestAttemptVerifies() throws {
        let dir = TempDir()
        let (store, lab) = try recorded(dir)
        let checks = try store.verifyAttempts(labs: [lab])
        XCTAssertEqual(checks.map(\.outcome), [.verified])
        XCTAssertEqual(try store.verifiedLabProgress(labs: [lab]).map(\.verified), [.verified])
    }

    func testAnEditedScoreOrStepIsFoundAlthoughTheChainIsIntact() throws {
        let dir = TempDir()
        let (store, lab) = try recorded(dir)
        let raw = try Fixture.raw(dir.file("p.sqlite"))
        try raw.write { try $0.execute(sql: "UPDATE attempt SET score = 10, max_score = 10") }
        XCTAssertTrue(try store.verifyChain().isIntact, "the chain does not cover the attempt row")
        let edited = try XCTUnwrap(try store.verifyAttempts(labs: [lab]).first)
        XCTAssertEqual(edited.outcome, .mismatch)
        XCTAssertEqual(edited.details.map { $0.text("en") }, ["score 10 recorded, 4 replayed", "max_score 10 recorded, 4 replayed"])
        XCTAssertEqual(edited.details.first?.text("ko"), "score: 기록 10, 재생 4")
        try raw.write {
            try $0.execute(sql: "UPDATE attempt SET score = 4, max_score = 4")
            try $0.execute(sql: "UPDATE step_result SET completed_at = NULL WHERE step_id = 'b'")
            try $0.execute(sql: "DELETE FROM hint_use")
        }
        let steps = try XCTUnwrap(try store.verifyAttempts(labs: [lab]).first)
        XCTAssertEqual(steps.details.map { $0.text("en") },
                       ["step b completed: false recorded, true replayed", "step b hints: 0 recorded, 1 replayed"])
        // The report marks the row; its table says so in words.
        let rows = try store.verifiedLabProgress(labs: [lab])
        XCTAssertEqual(rows.map(\.verified), [.mismatch])
        let table = ProgressReport.render(rows, format: .table)
        XCTAssertTrue(table.contains("VERIFIED"), table)
        XCTAssertTrue(table.contains("MISMATCH"), table)
        XCTAssertTrue(ProgressReport.render(rows, format: .csv).hasSuffix(",mismatch\r\n"))
        // Without verification the report is as before (no column).
        XCTAssertFalse(ProgressReport.render(try store.labProgress(), format: .csv).contains("verified"))
    }

    func testALabThatIsMissingOrChangedIsNotVerifiableNotTampered() throws {
        let dir = TempDir()
        let (store, lab) = try recorded(dir)
        XCTAssertEqual(try store.verifyAttempts(labs: []).first?.outcome, .unverifiable)
        var newer = lab
        newer.version = 2
        let check = try XCTUnwrap(try store.verifyAttempts(labs: [newer]).first)
        XCTAssertEqual(check.outcome, .unverifiable)
        XCTAssertEqual(check.details, [.versionDiffers(recorded: "1", lab: 2)])
        // Merging reports keeps the worst verdict.
        var a = try store.verifiedLabProgress(labs: [lab])
        var b = a
        b[0].verified = .mismatch
        XCTAssertEqual(ProgressReport.merge([a, b]).first?.verified, .mismatch)
        a[0].verified = .unverifiable
        XCTAssertEqual(ProgressReport.merge([a, a]).first?.verified, .unverifiable)
    }
}
