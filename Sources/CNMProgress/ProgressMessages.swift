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
    public var text: String { text("en") }

    /// The message in `language` (`ko` or `en`).
    public func text(_ language: String) -> String {
        MessageTemplate.fill(Language.named(language) == .ko ? templates.ko : templates.en, values)
    }

    /// The Korean and English templates of each message (`MessageTemplate`: `{name}`, `{name:이}`),
    /// side by side so that neither can be missing.
    var templates: (ko: String, en: String) {
        switch self {
        case .noDatabase: return ("진도 데이터베이스가 없습니다: {path}", "no progress database at {path}")
        case .emptyPath: return ("진도 데이터베이스 경로가 비어 있습니다", "the progress database path is empty")
        case .notADatabase: return ("{path:은} SQLite 데이터베이스가 아닙니다. 파일은 건드리지 않았습니다",
                          "{path} is not an SQLite database; it was left untouched")
        case .corrupted: return ("{path:이} 손상되었습니다 ({detail}). 파일은 건드리지 않았습니다",
                          "{path} is damaged ({detail}); it was left untouched")
        case .newerSchema: return ("{path:은} 더 새로운 cnmlab이 쓴 파일입니다 (스키마 {found}). cnmlab을 업데이트하세요. 파일은 건드리지 않았습니다",
                          "{path} was written by a newer cnmlab (schema {found}); update cnmlab. The file was left untouched")
        case .foreignDatabase: return ("{path:은} 다른 프로그램의 SQLite 데이터베이스입니다. 파일은 건드리지 않았습니다",
                          "{path} is an SQLite database of another program; it was left untouched")
        case .cannotCreateDirectory: return ("디렉터리를 만들 수 없습니다: {path}", "cannot create the directory {path}")
        case .readOnlyStore: return ("{path:을} 읽기 전용으로 열었습니다", "{path} was opened read-only")
        case .databaseFailure: return ("{path}: {detail}", "{path}: {detail}")
        case .invalidLearnerName: return ("학습자 이름이 올바르지 않습니다: \"{learner}\" (1~64자, 제어 문자 없이)",
                          "invalid learner name \"{learner}\" (1 to 64 characters, no control characters)")
        case .unknownLearner: return ("\"{learner}\"{:이라는} 학습자가 없습니다", "no learner named \"{learner}\"")
        case .noAttempt: return ("{learner:은} 실습 {lab:을} 시도한 적이 없습니다", "{learner} has no attempt at lab {lab}")
        case .unknownAttempt: return ("시도 #{attempt:이} 없습니다", "no attempt #{attempt}")
        case .attemptClosed: return ("시도 #{attempt:은} 이미 끝났습니다", "attempt #{attempt} is already closed")
        case .noProgressYet: return ("아직 기록된 진도가 없습니다 ({path})", "no progress recorded yet ({path})")
        case .chainIntact: return ("명령 기록 이상 없음: {rows}행, 해시 체인 확인됨", "command log intact: {rows} rows, chain verified")
        case .chainEdited: return ("명령 기록 {row}행(시도 #{attempt}, 명령 {sequence})이 기록된 뒤에 바뀌었습니다",
                          "command log row {row} (attempt #{attempt}, command {sequence}) was changed after it was written")
        case .chainRowMissingBefore: return ("명령 기록이 {row}행(시도 #{attempt}, 명령 {sequence}) 앞에서 끊겼습니다: 행이 지워지거나 다시 쓰였습니다",
                          "command log broken before row {row} (attempt #{attempt}, command {sequence}): a row was removed or rewritten")
        case .chainTailRemoved: return ("명령 기록 {lastRow}행 뒤의 행들이 지워졌습니다 (기록은 {expected}행까지 있었습니다)",
                          "command log rows after row {lastRow} were removed (the log reached row {expected})")
        case .chainUnreadable: return ("명령 기록 {row}행의 값 형식이 잘못되었습니다", "command log row {row} holds values of the wrong type")
        case .replayMatched: return ("이어 하기: 명령 {commands}개를 다시 실행했고 상태가 일치합니다",
                          "resumed: {commands} commands replayed, state matches")
        case .replayMismatch: return ("{sequence}번째 명령({command})을 다시 실행하니 기록과 다른 상태가 됩니다 (실습이 바뀌었나요?)",
                          "replaying command {sequence} ({command}) gives a different state than recorded (has the lab changed?)")
        case .replayExitMismatch: return ("{sequence}번째 명령({command})을 다시 실행하니 종료 코드가 {now}입니다. 기록은 {recorded}입니다 (실습이 바뀌었나요?)",
                          "replaying command {sequence} ({command}) exits {now}, recorded {recorded} (has the lab changed?)")
        case .startOverHint: return ("새로 시작하려면 --new를 붙여 다시 실행하세요", "run again with --new to start a new attempt")
        case .cannotReadInput: return ("읽을 수 없습니다: {path}", "cannot read {path}")
        case .noDatabasesGiven: return ("진도 데이터베이스를 하나 이상 지정하세요", "give at least one progress database")
        case .cannotWriteFile: return ("쓸 수 없습니다: {path}", "cannot write {path}")
        case .reportFileFailed: return ("건너뜀 {path}: {reason}", "skipped {path}: {reason}")
        }
    }

    /// The values the templates name.
    var values: [String: String] {
        switch self {
        case .noDatabase(let path): return ["path": "\(path)"]
        case .notADatabase(let path): return ["path": "\(path)"]
        case .corrupted(let path, let detail): return ["path": "\(path)", "detail": "\(detail)"]
        case .newerSchema(let path, let found): return ["path": "\(path)", "found": "\(found)"]
        case .foreignDatabase(let path): return ["path": "\(path)"]
        case .cannotCreateDirectory(let path): return ["path": "\(path)"]
        case .readOnlyStore(let path): return ["path": "\(path)"]
        case .databaseFailure(let path, let detail): return ["path": "\(path)", "detail": "\(detail)"]
        case .invalidLearnerName(let learner): return ["learner": "\(learner)"]
        case .unknownLearner(let learner): return ["learner": "\(learner)"]
        case .noAttempt(let learner, let lab): return ["learner": "\(learner)", "lab": "\(lab)"]
        case .unknownAttempt(let attempt): return ["attempt": "\(attempt)"]
        case .attemptClosed(let attempt): return ["attempt": "\(attempt)"]
        case .noProgressYet(let path): return ["path": "\(path)"]
        case .chainIntact(let rows): return ["rows": "\(rows)"]
        case .chainEdited(let row, let attempt, let sequence): return ["row": "\(row)", "attempt": "\(attempt)", "sequence": "\(sequence)"]
        case .chainRowMissingBefore(let row, let attempt, let sequence): return ["row": "\(row)", "attempt": "\(attempt)", "sequence": "\(sequence)"]
        case .chainTailRemoved(let lastRow, let expected): return ["lastRow": "\(lastRow)", "expected": "\(expected)"]
        case .chainUnreadable(let row): return ["row": "\(row)"]
        case .replayMatched(let commands): return ["commands": "\(commands)"]
        case .replayMismatch(let sequence, let command): return ["sequence": "\(sequence)", "command": "\(command)"]
        case .replayExitMismatch(let sequence, let command, let recorded, let now): return ["sequence": "\(sequence)", "command": "\(command)", "recorded": "\(recorded)", "now": "\(now)"]
        case .cannotReadInput(let path): return ["path": "\(path)"]
        case .cannotWriteFile(let path): return ["path": "\(path)"]
        case .reportFileFailed(let path, let reason): return ["path": "\(path)", "reason": "\(reason)"]
        default: return [:]
        }
    }
}

