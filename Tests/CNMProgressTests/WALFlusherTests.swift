import CNMLabs
import Foundation
import GRDB
import XCTest
@testable import CNMProgress

/// The lab line's commit returns before its sync to the disk; the sync follows on the flusher's
/// queue, and leaving a lab, closing the store and the end of the process wait for it.
final class WALFlusherTests: XCTestCase {
    /// A sync that tests can hold: it counts calls and, while `held`, waits for `release()`.
    final class HeldFlush: @unchecked Sendable {
        private let condition = NSCondition()
        private var held: Bool
        private(set) var started = 0
        private(set) var finished = 0
        let delay: TimeInterval

        init(held: Bool, delay: TimeInterval = 0) { self.held = held; self.delay = delay }

        var flush: WALFlusher.Flush {
            { [self] in
                condition.lock()
                started += 1
                while held { condition.wait() }
                condition.unlock()
                if delay > 0 { Thread.sleep(forTimeInterval: delay) }
                condition.lock()
                finished += 1
                condition.broadcast()
                condition.unlock()
            }
        }

        func release() { condition.lock(); held = false; condition.broadcast(); condition.unlock() }
        var counts: (started: Int, finished: Int) {
            condition.lock(); defer { condition.unlock() }
            return (started, finished)
        }
    }

    private func lab() throws -> Lab {
        let yaml = """
        id: flush
        version: 1
        title: {ko: 동기화, en: Sync}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: 5
        steps:
          - id: net
            title: {ko: 네트워크, en: Network}
            text: {ko: a를 만드세요, en: Create a}
            points: 5
            checks: [{network: {name: a}}]
            solution: [docker network create a]
          - id: net2
            title: {ko: 네트워크, en: Network}
            text: {ko: b를 만드세요, en: Create b}
            points: 5
            checks: [{network: {name: b}}]
            solution: [docker network create b]
        """
        let result = LabDecoder.decode(text: yaml, file: "flush.yaml")
        return try XCTUnwrap(result.lab, "\(result.diagnostics)")
    }

    private func store(_ path: String, _ sync: HeldFlush) throws -> ProgressStore {
        try ProgressStore(path: path, clock: .stepping(from: Fixture.start, by: 1000), flush: sync.flush)
    }

