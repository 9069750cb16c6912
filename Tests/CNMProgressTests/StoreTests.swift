import CNMSim
import CNMCommands
import Foundation
import GRDB
import XCTest
@testable import CNMProgress

final class StoreTests: XCTestCase {
    func testMigratesAnEmptyFile() throws {
        let dir = TempDir()
        let path = dir.file("progress.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try Fixture.store(path)
        XCTAssertEqual(try store.schemaVersion(), ProgressSchema.version)
        XCTAssertTrue(try store.quickCheck())
        let (appID, tables, applied, journal) = try store.reader.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        XCTAssertEqual(appID, ProgressSchema.applicationID)
        XCTAssertEqual(applied, ProgressSchema.identifiers)
        XCTAssertEqual(journal, "wal")
        for t in ["learner", "attempt", "step_result", "hint_use", "command_log", "quiz_answer"] {
            XCTAssertTrue(tables.contains(t), "table \(t)")
        }
    }

    /// Every commit is synced before it returns: the writer runs with `synchronous = FULL` (2), not
    /// the NORMAL (1) that GRDB's pool sets for WAL, which syncs only at checkpoints.
    func testWriterSyncsEveryCommit() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("progress.sqlite"))
        let level = try XCTUnwrap(store.writer).writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        XCTAssertEqual(level, 2)
    }

    func testCreatesMissingDirectoriesAndReopensWithData() throws {
        let dir = TempDir()
        let path = dir.file("a/b/progress.sqlite")
        do {
            let store = try Fixture.store(path)
            _ = try store.startAttempt(learner: "민지", labID: "lab-1", labVersion: "2", seed: UInt64.max)
        }
        let again = try Fixture.store(path)
        let attempts = try again.attempts(learner: "민지")
        XCTAssertEqual(attempts.count, 1)
        XCTAssertEqual(attempts.first?.seed, UInt64.max, "seeds above Int64.max survive the round trip")
        XCTAssertEqual(attempts.first?.labVersion, "2")
        XCTAssertEqual(attempts.first?.status, .open)
    }

    func testDefaultPathFollowsXDG() {
        XCTAssertEqual(ProgressStore.defaultPath(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]),
                       "/x/data/cnmlab/progress.sqlite")
        XCTAssertEqual(ProgressStore.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]),
                       "/home/u/.local/share/cnmlab/progress.sqlite")
        XCTAssertEqual(ProgressStore.defaultPath(environment: ["HOME": "/home/u/"]),
                       "/home/u/.local/share/cnmlab/progress.sqlite")
    }

    func testEmptyPathIsRefused() {
        XCTAssertThrowsError(try ProgressStore(path: "")) {
            XCTAssertEqual($0 as? ProgressError, ProgressError(.emptyPath))
        }
    }

    func testReadOnlyStoreNeverCreatesAFile() {
        let dir = TempDir()
        let path = dir.file("missing.sqlite")
        XCTAssertThrowsError(try ProgressStore(path: path, mode: .readOnly)) { error in
            XCTAssertEqual(error as? ProgressError, ProgressError(.noDatabase(path: path)))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testStepsHintsQuizAndFinish() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        let a = try store.startAttempt(learner: "ana", labID: "bridges", labVersion: "1", seed: 4, stepsTotal: 3)
        try store.recordTry(attempt: a.id, step: "s1")
        try store.recordTry(attempt: a.id, step: "s1")
        try store.recordHint(attempt: a.id, step: "s1", tier: 1)
        try store.recordHint(attempt: a.id, step: "s1", tier: 1)
        try store.recordHint(attempt: a.id, step: "s1", tier: 2)
        try store.completeStep(attempt: a.id, step: "s1")
        try store.completeStep(attempt: a.id, step: "s1")
        try store.recordSolutionShown(attempt: a.id, step: "s2")
        try store.recordQuizAnswer(attempt: a.id, question: "q1", answer: "172.18.0.1", correct: true)
        let steps = try store.stepResults(attempt: a.id)
        XCTAssertEqual(steps.map(\.stepID), ["s1", "s2"])
        XCTAssertEqual(steps[0].tries, 2)
        XCTAssertEqual(steps[0].hintsByTier, [1: 2, 2: 1])
        XCTAssertEqual(steps[0].hintsUsed, 3)
        XCTAssertNotNil(steps[0].completedAt)
        XCTAssertFalse(steps[0].solutionShown)
        XCTAssertTrue(steps[1].solutionShown)
        XCTAssertNil(steps[1].completedAt)
        XCTAssertEqual(try store.quizAnswers(attempt: a.id).map(\.answer), ["172.18.0.1"])
        let done = try store.finishAttempt(a.id, score: 8, maxScore: 10)
        XCTAssertEqual(done.status, .finished)
        XCTAssertEqual(done.score, 8)
        XCTAssertNotNil(done.finishedAt)
        XCTAssertThrowsError(try store.recordCommand(attempt: a.id, command: "docker ps", exitCode: 0, stateHash: "x")) {
            XCTAssertEqual($0 as? ProgressError, ProgressError(.attemptClosed(a.id)))
        }
        XCTAssertThrowsError(try store.recordTry(attempt: 999, step: "s1")) {
            XCTAssertEqual($0 as? ProgressError, ProgressError(.unknownAttempt(999)))
        }
    }

    func testLearnerNamesAreValidated() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        XCTAssertThrowsError(try store.ensureLearner(named: ""))
        XCTAssertThrowsError(try store.ensureLearner(named: "a\nb"))
        XCTAssertThrowsError(try store.ensureLearner(named: String(repeating: "x", count: 65)))
        XCTAssertEqual(try store.ensureLearner(named: "bo").id, try store.ensureLearner(named: "bo").id)
    }

    func testCommandsAreChainedAndCommittedInOrder() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let store = try Fixture.store(path)
        var session = try RecordedSession.start(store: store, learner: "ana", labID: "l", labVersion: "1", seed: 9)
        for line in Fixture.commands { _ = try session.run(line: line) }
        // A second connection sees every command at once: each was committed.
        let other = try ProgressStore(path: path, mode: .readOnly)
        let log = try other.commands(attempt: session.attempt.id)
        XCTAssertEqual(log.map(\.commandText), Fixture.commands)
        XCTAssertEqual(log.map(\.sequence), Array(1...Fixture.commands.count))
        XCTAssertEqual(log.first?.previousHash, CommandChain.genesis)
        for (a, b) in zip(log, log.dropFirst()) { XCTAssertEqual(b.previousHash, a.rowHash) }
        XCTAssertEqual(log.last?.stateHash, StateFingerprint.hash(simulator: session.simulator))
        XCTAssertEqual(log.map(\.at), log.map(\.at).sorted())
        XCTAssertTrue(try other.verifyChain().isIntact)
    }

    func testBlankLinesAreNotLogged() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        var session = try RecordedSession.start(store: store, learner: "ana", labID: "l", labVersion: "1", seed: 0)
        for line in ["", "  \t", "docker network create a", ""] { _ = try session.run(line: line) }
        XCTAssertEqual(try store.commands(attempt: session.attempt.id).map(\.commandText), ["docker network create a"])
        XCTAssertEqual(session.commandCount, 1)
    }

    func testNonUTF8CommandBytesSurvive() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        var session = try RecordedSession.start(store: store, learner: "ana", labID: "l", labVersion: "1", seed: 0)
        let bytes: [UInt8] = Array("echo ".utf8) + [0xff, 0xfe, 0x41]
        _ = try session.run(bytes: bytes)
        XCTAssertEqual(try store.commands(attempt: session.attempt.id).first?.command, bytes)
    }
}
