/// Token kinds of Go's `text/template/parse` lexer.
enum TemplateItemType: Equatable {
    case error, bool, char, charConstant, comment, complex, assign, declare, eof, field, identifier
    case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
    // Keywords (Go: item types above itemKeyword).
    case block, breakKeyword, continueKeyword, dot, define, elseKeyword, end, ifKeyword, nilKeyword
    case range, template, with

    var isKeyword: Bool {
        switch self {
        case .block, .breakKeyword, .continueKeyword, .dot, .define, .elseKeyword, .end, .ifKeyword,
             .nilKeyword, .range, .template, .with:
            return true
        default:
            return false
        }
    }
}

/// One token: type, byte offset, text and line, as Go's `item`.
struct TemplateItem: Equatable {
    var type: TemplateItemType
    var pos: Int
    var val: String
    var line: Int

    /// Go's `item.String()`, used in `unexpected X in Y` messages.
    var description: String {
        switch type {
        case .eof: return "EOF"
        case .error: return val
        default:
            if type.isKeyword { return "<" + val + ">" }
            if val.unicodeScalars.count > 10 {
                var head = String.UnicodeScalarView()
                head.append(contentsOf: val.unicodeScalars.prefix(10))
                return GoFormat.quote(String(head)) + "..."
            }
            return GoFormat.quote(val)
        }
    }
}

/// Go's `text/template` lexer (default `{{` `}}` delimiters), producing the
/// whole token stream up to EOF or the first error.
struct TemplateLexer {
    static let eof: UInt32 = 0xFFFF_FFFF
    let input: [UInt8]
    let breakOK: Bool
    let continueOK: Bool
    var start = 0
    var pos = 0
    var line = 1
    var startLine = 1
    var atEOF = false
    var parenDepth = 0
    var items: [TemplateItem] = []

    static let keywords: [String: TemplateItemType] = [
        ".": .dot, "block": .block, "break": .breakKeyword, "continue": .continueKeyword, "define": .define,
        "else": .elseKeyword, "end": .end, "if": .ifKeyword, "range": .range, "nil": .nilKeyword,
        "template": .template, "with": .with,
    ]

    enum State { case text, leftDelim, comment, rightDelim, insideAction, space, quote, rawQuote, variable, char
        case field, number, identifier }

    init(_ text: String, breakOK: Bool = true, continueOK: Bool = true) {
        input = Array(text.utf8)
        self.breakOK = breakOK
        self.continueOK = continueOK
    }

    /// Lexes everything; the last item is EOF or an error.
    static func lex(_ text: String, breakOK: Bool = true, continueOK: Bool = true) -> [TemplateItem] {
        var l = TemplateLexer(text, breakOK: breakOK, continueOK: continueOK)
        var state: State? = .text
        while let s = state {
            state = l.step(s)
        }
        return l.items
    }

    mutating func step(_ s: State) -> State? {
        switch s {
        case .text: return lexText()
        case .leftDelim: return lexLeftDelim()
        case .comment: return lexComment()
        case .rightDelim: return lexRightDelim()
        case .insideAction: return lexInsideAction()
        case .space: return lexSpace()
        case .quote: return lexQuote()
        case .rawQuote: return lexRawQuote()
        case .variable: return lexFieldOrVariable(.variable)
        case .char: return lexChar()
        case .field: return lexFieldOrVariable(.field)
        case .number: return lexNumber()
        case .identifier: return lexIdentifier()
        }
    }

    // MARK: primitives

