import CNMLabs
import Foundation
import XCTest
@testable import CNMProgress

/// `cnmlab progress export` → `cnmlab grade`: an exported attempt scores exactly as the shell's session did.
final class GradeExportTests: XCTestCase {
    func testMarkersAreTheOnesTheRecorderWrites() throws {
        XCTAssertEqual(Submission.hintLine, "#cnmlab hint")
        XCTAssertEqual(Submission.solutionLine, "#cnmlab solution")
        XCTAssertEqual(Submission.skipLine, "#cnmlab skip")
        let text = "docker ps\n# a note\n#cnmlab hint\n  #cnmlab undo\n#cnmlab reset step\n#cnmlab reset lab\n#cnmlab solution\n#cnmlab skip\n"
        let submission = try Submission.parse(Array(text.utf8)).get()
        XCTAssertEqual(submission.lines.map { LabLine($0) },
                       [.command("docker ps"), .hint, .undo, .reset(.step), .reset(.lab), .solution, .skip])
    }

    func testExportedAttemptWithHintsSolutionAndSkipGradesLikeTheSession() throws {
        let yaml = """
        id: export
        version: 1
        title: {ko: 내보내기, en: Export}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: 5
        scoring:
          hint_penalty: {nudge: 1, concept: 1}
          solution_penalty: 2
        steps:
          - id: net
            title: {ko: 네트워크, en: Network}
            text: {ko: a를 만드세요, en: Create a}
            points: 5
            hints:
              - {tier: nudge, ko: 힌트, en: a hint}
              - {tier: concept, ko: 개념, en: a concept}
            checks: [{network: {name: a}}]
            solution: [docker network create a]
          - id: extra
            title: {ko: 추가, en: Extra}
            text: {ko: x, en: x}
            optional: true
            points: 1
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            checks: [{network: {name: x}}]
            solution: [docker network create x]
          - id: web
            title: {ko: 웹, en: Web}
            text: {ko: b, en: b}
            points: 3
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            checks: [{network: {name: b}}]
            solution: [docker network create b]
        """
        let lab = try XCTUnwrap(LabDecoder.decode(text: yaml, file: "export.yaml").lab)
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        var rec = try LabRecorder.start(store: store, lab: lab, learner: "ana")
        _ = try rec.hint()
        _ = try rec.hint()
        _ = try rec.input("docker network create a")
        _ = try rec.revealSolution()
        XCTAssertTrue(try rec.skip())
        _ = try rec.input("docker network create b")
        XCTAssertTrue(rec.session.isComplete)

        let bytes = try store.transcript(learner: "ana", labID: "export").render()
        let submission = try Submission.parse(bytes).get()
        XCTAssertEqual(submission.headerLearner, "ana")
        let report = Grader.grade(lab: lab, learner: "ana", submission: submission)
        let score = rec.session.score
        XCTAssertEqual(report.score, score.earned)
        XCTAssertEqual(report.score, 5 - 2 + 3, "two hints cost 1 each on step 1")
        XCTAssertEqual(report.steps.map(\.penalty), score.steps.map(\.penalty))
        XCTAssertEqual(report.steps.map(\.status), [.passed, .skipped, .passed])
        XCTAssertTrue(report.steps[1].solutionShown)
        XCTAssertTrue(report.passed)
    }
}
