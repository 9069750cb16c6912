import CNMSim
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
        let attempt = try XCTUnwrap(rec.recordedAttempt)
        XCTAssertEqual(attempt.stepsTotal, 3)
        XCTAssertEqual(attempt.seed, rec.session.variant.seed)
        XCTAssertEqual(try rec.hint()?.tier, .nudge)
        _ = try rec.input("docker network ls")
        let done = try rec.input("docker network create a")
        XCTAssertEqual(done.completedSteps, [0])
        _ = try rec.input("answer 10.0.0.1")
        _ = try rec.input("answer 172.17.0.1")
        XCTAssertEqual(try rec.revealSolution(), ["docker network create b"])

        let steps = try store.stepResults(attempt: attempt.id)
        let net = try XCTUnwrap(steps.first { $0.stepID == "net" })
        XCTAssertEqual(net.hintsByTier, [1: 1])
        XCTAssertEqual(net.tries, 2)
        XCTAssertNotNil(net.completedAt)
        let gw = try XCTUnwrap(steps.first { $0.stepID == "gw" })
        XCTAssertNotNil(gw.completedAt)
        XCTAssertEqual(gw.tries, 2)
        XCTAssertEqual(try store.quizAnswers(attempt: attempt.id).map { "\($0.answer)=\($0.correct)" },
                       ["10.0.0.1=false", "172.17.0.1=true"])
        XCTAssertEqual(steps.first { $0.stepID == "web" }?.solutionShown, true)
        XCTAssertEqual(try store.commands(attempt: attempt.id).map(\.commandText), [
            LabLine.hintMarker, "docker network ls", "docker network create a", "answer 10.0.0.1",
            "answer 172.17.0.1", LabLine.solutionMarker,
        ])
        XCTAssertEqual(try store.attempt(id: attempt.id)?.status, .open)
    }

    /// The line that completes the last step closes the attempt with its score, in the same
    /// transaction; the host keeps working and later lines are practice in the same attempt.
    func testTheLastStepFinishesTheAttemptAndLaterLinesArePractice() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        let id = try XCTUnwrap(rec.recordedAttempt?.id)
        for line in ["docker network create a", "answer 172.17.0.1"] { _ = try rec.input(line) }
        let last = try rec.input("docker network create b")
        XCTAssertTrue(last.finishedLab)
        let finished = try XCTUnwrap(try store.attempt(id: id))
        XCTAssertEqual(finished.status, .finished)
        XCTAssertEqual(finished.score, 10)
        XCTAssertEqual(finished.maxScore, 10)

        for line in ["docker ps", "docker run -d --name web --network b nginx", "why host web:80", "ip addr", "hint", "undo"] {
            let o = try rec.input(line == "hint" ? LabLine.hintMarker : line == "undo" ? LabLine.undoMarker : line)
            XCTAssertTrue(o.practice, line)
            XCTAssertFalse(o.output.stderr.contains("closed"), "\(line): \(o.output.stderr)")
        }
        XCTAssertEqual(rec.session.score.earned, 10, "practice changes no score")
        XCTAssertNil(try? rec.session.engine.findContainer("web").get(), "undo works on the practice world")
        let after = try XCTUnwrap(try store.attempt(id: id))
        XCTAssertEqual(after.status, .finished)
        XCTAssertEqual(after.score, 10)
        let log = try store.commands(attempt: id).map(\.commandText)
        XCTAssertEqual(Array(log.suffix(3)), ["why host web:80", "ip addr", LabLine.undoMarker],
                       "practice is appended to the finished attempt (a hint with every step done does nothing and is not kept)")
        XCTAssertTrue(try store.verifyChain().isIntact)
        let row = try XCTUnwrap(try store.labProgress(learner: "ana").first)
        XCTAssertEqual(row.attempts, 1)
        XCTAssertEqual(row.commands, 7, "typed lines: 3 for the lab, 4 of practice (not the undo marker)")
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
        let resumed = try XCTUnwrap(try LabRecorder.resume(store: store, lab: theLab, learner: "ana"))
        XCTAssertNil(resumed.mismatch)
        XCTAssertEqual(resumed.replayed, 4)
        XCTAssertEqual(resumed.unchecked, 0)
        XCTAssertEqual(resumed.attempt.recordedAttempt?.id, live.recordedAttempt?.id)
        XCTAssertEqual(resumed.attempt.session.currentStep, live.session.currentStep)
        XCTAssertEqual(resumed.attempt.session.progress, live.session.progress, "hints and solutions are replayed too")
        XCTAssertEqual(resumed.attempt.session.score, live.session.score)
        XCTAssertEqual(StateFingerprint.hash(simulator: resumed.attempt.session.simulator),
                       StateFingerprint.hash(simulator: live.session.simulator))
        XCTAssertNil(try LabRecorder.resume(store: store, lab: theLab, learner: "ben"))
    }

    /// `undo` and `reset` are lines of the same attempt: no new attempt, replayed on resume to the
    /// same world — and IDs drawn before an undo are never drawn again.
    func testUndoAndResetAreJournaledInTheSameAttemptAndReplay() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let store = try Fixture.store(path)
        let theLab = try lab()
        var rec = try LabRecorder.start(store: store, lab: theLab, learner: "ana")
        _ = try rec.input("docker run -d --name x busybox sleep 600")
        let firstID = try rec.session.engine.findContainer("x").get().id
        XCTAssertEqual(try rec.apply(.undo).reports.first, .undone("docker run -d --name x busybox sleep 600"))
        XCTAssertNil(try? rec.session.engine.findContainer("x").get())
        _ = try rec.input("docker run -d --name x busybox sleep 600")
        let secondID = try rec.session.engine.findContainer("x").get().id
        XCTAssertNotEqual(firstID, secondID, "Docker never hands out an ID twice")
        _ = try rec.input("docker network create a")
        _ = try rec.apply(.reset(.lab))
        XCTAssertNil(rec.session.engine.network(named: "a"))
        XCTAssertEqual(rec.session.currentStep, 0)
        _ = try rec.input("docker network create a")
        _ = try rec.apply(.reset(.step))
        let hash = StateFingerprint.hash(simulator: rec.session.simulator)

        let resumed = try XCTUnwrap(try LabRecorder.resume(store: try Fixture.store(path), lab: theLab, learner: "ana"))
        XCTAssertNil(resumed.mismatch)
        XCTAssertEqual(StateFingerprint.hash(simulator: resumed.attempt.session.simulator), hash)
        XCTAssertEqual(resumed.attempt.session.currentStep, rec.session.currentStep)
        _ = try rec.input("docker run -d --name y busybox sleep 600")
        var again = resumed.attempt
        _ = try? again.input("docker run -d --name y busybox sleep 600")
        XCTAssertEqual(try again.session.engine.findContainer("y").get().id, try rec.session.engine.findContainer("y").get().id,
                       "the ID stream after a replayed undo is the live one")
        let rows = try store.labProgress(learner: "ana")
        XCTAssertEqual(rows.first?.attempts, 1, "undo and reset start no attempt")
        XCTAssertEqual(try store.attempts(learner: "ana").count, 1)
    }

    /// The resumed world is proven by its state hash, which covers the firewall: an edited iptables
    /// line in the log is caught even though no container or network differs.
    func testResumeAfterAnIptablesEditChecksTheFirewall() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let store = try Fixture.store(path)
        let theLab = try lab()
        var rec = try LabRecorder.start(store: store, lab: theLab, learner: "ana")
        _ = try rec.input("docker network create a")
        _ = try rec.input("iptables -I DOCKER-USER -j DROP")
        _ = try rec.input("iptables -S DOCKER-USER")
        let live = StateFingerprint.hash(simulator: rec.session.simulator)
        let resumed = try XCTUnwrap(try LabRecorder.resume(store: store, lab: theLab, learner: "ana"))
        XCTAssertNil(resumed.mismatch)
        XCTAssertEqual(StateFingerprint.hash(simulator: resumed.attempt.session.simulator), live)
        XCTAssertEqual(resumed.attempt.session.engine.currentRuleset.chain(.filter, "DOCKER-USER")?.rules.count, 1)

        let id = try XCTUnwrap(resumed.attempt.recordedAttempt?.id)
        try Fixture.raw(path).write { db in
            try db.execute(sql: "UPDATE command_log SET command = ? WHERE attempt_id = ? AND sequence = 2",
                           arguments: [Data("iptables -I DOCKER-USER -j ACCEPT".utf8), id])
        }
        let edited = try XCTUnwrap(try LabRecorder.resume(store: store, lab: theLab, learner: "ana"))
        XCTAssertEqual(edited.mismatch?.sequence, 2, "a different rule is a different world")
        XCTAssertEqual(edited.replayed, 1)
    }

    /// Hashes written before the fingerprint covered the whole model (`cnmlab-state-v1`: 64 bare hex
    /// digits) cannot be compared: such lines are checked by their exit code and the attempt goes on.
    func testAnAttemptRecordedWithOldHashesResumesByExitCodes() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let store = try Fixture.store(path)
        let theLab = try lab()
        var rec = try LabRecorder.start(store: store, lab: theLab, learner: "ana")
        for line in ["docker network create a", "answer 172.17.0.1", "docker network ls"] { _ = try rec.input(line) }
        let id = try XCTUnwrap(rec.recordedAttempt?.id)
        try Fixture.raw(path).write { db in
            try db.execute(sql: "UPDATE command_log SET state_hash = ? WHERE attempt_id = ?",
                           arguments: [String(repeating: "0f", count: 32), id])
        }
        let resumed = try XCTUnwrap(try LabRecorder.resume(store: store, lab: theLab, learner: "ana"))
        XCTAssertNil(resumed.mismatch)
        XCTAssertEqual(resumed.replayed, 3)
        XCTAssertEqual(resumed.unchecked, 3)
        XCTAssertEqual(resumed.attempt.session.currentStep, 2)
        var attempt = resumed.attempt
        _ = try attempt.input("docker network create b")
        XCTAssertEqual(try store.commands(attempt: id).last?.stateHash.hasPrefix(StateFingerprint.hashPrefix), true,
                       "new lines get the new form")
        XCTAssertEqual(try store.attempt(id: id)?.status, .finished)
    }

    /// A changed lab: the replay parts at the first line; a continuation attempt carries on from the
    /// last matching line. It is not another attempt, and carried lines are not counted twice.
    func testChangedLabSetupIsAMismatchAndTheAttemptContinues() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        var live = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        _ = try live.input("docker network create a")
        _ = try live.input("docker network ls")
        let oldID = try XCTUnwrap(live.recordedAttempt?.id)

        let changed = try lab(version: 2, setup: "docker network create other")
        let resumed = try XCTUnwrap(try LabRecorder.resume(store: store, lab: changed, learner: "ana"))
        XCTAssertEqual(resumed.mismatch?.sequence, 1)
        XCTAssertEqual(resumed.mismatch?.command, "docker network create a")
        XCTAssertEqual(try store.attempt(id: oldID)?.status, .abandoned)
        let continued = try XCTUnwrap(resumed.attempt.recordedAttempt)
        XCTAssertEqual(continued.continuesAttempt, oldID)
        XCTAssertEqual(continued.labVersion, "2")
        XCTAssertEqual(try store.commands(attempt: continued.id).count, 0)
        XCTAssertTrue(try store.verifyChain().isIntact)
        XCTAssertEqual(try store.labProgress(learner: "ana").first?.attempts, 1)
    }

    func testMismatchInTheMiddleContinuesWithTheMatchingLines() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let store = try Fixture.store(path)
        let theLab = try lab()
        var live = try LabRecorder.start(store: store, lab: theLab, learner: "ana")
        _ = try live.hint()
        _ = try live.input("docker network create a")
        _ = try live.input("docker network create b")
        let oldID = try XCTUnwrap(live.recordedAttempt?.id)
        try Fixture.raw(path).write { db in
            try db.execute(sql: "UPDATE command_log SET state_hash = 'x' WHERE attempt_id = ? AND sequence = 3",
                           arguments: [oldID])
        }
        let resumed = try XCTUnwrap(try LabRecorder.resume(store: store, lab: theLab, learner: "ana"))
        XCTAssertEqual(resumed.mismatch?.sequence, 3)
        let continued = try XCTUnwrap(resumed.attempt.recordedAttempt)
        XCTAssertEqual(continued.carriedLines, 2)
        XCTAssertEqual(try store.commands(attempt: continued.id).map(\.commandText),
                       [LabLine.hintMarker, "docker network create a"])
        XCTAssertEqual(try store.stepResults(attempt: continued.id).first?.hintsByTier, [1: 1])
        let row = try XCTUnwrap(try store.labProgress(learner: "ana").first)
        XCTAssertEqual(row.attempts, 1)
        XCTAssertEqual(row.commands, 2, "the two typed commands, not the carried copy")
    }

    func testRestartAbandonsTheOpenAttemptAndCountsOne() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        let theLab = try lab()
        var first = try LabRecorder.start(store: store, lab: theLab, learner: "ana")
        _ = try first.input("docker network create a")
        let fresh = try LabRecorder.restart(store: store, lab: theLab, learner: "ana")
        XCTAssertEqual(try store.attempt(id: try XCTUnwrap(first.recordedAttempt?.id))?.status, .abandoned)
        XCTAssertEqual(fresh.session.currentStep, 0)
        XCTAssertEqual(try store.labProgress(learner: "ana").first?.attempts, 2)
    }

    /// Time spent adds the gaps between an attempt's events, each counted up to `idleCap`.
    func testTimeSpentCapsIdleGaps() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"), step: 60_000)
        var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        for _ in 0..<3 { _ = try rec.input("docker network ls") }
        XCTAssertEqual(try store.labProgress(learner: "ana").first?.timeSpentSeconds, 180, "three one-minute gaps")
        let slow = try Fixture.store(dir.file("q.sqlite"), step: 3_600_000)
        var idle = try LabRecorder.start(store: slow, lab: try lab(), learner: "ana")
        for _ in 0..<2 { _ = try idle.input("docker network ls") }
        XCTAssertEqual(try slow.labProgress(learner: "ana").first?.timeSpentSeconds, 2 * ProgressReport.idleCap,
                       "an hour away counts as the cap")
    }

    func testTranscriptOfARecordedLabGradesLikeTheSession() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        let theLab = try lab()
        var rec = try LabRecorder.start(store: store, lab: theLab, learner: "ana")
        for line in ["docker network create a", "docker network create zz", LabLine.undoMarker, "answer 8.8.8.8",
                     "answer 172.17.0.1", "docker network create b", "docker ps"] {
            _ = try rec.input(line)
        }
        let transcript = try store.transcript(learner: "ana", labID: "rec")
        let lines = LineSplitter.commandLines(transcript.render()).map { String(decoding: $0, as: UTF8.self) }
        let (graded, score) = LabSession.grade(lab: theLab, learner: "ana", transcript: lines)
        XCTAssertTrue(graded.isComplete)
        XCTAssertEqual(score, rec.session.score)
        let report = Grader.grade(lab: theLab, learner: "ana", submission: try Submission.parse(transcript.render()).get())
        XCTAssertEqual(report.score, rec.session.score.earned)
        XCTAssertNil(graded.engine.network(named: "zz"), "the undo marker is replayed by grading too")
    }
}
