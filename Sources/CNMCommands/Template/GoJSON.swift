import CNMSim

/// Go `encoding/json` output for `TemplateValue`s: the compact form (docker's
/// `json` template function and `--format json`) and the 4-space indented form
/// docker's `inspect` prints (`json.Indent(buf, "", "    ")`).
///
/// Maps encode with sorted keys, structs in field order, nil maps/slices as
/// `null`, times as RFC 3339 with nanoseconds. HTML escaping is off by default
/// (`SetEscapeHTML(false)`), as docker uses it.
public enum GoJSON {
    /// Go's error for values JSON cannot represent (NaN, ±Inf).
    public struct UnsupportedValue: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Compact JSON, like `json.Marshal` (no trailing newline).
    public static func encode(_ value: TemplateValue, escapeHTML: Bool = false) throws -> String {
        var out = ""
        try write(value, into: &out, indent: nil, level: 0, escapeHTML: escapeHTML)
        return out
    }

    /// Indented JSON, like `json.MarshalIndent(v, prefix, indent)`; empty
    /// objects and arrays stay `{}` / `[]`.
    public static func encodeIndented(_ value: TemplateValue, prefix: String = "", indent: String = "    ",
                                      escapeHTML: Bool = false) throws -> String {
        var out = ""
        try write(value, into: &out, indent: (prefix, indent), level: 0, escapeHTML: escapeHTML)
        return out
    }

    /// A JSON string literal with Go's escaping.
    public static func quote(_ s: String, escapeHTML: Bool = false) -> String {
        var out = "\""
        appendQuoted(s, into: &out, escapeHTML: escapeHTML)
        out += "\""
        return out
    }

    static func appendQuoted(_ s: String, into out: inout String, escapeHTML: Bool) {
        let hexDigits = Array("0123456789abcdef")
        for r in s.unicodeScalars {
            switch r {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if r.value < 0x20 || (escapeHTML && (r == "<" || r == ">" || r == "&")) {
                    out += "\\u00" + String(hexDigits[Int(r.value >> 4)]) + String(hexDigits[Int(r.value & 0xF)])
                } else {
                    out.unicodeScalars.append(r)
                }
            }
        }
    }

    /// Go's `isEmptyValue`, for `omitempty`.
    static func isEmpty(_ v: TemplateValue) -> Bool {
        switch v {
        case .string(let s): return s.isEmpty
        case .int(let i): return i == 0
        case .uint(let u): return u == 0
        case .float(let f): return f == 0
        case .bool(let b): return !b
        case .null: return true
        case .list(let l, _): return l.isEmpty
        case .map(let m, _, _): return m.isEmpty
        case .structure, .time: return false
        }
    }

    static func newline(_ out: inout String, _ indent: (String, String)?, _ level: Int) {
        guard let (prefix, unit) = indent else { return }
        out += "\n" + prefix
        for _ in 0..<level { out += unit }
    }

    static func write(_ v: TemplateValue, into out: inout String, indent: (String, String)?, level: Int,
                      escapeHTML: Bool) throws {
        switch v {
        case .string(let s):
            out += "\""; appendQuoted(s, into: &out, escapeHTML: escapeHTML); out += "\""
        case .int(let i): out += String(i)
        case .uint(let u): out += String(u)
        case .float(let f):
            if f.isNaN || f.isInfinite {
                throw UnsupportedValue(message: "json: unsupported value: " + GoFloat.formatG(f))
            }
            out += GoFloat.formatJSON(f)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .time(let t): out += "\"" + GoTime.rfc3339Nano(t) + "\""
        case .list(let items, let isNil):
            if isNil { out += "null"; return }
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, e) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                try write(e, into: &out, indent: indent, level: level + 1, escapeHTML: escapeHTML)
            }
            newline(&out, indent, level)
            out += "]"
        case .map(let m, _, let isNil):
            if isNil { out += "null"; return }
            try writeObject(TemplateValue.sortedEntries(m), into: &out, indent: indent, level: level,
                            escapeHTML: escapeHTML)
        case .structure(let s):
            let pairs = s.fields.filter { !($0.omitEmpty && isEmpty($0.value)) }.map { ($0.jsonName ?? $0.name, $0.value) }
            try writeObject(pairs, into: &out, indent: indent, level: level, escapeHTML: escapeHTML)
        }
    }

    static func writeObject(_ pairs: [(String, TemplateValue)], into out: inout String, indent: (String, String)?,
                            level: Int, escapeHTML: Bool) throws {
        if pairs.isEmpty { out += "{}"; return }
        out += "{"
        for (i, (k, e)) in pairs.enumerated() {
            if i > 0 { out += "," }
            newline(&out, indent, level + 1)
            out += "\""; appendQuoted(k, into: &out, escapeHTML: escapeHTML); out += "\":"
            if indent != nil { out += " " }
            try write(e, into: &out, indent: indent, level: level + 1, escapeHTML: escapeHTML)
        }
        newline(&out, indent, level)
        out += "}"
    }
}