/// Column headings of the `cnmlab progress` table (CSV and JSON keep fixed English keys).
public enum ProgressHeading: Sendable, CaseIterable {
    case learner, lab, version, status, score, steps, hints, solutions, commands, time, attempts

    /// The heading in `language` (`ko` or `en`).
    public func text(_ language: String) -> String {
        Language.named(language) == .ko ? templates.ko : templates.en
    }

    /// The heading in English.
    public var text: String { templates.en }

    /// The Korean and English headings, side by side (no placeholders).
    var templates: (ko: String, en: String) {
        switch self {
        case .learner: return ("학습자", "LEARNER")
        case .lab: return ("실습", "LAB")
        case .version: return ("버전", "VERSION")
        case .status: return ("상태", "STATUS")
        case .score: return ("점수", "SCORE")
        case .steps: return ("단계", "STEPS")
        case .hints: return ("힌트", "HINTS")
        case .solutions: return ("답안", "SOLUTIONS")
        case .commands: return ("명령", "COMMANDS")
        case .time: return ("시간", "TIME")
        case .attempts: return ("시도", "ATTEMPTS")
        }
    }
}

/// The error every CNMProgress operation throws: one message from the table.
public struct ProgressError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: ProgressMessage

    public init(_ message: ProgressMessage) { self.message = message }

    public var description: String { message.text }
}
