import Foundation

/// TAP version 13: a plan, `ok`/`not ok` per step, a YAML diagnostics block per step.
public enum TAPWriter {
    public static func render(_ r: GradeReport, locale: LabLocale) -> String {
        let bounds = r.failingFindings
        var out = "TAP version 13\n1..\(r.steps.count + (bounds.isEmpty ? 0 : 1))\n"
        for f in r.findings where !f.failsSubmission { out += "# " + TAP.comment(f.message(locale)) + "\n" }
        for s in r.steps {
            let description = TAP.description("\(s.id): \(s.title)")
            switch s.status {
            case .passed: out += "ok \(s.index) - \(description)\n"
            case .failed: out += "not ok \(s.index) - \(description)\n"
            case .skipped: out += "ok \(s.index) - \(description) # SKIP \(TAP.description(s.message))\n"
            }
            out += "  ---\n"
            out += "  status: \(s.status.rawValue)\n"
            out += "  points: \(s.points)\n"
            out += "  max: \(s.max)\n"
            if s.penalty > 0 { out += "  penalty: \(s.penalty)\n" }
            if !s.message.isEmpty { out += "  message: \(TAP.yaml(s.message))\n" }
            if !s.checks.isEmpty {
                out += "  checks:\n"
                for c in s.checks {
                    out += "    - name: \(TAP.yaml(c.name))\n"
                    out += "      status: \(c.status.rawValue)\n"
                    if c.hidden { out += "      hidden: true\n" }
                    out += "      points: \(c.points)\n"
                    out += "      max: \(c.max)\n"
                    if c.status == .failed && !c.message.isEmpty {
                        out += "      message: \(TAP.yaml(c.message))\n"
                        if let e = c.expected { out += "      expected: \(TAP.yaml(e))\n" }
                        if let a = c.actual { out += "      actual: \(TAP.yaml(a))\n" }
                    }
                }
            }
            out += "  ...\n"
        }
        if let first = bounds.first {
            out += "not ok \(r.steps.count + 1) - \(TAP.description(GradeText.transcriptTest.format(locale)))\n"
            out += "  ---\n  status: failed\n  message: \(TAP.yaml(first.message(locale)))\n"
            if let line = first.line { out += "  line: \(line)\n" }
            out += "  ...\n"
        }
        out += "# " + GradeText.scoreLine.format(locale, [String(r.score), String(r.max)]) + "\n"
        out += "# " + GradeVerdict.word(r, locale) + ": " + GradeVerdict.reason(r, locale) + "\n"
        return out
    }
}

/// Escaping for TAP lines and their YAML blocks.
enum TAP {
    /// A test description on one line; `#` escaped so it never starts a directive.
    static func description(_ s: String) -> String {
        Safe.line(s).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "#", with: "\\#")
    }

    /// A comment line's text (no line breaks).
    static func comment(_ s: String) -> String { Safe.line(s) }

    /// A YAML double-quoted scalar (valid JSON string too): quotes, backslashes, control and
    /// line-breaking characters escaped.
    static func yaml(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = u.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    out += String(format: "\\u%04X", v)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
