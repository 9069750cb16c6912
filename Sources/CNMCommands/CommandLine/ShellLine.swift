/// A command line split the way a POSIX shell (bash) splits it: a list of
/// pipelines joined by `;`, newline, `&&` or `||`, each pipeline a list of
/// commands joined by `|`, each command a list of words.
///
/// Quoting follows bash: single quotes are literal; double quotes keep `$`,
/// backquotes and the backslash escapes `\"` `\\` `\$` `` \` `` `\<newline>`;
/// an unquoted backslash escapes the next character; `\<newline>` is removed;
/// `$'…'` ANSI-C strings are decoded; `#` at the start of a word starts a
/// comment. `>`, `>>`, `<` and here-documents (`<<WORD`, `<<-WORD`, quoted
/// `<<'WORD'`) are parsed into each command's `redirections`; a here-document
/// whose delimiter line has not come yet makes the line incomplete. Other
/// redirections, `&`, subshells and arithmetic are recognised and rejected as
/// not simulated.
///
/// Input may be a `String` or raw bytes (`[UInt8]`, any content: invalid UTF-8
/// and NUL bytes are kept as bytes and replaced by U+FFFD only when words are
/// turned into Strings). Parsing is linear in the input length; `$(` nesting
/// deeper than `maxSubstitutionDepth` is an error.
public struct ShellLine: Sendable, Equatable {
    /// How a pipeline is joined to the next one.
    public enum Connector: Sendable, Equatable {
        /// `;` or a newline: run the next pipeline regardless.
        case sequence
        /// `&&`: run the next pipeline if this one succeeded.
        case and
        /// `||`: run the next pipeline if this one failed.
        case or
        /// Nothing follows (the line ended without `;` or newline).
        case end
    }

    /// One pipeline and the connector after it.
    public struct Item: Sendable, Equatable {
        /// Commands joined by `|` (at least one).
        public var pipeline: [ShellCommand]
        public var connector: Connector
    }

    /// One pipeline after expansion.
    public struct ExpandedItem: Sendable, Equatable {
        /// The argument words of each command in the pipeline.
        public var pipeline: [[String]]
        public var connector: Connector
    }

    /// The pipelines in order; empty for a blank or comment-only line.
    public var items: [Item]

    /// Maximum nesting of `$(` inside `$(`.
    public static let maxSubstitutionDepth = 32

    /// Parses a line (or several lines) of text.
    public static func parse(_ input: String) -> ShellParseResult {
        parse(bytes: Array(input.utf8))
    }

    /// Parses raw bytes (any bytes, including invalid UTF-8 and NUL).
    public static func parse(bytes: [UInt8]) -> ShellParseResult {
        var parser = ShellParser(bytes: bytes)
        return parser.parseLine()
    }

    /// Whether a command of the line sends output to a file (`>`, `>>`, `2>`, `2>>`).
    public var writesFiles: Bool {
        items.contains { item in
            item.pipeline.contains { c in c.redirections.contains { $0.kind.takesFile && $0.kind != .input } }
        }
    }

    /// Expands every command now (for callers that do not need deferred
    /// expansion); see `ShellCommand.expand` for the rules.
    public func expanded(
        environment: [String: String] = [:],
        lastExitCode: Int32 = 0,
        substitute: ((String) -> String)? = nil
    ) -> Result<[ExpandedItem], ShellSyntaxError> {
        var out: [ExpandedItem] = []
        for item in items {
            var pipeline: [[String]] = []
            for command in item.pipeline {
                switch command.expand(environment: environment, lastExitCode: lastExitCode, substitute: substitute) {
                case .success(let words): pipeline.append(words)
                case .failure(let error): return .failure(error)
                }
            }
            out.append(ExpandedItem(pipeline: pipeline, connector: item.connector))
        }
        return .success(out)
    }
}

/// Outcome of `ShellLine.parse`.
public enum ShellParseResult: Sendable, Equatable {
    /// A complete line.
    case complete(ShellLine)
    /// More input is needed (open quote, trailing `\`, `&&`, `|`, open `$(`…);
    /// an interactive shell asks for a continuation line and parses the
    /// joined text (`previous + "\n" + next`) again.
    case incomplete(ShellIncompleteReason)
    /// A syntax error or an unsupported feature.
    case failure(ShellSyntaxError)
}
