import CNMCommands

/// Something about a transcript as a whole that a grade report must say: a syntax problem at a
/// line, or a bound the replay hit.
///
/// Why: a grader that silently swallows lines after an open quote, or silently stops, cannot be
/// trusted. Syntax problems are notes (the rest is still graded); a bound fails the submission.
public struct GradeFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A quote, `$(`, `\`, `&&` or `|` still open at the end of the transcript (or after
        /// `Submission.maxContinuationLines`): that line ran alone (a syntax error), and the lines
        /// after it were read on their own.
        case unterminated
        /// A quote or `$(` opened on one line closes on a later one, so the lines between belong
        /// to that command (as in a shell).
        case spansLines = "spans_lines"
        /// The transcript has more command lines than `--max-commands`; the rest was not replayed.
        case maxCommands = "max_commands"
        /// Replaying took longer than `--timeout`; the rest was not replayed.
        case timeout
    }

    public var kind: Kind
    /// The transcript line it is about (1-based, physical lines), when there is one.
    public var line: Int?
    /// `spansLines`: where the command ends; `unterminated`: nil.
    public var endLine: Int?
    /// What is open (`"`, `$(`…) for syntax findings; the bound (`2000`, `10`) for the others.
    public var detail: String

    public init(kind: Kind, line: Int? = nil, endLine: Int? = nil, detail: String = "") {
        self.kind = kind; self.line = line; self.endLine = endLine; self.detail = detail
    }

    /// Whether it fails the submission whatever its score (a bound was hit).
    public var failsSubmission: Bool { kind == .maxCommands || kind == .timeout }

    /// One sentence for a person, in `locale`, starting with the line when there is one.
    public func message(_ locale: LabLocale) -> String {
        let text: String
        switch kind {
        case .unterminated: text = GradeText.findingUnterminated.format(locale, [detail])
        case .spansLines: text = GradeText.findingSpansLines.format(locale, [detail, String(endLine ?? 0)])
        case .maxCommands: text = GradeText.findingMaxCommands.format(locale, [detail])
        case .timeout: text = GradeText.findingTimeout.format(locale, [detail])
        }
        guard let line else { return text }
        return GradeText.findingAtLine.format(locale, [String(line), text])
    }

    /// What an incomplete line still has open, as a learner would write it.
    static func token(_ reason: ShellIncompleteReason) -> String {
        switch reason {
        case .singleQuote: return "'"
        case .doubleQuote: return "\""
        case .backquote: return "`"
        case .backslash: return "\\"
        case .commandSubstitution: return "$("
        case .parameterBrace: return "${"
        case .operatorPending(let op): return op
        case .hereDocument(let delimiter): return "<<" + delimiter
        }
    }

    /// Whether the reason is text left open (a quote, `$(`, `${`) rather than an explicit
    /// continuation (`\`, `&&`, `|`).
    static func isOpenText(_ reason: ShellIncompleteReason) -> Bool {
        switch reason {
        case .backslash, .operatorPending, .hereDocument: return false
        default: return true
        }
    }
}