    /// Another connection (another process's, a report's) sees the line as soon as `record`
    /// returns, while its sync is still held.
    func testACommittedLineIsReadableFromAnotherConnectionBeforeItsSync() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let sync = HeldFlush(held: true)
        let store = try store(path, sync)
        var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        _ = try rec.input("docker network ls")
        XCTAssertEqual(sync.counts.finished, 0, "the sync is held")
        XCTAssertEqual(store.flusher?.counts.flushed, 0)
        let other = try Fixture.raw(path)
        let lines = try other.read { try String.fetchAll(db: $0) }
        XCTAssertEqual(lines, ["docker network ls"])
        let level = try XCTUnwrap(store.writer).writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        XCTAssertEqual(level, 2, "every other write still commits with synchronous = FULL")
        sync.release()
        try store.waitUntilOnDisk()
        XCTAssertEqual(store.flusher?.counts.flushed, 1)
    }

    /// Several commits during one held sync are covered by one more sync, not one each.
    func testCommitsDuringASyncAreCoalesced() throws {
        let dir = TempDir()
        let sync = HeldFlush(held: true)
        let store = try store(dir.file("p.sqlite"), sync)
        var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        for line in ["docker network ls", "docker ps", "docker network ls", "docker ps"] { _ = try rec.input(line) }
        sync.release()
        try store.waitUntilOnDisk()
        XCTAssertEqual(store.flusher?.counts.requested, 4)
        XCTAssertEqual(store.flusher?.counts.flushed, 4)
        XCTAssertLessThanOrEqual(sync.counts.finished, 2, "the first sync, then one for the three commits made meanwhile")
        XCTAssertGreaterThanOrEqual(sync.counts.finished, 1)
    }

    /// `waitUntilOnDisk` (what `lab quit`, `exit` and end of input call) returns only after the sync
    /// that covers the last line finished, not when it started.
    func testWaitingReturnsOnlyAfterTheSync() throws {
        let dir = TempDir()
        let sync = HeldFlush(held: true)
        let store = try store(dir.file("p.sqlite"), sync)
        var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        _ = try rec.input("docker network ls")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { sync.release() }
        try store.waitUntilOnDisk()
        XCTAssertEqual(sync.counts.finished, 1)
    }

    /// The line that finishes the lab is on the disk when its `record` returns (the score is final).
    func testTheFinishingLineWaitsForItsSync() throws {
        let dir = TempDir()
        let sync = HeldFlush(held: false, delay: 0.05)
        let store = try store(dir.file("p.sqlite"), sync)
        var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        _ = try rec.input("docker network create a")
        let last = try rec.input("docker network create b")
        XCTAssertTrue(last.finishedLab)
        XCTAssertEqual(store.flusher?.counts.flushed, 2)
        XCTAssertEqual(sync.counts.finished, sync.counts.started)
    }

    /// Dropping the store (the shell's end) waits for the pending sync.
    func testDroppingTheStoreWaitsForTheSync() throws {
        let dir = TempDir()
        let sync = HeldFlush(held: false, delay: 0.05)
        do {
            let store = try store(dir.file("p.sqlite"), sync)
            var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
            _ = try rec.input("docker network ls")
        }
        XCTAssertEqual(sync.counts.finished, 1)
    }

    /// A failed sync is reported by the next wait, once.
    func testAFailedSyncIsReported() throws {
        struct DiskGone: Error {}
        let dir = TempDir()
        let store = try ProgressStore(path: dir.file("p.sqlite"), flush: { throw DiskGone() })
        var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        _ = try rec.input("docker network ls")
        XCTAssertThrowsError(try store.waitUntilOnDisk()) { error in
            XCTAssertTrue("\(error)".contains("DiskGone"), "\(error)")
        }
        XCTAssertNoThrow(try store.waitUntilOnDisk())
    }

    /// The real sync: `fdatasync` of the `-wal` file through its own descriptor.
    func testTheRealSyncFindsTheWALFile() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let store = try ProgressStore(path: path)
        var rec = try LabRecorder.start(store: store, lab: try lab(), learner: "ana")
        _ = try rec.input("docker network ls")
        try store.waitUntilOnDisk()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-wal"))
        XCTAssertEqual(store.flusher?.counts.flushed, 1)
        XCTAssertGreaterThan(store.lastCommitToDiskNanoseconds, 0)
        XCTAssertNoThrow(try WALFlusher.WALFile(databasePath: path).sync())
        XCTAssertNoThrow(try WALFlusher.WALFile(databasePath: dir.file("missing.sqlite")).sync(),
                         "no file: nothing to sync")
    }

    /// `kill -9` of the shell right after a line's output: the line is in the file (the commit
    /// happened before the prompt; only its sync to the platter was left to do).
    func testKillingTheShellAfterALineLosesNothing() throws {
        guard Binary.url != nil else { throw XCTSkip("cnmlab binary not built") }
        let dir = TempDir()
        let db = dir.file("p.sqlite")
        let labFile = dir.file("flush.yaml")
        try """
        id: flush
        version: 1
        title: {ko: 동기화, en: Sync}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: 5
        steps:
          - id: net
            title: {ko: 네트워크, en: Network}
            text: {ko: a를 만드세요, en: Create a}
            points: 5
            checks: [{network: {name: a}}]
            solution: [docker network create a]
        """.write(toFile: labFile, atomically: true, encoding: .utf8)
        let input = Pipe(), output = Pipe()
        let p = try Binary.process(["shell", "--labs", labFile, "--lab", "flush", "--learner", "ana", "--db", db,
                                    "--lang", "en"], stdout: output.fileHandleForWriting)
        p.standardInput = input.fileHandleForReading
        try p.run()
        let seen = Buffer()
        output.fileHandleForReading.readabilityHandler = { seen.append($0.availableData) }
        input.fileHandleForWriting.write(Data("docker network create survivor7\ndocker network inspect -f '{{.Name}}' survivor7\n".utf8))
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !seen.text.contains("survivor7\n") { Thread.sleep(forTimeInterval: 0.01) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        XCTAssertTrue(seen.text.contains("survivor7\n"), seen.text)
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        let store = try ProgressStore(path: db, mode: .readOnly)
        XCTAssertTrue(try store.quickCheck())
        let point = try XCTUnwrap(try store.resumePoint(learner: "ana", labID: "flush"))
        XCTAssertEqual(point.commands.map(\.commandText),
                       ["docker network create survivor7", "docker network inspect -f '{{.Name}}' survivor7"])
        XCTAssertTrue(try store.verifyChain().isIntact)
    }

    final class Buffer: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }
}

private extension String {
    /// The command log's lines in order.
    static func fetchAll(db: Database) throws -> [String] {
        try Data.fetchAll(db, sql: "SELECT command FROM command_log ORDER BY id").map { String(decoding: $0, as: UTF8.self) }
    }
}
