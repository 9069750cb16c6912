/// Go `text/tabwriter` as docker configures it for tables (minwidth 10,
/// tabwidth 1, padding 3, space padding, no flags): tab-terminated cells are
/// padded to the widest cell of their column block; the last cell of a line is not padded.
enum TableWriter {
    static func format(_ text: String, minWidth: Int = 10, padding: Int = 3) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        // A column block is a run of consecutive lines that all have a terminated cell in that column;
        // runs for column c+1 always lie inside runs for column c, as in Go's recursive format().
        var widths = lines.map { [Int](repeating: 0, count: max(0, $0.count - 1)) }
        let columns = lines.map { $0.count - 1 }.max() ?? 0
        for column in 0..<max(0, columns) {
            var start = 0
            while start < lines.count {
                guard lines[start].count - 1 > column else { start += 1; continue }
                var end = start
                var width = minWidth
                while end < lines.count && lines[end].count - 1 > column {
                    width = max(width, DisplayWidth.of(lines[end][column]) + padding)
                    end += 1
                }
                for i in start..<end { widths[i][column] = width }
                start = end
            }
        }
        var out = ""
        for (li, cells) in lines.enumerated() {
            for (ci, cell) in cells.enumerated() {
                out += cell
                if ci < cells.count - 1 {
                    out += String(repeating: " ", count: max(0, widths[li][ci] - DisplayWidth.of(cell)))
                }
            }
            if li < lines.count - 1 || endsWithNewline { out += "\n" }
        }
        return out
    }
}

/// Terminal display width (go-runewidth): East Asian wide and fullwidth characters count 2.
enum DisplayWidth {
    static func of(_ s: String) -> Int {
        var w = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (v >= 0x7f && v < 0xa0) { continue }
            if (v >= 0x1100 && v <= 0x115f) || (v >= 0x2e80 && v <= 0xa4cf) || (v >= 0xac00 && v <= 0xd7a3)
                || (v >= 0xf900 && v <= 0xfaff) || (v >= 0xfe30 && v <= 0xfe4f) || (v >= 0xff00 && v <= 0xff60)
                || (v >= 0xffe0 && v <= 0xffe6) || (v >= 0x1f300 && v <= 0x1f64f) || (v >= 0x20000 && v <= 0x3fffd) {
                w += 2
            } else {
                w += 1
            }
        }
        return w
    }
}
