/// Reads one nginx configuration file statement by statement, as nginx's own reader does: words
/// separated by blanks, `"…"` and `'…'` quotes, `\` escapes, `#` comments at the start of a word,
/// a statement ended by `;` or `{`, and `}` closing a block. Each answer carries the line nginx
/// reports it on (the line where the reader stood when it decided).
///
/// Source: nginx release-1.27.5 `src/core/ngx_conf_file.c` (`ngx_conf_read_token`), read for its
/// rules and messages; the reader here is written for cnmlab.
struct NginxTokenizer {
    enum Statement: Equatable {
        /// A directive ended by `;`.
        case simple([String], line: Int)
        /// A directive ended by `{`.
        case blockStart([String], line: Int)
        /// `}`.
        case blockEnd(line: Int)
        /// The end of the file.
        case end(line: Int)
        /// A syntax error nginx reports with `[emerg]` (`unexpected "}"`…).
        case error(String, line: Int)
    }

    private let bytes: [UInt8]
    private var position = 0
    private(set) var line = 1

    init(_ text: String) { bytes = Array(text.utf8) }

    /// The next statement of the file.
    mutating func next() -> Statement {
        var words: [String] = []
        var word: [UInt8] = []
        var inWord = false
        var needSpace = false
        var comment = false
        var escaped = false
        var quote: UInt8? = nil
        var variable = false
        func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

        while position < bytes.count {
            let c = bytes[position]
            position += 1
            if c == 0x0A { line += 1; if comment { comment = false } }
            if comment { continue }
            if escaped {
                escaped = false
                word.append(contentsOf: Self.unescape(c))
                continue
            }
            if needSpace {
                if isBlank(c) { needSpace = false; inWord = false; continue }
                if c == UInt8(ascii: ";") { return .simple(words, line: line) }
                if c == UInt8(ascii: "{") { return .blockStart(words, line: line) }
                if c == UInt8(ascii: ")") { needSpace = false; inWord = false; continue }
                return .error("unexpected \"\(Character(Unicode.Scalar(c)))\"", line: line)
            }
            if !inWord {
                if isBlank(c) { continue }
                switch c {
                case UInt8(ascii: ";"), UInt8(ascii: "{"):
                    if words.isEmpty { return .error("unexpected \"\(Character(Unicode.Scalar(c)))\"", line: line) }
                    return c == UInt8(ascii: "{") ? .blockStart(words, line: line) : .simple(words, line: line)
                case UInt8(ascii: "}"):
                    if !words.isEmpty { return .error("unexpected \"}\"", line: line) }
                    return .blockEnd(line: line)
                case UInt8(ascii: "#"):
                    comment = true
                case UInt8(ascii: "\\"):
                    escaped = true; inWord = true
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    quote = c; inWord = true
                case UInt8(ascii: "$"):
                    variable = true; inWord = true; word.append(c)
                default:
                    inWord = true; word.append(c)
                }
                continue
            }
            // Inside a word.
            if c == UInt8(ascii: "{") && variable { word.append(c); continue }
            variable = false
            if c == UInt8(ascii: "\\") { escaped = true; continue }
            if c == UInt8(ascii: "$") { variable = true; word.append(c); continue }
            if let q = quote {
                if c == q {
                    quote = nil; needSpace = true
                    words.append(Self.string(word)); word = []
                } else {
                    word.append(c)
                }
                continue
            }
            if isBlank(c) || c == UInt8(ascii: ";") || c == UInt8(ascii: "{") {
                words.append(Self.string(word)); word = []; inWord = false
                if c == UInt8(ascii: ";") { return .simple(words, line: line) }
                if c == UInt8(ascii: "{") { return .blockStart(words, line: line) }
                continue
            }
            word.append(c)
        }
        if !words.isEmpty || inWord {
            return .error("unexpected end of file, expecting \";\" or \"}\"", line: line)
        }
        return .end(line: line)
    }

    /// What `\c` stands for in a word: nginx keeps the backslash except before a quote, a backslash,
    /// or `t`, `r`, `n`.
    private static func unescape(_ c: UInt8) -> [UInt8] {
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): return [c]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "n"): return [0x0A]
        default: return [UInt8(ascii: "\\"), c]
        }
    }

    private static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
