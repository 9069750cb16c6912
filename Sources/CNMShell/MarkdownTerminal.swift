/// Renders the course's Markdown for a terminal: headings (bold when styled, underlined with `=` and
/// `-`), emphasis, lists with hanging indents, block quotes, fenced code kept verbatim and indented
/// (Mermaid diagrams left out: each has a plain-text twin in the course), tables aligned by display
/// width (`TextTable`), links as their text, and no links to the other language's copy of the page.
///
/// Why our own: the Markdown libraries available (Ink 0.6.0) render HTML; a terminal needs layout by
/// display width, and the course uses a small, known subset of CommonMark.
public enum MarkdownTerminal {
    /// `width` nil: paragraphs joined but not wrapped. `styled`: bold and underline escapes (never on a pipe,
    /// never with NO_COLOR); unstyled output is plain text.
    public static func render(_ markdown: String, width: Int?, styled: Bool) -> String {
        var r = Renderer(width: width, styled: styled)
        r.run(markdown.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        return r.finish()
    }

    struct Renderer {
        let width: Int?
        let styled: Bool
        var blocks: [String] = []
        var paragraph: [String] = []
        /// The list item being gathered: its marker (with the indentation before it) and its text.
        var item: (marker: String, text: [String])?
        var quote: [String] = []
        var table: [String] = []

        init(width: Int?, styled: Bool) {
            self.width = width
            self.styled = styled
        }

        mutating func run(_ lines: [String]) {
            var i = 0
            while i < lines.count {
                let line = lines[i]
                let trimmed = line.trimmingLeadingSpaces
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    flush()
                    let fence = String(trimmed.prefix(3))
                    let info = String(trimmed.dropFirst(3)).trimmingLeadingSpaces.lowercased()
                    var code: [String] = []
                    i += 1
                    while i < lines.count, !lines[i].trimmingLeadingSpaces.hasPrefix(fence) {
                        code.append(lines[i])
                        i += 1
                    }
                    i += 1
                    if !info.hasPrefix("mermaid") { add(code.map { "    " + $0 }.joined(separator: "\n")) }
                    continue
                }
                if trimmed.isEmpty { flush(); i += 1; continue }
                if let level = headingLevel(trimmed) {
                    flush()
                    heading(String(trimmed.dropFirst(level)).trimmingLeadingSpaces, level: level)
                    i += 1
                    continue
                }
                if trimmed.hasPrefix("|") {
                    if table.isEmpty { flush() }
                    table.append(trimmed)
                    i += 1
                    continue
                }
                if !table.isEmpty { flushTable() }
                if trimmed.hasPrefix(">") {
                    if quote.isEmpty { flush() }
                    quote.append(String(trimmed.dropFirst()).trimmingLeadingSpaces)
                    i += 1
                    continue
                }
                if !quote.isEmpty { flushQuote() }
                if isRule(trimmed) { flush(); add(String(repeating: "─", count: min(width ?? 40, 40))); i += 1; continue }
                if let marker = TextWrap.listMarker(trimmed) {
                    flushParagraph(); flushItem()
                    let depth = line.count - trimmed.count
                    item = (String(repeating: " ", count: depth) + (marker.hasPrefix("*") ? "- " : marker), [String(trimmed.dropFirst(marker.count))])
                    i += 1
                    continue
                }
                if item != nil, line.hasPrefix(" ") {
                    item?.text.append(trimmed)
                } else {
                    flushItem()
                    paragraph.append(trimmed)
                }
                i += 1
            }
            flush()
        }

        func headingLevel(_ s: String) -> Int? {
            let hashes = s.prefix { $0 == "#" }.count
            guard (1...6).contains(hashes), s.dropFirst(hashes).first == " " else { return nil }
            return hashes
        }

        func isRule(_ s: String) -> Bool {
            let chars = s.filter { $0 != " " }
            guard chars.count >= 3, let c = chars.first, "-*_".contains(c) else { return false }
            return chars.allSatisfy { $0 == c }
        }

        mutating func heading(_ text: String, level: Int) {
            let plain = inline(text, styled: false)
            let shown = styled ? "\u{1B}[1m" + inline(text, styled: true) + "\u{1B}[0m" : plain
            let under = level == 1 ? "=" : level == 2 ? "-" : nil
            var block = TextWrap.wrap(shown, width: width)
            if let under {
                let w = min(TextWrap.width(plain), width ?? Int.max)
                block += "\n" + String(repeating: under, count: max(1, w))
            }
            add(block)
        }

        mutating func flush() {
            flushParagraph(); flushItem(); flushQuote(); flushTable()
        }

        mutating func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            add(TextWrap.wrap(inline(paragraph.joined(separator: " "), styled: styled), width: width))
            paragraph = []
        }

        mutating func flushItem() {
            guard let it = item else { return }
            item = nil
            let text = it.marker + inline(it.text.joined(separator: " "), styled: styled)
            let wrapped = TextWrap.wrapRow(text, width: width, hangingIndent: TextWrap.width(it.marker))
            // Items of one list stay together: no blank line between them.
            if lastIsList, let last = blocks.popLast() { blocks.append(last + "\n" + wrapped) } else { blocks.append(wrapped) }
            lastIsList = true
        }

        /// Whether the last block is a list (the next item joins it).
        var lastIsList = false

        mutating func add(_ block: String) {
            blocks.append(block)
            lastIsList = false
        }