    func decode(at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(input[i])
        if b0 < 0x80 { return (b0, 1) }
        func cont(_ k: Int) -> UInt32? {
            guard i + k < input.count, input[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(input[i + k] & 0x3F)
        }
        if b0 >= 0xC2 && b0 < 0xE0, let c1 = cont(1) { return ((b0 & 0x1F) << 6 | c1, 2) }
        if b0 >= 0xE0 && b0 < 0xF0, let c1 = cont(1), let c2 = cont(2) { return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3) }
        if b0 >= 0xF0 && b0 < 0xF5, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        }
        return (0xFFFD, 1)
    }

    mutating func next() -> UInt32 {
        if pos >= input.count { atEOF = true; return TemplateLexer.eof }
        let (r, w) = decode(at: pos)
        pos += w
        if r == 10 { line += 1 }
        return r
    }

    func peek() -> UInt32 {
        if pos >= input.count { return TemplateLexer.eof }
        return decode(at: pos).0
    }

    mutating func backup() {
        if !atEOF && pos > 0 {
            var w = 1
            while w < 4 && pos - w > 0 && input[pos - w] & 0xC0 == 0x80 { w += 1 }
            let r = decode(at: pos - w).0
            pos -= w
            if r == 10 { line -= 1 }
        }
    }

    func text(_ a: Int, _ b: Int) -> String {
        String(decoding: input[max(0, min(a, input.count))..<max(0, min(b, input.count))], as: UTF8.self)
    }

    func countNewlines(_ a: Int, _ b: Int) -> Int {
        guard a < b else { return 0 }
        return input[a..<min(b, input.count)].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    mutating func thisItem(_ t: TemplateItemType) -> TemplateItem {
        let i = TemplateItem(type: t, pos: start, val: text(start, pos), line: startLine)
        start = pos
        startLine = line
        return i
    }

    mutating func emit(_ t: TemplateItemType) -> State? {
        let i = thisItem(t)
        return emitItem(i)
    }

    mutating func emitItem(_ i: TemplateItem) -> State? {
        items.append(i)
        if i.type == .eof { return nil }
        return i.type == .rightDelim ? .text : (i.type == .text ? .leftDelim : .insideAction)
    }

    mutating func ignore() {
        line += countNewlines(start, pos)
        start = pos
        startLine = line
    }

    mutating func errorf(_ message: String) -> State? {
        items.append(TemplateItem(type: .error, pos: start, val: message, line: startLine))
        return nil
    }

    func hasPrefix(_ p: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + p.count <= input.count else { return false }
        for k in 0..<p.count where input[i + k] != p[k] { return false }
        return true
    }

    static func isSpace(_ r: UInt32) -> Bool { r == 32 || r == 9 || r == 13 || r == 10 }

    static func isAlphaNumeric(_ r: UInt32) -> Bool {
        if r == 95 { return true }
        guard r != eof, let s = Unicode.Scalar(r) else { return false }
        if r < 0x80 { return (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || (r >= 97 && r <= 122) }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Go's `%#U`: `U+007D '}'`.
    static func describeRune(_ r: UInt32) -> String {
        var s = "U+" + GoFormat.hex(r, width: 4).uppercased()
        if let sc = Unicode.Scalar(r), GoFormat.isPrint(sc) { s += " '" + String(sc) + "'" }
        return s
    }

    static let leftDelimBytes: [UInt8] = [123, 123]
    static let rightDelimBytes: [UInt8] = [125, 125]

    func hasLeftTrimMarker(at i: Int) -> Bool {
        i + 1 < input.count && input[i] == 45 && TemplateLexer.isSpace(UInt32(input[i + 1]))
    }

    func hasRightTrimMarker(at i: Int) -> Bool {
        i >= 0 && i + 1 < input.count && TemplateLexer.isSpace(UInt32(input[i])) && input[i + 1] == 45
    }

    func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix(TemplateLexer.rightDelimBytes, at: pos + 2) { return (true, true) }
        if hasPrefix(TemplateLexer.rightDelimBytes, at: pos) { return (true, false) }
        return (false, false)
    }

    func rightTrimLength(_ a: Int, _ b: Int) -> Int {
        var n = 0
        var i = b - 1
        while i >= a && TemplateLexer.isSpace(UInt32(input[i])) { n += 1; i -= 1 }
        return n
    }

    func leftTrimLength(from a: Int) -> Int {
        var n = 0
        var i = a
        while i < input.count && TemplateLexer.isSpace(UInt32(input[i])) { n += 1; i += 1 }
        return n
    }

    func atTerminator() -> Bool {
        let r = peek()
        if TemplateLexer.isSpace(r) { return true }
        switch r {
        case TemplateLexer.eof, 46, 44, 124, 58, 41, 40: return true   // eof . , | : ) (
        default: return hasPrefix(TemplateLexer.rightDelimBytes, at: pos)
        }
    }

    // MARK: states

    mutating func lexText() -> State? {
        var x = -1
        var i = pos
        while i + 1 < input.count {
            if input[i] == 123 && input[i + 1] == 123 { x = i; break }
            i += 1
        }
        if x >= 0 {
            if x > pos {
                pos = x
                var trimLength = 0
                if hasLeftTrimMarker(at: pos + 2) { trimLength = rightTrimLength(start, pos) }
                pos -= trimLength
                line += countNewlines(start, pos)
                let item = thisItem(.text)
                pos += trimLength
                ignore()
                if !item.val.isEmpty {
                    items.append(item)
                }
            }
            return .leftDelim
        }
        pos = input.count
        if pos > start {
            line += countNewlines(start, pos)
            let item = thisItem(.text)
            items.append(item)
        }
        return emit(.eof)
    }

    mutating func lexLeftDelim() -> State? {
        pos += 2
        let trim = hasLeftTrimMarker(at: pos)
        let after = trim ? 2 : 0
        if hasPrefix([47, 42], at: pos + after) {   // "/*"
            pos += after
            ignore()
            return .comment
        }
        let item = thisItem(.leftDelim)
        pos += after
        ignore()
        parenDepth = 0
        items.append(item)
        return .insideAction
    }

    mutating func lexComment() -> State? {
        pos += 2
        var x = -1
        var i = pos
        while i + 1 < input.count {
            if input[i] == 42 && input[i + 1] == 47 { x = i - pos; break }
            i += 1
        }
        if x < 0 { return errorf("unclosed comment") }
        pos += x + 2
        let (delim, trim) = atRightDelim()
        if !delim { return errorf("comment ends before closing delimiter") }
        line += countNewlines(start, pos)
        _ = thisItem(.comment)
        if trim { pos += 2 }
        pos += 2
        if trim { pos += leftTrimLength(from: pos) }
        ignore()
        return .text
    }

    mutating func lexRightDelim() -> State? {
        let (_, trim) = atRightDelim()
        if trim {
            pos += 2
            ignore()
        }
        pos += 2
        let item = thisItem(.rightDelim)
        if trim {
            pos += leftTrimLength(from: pos)
            ignore()
        }
        items.append(item)
        return .text
    }

    mutating func lexInsideAction() -> State? {
        let (delim, _) = atRightDelim()
        if delim {
            if parenDepth == 0 { return .rightDelim }
            return errorf("unclosed left paren")
        }
        let r = next()
        switch r {
        case TemplateLexer.eof:
            return errorf("unclosed action")
        case _ where TemplateLexer.isSpace(r):
            backup()
            return .space
        case 61: return emit(.assign)   // =
        case 58:                        // :
            if next() != 61 { return errorf("expected :=") }
            return emit(.declare)
        case 124: return emit(.pipe)
        case 34: return .quote
        case 96: return .rawQuote
        case 36: return .variable
        case 39: return .char
        case 46:
            if pos < input.count {
                let c = input[pos]
                if c < 48 || c > 57 { return .field }
            }
            backup()
            return .number
        case 43, 45, 48...57:
            backup()
            return .number
        case _ where TemplateLexer.isAlphaNumeric(r):
            backup()
            return .identifier
        case 40:
            parenDepth += 1
            return emit(.leftParen)
        case 41:
            parenDepth -= 1
            if parenDepth < 0 { return errorf("unexpected right paren") }
            return emit(.rightParen)
        case 0x20...0x7E:
            return emit(.char)
        default:
            return errorf("unrecognized character in action: " + TemplateLexer.describeRune(r))
        }
    }

    mutating func lexSpace() -> State? {
        var numSpaces = 0
        while TemplateLexer.isSpace(peek()) {
            _ = next()
            numSpaces += 1
        }
        if hasRightTrimMarker(at: pos - 1) && hasPrefix(TemplateLexer.rightDelimBytes, at: pos - 1 + 2) {
            backup()
            if numSpaces == 1 { return .rightDelim }
        }
        return emit(.space)
    }

    mutating func lexQuote() -> State? {
        while true {
            let r = next()
            if r == 92 {   // backslash
                let r2 = next()
                if r2 != TemplateLexer.eof && r2 != 10 { continue }
                return errorf("unterminated quoted string")
            }
            if r == TemplateLexer.eof || r == 10 { return errorf("unterminated quoted string") }
            if r == 34 { break }
        }
        return emit(.string)
    }

    mutating func lexRawQuote() -> State? {
        while true {
            let r = next()
            if r == TemplateLexer.eof { return errorf("unterminated raw quoted string") }
            if r == 96 { break }
        }
        return emit(.rawString)
    }

    mutating func lexChar() -> State? {
        while true {
            let r = next()
            if r == 92 {
                let r2 = next()
                if r2 != TemplateLexer.eof && r2 != 10 { continue }
                return errorf("unterminated character constant")
            }
            if r == TemplateLexer.eof || r == 10 { return errorf("unterminated character constant") }
            if r == 39 { break }
        }
        return emit(.charConstant)
    }

    mutating func lexFieldOrVariable(_ t: TemplateItemType) -> State? {
        if atTerminator() {
            return emit(t == .variable ? .variable : .dot)
        }
        var r: UInt32
        while true {
            r = next()
            if !TemplateLexer.isAlphaNumeric(r) { backup(); break }
        }
        if !atTerminator() { return errorf("bad character " + TemplateLexer.describeRune(r)) }
        return emit(t)
    }

    mutating func accept(_ valid: String) -> Bool {
        let r = next()
        if r != TemplateLexer.eof, valid.unicodeScalars.contains(where: { $0.value == r }) { return true }
        backup()
        return false
    }

    mutating func acceptRun(_ valid: String) {
        while true {
            let r = next()
            if r == TemplateLexer.eof || !valid.unicodeScalars.contains(where: { $0.value == r }) { break }
        }
        backup()
    }

    mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") { digits = "0123456789abcdefABCDEF_" }
            else if accept("oO") { digits = "01234567_" }
            else if accept("bB") { digits = "01_" }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if TemplateLexer.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }

    mutating func lexNumber() -> State? {
        if !scanNumber() { return errorf("bad number syntax: " + GoFormat.quote(text(start, pos))) }
        let sign = peek()
        if sign == 43 || sign == 45 {
            if !scanNumber() || pos < 1 || input[pos - 1] != 105 {
                return errorf("bad number syntax: " + GoFormat.quote(text(start, pos)))
            }
            return emit(.complex)
        }
        return emit(.number)
    }

    mutating func lexIdentifier() -> State? {
        while true {
            let r = next()
            if TemplateLexer.isAlphaNumeric(r) { continue }
            backup()
            let word = text(start, pos)
            if !atTerminator() { return errorf("bad character " + TemplateLexer.describeRune(r)) }
            if let k = TemplateLexer.keywords[word] {
                if (k == .breakKeyword && !breakOK) || (k == .continueKeyword && !continueOK) {
                    return emit(.identifier)
                }
                return emit(k)
            }
            if word.hasPrefix(".") { return emit(.field) }
            if word == "true" || word == "false" { return emit(.bool) }
            return emit(.identifier)
        }
    }
}
