/// One word of a parsed command line, before expansion: literal text (quotes
/// already removed) plus the `$VAR`, `$?` and `$(...)` pieces still to expand.
/// Expansion is deferred so that, as in a shell, `$(…)` and `$?` of a later
/// command run only when that command runs (`a && b $(c)` runs `c` after `a`).
public struct ShellWord: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        /// Text from unquoted, quoted or escaped characters; never split.
        case literal([UInt8])
        /// `$NAME`, `${NAME}`, `$1`, `$@`…: looked up in the environment.
        case parameter(String, quoted: Bool)
        /// `$?`
        case exitStatus(quoted: Bool)
        /// `$(text)` or `` `text` ``.
        case command(String, quoted: Bool)
    }

    var parts: [Part]

    /// The word's text when it contains no expansion (e.g. a command name), else nil.
    public var literalText: String? {
        var bytes: [UInt8] = []
        for part in parts {
            guard case .literal(let b) = part else { return nil }
            bytes.append(contentsOf: b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The word roughly as typed (expansions shown as `$NAME`, `$?`, `$(…)`), for error messages.
    var typedText: String {
        parts.map { part -> String in
            switch part {
            case .literal(let b): return String(decoding: b, as: UTF8.self)
            case .parameter(let n, _): return "$" + n
            case .exitStatus: return "$?"
            case .command(let t, _): return "$(" + t + ")"
            }
        }.joined()
    }

    /// True when the word contains `$(…)` or backquotes.
    public var hasCommandSubstitution: Bool {
        parts.contains { if case .command = $0 { return true } else { return false } }
    }
}

/// One simple command: its words and redirections before expansion.
public struct ShellCommand: Sendable, Equatable {
    public var words: [ShellWord]
    /// `> f`, `>> f`, `< f` and here-documents, in the order typed.
    public var redirections: [ShellRedirection] = []

    public init(words: [ShellWord], redirections: [ShellRedirection] = []) {
        self.words = words
        self.redirections = redirections
    }

    /// The redirections with their words expanded: a file name must expand to exactly one word
    /// (bash's `ambiguous redirect` otherwise); a here-document's body is one text.
    public func expandRedirections(
        environment: [String: String] = [:],
        lastExitCode: Int32 = 0,
        substitute: ((String) -> String)? = nil
    ) -> Result<[ShellRedirection.Expanded], ShellSyntaxError> {
        var out: [ShellRedirection.Expanded] = []
        for r in redirections {
            if r.kind == .errorToOutput || r.kind == .outputToError {
                out.append(.init(kind: r.kind, text: ""))
                continue
            }
            switch ShellCommand(words: [r.word]).expand(environment: environment, lastExitCode: lastExitCode, substitute: substitute) {
            case .failure(let e): return .failure(e)
            case .success(let words):
                if case .hereDocument = r.kind {
                    out.append(.init(kind: r.kind, text: words.joined()))
                } else {
                    guard words.count == 1 else { return .failure(.ambiguousRedirect(r.word.typedText)) }
                    out.append(.init(kind: r.kind, text: words[0]))
                }
            }
        }
        return .success(out)
    }

    /// Expands the words as bash would (without globbing, tilde or brace expansion):
    /// `$NAME`/`${NAME}` from `environment` (missing → empty), `$?` from
    /// `lastExitCode`, `$(…)`/backquotes through `substitute` (its output with
    /// trailing newlines and NUL bytes removed). Unquoted expansion results are
    /// split on space, tab and newline, and an unquoted expansion that yields
    /// nothing vanishes; quoted ones stay one word (`"$(x)"` may be `""`).
    /// Invalid UTF-8 in the input is replaced by U+FFFD in the resulting words.
    /// - Returns: the argument words, or `.commandSubstitutionUnavailable` when
    ///   a substitution occurs and `substitute` is nil.
    public func expand(
        environment: [String: String] = [:],
        lastExitCode: Int32 = 0,
        substitute: ((String) -> String)? = nil
    ) -> Result<[String], ShellSyntaxError> {
        var result: [String] = []
        for word in words {
            var current: [UInt8] = []
            var exists = false
            func emit() {
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                exists = false
            }
            func add(_ text: [UInt8], quoted: Bool) {
                if quoted {
                    current.append(contentsOf: text)
                    exists = true
                    return
                }
                for byte in text {
                    if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                        if exists { emit() }
                    } else {
                        current.append(byte)
                        exists = true
                    }
                }
            }
            for part in word.parts {
                switch part {
                case .literal(let bytes):
                    current.append(contentsOf: bytes)
                    exists = true
                case let .parameter(name, quoted):
                    add(Array((environment[name] ?? "").utf8), quoted: quoted)
                case .exitStatus(let quoted):
                    add(Array(String(lastExitCode).utf8), quoted: quoted)
                case let .command(text, quoted):
                    guard let substitute else { return .failure(.commandSubstitutionUnavailable) }
                    var output = Array(substitute(text).utf8)
                    output.removeAll { $0 == 0 }
                    while output.last == 0x0A { output.removeLast() }
                    add(output, quoted: quoted)
                }
            }
            if exists { emit() }
        }
        return .success(result)
    }
}
