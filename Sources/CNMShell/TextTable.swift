/// Left-aligned columns three spaces apart, measured in display columns, that fit a width:
/// when the rows are too wide, the widest columns narrow and their cells wrap at spaces (and the gaps
/// shrink to two spaces if that is what it takes); when even that cannot fit (a column's longest word),
/// each row becomes a block of `HEADING  value` lines.
public enum TextTable {
    static let gap = 3
    static let narrowest = 8

    /// `rows[0]` holds the headings. nil width: plain columns, as wide as the cells.
    public static func render(_ rows: [[String]], width: Int?) -> String {
        guard let first = rows.first, !first.isEmpty else { return "" }
        let n = first.count
        let cells = rows.map { r in (0..<n).map { $0 < r.count ? r[$0] : "" } }
        let natural = (0..<n).map { i in cells.map { TextWrap.width($0[i]) }.max() ?? 0 }
        guard let width else { return columns(cells, natural, gap: gap) }
        // The narrowest a column may get: its longest word (never cut), at least `narrowest` when it has more.
        let floors = (0..<n).map { i in
            cells.map { c in c[i].split(separator: " ").map { TextWrap.width($0) }.max() ?? 0 }.max() ?? 0
        }
        for gap in [gap, gap - 1] {
            var widths = natural
            func total() -> Int { widths.reduce(0, +) + gap * (n - 1) }
            while total() > width {
                guard let i = (0..<n).filter({ widths[$0] > max(floors[$0], min(narrowest, widths[$0])) })
                    .max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] -= 1
            }
            if total() <= width { return columns(cells, widths, gap: gap) }
        }
        return records(cells)
    }

    /// Each row on as many lines as its tallest wrapped cell.
    static func columns(_ cells: [[String]], _ widths: [Int], gap: Int) -> String {
        var out = ""
        for row in cells {
            let parts = row.enumerated().map { i, c in
                TextWrap.wrap(c, width: TextWrap.width(c) > widths[i] ? widths[i] : nil)
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            let height = parts.map(\.count).max() ?? 1
            for k in 0..<height {
                var line = ""
                for (i, p) in parts.enumerated() {
                    let text = k < p.count ? p[k] : ""
                    if i == parts.count - 1 { line += text } else {
                        line += text + String(repeating: " ", count: max(0, widths[i] - TextWrap.width(text)) + gap)
                    }
                }
                while line.hasSuffix(" ") { line.removeLast() }
                out += line + "\n"
            }
        }
        return out
    }

    /// One block per row: `HEADING  value` lines, a blank line between blocks.
    static func records(_ cells: [[String]]) -> String {
        let headings = cells[0]
        let labelWidth = headings.map { TextWrap.width($0) }.max() ?? 0
        return cells.dropFirst().map { row in
            zip(headings, row).map { h, v in
                h + String(repeating: " ", count: labelWidth - TextWrap.width(h) + 2) + v
            }.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }
}
