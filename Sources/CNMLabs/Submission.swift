import CNMCommands
import Foundation

/// A learner's submission: the lines of a transcript that the grader replays.
///
/// A transcript is what the learner typed, one command per line (`\` continuations and open
/// quotes join lines as in the shell), `answer TEXT` for a quiz. Blank lines and `#` comments are
/// ignored, except the markers the progress store writes for a hint or a solution shown, a step
/// skipped, an undo or a reset (`#cnmlab hint`, `#cnmlab solution`, `#cnmlab skip`, `#cnmlab undo`,
/// `#cnmlab reset step|lab`; see `LabLine`): they are replayed, so an exported attempt scores
/// exactly as it did in the shell.
///
/// Why the limits: a submission comes from a learner and must never stall or exhaust a CI runner.
public struct Submission: Sendable, Hashable {
    /// Largest transcript accepted, in bytes.
    public static let maxBytes = 1 << 20
    /// Most lines accepted (physical lines, comments included).
    public static let maxLines = 10_000
    /// Longest line accepted, in bytes.
    public static let maxLineBytes = 16 << 10

    /// The markers an attempt's journal holds (see `LabLine`).
    public static let hintLine = LabLine.hintMarker
    public static let solutionLine = LabLine.solutionMarker
    public static let skipLine = LabLine.skipMarker

    /// Why a submission was refused.
    public enum Problem: Sendable, Hashable, Error {
        case tooLarge
        case tooManyLines
        case lineTooLong(line: Int)
        case binary

        /// The reason, in `locale`.
        public func text(_ locale: LabLocale) -> String {
            switch self {
            case .tooLarge: return GradeText.tooLarge.format(locale, [String(Submission.maxBytes)])
            case .tooManyLines: return GradeText.tooManyLines.format(locale, [String(Submission.maxLines)])
            case .lineTooLong(let n): return GradeText.lineTooLong.format(locale, [String(n), String(Submission.maxLineBytes)])
            case .binary: return GradeText.binaryFile.format(locale)
            }
        }
    }

    /// Physical lines one logical command may span (continuations), and its bytes
    /// (`maxLineBytes`): past either, the command counts as unterminated.
    public static let maxContinuationLines = 100

    /// Lines to replay: commands, `answer …` lines and the markers, in order.
    public var lines: [String]
    /// The transcript line (1-based) where each of `lines` starts.
    public var lineNumbers: [Int]
    /// Syntax problems found while reading (an unterminated quote, a quote spanning lines).
    public var findings: [GradeFinding]
    /// The learner named in an exported transcript's header (`# learner: NAME`), if any.
    public var headerLearner: String?

    public init(lines: [String], headerLearner: String? = nil) {
        self.lines = lines; self.headerLearner = headerLearner
        self.lineNumbers = Array(lines.indices.map { $0 + 1 })
        self.findings = []
    }

    /// Reads a transcript's bytes; refuses binary files and anything past the limits.
    public static func parse(_ bytes: [UInt8]) -> Result<Submission, Problem> {
        if bytes.count > maxBytes { return .failure(.tooLarge) }
        if bytes.contains(0) { return .failure(.binary) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var physical: [[UInt8]] = body.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        if body.last == 10 { physical.removeLast() }
        if physical.count > maxLines { return .failure(.tooManyLines) }
        for (i, line) in physical.enumerated() where line.count > maxLineBytes {
            return .failure(.lineTooLong(line: i + 1))
        }
        for i in physical.indices where physical[i].last == 13 { physical[i].removeLast() }
        var out = Submission(lines: [])
        var i = 0
        while i < physical.count {
            let (command, next, finding) = logicalLine(physical, from: i)
            if let finding { out.findings.append(finding) }
            out.add(String(decoding: command, as: UTF8.self), line: i + 1)
            i = next
        }
        return .success(out)
    }

    /// The command starting at physical line `start`, the line after it, and what to say about it:
    /// lines are joined while the text is incomplete (an open quote, `\`, `&&`, `|`, `$(`), as a
    /// shell reads them; when it is still open at the end (or past the bounds), the first line
    /// stands alone and reading resumes on the next one.
    static func logicalLine(_ physical: [[UInt8]], from start: Int) -> ([UInt8], Int, GradeFinding?) {
        var text = physical[start]
        var end = start
        var openText: ShellIncompleteReason?
        var reason: ShellIncompleteReason?
        while true {
            guard case .incomplete(let r) = ShellLine.parse(bytes: text) else {
                let finding = openText.map {
                    GradeFinding(kind: .spansLines, line: start + 1, endLine: end + 1, detail: GradeFinding.token($0))
                }
                return (text, end + 1, finding)
            }
            if reason == nil { reason = r }
            if openText == nil, GradeFinding.isOpenText(r) { openText = r }
            let next = end + 1
            guard next < physical.count, next - start < maxContinuationLines,
                  text.count + 1 + physical[next].count <= maxLineBytes else {
                let opening = reason.map(GradeFinding.token) ?? GradeFinding.token(r)
                return (physical[start], start + 1, GradeFinding(kind: .unterminated, line: start + 1, detail: opening))
            }
            text += [10] + physical[next]
            end = next
        }
    }

    /// Adds one logical line: blank lines and comments are dropped, except the three markers
    /// and the exported header's learner.
    mutating func add(_ line: String, line number: Int) {
        let trimmed = Self.trimmed(line)
        if trimmed.isEmpty { return }
        if trimmed.hasPrefix("#") {
            if LabLine(trimmed).isMarker {
                lines.append(trimmed)
                lineNumbers.append(number)
            } else if headerLearner == nil, lines.isEmpty, trimmed.hasPrefix("# learner: ") {
                headerLearner = String(trimmed.dropFirst("# learner: ".count))
            }
            return
        }
        lines.append(line)
        lineNumbers.append(number)
    }

    /// `line` without the white space at either end (`CharacterSet.whitespaces`). Most lines start
    /// and end with a visible ASCII character and come back as they are, without Foundation's
    /// trimming (which showed in the profile of grading a class).
    static func trimmed(_ line: String) -> String {
        let utf8 = line.utf8
        if let first = utf8.first, let last = utf8.last,
           first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return line }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
