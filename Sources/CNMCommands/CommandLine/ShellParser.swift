/// The lexer and grammar behind `ShellLine.parse`: one left-to-right pass over
/// the bytes; every loop advances the index, `$(…)` bodies are skipped with a
/// single bracket-matching scan, so the whole parse is linear.
struct ShellParser {
    enum Stop: Error {
        case incomplete(ShellIncompleteReason)
        case failure(ShellSyntaxError)
    }

    enum Token {
        case word(ShellWord)
        case newline
        case op(String)
    }

    let b: [UInt8]
    var i = 0
    /// Here-documents whose bodies start after the next newline, in the order they were named.
    var pendingHereDocs: [HereDocHead] = []
    /// How many of `pendingHereDocs` have their bodies already (an index, so that many `<<` on one
    /// line stay linear).
    var readHereDocs = 0
    /// Bodies read so far, in order; `parseLine` hands them to the commands at the end.
    var hereBodies: [ShellWord] = []

    /// `<<WORD` or `<<-WORD` as typed: its delimiter, whether tabs are stripped, whether the body expands.
    struct HereDocHead {
        var delimiter: [UInt8]
        var stripTabs: Bool
        var expands: Bool
    }

    init(bytes: [UInt8]) { self.b = bytes }

    // MARK: Byte classes

    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A
    private static let backslash = UInt8(ascii: "\\"), singleQuote = UInt8(ascii: "'")
    private static let doubleQuote = UInt8(ascii: "\""), backquote = UInt8(ascii: "`")
    private static let dollar = UInt8(ascii: "$")

