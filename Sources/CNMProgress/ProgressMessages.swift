import CNMSim

/// Every sentence that CNMProgress and the `cnmlab progress` / `cnmlab report` commands
/// show a person, in one table.
///
/// Why one table: each language (`english`, `korean`) is a switch over the same cases,
/// so a message cannot exist in one language only; no message text lives anywhere else.
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

    /// The message in `language` (`ko` or `en`).
    public func text(_ language: String) -> String { language == "ko" ? korean : english }

    private var korean: String {
        switch self {
        case .noDatabase(let p): return "진도 데이터베이스가 없습니다: \(p)"
        case .emptyPath: return "진도 데이터베이스 경로가 비어 있습니다"
        case .notADatabase(let p): return MessageTemplate.fill("{p:은} SQLite 데이터베이스가 아닙니다. 파일은 건드리지 않았습니다", ["p": "\(p)"])
        case .corrupted(let p, let d): return MessageTemplate.fill("{p:이} 손상되었습니다 ({d}). 파일은 건드리지 않았습니다", ["p": "\(p)", "d": "\(d)"])
        case .newerSchema(let p, let f):
            return MessageTemplate.fill("{p:은} 더 새로운 cnmlab이 쓴 파일입니다 (스키마 {f}). cnmlab을 업데이트하세요. 파일은 건드리지 않았습니다", ["p": "\(p)", "f": "\(f)"])
        case .foreignDatabase(let p): return MessageTemplate.fill("{p:은} 다른 프로그램의 SQLite 데이터베이스입니다. 파일은 건드리지 않았습니다", ["p": "\(p)"])
        case .cannotCreateDirectory(let p): return "디렉터리를 만들 수 없습니다: \(p)"
        case .readOnlyStore(let p): return MessageTemplate.fill("{p:을} 읽기 전용으로 열었습니다", ["p": "\(p)"])
        case .databaseFailure(let p, let d): return "\(p): \(d)"
        case .invalidLearnerName(let n): return "학습자 이름이 올바르지 않습니다: \"\(n)\" (1~64자, 제어 문자 없이)"
        case .unknownLearner(let n): return MessageTemplate.fill("\"{n}\"{:이라는} 학습자가 없습니다", ["n": n])
        case .noAttempt(let l, let lab): return MessageTemplate.fill("{l:은} 실습 {lab:을} 시도한 적이 없습니다", ["l": "\(l)", "lab": "\(lab)"])
        case .unknownAttempt(let id): return MessageTemplate.fill("시도 #{id:이} 없습니다", ["id": "\(id)"])
        case .attemptClosed(let id): return MessageTemplate.fill("시도 #{id:은} 이미 끝났습니다", ["id": "\(id)"])
        case .noProgressYet(let p): return "아직 기록된 진도가 없습니다 (\(p))"
        case .chainIntact(let n): return "명령 기록 이상 없음: \(n)행, 해시 체인 확인됨"
        case .chainEdited(let r, let a, let s):
            return "명령 기록 \(r)행(시도 #\(a), 명령 \(s))이 기록된 뒤에 바뀌었습니다"
        case .chainRowMissingBefore(let r, let a, let s):
            return "명령 기록이 \(r)행(시도 #\(a), 명령 \(s)) 앞에서 끊겼습니다: 행이 지워지거나 다시 쓰였습니다"
        case .chainTailRemoved(let last, let expected):
            return "명령 기록 \(last)행 뒤의 행들이 지워졌습니다 (기록은 \(expected)행까지 있었습니다)"
        case .chainUnreadable(let r): return "명령 기록 \(r)행의 값 형식이 잘못되었습니다"
        case .replayMatched(let n): return "이어 하기: 명령 \(n)개를 다시 실행했고 상태가 일치합니다"
        case .replayMismatch(let s, let c):
            return "\(s)번째 명령(\(c))을 다시 실행하니 기록과 다른 상태가 됩니다 (실습이 바뀌었나요?)"
        case .replayExitMismatch(let s, let c, let r, let n):
            return "\(s)번째 명령(\(c))을 다시 실행하니 종료 코드가 \(n)입니다. 기록은 \(r)입니다 (실습이 바뀌었나요?)"
        case .startOverHint: return "새로 시작하려면 --new를 붙여 다시 실행하세요"
        case .cannotReadInput(let p): return "읽을 수 없습니다: \(p)"
        case .noDatabasesGiven: return "진도 데이터베이스를 하나 이상 지정하세요"
        case .cannotWriteFile(let p): return "쓸 수 없습니다: \(p)"
        case .reportFileFailed(let p, let r): return "건너뜀 \(p): \(r)"
        }
    }

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

    /// The heading in `language` (`ko` or `en`).
    public func text(_ language: String) -> String {
        guard language == "ko" else { return text }
        switch self {
        case .learner: return "학습자"
        case .lab: return "실습"
        case .version: return "버전"
        case .status: return "상태"
        case .score: return "점수"
        case .steps: return "단계"
        case .hints: return "힌트"
        case .solutions: return "답안"
        case .commands: return "명령"
        case .time: return "시간"
        case .attempts: return "시도"
        }
    }

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
