import CNMCommands
import Foundation
import GRDB
import XCTest
@testable import CNMProgress

final class ChainTests: XCTestCase {
    /// Two learners' attempts interleaved in one log: rows 1…8.
    private func makeLog(_ path: String) throws -> (ProgressStore, [CommandRecord]) {
        let store = try Fixture.store(path)
        var a = try RecordedSession.start(store: store, learner: "ana", labID: "l", labVersion: "1", seed: 1)
        var b = try RecordedSession.start(store: store, learner: "ben", labID: "l", labVersion: "1", seed: 2)
        for line in Fixture.commands.prefix(4) {
            _ = try a.run(line: line)
            _ = try b.run(line: line)
        }
        let all = try store.commands(attempt: a.attempt.id) + store.commands(attempt: b.attempt.id)
        return (store, all.sorted { $0.id < $1.id })
    }

    func testIntactLogVerifies() throws {
        let dir = TempDir()
        let (store, rows) = try makeLog(dir.file("p.sqlite"))
        XCTAssertEqual(rows.map(\.id), Array(1...8))
        let report = try store.verifyChain()
        XCTAssertEqual(report, ChainReport(rows: 8, problem: nil))
        XCTAssertEqual(report.message.text, "command log intact: 8 rows, chain verified")
    }

    func testEditedCommandIsFoundAtItsRow() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let (store, rows) = try makeLog(path)
        try Fixture.raw(path).write { db in
            try db.execute(sql: "UPDATE command_log SET command = CAST('docker ps' AS BLOB) WHERE id = 5")
        }
        let report = try store.verifyChain()
        XCTAssertEqual(report.problem, .edited(row: 5, attempt: rows[4].attemptID, sequence: Int64(rows[4].sequence)))
        XCTAssertEqual(report.rows, 5)
    }

    func testEditedExitCodeTimeOrStateHashIsFound() throws {
        for edit in ["exit_code = 1", "at = at + 1", "state_hash = 'x'", "sequence = 9"] {
            let dir = TempDir()
            let path = dir.file("p.sqlite")
            let (store, _) = try makeLog(path)
            try Fixture.raw(path).write { db in try db.execute(sql: "UPDATE command_log SET \(edit) WHERE id = 3") }
            guard case .edited(let row, _, _)? = try store.verifyChain().problem else {
                return XCTFail("\(edit) should break the chain")
            }
            XCTAssertEqual(row, 3, edit)
        }
    }

    func testAttemptMovedToAnotherLearnerIsFound() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let (store, rows) = try makeLog(path)
        try Fixture.raw(path).write { db in
            try db.execute(sql: "UPDATE attempt SET learner_id = (SELECT id FROM learner WHERE name = 'ben') WHERE id = ?",
                           arguments: [rows[0].attemptID])
        }
        XCTAssertEqual(try store.verifyChain().problem, .edited(row: 1, attempt: rows[0].attemptID, sequence: 1))
    }

    func testRemovedRowIsFoundAtTheNextRow() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let (store, rows) = try makeLog(path)
        try Fixture.raw(path).write { db in try db.execute(sql: "DELETE FROM command_log WHERE id = 4") }
        XCTAssertEqual(try store.verifyChain().problem,
                       .brokenBefore(row: 5, attempt: rows[4].attemptID, sequence: Int64(rows[4].sequence)))
    }

    func testRemovedLastRowsAreFound() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let (store, _) = try makeLog(path)
        try Fixture.raw(path).write { db in try db.execute(sql: "DELETE FROM command_log WHERE id >= 7") }
        XCTAssertEqual(try store.verifyChain().problem, .tailRemoved(lastRow: 6, expected: 8))
    }

    func testRowWrittenAfterATruncationStillShowsTheGap() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let (store, rows) = try makeLog(path)
        try Fixture.raw(path).write { db in try db.execute(sql: "DELETE FROM command_log WHERE id = 8") }
        let record = try store.recordCommand(attempt: rows[0].attemptID, command: "docker ps", exitCode: 0, stateHash: "h")
        XCTAssertEqual(record.id, 9)
        XCTAssertEqual(try store.verifyChain().problem, .brokenBefore(row: 9, attempt: rows[0].attemptID, sequence: 5))
    }

    func testWrongTypeIsReportedNotCrashed() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let (store, _) = try makeLog(path)
        try Fixture.raw(path).write { db in try db.execute(sql: "UPDATE command_log SET exit_code = 'oops' WHERE id = 2") }
        XCTAssertEqual(try store.verifyChain().problem, .unreadable(row: 2))
    }
}