        mutating func flushQuote() {
            guard !quote.isEmpty else { return }
            let text = inline(quote.joined(separator: " "), styled: styled)
            let wrapped = TextWrap.wrap(text, width: width.map { max(10, $0 - 2) })
            add(wrapped.split(separator: "\n", omittingEmptySubsequences: false).map { "│ " + $0 }.joined(separator: "\n"))
            quote = []
        }

        mutating func flushTable() {
            guard !table.isEmpty else { return }
            var rows: [[String]] = []
            for line in table {
                var cells = splitRow(line)
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-: ".contains($0) } }) { continue }
                cells = cells.map { inline($0, styled: false) }
                rows.append(cells)
            }
            table = []
            guard !rows.isEmpty else { return }
            add(TextTable.render(rows, width: width).trimmingTrailingNewlines)
        }

        /// `| a | b \| c |` → ["a", "b | c"].
        func splitRow(_ line: String) -> [String] {
            var s = Substring(line)
            if s.hasPrefix("|") { s = s.dropFirst() }
            if s.hasSuffix("|") && !s.hasSuffix("\\|") { s = s.dropLast() }
            var cells: [String] = []
            var cell = ""
            var escaped = false
            var inCode = false
            for ch in s {
                if escaped { cell.append(ch); escaped = false; continue }
                if ch == "\\" { escaped = true; continue }
                if ch == "`" { inCode.toggle() }
                if ch == "|" && !inCode { cells.append(cell.trimmingSpacesBothEnds); cell = ""; continue }
                cell.append(ch)
            }
            cells.append(cell.trimmingSpacesBothEnds)
            return cells
        }

        mutating func finish() -> String {
            // One blank line between blocks.
            let text = blocks.filter { !$0.isEmpty }.joined(separator: "\n\n")
            return text.isEmpty ? "" : text + "\n"
        }

        /// Inline Markdown: links as their text (links to the other language's page left out, with the
        /// ` · ` beside them), `**strong**` and `*emphasis*` as bold and underline (or plain), code spans kept.
        func inline(_ s: String, styled: Bool) -> String {
            var out = ""
            var rest = Substring(s)
            while let ch = rest.first {
                if ch == "`", let close = rest.dropFirst().firstIndex(of: "`") {
                    out += rest[rest.startIndex...close]
                    rest = rest[rest.index(after: close)...]
                    continue
                }
                if ch == "\\", rest.count > 1 {
                    out.append(rest[rest.index(after: rest.startIndex)])
                    rest = rest.dropFirst(2)
                    continue
                }
                if ch == "[", let link = parseLink(rest) {
                    rest = rest[link.end...]
                    if link.url.hasPrefix("../ko/") || link.url.hasPrefix("../en/") {
                        // A link to this page in the other language: left out with one separator.
                        if out.hasSuffix(" · ") { out.removeLast(3) } else if rest.hasPrefix(" · ") { rest = rest.dropFirst(3) }
                        continue
                    }
                    let text = inline(link.text, styled: styled)
                    out += text
                    if link.url.hasPrefix("http"), link.url != link.text { out += " <" + link.url + ">" }
                    continue
                }
                if let e = emphasis(rest, after: out.last) {
                    let inner = inline(String(e.body), styled: styled)
                    out += styled ? "\u{1B}[\(e.code)m" + inner + "\u{1B}[0m" : inner
                    rest = e.rest
                    continue
                }
                out.append(ch)
                rest = rest.dropFirst()
            }
            return out
        }

        /// `**strong**`, `__strong__` (SGR 1), `*emphasis*`, `_emphasis_` (SGR 4) at the start of `s`: the
        /// text inside must not start or end with a space; `_` between letters (snake_case) is a letter.
        func emphasis(_ s: Substring, after previous: Character?) -> (code: String, body: Substring, rest: Substring)? {
            for (mark, code) in [("**", "1"), ("__", "1"), ("*", "4"), ("_", "4")] where s.hasPrefix(mark) {
                if mark.hasPrefix("_"), let p = previous, p.isLetter || p.isNumber { return nil }
                let body = s.dropFirst(mark.count)
                guard let first = body.first, first != " ", !mark.contains(first),
                      let close = body.range(of: mark), close.lowerBound > body.startIndex,
                      body[body.index(before: close.lowerBound)] != " " else { continue }
                let rest = body[close.upperBound...]
                if mark.hasPrefix("_"), let next = rest.first, next.isLetter || next.isNumber { continue }
                return (code, body[..<close.lowerBound], rest)
            }
            return nil
        }

        /// `[text](url)` at the start of `s`.
        func parseLink(_ s: Substring) -> (text: String, url: String, end: Substring.Index)? {
            var depth = 0
            var i = s.startIndex
            var closeText: Substring.Index?
            while i < s.endIndex {
                if s[i] == "[" { depth += 1 } else if s[i] == "]" {
                    depth -= 1
                    if depth == 0 { closeText = i; break }
                }
                i = s.index(after: i)
            }
            guard let ct = closeText else { return nil }
            let afterText = s.index(after: ct)
            guard afterText < s.endIndex, s[afterText] == "(", let closeURL = s[afterText...].firstIndex(of: ")") else { return nil }
            let text = String(s[s.index(after: s.startIndex)..<ct])
            let url = String(s[s.index(after: afterText)..<closeURL]).trimmingSpacesBothEnds
            return (text, url, s.index(after: closeURL))
        }
    }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " || $0 == "\t" }) }
    var trimmingSpacesBothEnds: String {
        var s = Substring(self).drop { $0 == " " || $0 == "\t" }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
    var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
