import Foundation

/// cnmlab's CSV (`cnmlab grade`'s summary.csv, `cnmlab progress --format csv`): RFC 4180 with CRLF.
/// A text field with a comma, quote or line break is quoted, and one starting with `=`, `+`, `-` or
/// `@` gets a leading `'` so that a spreadsheet never runs it as a formula; a number is written as it is.
public enum CSV {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Int64)
        case empty
    }

    public static func render(_ rows: [[Cell]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Rows of text fields.
    public static func render(_ rows: [[String]]) -> String {
        render(rows.map { $0.map(Cell.text) })
    }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return field(s)
        case .number(let n): return String(n)
        case .empty: return ""
        }
    }

    public static func field(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
