/// Every sentence that CNMProgress and the `cnmlab progress` / `cnmlab report` commands
/// show a person, in one table.
///
/// Why one table: a translation (Korean is next) replaces `english` with another
/// switch over the same cases; no message text lives anywhere else.
public enum ProgressMessage: Sendable, Equatable {
    // Opening a database.
    case noDatabase(path: String)
    case emptyPath
    case notADatabase(path: String)
    case corrupted(path: String, detail: String)
    case newerSchema(path: String, found: String)
    case foreignDatabase(path: String)
    case cannotCreateDirectory(path: String)
    case readOnlyStore(path: String)
    case databaseFailure(path: String, detail: String)
    // Learners and attempts.
    case invalidLearnerName(String)
    case unknownLearner(String)
    case noAttempt(learner: String, lab: String)
    case unknownAttempt(Int64)
    case attemptClosed(Int64)
    case noProgressYet(path: String)
    // Verification.
    case chainIntact(rows: Int)
    case chainEdited(row: Int64, attempt: Int64, sequence: Int64)
    case chainRowMissingBefore(row: Int64, attempt: Int64, sequence: Int64)
    case chainTailRemoved(lastRow: Int64, expected: Int64)
    case chainUnreadable(row: Int64)
    // Resume.
    case replayMatched(commands: Int)
    case replayMismatch(sequence: Int, command: String)
    case replayExitMismatch(sequence: Int, command: String, recorded: Int32, now: Int32)
    case startOverHint
    // Command line.
    case cannotReadInput(path: String)
    case noDatabasesGiven
    case cannotWriteFile(path: String)
    // Reports.
    case reportFileFailed(path: String, reason: String)

    /// The message in English.
    public var text: String { english }

    private var english: String {
        switch self {
        case .noDatabase(let p): return "no progress database at \(p)"
        case .emptyPath: return "the progress database path is empty"
        case .notADatabase(let p): return "\(p) is not an SQLite database; it was left untouched"
        case .corrupted(let p, let d): return "\(p) is damaged (\(d)); it was left untouched"
        case .newerSchema(let p, let f):
            return "\(p) was written by a newer cnmlab (schema \(f)); update cnmlab. The file was left untouched"
        case .foreignDatabase(let p): return "\(p) is an SQLite database of another program; it was left untouched"
        case .cannotCreateDirectory(let p): return "cannot create the directory \(p)"
        case .readOnlyStore(let p): return "\(p) was opened read-only"
        case .databaseFailure(let p, let d): return "\(p): \(d)"
        case .invalidLearnerName(let n): return "invalid learner name \"\(n)\" (1 to 64 characters, no control characters)"
        case .unknownLearner(let n): return "no learner named \"\(n)\""
        case .noAttempt(let l, let lab): return "\(l) has no attempt at lab \(lab)"
        case .unknownAttempt(let id): return "no attempt #\(id)"
        case .attemptClosed(let id): return "attempt #\(id) is already closed"
        case .noProgressYet(let p): return "no progress recorded yet (\(p))"
        case .chainIntact(let n): return "command log intact: \(n) rows, chain verified"
        case .chainEdited(let r, let a, let s):
            return "command log row \(r) (attempt #\(a), command \(s)) was changed after it was written"
        case .chainRowMissingBefore(let r, let a, let s):
            return "command log broken before row \(r) (attempt #\(a), command \(s)): a row was removed or rewritten"
        case .chainTailRemoved(let last, let expected):
            return "command log rows after row \(last) were removed (the log reached row \(expected))"
        case .chainUnreadable(let r): return "command log row \(r) holds values of the wrong type"
        case .replayMatched(let n): return "resumed: \(n) commands replayed, state matches"
        case .replayMismatch(let s, let c):
            return "replaying command \(s) (\(c)) gives a different state than recorded (has the lab changed?)"
        case .replayExitMismatch(let s, let c, let r, let n):
            return "replaying command \(s) (\(c)) exits \(n), recorded \(r) (has the lab changed?)"
        case .startOverHint: return "run again with --new to start a new attempt"
        case .cannotReadInput(let p): return "cannot read \(p)"
        case .noDatabasesGiven: return "give at least one progress database"
        case .cannotWriteFile(let p): return "cannot write \(p)"
        case .reportFileFailed(let p, let r): return "skipped \(p): \(r)"
        }
    }
}

/// Column headings of the `cnmlab progress` table (CSV and JSON keep fixed English keys).
public enum ProgressHeading: Sendable, CaseIterable {
    case learner, lab, version, status, score, steps, hints, solutions, commands, time, attempts

    /// The heading in English.
    public var text: String {
        switch self {
        case .learner: return "LEARNER"
        case .lab: return "LAB"
        case .version: return "VERSION"
        case .status: return "STATUS"
        case .score: return "SCORE"
        case .steps: return "STEPS"
        case .hints: return "HINTS"
        case .solutions: return "SOLUTIONS"
        case .commands: return "COMMANDS"
        case .time: return "TIME"
        case .attempts: return "ATTEMPTS"
        }
    }
}

/// The error every CNMProgress operation throws: one message from the table.
public struct ProgressError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: ProgressMessage

    public init(_ message: ProgressMessage) { self.message = message }

    public var description: String { message.text }
}
