import Crypto
import Foundation
import GRDB

/// The hash chain over the command log.
///
/// Why: an instructor must be able to tell whether a learner's log was edited.
/// Each row's hash covers the previous row's hash, the row's own fields and the
/// identity of its attempt (learner name, lab, version, seed), so changing,
/// reordering or removing a row, or moving an attempt to another learner, breaks
/// the chain from that row on. (Someone who rewrites every later hash too is not
/// stopped: the chain is tamper evidence, not a signature.)
public enum CommandChain {
    /// The `previousHash` of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash of one row, given the hash of the row before it.
    public static func rowHash(previous: String, id: Int64, learner: String, labID: String, labVersion: String,
                               seed: UInt64, attemptID: Int64, sequence: Int, at: Int64, command: [UInt8],
                               exitCode: Int32, stateHash: String) -> String {
        var sha = SHA256()
        func field(_ bytes: [UInt8]) {
            sha.update(String(bytes.count).utf8)
            sha.update(CollectionOfOne(UInt8(ascii: ":")))
            sha.update(bytes)
            sha.update(CollectionOfOne(UInt8(ascii: "\n")))
        }
        func field(_ s: String) { field(Array(s.utf8)) }
        field("cnmlab-log-v1")
        field(previous)
        field(String(id))
        field(learner)
        field(labID)
        field(labVersion)
        field(String(seed))
        field(String(attemptID))
        field(String(sequence))
        field(String(at))
        field(command)
        field(String(exitCode))
        field(stateHash)
        return sha.hexDigest()
    }
}

/// What `verifyChain` found.
public struct ChainReport: Sendable, Equatable {
    /// Rows checked (up to and including the first broken one).
    public let rows: Int
    /// The first problem, or nil when the whole log is intact.
    public let problem: ChainProblem?

    public var isIntact: Bool { problem == nil }

    /// One line for a person.
    public var message: ProgressMessage {
        switch problem {
        case nil: return .chainIntact(rows: rows)
        case .edited(let r, let a, let s): return .chainEdited(row: r, attempt: a, sequence: s)
        case .brokenBefore(let r, let a, let s): return .chainRowMissingBefore(row: r, attempt: a, sequence: s)
        case .tailRemoved(let last, let expected): return .chainTailRemoved(lastRow: last, expected: expected)
        case .unreadable(let r): return .chainUnreadable(row: r)
        }
    }
}

/// The first thing wrong with a command log.
public enum ChainProblem: Sendable, Equatable {
    /// The row's fields no longer give its hash.
    case edited(row: Int64, attempt: Int64, sequence: Int64)
    /// The row is intact but does not follow the row before it (a row was removed or rewritten).
    case brokenBefore(row: Int64, attempt: Int64, sequence: Int64)
    /// The last rows were removed: the log once reached row `expected`.
    case tailRemoved(lastRow: Int64, expected: Int64)
    /// A value of the wrong type (the row was edited by hand).
    case unreadable(row: Int64)
}

extension ProgressStore {
    /// Appends one command to an open attempt's log, chained to the last row of the
    /// whole log, and commits before returning.
    @discardableResult
    public func recordCommand(attempt: Int64, command: [UInt8], exitCode: Int32, stateHash: String) throws -> CommandRecord {
        let now = clock.now()
        let path = self.path
        return try write { db in
            try Self.appendCommand(db, path: path, attempt: attempt, at: now, command: command, exitCode: exitCode,
                                   stateHash: stateHash)
        }
    }

