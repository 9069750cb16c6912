/// JUnit XML as the JUnit readers of CI systems take it (Jenkins, GitLab, GitHub test reporters):
/// one `testsuite` per lab, one `testcase` per step, `<failure>` for a step that did not pass,
/// `<skipped>` for an optional step not done; `errors` is always 0 and `time` is 0 (no clock).
public enum JUnitWriter {
    public static func render(_ r: GradeReport, locale: LabLocale) -> String {
        let tests = r.steps.count
        let failures = r.failedSteps.count
        let skipped = r.skippedSteps.count
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\""
        let suite = r.learner.map { "\(r.lab) (\($0))" } ?? r.lab
        let classname = r.learner.map { "cnmlab.\(r.lab).\($0)" } ?? "cnmlab.\(r.lab)"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"cnmlab\" \(counts)>\n"
        out += "  <testsuite name=\"\(XML.attr(suite))\" \(counts)>\n"
        out += "    <properties>\n"
        var props: [(String, String)] = [("lab", r.lab), ("version", String(r.version))]
        if let l = r.learner { props.append(("learner", l)) }
        props += [("seed", String(r.seed)), ("score", String(r.score)), ("max", String(r.max))]
        if let m = r.minScore { props.append(("min_score", String(m))) }
        props.append(("passed", r.passed ? "true" : "false"))
        for (k, v) in props { out += "      <property name=\"\(k)\" value=\"\(XML.attr(v))\"/>\n" }
        out += "    </properties>\n"
        for s in r.steps {
            let name = "\(s.index). \(s.id): \(s.title)"
            out += "    <testcase name=\"\(XML.attr(name))\" classname=\"\(XML.attr(classname))\" time=\"0\""
            switch s.status {
            case .passed:
                out += "/>\n"
            case .skipped:
                out += ">\n      <skipped message=\"\(XML.attr(s.message))\"/>\n    </testcase>\n"
            case .failed:
                out += ">\n      <failure message=\"\(XML.attr(s.message))\" type=\"failed\">"
                out += XML.text(details(s, locale)) + "</failure>\n"
                out += "      <system-out>" + XML.text("\(s.points)/\(s.max)") + "</system-out>\n"
                out += "    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// The failing checks with expected and actual, as the text report prints them.
    static func details(_ s: StepGrade, _ locale: LabLocale) -> String {
        var lines = [s.message]
        for c in s.checks where c.status == .failed {
            lines.append("FAIL \(c.name)\(c.hidden ? " (hidden)" : ""): \(c.message)")
            if let e = c.expected { lines.append("  expected: " + e) }
            if let a = c.actual { lines.append("  actual:   " + a) }
        }
        return lines.joined(separator: "\n")
    }
}

/// Escaping for XML 1.0: characters XML cannot hold at all become U+FFFD.
enum XML {
    static func allowed(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Element content.
    static func text(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(allowed(u) ? u : "\u{FFFD}")
            }
        }
        return out
    }

    /// An attribute value in double quotes (line breaks and tabs kept as character references,
    /// since a parser would otherwise turn them into spaces).
    static func attr(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(allowed(u) ? u : "\u{FFFD}")
            }
        }
        return out
    }
}
