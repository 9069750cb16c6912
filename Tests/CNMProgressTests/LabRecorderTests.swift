import CNMCommands
import CNMLabs
import Foundation
import GRDB
import XCTest
@testable import CNMProgress

final class LabRecorderTests: XCTestCase {
    private func lab(version: Int = 1, setup: String = "docker network create base") throws -> Lab {
        let yaml = """
        id: rec
        version: \(version)
        title: {ko: 기록, en: Recording}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: 5
        setup:
          - \(setup)
        scoring:
          hint_penalty: {nudge: 1, concept: 1, command: 1}
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
          - id: gw
            title: {ko: 게이트웨이, en: Gateway}
            text: {ko: 질문, en: Question}
            points: 2
            quiz:
              question: {ko: 게이트웨이?, en: Gateway?}
              accept: ["172.17.0.1"]
          - id: web
            title: {ko: 웹, en: Web}
            text: {ko: 웹, en: Web}
            points: 3
            checks: [{network: {name: b}}]
            solution: [docker network create b]
        """
        let result = LabDecoder.decode(text: yaml, file: "rec.yaml")
        return try XCTUnwrap(result.lab, "\(result.diagnostics)")
    }

    func testInputsHintsAndAnswersAreCommittedWithTheirStepEvents() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        XCTAssertEqual(rec.attempt.stepsTotal, 3)
        XCTAssertEqual(rec.attempt.seed, rec.session.variant.seed)
        XCTAssertEqual(try rec.hint()?.tier, .nudge)
        _ = try rec.input("docker network ls")
        let done = try rec.input("docker network create a")
        XCTAssertEqual(done.completedSteps, [0])
        _ = try rec.input("answer 10.0.0.1")
        _ = try rec.input("answer 172.17.0.1")
        XCTAssertEqual(try rec.revealSolution(), ["docker network create b"])

        let steps = try store.stepResults(attempt: rec.attempt.id)
        let net = try XCTUnwrap(steps.first { $0.stepID == "net" })
        XCTAssertEqual(net.hintsByTier, [1: 1])
        XCTAssertEqual(net.tries, 2)
        XCTAssertNotNil(net.completedAt)
        let gw = try XCTUnwrap(steps.first { $0.stepID == "gw" })
        XCTAssertNotNil(gw.completedAt)
        XCTAssertEqual(gw.tries, 2)
        XCTAssertEqual(try store.quizAnswers(attempt: rec.attempt.id).map { "\($0.answer)=\($0.correct)" },
                       ["10.0.0.1=false", "172.17.0.1=true"])
        XCTAssertEqual(steps.first { $0.stepID == "web" }?.solutionShown, true)
        XCTAssertEqual(try store.commands(attempt: rec.attempt.id).map(\.commandText), [
            LabRecorder.hintLine, "docker network ls", "docker network create a", "answer 10.0.0.1",
            "answer 172.17.0.1", LabRecorder.solutionLine,
        ])
        let finished = try rec.finish()
        XCTAssertEqual(finished.status, .finished)
        XCTAssertEqual(finished.score, rec.session.score.earned)
        XCTAssertEqual(finished.maxScore, rec.session.score.max)
    }

    func testResumeRebuildsTheSessionWithHintsAndSteps() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let theLab = try lab()
        var live = try LabRecorder.start(store: try Fixture.store(path), lab: theLab, learner: "ana")
        _ = try live.hint()
        _ = try live.input("docker network create a")
        _ = try live.input("answer 172.17.0.1")
        _ = try live.revealSolution()

        let store = try Fixture.store(path)
        let (resumed, mismatch) = try XCTUnwrap(try LabRecorder.resume(store: store, lab: theLab, learner: "ana"))
        XCTAssertNil(mismatch)
        XCTAssertEqual(resumed.attempt.id, live.attempt.id)
        XCTAssertEqual(resumed.session.currentStep, live.session.currentStep)
        XCTAssertEqual(resumed.session.progress, live.session.progress, "hints and solutions are replayed too")
        XCTAssertEqual(resumed.session.score, live.session.score)
        XCTAssertEqual(StateFingerprint.hash(engine: resumed.session.engine), StateFingerprint.hash(engine: live.session.engine))
        XCTAssertNil(try LabRecorder.resume(store: store, lab: theLab, learner: "ben"))
    }

    func testChangedLabSetupIsAMismatchAndRestartKeepsNothingThatDiffers() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        var live = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        _ = try live.input("docker network create a")
        _ = try live.input("docker network ls")

        let changed = try lab(version: 2, setup: "docker network create other")
        let (_, mismatch) = try XCTUnwrap(try LabRecorder.resume(store: store, lab: changed, learner: "ana"))
        XCTAssertEqual(mismatch?.sequence, 1)
        XCTAssertEqual(mismatch?.command, "docker network create a")

        let fresh = try LabRecorder.restart(store: store, lab: changed, learner: "ana")
        XCTAssertEqual(try store.attempt(id: live.attempt.id)?.status, .abandoned)
        XCTAssertEqual(fresh.attempt.labVersion, "2")
        XCTAssertEqual(try store.commands(attempt: fresh.attempt.id).count, 0)
        XCTAssertTrue(try store.verifyChain().isIntact)
    }

    func testRestartAfterAMismatchInTheMiddleKeepsTheMatchingLines() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let store = try Fixture.store(path)
        let theLab = try lab()
        var live = try LabRecorder.start(store: store, lab: theLab, learner: "ana")
        _ = try live.hint()
        _ = try live.input("docker network create a")
        _ = try live.input("docker network create b")
        try Fixture.raw(path).write { db in
            try db.execute(sql: "UPDATE command_log SET state_hash = 'x' WHERE attempt_id = ? AND sequence = 3",
                           arguments: [live.attempt.id])
        }
        let restarted = try LabRecorder.restart(store: store, lab: theLab, learner: "ana")
        XCTAssertEqual(try store.commands(attempt: restarted.attempt.id).map(\.commandText),
                       [LabRecorder.hintLine, "docker network create a"])
        XCTAssertEqual(try store.stepResults(attempt: restarted.attempt.id).first?.hintsByTier, [1: 1])
    }

    func testTranscriptOfARecordedLabGradesLikeTheSession() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        let theLab = try lab()
        var rec = try LabRecorder.start(store: store, lab: theLab, learner: "ana")
        for line in ["docker network create a", "answer 172.17.0.1", "docker network create b"] { _ = try rec.input(line) }
        let transcript = try store.transcript(learner: "ana", labID: "rec")
        let lines = LineSplitter.commandLines(transcript.render()).map { String(decoding: $0, as: UTF8.self) }
        let (graded, score) = LabSession.grade(lab: theLab, learner: "ana", transcript: lines)
        XCTAssertTrue(graded.isComplete)
        XCTAssertEqual(score, rec.session.score)
    }
}