    private static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }

    private static func isMeta(_ c: UInt8) -> Bool {
        switch c {
        case space, tab, newline, UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default:
            return false
        }
    }

    private static func isNameStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_")
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private static func isNameChar(_ c: UInt8) -> Bool { isNameStart(c) || isDigit(c) }

    private func at(_ k: Int) -> UInt8? { b.indices.contains(k) ? b[k] : nil }

    // MARK: Grammar

    mutating func parseLine() -> ShellParseResult {
        enum Expect { case commandStart, afterOperator(String), inCommand }
        var expect = Expect.commandStart
        var items: [ShellLine.Item] = []
        var pipeline: [ShellCommand] = []
        var words: [ShellWord] = []
        var redirections: [ShellRedirection] = []

        func endCommand() {
            pipeline.append(ShellCommand(words: words, redirections: redirections))
            words = []
            redirections = []
        }
        func endPipeline(_ connector: ShellLine.Connector) {
            endCommand()
            items.append(ShellLine.Item(pipeline: pipeline, connector: connector))
            pipeline = []
        }

        do throws(Stop) {
            while let token = try nextToken() {
                switch token {
                case .word(let w):
                    words.append(w)
                    expect = .inCommand
                case .newline:
                    if case .inCommand = expect {
                        endPipeline(.sequence)
                        expect = .commandStart
                    }
                case .op(let op):
                    let inCommand: Bool
                    if case .inCommand = expect { inCommand = true } else { inCommand = false }
                    switch op {
                    case ";" where inCommand:
                        endPipeline(.sequence)
                        expect = .commandStart
                    case "&&" where inCommand:
                        endPipeline(.and)
                        expect = .afterOperator(op)
                    case "||" where inCommand:
                        endPipeline(.or)
                        expect = .afterOperator(op)
                    case "|" where inCommand:
                        endCommand()
                        expect = .afterOperator(op)
                    case "(" where !inCommand:
                        throw .failure(.notSimulated(.subshell))
                    case ">", ">>", "<", "<<", "<<-", "2>", "2>>":
                        redirections.append(try redirectionTarget(op))
                        expect = .inCommand
                    case "2>&1", ">&2":
                        redirections.append(ShellRedirection(kind: op == "2>&1" ? .errorToOutput : .outputToError, word: ShellWord(parts: [])))
                        expect = .inCommand
                    default:
                        throw .failure(.unexpectedToken(op))
                    }
                }
            }
        } catch {
            switch error {
            case .incomplete(let reason): return .incomplete(reason)
            case .failure(let e): return .failure(e)
            }
        }
        if readHereDocs < pendingHereDocs.count {
            let open = pendingHereDocs[readHereDocs]
            return .incomplete(.hereDocument(String(decoding: open.delimiter, as: UTF8.self)))
        }
        switch expect {
        case .inCommand:
            endPipeline(.end)
        case .afterOperator(let op):
            return .incomplete(.operatorPending(op))
        case .commandStart:
            break
        }
        // Each here-document's body, in the order the operators appeared.
        var next = 0
        for k in items.indices {
            for c in items[k].pipeline.indices {
                for r in items[k].pipeline[c].redirections.indices {
                    guard case .hereDocument = items[k].pipeline[c].redirections[r].kind else { continue }
                    if next < hereBodies.count { items[k].pipeline[c].redirections[r].word = hereBodies[next] }
                    next += 1
                }
            }
        }
        return .complete(ShellLine(items: items))
    }

    // MARK: Redirections

    /// The word after a redirection operator: a file name, or a here-document's delimiter (whose
    /// body is read after the next newline). A missing word is bash's syntax error.
    private mutating func redirectionTarget(_ op: String) throws(Stop) -> ShellRedirection {
        while let c = at(i), Self.isBlank(c) { i += 1 }
        guard let c = at(i) else { throw .failure(.unexpectedToken("newline")) }
        if c == Self.newline { throw .failure(.unexpectedToken("newline")) }
        if Self.isMeta(c) {
            guard case .op(let next) = try lexOperator(fd: "") else { throw .failure(.unexpectedToken("newline")) }
            throw .failure(.unexpectedToken(next))
        }
        let start = i
        guard case .word(let word) = try lexWord() else { throw .failure(.unexpectedToken("newline")) }
        switch op {
        case ">": return ShellRedirection(kind: .output, word: word)
        case ">>": return ShellRedirection(kind: .append, word: word)
        case "2>": return ShellRedirection(kind: .errorOutput, word: word)
        case "2>>": return ShellRedirection(kind: .errorAppend, word: word)
        case "<": return ShellRedirection(kind: .input, word: word)
        default:
            // bash: the delimiter is the word with its quotes removed and nothing expanded; any
            // quoting leaves the body as typed.
            let raw = b[start..<i]
            let quoting: Set<UInt8> = [Self.singleQuote, Self.doubleQuote, Self.backslash]
            let quoted = raw.contains { quoting.contains($0) }
            pendingHereDocs.append(HereDocHead(delimiter: raw.filter { !quoting.contains($0) }, stripTabs: op == "<<-",
                                               expands: !quoted))
            return ShellRedirection(kind: .hereDocument(delimiter: String(decoding: raw.filter { !quoting.contains($0) }, as: UTF8.self),
                                                        stripTabs: op == "<<-", expands: !quoted),
                                    word: ShellWord(parts: []))
        }
    }

    /// Reads the bodies of the pending here-documents, starting at `i` (just after a newline):
    /// line by line up to a line that is the delimiter (after leading tabs, for `<<-`).
    private mutating func readHereDocBodies() throws(Stop) {
        while readHereDocs < pendingHereDocs.count {
            let head = pendingHereDocs[readHereDocs]
            var body: [UInt8] = []
            while true {
                let end = b[min(i, b.count)...].firstIndex(of: Self.newline)
                var line = Array(b[min(i, b.count)..<(end ?? b.count)])
                if head.stripTabs { line = Array(line.drop { $0 == Self.tab }) }
                if line == head.delimiter {
                    i = end.map { $0 + 1 } ?? b.count
                    break
                }
                guard let end else {
                    throw .incomplete(.hereDocument(String(decoding: head.delimiter, as: UTF8.self)))
                }
                body += line
                body.append(Self.newline)
                i = end + 1
            }
            readHereDocs += 1
            if head.expands {
                var inner = ShellParser(bytes: body)
                hereBodies.append(try inner.lexHereDocBody())
            } else {
                hereBodies.append(ShellWord(parts: [.literal(body)]))
            }
        }
    }

    /// An unquoted here-document's body: `$NAME`, `${NAME}`, `$?`, `$(…)` and backquotes expand
    /// (never split), a backslash escapes only `$`, `` ` ``, `\` and the newline; quotes are text.
    private mutating func lexHereDocBody() throws(Stop) -> ShellWord {
        var w = WordBuilder()
        w.literal(contentsOf: [])
        while let c = at(i) {
            switch c {
            case Self.backslash:
                guard let next = at(i + 1) else { w.literal(c); i += 1; continue }
                switch next {
                case Self.dollar, Self.backquote, Self.backslash: w.literal(next); i += 2
                case Self.newline: i += 2
                default: w.literal(c); i += 1
                }
            case Self.dollar:
                try lexDollar(&w, quoted: true)
            case Self.backquote:
                try lexBackquote(&w, quoted: true)
            default:
                w.literal(c)
                i += 1
            }
        }
        return w.finish()
    }

    // MARK: Tokens

    mutating func nextToken() throws(Stop) -> Token? {
        while let c = at(i) {
            if Self.isBlank(c) {
                i += 1
            } else if c == Self.backslash && at(i + 1) == Self.newline {
                i += 2
            } else if c == UInt8(ascii: "#") {
                while let d = at(i), d != Self.newline { i += 1 }
            } else {
                break
            }
        }
        guard let c = at(i) else { return nil }
        if c == Self.newline {
            i += 1
            if readHereDocs < pendingHereDocs.count { try readHereDocBodies() }
            return .newline
        }
        if Self.isMeta(c) { return try lexOperator(fd: "") }
        return try lexWord()
    }

    private mutating func lexOperator(fd: String) throws(Stop) -> Token {
        guard let c = at(i) else { return .newline }
        let next = at(i + 1)
        switch c {
        case UInt8(ascii: ";"):
            if next == UInt8(ascii: ";") {
                if at(i + 2) == UInt8(ascii: "&") { i += 3; return .op(";;&") }
                i += 2
                return .op(";;")
            }
            if next == UInt8(ascii: "&") { i += 2; return .op(";&") }
            i += 1
            return .op(";")
        case UInt8(ascii: "&"):
            if next == UInt8(ascii: "&") { i += 2; return .op("&&") }
            if next == UInt8(ascii: ">") { throw redirection(fd: fd) }
            throw .failure(.notSimulated(.background))
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { i += 2; return .op("||") }
            if next == UInt8(ascii: "&") { throw .failure(.notSimulated(.redirection("|&"))) }
            i += 1
            return .op("|")
        case UInt8(ascii: ">") where fd.isEmpty || fd == "1" || fd == "2":
            let prefix = fd == "2" ? "2" : ""
            if next == UInt8(ascii: ">") { i += 2; return .op(prefix + ">>") }
            // `2>&1` and `>&2` (`1>&2`): a duplication onto the other standard stream, nothing else.
            let other: UInt8 = fd == "2" ? UInt8(ascii: "1") : UInt8(ascii: "2")
            if next == UInt8(ascii: "&"), at(i + 2) == other,
               at(i + 3).map({ !Self.isDigit($0) && $0 != UInt8(ascii: "-") }) ?? true {
                i += 3
                return .op(fd == "2" ? "2>&1" : ">&2")
            }
            if next == UInt8(ascii: "&") || next == UInt8(ascii: "|") || next == UInt8(ascii: "(") { throw redirection(fd: fd) }
            i += 1
            return .op(prefix + ">")
        case UInt8(ascii: "<") where fd.isEmpty:
            if next == UInt8(ascii: "<") {
                if at(i + 2) == UInt8(ascii: "<") { throw redirection(fd: fd) }
                if at(i + 2) == UInt8(ascii: "-") { i += 3; return .op("<<-") }
                i += 2
                return .op("<<")
            }
            if next == UInt8(ascii: "&") || next == UInt8(ascii: ">") || next == UInt8(ascii: "(") { throw redirection(fd: fd) }
            i += 1
            return .op("<")
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            throw redirection(fd: fd)
        case UInt8(ascii: "("):
            i += 1
            return .op("(")
        case UInt8(ascii: ")"):
            i += 1
            return .op(")")
        default:
            i += 1
            return .newline
        }
    }

    /// Builds the "redirection not simulated" error, quoting the operator as
    /// typed: an fd number before it and a `&N`/`&-` target after it.
    private func redirection(fd: String) -> Stop {
        var k = i
        var op: [UInt8] = []
        while let c = at(k), op.count < 3,
              c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "&")
                || (c == UInt8(ascii: "-") && op.last == UInt8(ascii: "<"))
                || c == UInt8(ascii: "|") || c == UInt8(ascii: "(") {
            op.append(c)
            k += 1
            if c == UInt8(ascii: "(") { break }
        }
        if op.last == UInt8(ascii: "&") {
            while let c = at(k), Self.isDigit(c) || c == UInt8(ascii: "-"), op.count < 16 {
                op.append(c)
                k += 1
            }
        }
        return .failure(.notSimulated(.redirection(fd + String(decoding: op, as: UTF8.self))))
    }

    // MARK: Words

    private struct WordBuilder {
        var parts: [ShellWord.Part] = []
        var pending: [UInt8] = []
        var hasPending = false

        mutating func literal(_ c: UInt8) {
            pending.append(c)
            hasPending = true
        }
        mutating func literal<S: Sequence>(contentsOf s: S) where S.Element == UInt8 {
            pending.append(contentsOf: s)
            hasPending = true
        }
        mutating func flush() {
            if hasPending { parts.append(.literal(pending)) }
            pending = []
            hasPending = false
        }
        mutating func add(_ part: ShellWord.Part) {
            flush()
            parts.append(part)
        }
        mutating func finish() -> ShellWord {
            flush()
            return ShellWord(parts: parts)
        }
    }

    private mutating func lexWord() throws(Stop) -> Token {
        var w = WordBuilder()
        var onlyDigits = true
        while let c = at(i) {
            if Self.isMeta(c) {
                if (c == UInt8(ascii: "<") || c == UInt8(ascii: ">")) && onlyDigits && w.parts.isEmpty
                    && w.hasPending && !w.pending.isEmpty {
                    let fd = String(decoding: w.pending, as: UTF8.self)
                    // `1>`, `2>`, `2>>`, `2>&1`, `1>&2`: the descriptor is part of the operator.
                    if c == UInt8(ascii: ">"), fd == "1" || fd == "2" { return try lexOperator(fd: fd) }
                    throw redirection(fd: fd)
                }
                break
            }
            if !Self.isDigit(c) { onlyDigits = false }
            switch c {
            case Self.backslash:
                guard let next = at(i + 1) else { throw .incomplete(.backslash) }
                if next != Self.newline { w.literal(next) }
                i += 2
            case Self.singleQuote:
                guard let close = b[(i + 1)...].firstIndex(of: Self.singleQuote) else {
                    throw .incomplete(.singleQuote)
                }
                w.literal(contentsOf: b[(i + 1)..<close])
                i = close + 1
            case Self.doubleQuote:
                try lexDoubleQuoted(&w)
            case Self.dollar:
                try lexDollar(&w, quoted: false)
            case Self.backquote:
                try lexBackquote(&w, quoted: false)
            default:
                w.literal(c)
                i += 1
            }
        }
        return .word(w.finish())
    }

    private mutating func lexDoubleQuoted(_ w: inout WordBuilder) throws(Stop) {
        i += 1
        w.literal(contentsOf: [])
        while let c = at(i) {
            switch c {
            case Self.doubleQuote:
                i += 1
                return
            case Self.backslash:
                guard let next = at(i + 1) else { throw .incomplete(.doubleQuote) }
                switch next {
                case Self.dollar, Self.backquote, Self.doubleQuote, Self.backslash:
                    w.literal(next)
                    i += 2
                case Self.newline:
                    i += 2
                default:
                    w.literal(c)
                    i += 1
                }
            case Self.dollar:
                try lexDollar(&w, quoted: true)
            case Self.backquote:
                try lexBackquote(&w, quoted: true)
            default:
                w.literal(c)
                i += 1
            }
        }
        throw .incomplete(.doubleQuote)
    }

    private mutating func lexBackquote(_ w: inout WordBuilder, quoted: Bool) throws(Stop) {
        i += 1
        var inner: [UInt8] = []
        while let c = at(i) {
            if c == Self.backquote {
                i += 1
                w.add(.command(String(decoding: inner, as: UTF8.self), quoted: quoted))
                return
            }
            if c == Self.backslash, let next = at(i + 1),
               next == Self.dollar || next == Self.backquote || next == Self.backslash
                || (quoted && next == Self.doubleQuote) {
                inner.append(next)
                i += 2
                continue
            }
            inner.append(c)
            i += 1
        }
        throw .incomplete(.backquote)
    }

    private mutating func lexDollar(_ w: inout WordBuilder, quoted: Bool) throws(Stop) {
        guard let next = at(i + 1) else {
            w.literal(Self.dollar)
            i += 1
            return
        }
        if next == UInt8(ascii: "(") {
            if at(i + 2) == UInt8(ascii: "(") { throw .failure(.notSimulated(.arithmetic)) }
            let start = i + 2
            let end = try scanSubstitution(from: start)
            w.add(.command(String(decoding: b[start..<end], as: UTF8.self), quoted: quoted))
            i = end + 1
        } else if next == UInt8(ascii: "{") {
            try lexBraceParameter(&w, quoted: quoted)
        } else if Self.isNameStart(next) {
            var k = i + 1
            while let c = at(k), Self.isNameChar(c) { k += 1 }
            w.add(.parameter(String(decoding: b[(i + 1)..<k], as: UTF8.self), quoted: quoted))
            i = k
        } else if next == UInt8(ascii: "?") {
            w.add(.exitStatus(quoted: quoted))
            i += 2
        } else if Self.isDigit(next) || "@*#$!-".utf8.contains(next) {
            w.add(.parameter(String(decoding: [next], as: UTF8.self), quoted: quoted))
            i += 2
        } else if next == Self.singleQuote && !quoted {
            try lexAnsiC(&w)
        } else if next == Self.doubleQuote && !quoted {
            i += 1  // $"…" (locale translation) is an ordinary double-quoted string here
        } else {
            w.literal(Self.dollar)
            i += 1
        }
    }

    private mutating func lexBraceParameter(_ w: inout WordBuilder, quoted: Bool) throws(Stop) {
        let start = i + 2
        guard let close = b[min(start, b.count)...].firstIndex(of: UInt8(ascii: "}")) else {
            throw .incomplete(.parameterBrace)
        }
        let content = Array(b[start..<close])
        let text = "${" + String(decoding: content, as: UTF8.self) + "}"
        i = close + 1
        if content == [UInt8(ascii: "?")] {
            w.add(.exitStatus(quoted: quoted))
            return
        }
        let isName = content.first.map(Self.isNameStart) == true && content.allSatisfy(Self.isNameChar)
        let isNumber = !content.isEmpty && content.allSatisfy(Self.isDigit)
        let isSpecial = content.count == 1 && content.first.map { "@*#$!-".utf8.contains($0) } == true
        if isName || isNumber || isSpecial {
            w.add(.parameter(String(decoding: content, as: UTF8.self), quoted: quoted))
            return
        }
        // A name (or special) followed by an operator, `${#name}` or `${!name}`.
        var k = 0
        if let f = content.first, Self.isNameStart(f) {
            while k < content.count, Self.isNameChar(content[k]) { k += 1 }
        } else if let f = content.first, Self.isDigit(f) || "@*?$-".utf8.contains(f) {
            k = 1
        }
        let operators = Array(":-=?+#%/^,@".utf8)
        if k > 0, k < content.count, operators.contains(content[k]) {
            throw .failure(.notSimulated(.parameterOperator(text)))
        }
        if let f = content.first, f == UInt8(ascii: "#") || f == UInt8(ascii: "!"),
           content.count > 1, content.dropFirst().first.map(Self.isNameStart) == true {
            throw .failure(.notSimulated(.parameterOperator(text)))
        }
        throw .failure(.badSubstitution(text))
    }

    /// `$'…'`: bash's ANSI-C quoting.
    private mutating func lexAnsiC(_ w: inout WordBuilder) throws(Stop) {
        var k = i + 2
        var out: [UInt8] = []
        func hexValue(_ c: UInt8) -> UInt32? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        while let c = at(k) {
            if c == Self.singleQuote {
                i = k + 1
                w.literal(contentsOf: out)
                return
            }
            guard c == Self.backslash else {
                out.append(c)
                k += 1
                continue
            }
            guard let e = at(k + 1) else { break }
            k += 2
            switch e {
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "e"), UInt8(ascii: "E"): out.append(0x1B)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0B)
            case Self.backslash, Self.singleQuote, Self.doubleQuote, UInt8(ascii: "?"): out.append(e)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(e - UInt8(ascii: "0"))
                var n = 1
                while n < 3, let d = at(k), d >= UInt8(ascii: "0"), d <= UInt8(ascii: "7") {
                    v = v * 8 + UInt32(d - UInt8(ascii: "0"))
                    k += 1
                    n += 1
                }
                out.append(UInt8(truncatingIfNeeded: v))
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let maxDigits = e == UInt8(ascii: "x") ? 2 : (e == UInt8(ascii: "u") ? 4 : 8)
                var v: UInt32 = 0
                var n = 0
                while n < maxDigits, let d = at(k), let h = hexValue(d) {
                    v = v &* 16 &+ h
                    k += 1
                    n += 1
                }
                if n == 0 {
                    out.append(Self.backslash)
                    out.append(e)
                } else if e == UInt8(ascii: "x") {
                    out.append(UInt8(truncatingIfNeeded: v))
                } else if let scalar = Unicode.Scalar(v) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                } else {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                }
            case UInt8(ascii: "c"):
                if let d = at(k) {
                    out.append(d & 0x1F)
                    k += 1
                } else {
                    out.append(Self.backslash)
                    out.append(e)
                }
            default:
                out.append(Self.backslash)
                out.append(e)
            }
        }
        throw .incomplete(.singleQuote)
    }

    /// Finds the `)` closing a `$(` whose body starts at `start`, skipping
    /// quotes, escapes, comments, nested `$(…)`, backquotes and balanced
    /// parentheses. One pass; nesting is bounded by `maxSubstitutionDepth`.
    private func scanSubstitution(from start: Int) throws(Stop) -> Int {
        enum Frame { case subst(parens: Int), dquote, backquote }
        var stack: [Frame] = [.subst(parens: 0)]
        var substDepth = 1
        var k = start
        while let c = at(k), let top = stack.last {
            switch top {
            case .subst(let parens):
                switch c {
                case Self.backslash:
                    k += 2
                case Self.singleQuote:
                    guard let close = b[(k + 1)...].firstIndex(of: Self.singleQuote) else {
                        throw .incomplete(.commandSubstitution)
                    }
                    k = close + 1
                case Self.doubleQuote:
                    stack.append(.dquote)
                    k += 1
                case Self.backquote:
                    stack.append(.backquote)
                    k += 1
                case Self.dollar where at(k + 1) == UInt8(ascii: "("):
                    substDepth += 1
                    if substDepth > ShellLine.maxSubstitutionDepth {
                        throw .failure(.substitutionTooDeep(limit: ShellLine.maxSubstitutionDepth))
                    }
                    stack.append(.subst(parens: 0))
                    k += 2
                case UInt8(ascii: "("):
                    stack[stack.count - 1] = .subst(parens: parens + 1)
                    k += 1
                case UInt8(ascii: ")"):
                    if parens > 0 {
                        stack[stack.count - 1] = .subst(parens: parens - 1)
                    } else {
                        stack.removeLast()
                        substDepth -= 1
                        if stack.isEmpty { return k }
                    }
                    k += 1
                case UInt8(ascii: "#"):
                    let previous = k > start ? at(k - 1) : nil
                    if previous == nil || previous.map({ Self.isMeta($0) }) == true {
                        while let d = at(k), d != Self.newline { k += 1 }
                    } else {
                        k += 1
                    }
                default:
                    k += 1
                }
            case .dquote:
                switch c {
                case Self.backslash:
                    k += 2
                case Self.doubleQuote:
                    stack.removeLast()
                    k += 1
                case Self.backquote:
                    stack.append(.backquote)
                    k += 1
                case Self.dollar where at(k + 1) == UInt8(ascii: "("):
                    substDepth += 1
                    if substDepth > ShellLine.maxSubstitutionDepth {
                        throw .failure(.substitutionTooDeep(limit: ShellLine.maxSubstitutionDepth))
                    }
                    stack.append(.subst(parens: 0))
                    k += 2
                default:
                    k += 1
                }
            case .backquote:
                switch c {
                case Self.backslash:
                    k += 2
                case Self.backquote:
                    stack.removeLast()
                    k += 1
                default:
                    k += 1
                }
            }
        }
        throw .incomplete(.commandSubstitution)
    }
}
