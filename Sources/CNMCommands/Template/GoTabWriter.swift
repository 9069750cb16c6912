/// Go's `text/tabwriter` (docker's vendored fork, which measures cells with
/// go-runewidth), for docker's table output:
/// `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`.
///
/// Tab-terminated cells of consecutive lines form a column; a column block
/// ends at a line without that cell. Each column is as wide as its widest
/// cell plus `padding`, at least `minWidth`; the last cell of a line is not
/// part of any column and is not padded.
public struct GoTabWriter: Sendable {
    struct Cell: Sendable {
        var size = 0
        var width = 0
        var htab = false
    }

    /// Columns deeper than this are written unaligned (keeps recursion bounded).
    static let maxColumns = 256

    public let minWidth: Int
    public let tabWidth: Int
    public let padding: Int
    public let padChar: Character

    var buf: [UInt8] = []
    var pos = 0
    var cell = Cell()
    var lines: [[Cell]] = [[]]
    var widths: [Int] = []
    var out: [UInt8] = []

    /// docker's settings: minwidth 10, tabwidth 1, padding 3, pad with spaces.
    public init(minWidth: Int = 10, tabWidth: Int = 1, padding: Int = 3, padChar: Character = " ") {
        self.minWidth = max(0, minWidth)
        self.tabWidth = max(0, tabWidth)
        self.padding = max(0, padding)
        self.padChar = padChar
    }

    /// Everything written out so far (complete after `flush()`).
    public var output: String { String(decoding: out, as: UTF8.self) }

    /// Formats `text` in one go with docker's settings.
    public static func format(_ text: String, minWidth: Int = 10, tabWidth: Int = 1, padding: Int = 3) -> String {
        var w = GoTabWriter(minWidth: minWidth, tabWidth: tabWidth, padding: padding)
        w.write(text)
        w.flush()
        return w.output
    }

    mutating func reset() {
        buf = []
        pos = 0
        cell = Cell()
        lines = [[]]
        widths = []
    }

    mutating func appendText(_ bytes: ArraySlice<UInt8>) {
        buf.append(contentsOf: bytes)
        cell.size += bytes.count
    }

    mutating func updateWidth() {
        cell.width += GoRuneWidth.stringWidth(String(decoding: buf[pos...], as: UTF8.self))
        pos = buf.count
    }

    mutating func terminateCell(_ htab: Bool) -> Int {
        cell.htab = htab
        lines[lines.count - 1].append(cell)
        cell = Cell()
        return lines[lines.count - 1].count
    }

    /// `Writer.Write`.
    public mutating func write(_ text: String) {
        let bytes = Array(text.utf8)
        var n = 0
        for (i, ch) in bytes.enumerated() {
            switch ch {
            case 9, 11, 10, 12:   // \t \v \n \f
                appendText(bytes[n..<i])
                updateWidth()
                n = i + 1
                let ncells = terminateCell(ch == 9)
                if ch == 10 || ch == 12 {
                    lines.append([])
                    if ch == 12 || ncells == 1 {
                        flushNoDefers()
                    }
                }
            default:
                break
            }
        }
        appendText(bytes[n...])
    }

    /// `Writer.Flush`: formats and emits everything buffered.
    public mutating func flush() {
        flushNoDefers()
    }

    mutating func flushNoDefers() {
        if cell.size > 0 { _ = terminateCell(false) }
        _ = format(0, 0, lines.count)
        reset()
    }

    mutating func writePadding(_ textw: Int, _ cellw: Int) {
        if padChar == "\t" {
            if tabWidth == 0 { return }
            let cw = (cellw + tabWidth - 1) / tabWidth * tabWidth
            let n = cw - textw
            if n > 0 { out.append(contentsOf: Array(repeating: 9, count: (n + tabWidth - 1) / tabWidth)) }
            return
        }
        if cellw > textw {
            out.append(contentsOf: Array(String(repeating: String(padChar), count: cellw - textw).utf8))
        }
    }

    mutating func writeLines(_ pos0: Int, _ line0: Int, _ line1: Int) -> Int {
        var p = pos0
        for i in line0..<max(line0, line1) {
            let line = lines[i]
            for (j, c) in line.enumerated() {
                if c.size > 0 {
                    out.append(contentsOf: buf[p..<(p + c.size)])
                    p += c.size
                }
                if j < widths.count { writePadding(c.width, widths[j]) }
            }
            if i + 1 == lines.count {
                out.append(contentsOf: buf[p..<(p + cell.size)])
                p += cell.size
            } else {
                out.append(10)
            }
        }
        return p
    }

    mutating func format(_ pos0: Int, _ line0In: Int, _ line1: Int) -> Int {
        var p = pos0
        var line0 = line0In
        let column = widths.count
        if column >= GoTabWriter.maxColumns { return writeLines(p, line0, line1) }
        var this = line0
        while this < line1 {
            if column >= lines[this].count - 1 { this += 1; continue }
            p = writeLines(p, line0, this)
            line0 = this
            var width = minWidth
            while this < line1 {
                let line = lines[this]
                if column >= line.count - 1 { break }
                let c = line[column]
                if c.width + padding > width { width = c.width + padding }
                this += 1
            }
            widths.append(width)
            p = format(p, line0, this)
            widths.removeLast()
            line0 = this
            this += 1
        }
        return writeLines(p, line0, line1)
    }
}