final class SafetyTests: XCTestCase {
    private func populated(_ path: String) throws {
        let store = try Fixture.store(path)
        var s = try RecordedSession.start(store: store, learner: "ana", labID: "l", labVersion: "1", seed: 1)
        for line in Fixture.commands { _ = try s.run(line: line) }
    }

    func testFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let dir = TempDir()
        let path = dir.file("notes.sqlite")
        let junk = Data("these are my notes, not a database\n".utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: junk))
        for mode in [ProgressStore.Mode.readWrite, .readOnly] {
            XCTAssertThrowsError(try ProgressStore(path: path, mode: mode)) {
                XCTAssertEqual($0 as? ProgressError, ProgressError(.notADatabase(path: path)))
            }
        }
        XCTAssertEqual(Fixture.bytes(path), junk)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    func testDirectoryIsRefused() {
        let dir = TempDir()
        XCTAssertThrowsError(try ProgressStore(path: dir.path)) {
            XCTAssertEqual($0 as? ProgressError, ProgressError(.notADatabase(path: dir.path)))
        }
    }

    func testDamagedPagesAreRefusedAndLeftAlone() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        try populated(path)
        var bytes = try XCTUnwrap(Fixture.bytes(path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "closing checkpointed the WAL")
        let pageSize = 4096
        XCTAssertGreaterThan(bytes.count, pageSize * 3)
        for i in (pageSize * 2)..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 7919) }
        try bytes.write(to: URL(fileURLWithPath: path))
        for mode in [ProgressStore.Mode.readWrite, .readOnly] {
            XCTAssertThrowsError(try ProgressStore(path: path, mode: mode)) { error in
                guard case .corrupted(let p, _)? = (error as? ProgressError)?.message else {
                    return XCTFail("expected a damaged-file error, got \(error)")
                }
                XCTAssertEqual(p, path)
            }
        }
        XCTAssertEqual(Fixture.bytes(path), bytes, "the damaged file is not written to")
    }

    func testTruncatedHeaderIsRefused() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        try populated(path)
        let bytes = try XCTUnwrap(Fixture.bytes(path))
        try bytes.prefix(50).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ProgressStore(path: path)) {
            XCTAssertEqual($0 as? ProgressError, ProgressError(.notADatabase(path: path)))
        }
        XCTAssertEqual(Fixture.bytes(path)?.count, 50)
    }

    func testNewerSchemaVersionIsRefusedAndLeftAlone() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        try populated(path)
        try Fixture.raw(path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 7") }
        let before = Fixture.bytes(path)
        for mode in [ProgressStore.Mode.readWrite, .readOnly] {
            XCTAssertThrowsError(try ProgressStore(path: path, mode: mode)) {
                XCTAssertEqual($0 as? ProgressError, ProgressError(.newerSchema(path: path, found: "7")))
            }
        }
        XCTAssertEqual(Fixture.bytes(path), before)
    }

    func testUnknownMigrationIsRefused() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        try populated(path)
        try Fixture.raw(path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('2:future')")
        }
        XCTAssertThrowsError(try ProgressStore(path: path)) {
            XCTAssertEqual($0 as? ProgressError, ProgressError(.newerSchema(path: path, found: "2:future")))
        }
    }

    func testAnotherProgramsDatabaseIsRefused() throws {
        let dir = TempDir()
        let path = dir.file("other.sqlite")
        try Fixture.raw(path).write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT)") }
        XCTAssertThrowsError(try ProgressStore(path: path)) {
            XCTAssertEqual($0 as? ProgressError, ProgressError(.foreignDatabase(path: path)))
        }
        let tables = try Fixture.raw(path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        XCTAssertEqual(tables, ["notes"])
    }

    func testFileKilledBeforeItsFirstMigrationIsStillNew() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        // What a process killed between GRDB's bookkeeping table and migration 1 leaves behind.
        try Fixture.raw(path).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        XCTAssertEqual(try ProgressStore(path: path, mode: .readOnly).labProgress(), [])
        let store = try Fixture.store(path)
        XCTAssertEqual(try store.schemaVersion(), ProgressSchema.version)
        XCTAssertNoThrow(try store.startAttempt(learner: "ana", labID: "l", labVersion: "1", seed: 0))
    }

    func testMessagesAreShortSentences() {
        let m = ProgressError(.newerSchema(path: "/p", found: "7"))
        XCTAssertEqual(m.description, "/p was written by a newer cnmlab (schema 7); update cnmlab. The file was left untouched")
        XCTAssertFalse(ProgressMessage.chainIntact(rows: 1).text.contains("\n"))
    }
}