    /// Appends one row inside the caller's write transaction.
    /// `allowFinished`: the attempt may be finished (a lab's practice lines after its last step).
    static func appendCommand(_ db: Database, path: String, attempt: Int64, at now: Int64, command: [UInt8],
                              exitCode: Int32, stateHash: String, allowFinished: Bool = false) throws -> CommandRecord {
        let a = try allowFinished ? Self.attempt(db, id: attempt) : openAttempt(db, id: attempt)
        if a.status == .abandoned { throw ProgressError(.attemptClosed(attempt)) }
        let learner = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM learner WHERE id = ?"),
                                          arguments: [a.learnerID]) ?? ""
        let lastSequence = try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(sequence) FROM command_log WHERE attempt_id = ?"),
                                            arguments: [attempt]) ?? 0
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, row_hash FROM command_log ORDER BY id DESC LIMIT 1"))
        let lastID = try last?.decode(Int64.self, forColumn: "id") ?? 0
        let previous = try last?.decode(String.self, forColumn: "row_hash") ?? CommandChain.genesis
        let seq = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'command_log'")) ?? 0
        // Hand-edited values near Int64.max must not crash the next write.
        let (id, idOverflow) = max(lastID, seq).addingReportingOverflow(1)
        let (sequence, sequenceOverflow) = lastSequence.addingReportingOverflow(1)
        if idOverflow || sequenceOverflow {
            throw ProgressError(.corrupted(path: path, detail: "command log numbering is exhausted"))
        }
        let hash = CommandChain.rowHash(previous: previous, id: id, learner: learner, labID: a.labID,
                                        labVersion: a.labVersion, seed: a.seed, attemptID: attempt,
                                        sequence: sequence, at: now, command: command, exitCode: exitCode,
                                        stateHash: stateHash)
        try db.cachedStatement(sql: """
            INSERT INTO command_log (id, attempt_id, sequence, at, command, exit_code, state_hash, prev_hash, row_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, attempt, sequence, now, Data(command), exitCode, stateHash, previous, hash])
        return CommandRecord(id: id, attemptID: attempt, sequence: sequence, at: now, command: command,
                             exitCode: exitCode, stateHash: stateHash, previousHash: previous, rowHash: hash)
    }

    /// Appends one command given as text.
    @discardableResult
    public func recordCommand(attempt: Int64, command: String, exitCode: Int32, stateHash: String) throws -> CommandRecord {
        try recordCommand(attempt: attempt, command: Array(command.utf8), exitCode: exitCode, stateHash: stateHash)
    }

    /// An attempt's logged commands in the order they were typed.
    public func commands(attempt: Int64) throws -> [CommandRecord] {
        guard hasSchema else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM command_log WHERE attempt_id = ? ORDER BY sequence",
                             arguments: [attempt]).map(Self.commandRecord)
        }
    }

    /// Walks the whole command log in row order and reports the first broken link.
    public func verifyChain() throws -> ChainReport {
        guard hasSchema else { return ChainReport(rows: 0, problem: nil) }
        return try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT c.*, a.lab_id, a.lab_version, a.seed, l.name AS learner_name
                FROM command_log c LEFT JOIN attempt a ON a.id = c.attempt_id LEFT JOIN learner l ON l.id = a.learner_id
                ORDER BY c.id
                """)
            var previousHash = CommandChain.genesis
            var previousID: Int64 = 0
            var count = 0
            while let row = try cursor.next() {
                count += 1
                let rowID: Int64 = (try? row.decode(Int64.self, forColumn: "id")) ?? previousID &+ 1
                let attempt: Int64 = (try? row.decode(Int64.self, forColumn: "attempt_id")) ?? 0
                let sequence: Int64 = (try? row.decode(Int64.self, forColumn: "sequence")) ?? 0
                // SQLite would read 'oops' as 0: integers must really be integers.
                let integers = ["id", "attempt_id", "sequence", "at", "exit_code"].allSatisfy { column in
                    let value: DatabaseValue = row[column]
                    if case .int64 = value.storage { return true }
                    return false
                }
                guard integers, let record = try? Self.commandRecord(row),
                      let learner = try? row.decode(String.self, forColumn: "learner_name"),
                      let labID = try? row.decode(String.self, forColumn: "lab_id"),
                      let labVersion = try? row.decode(String.self, forColumn: "lab_version"),
                      let seed = try? row.decode(Int64.self, forColumn: "seed") else {
                    let labValue: DatabaseValue = row["lab_id"]
                    let problem: ChainProblem = !labValue.isNull || !integers
                        ? .unreadable(row: rowID) : .edited(row: rowID, attempt: attempt, sequence: sequence)
                    return ChainReport(rows: count, problem: problem)
                }
                let computed = CommandChain.rowHash(
                    previous: record.previousHash, id: record.id, learner: learner, labID: labID,
                    labVersion: labVersion, seed: UInt64(bitPattern: seed), attemptID: record.attemptID,
                    sequence: record.sequence, at: record.at, command: record.command, exitCode: record.exitCode,
                    stateHash: record.stateHash)
                if computed != record.rowHash {
                    return ChainReport(rows: count, problem: .edited(row: rowID, attempt: attempt, sequence: sequence))
                }
                if record.previousHash != previousHash || record.id != previousID &+ 1 {
                    return ChainReport(rows: count, problem: .brokenBefore(row: rowID, attempt: attempt, sequence: sequence))
                }
                previousHash = record.rowHash
                previousID = record.id
            }
            let seq = (try? Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'command_log'")) ?? nil
            if let seq, seq > previousID {
                return ChainReport(rows: count, problem: .tailRemoved(lastRow: previousID, expected: seq))
            }
            return ChainReport(rows: count, problem: nil)
        }
    }

    static func commandRecord(_ r: Row) throws -> CommandRecord {
        let data = try r.decode(Data.self, forColumn: "command")
        return CommandRecord(id: try r.decode(Int64.self, forColumn: "id"),
                             attemptID: try r.decode(Int64.self, forColumn: "attempt_id"),
                             sequence: try r.decode(Int.self, forColumn: "sequence"),
                             at: try r.decode(Int64.self, forColumn: "at"), command: [UInt8](data),
                             exitCode: try r.decode(Int32.self, forColumn: "exit_code"),
                             stateHash: try r.decode(String.self, forColumn: "state_hash"),
                             previousHash: try r.decode(String.self, forColumn: "prev_hash"),
                             rowHash: try r.decode(String.self, forColumn: "row_hash"))
    }
}
