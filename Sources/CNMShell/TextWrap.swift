import CNMCommands

/// Wraps prose to a terminal's width, measured in display columns (Hangul and other wide characters
/// take two, marks none: `GoRuneWidth`, the East Asian Width table terminals use).
///
/// Lines break only at spaces, so never inside a word, a Hangul syllable or an eojeol; a word wider
/// than the line stays whole on a line of its own. A `` `code span` `` (a command to type) never
/// breaks, nor does a `[bracketed state]`. Lines that start with a space or a tab are commands or their output and are never
/// wrapped; list items (`- `, `* `, `1. `) continue under their text.
public enum TextWrap {
    /// Display width of a string in terminal columns (SGR escape sequences such as bold take none).
    public static func width<S: StringProtocol>(_ s: S) -> Int {
        let text = String(s)
        guard text.contains("\u{1B}") else { return GoRuneWidth.stringWidth(text) }
        return GoRuneWidth.stringWidth(withoutEscapes(text))
    }

    /// `text` without its `ESC [ … letter` sequences.
    public static func withoutEscapes(_ text: String) -> String {
        var out = ""
        var it = text.unicodeScalars.makeIterator()
        while let u = it.next() {
            guard u == "\u{1B}" else { out.unicodeScalars.append(u); continue }
            guard let next = it.next() else { break }
            guard next == "[" else { continue }
            while let c = it.next(), !(0x40...0x7E).contains(c.value) {}
        }
        return out
    }

    /// Every line of `text` wrapped to `width` columns (nil: unchanged). Continuation lines of a
    /// plain paragraph start `hangingIndent` columns in.
    public static func wrap(_ text: String, width: Int?, hangingIndent: Int = 0) -> String {
        guard let width, width > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            if line.first == " " || line.first == "\t" || self.width(line) <= width { return line }
            let indent = listMarker(line).map { self.width($0) } ?? hangingIndent
            return fill(line, width: width, hangingIndent: indent)
        }.joined(separator: "\n")
    }

    /// One line wrapped whatever it starts with (its leading spaces kept on the first line), continuation
    /// lines `hangingIndent` columns in: for rows such as `  help      this help`.
    public static func wrapRow(_ line: String, width: Int?, hangingIndent: Int) -> String {
        guard let width, width > 0, self.width(line) > width else { return line }
        return fill(line, width: width, hangingIndent: hangingIndent)
    }

    /// `- `, `* `, `• `, `1. ` or `1) ` at the start of a line: the marker and its space.
    static func listMarker(_ line: String) -> String? {
        for m in ["- ", "* ", "• "] where line.hasPrefix(m) { return m }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(digits) + String(rest.prefix(2)) }
        return nil
    }

    /// A word and the spaces before it (kept when the word stays on the same line).
    struct Token {
        var spaces: Substring
        var word: Substring
    }

    /// Words separated by spaces; a word that opens a backtick span (or starts a `[…]` group) runs on to
    /// the word that closes it.
    static func tokens(_ line: String) -> [Token] {
        var out: [Token] = []
        var i = line.startIndex
        while i < line.endIndex {
            let spaceEnd = line[i...].firstIndex { $0 != " " } ?? line.endIndex
            var end = line[spaceEnd...].firstIndex(of: " ") ?? line.endIndex
            let word = line[spaceEnd..<end]
            let closer: Character? = word.filter({ $0 == "`" }).count % 2 == 1 ? "`"
                : word.hasPrefix("[") && !word.contains("]") ? "]" : nil
            if let closer, let close = line[end...].firstIndex(of: closer) {
                end = line[close...].firstIndex(of: " ") ?? line.endIndex
            }
            if spaceEnd < end { out.append(Token(spaces: line[i..<spaceEnd], word: line[spaceEnd..<end])) }
            i = end
        }
        return out
    }

    static func fill(_ line: String, width: Int, hangingIndent: Int) -> String {
        let indent = String(repeating: " ", count: max(0, min(hangingIndent, width / 2)))
        var lines: [String] = []
        var current = ""
        var used = 0
        for (k, t) in tokens(line).enumerated() {
            let w = self.width(t.word)
            if k == 0 {
                current = String(t.spaces) + t.word
                used = self.width(t.spaces) + w
            } else if used + t.spaces.count + w <= width {
                current += t.spaces + t.word
                used += t.spaces.count + w
            } else {
                lines.append(current)
                current = indent + t.word
                used = indent.count + w
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
