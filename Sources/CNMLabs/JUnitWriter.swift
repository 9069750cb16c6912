/// JUnit XML as the JUnit readers of CI systems take it (Jenkins, GitLab, GitHub test reporters):
/// one `testsuite` per lab, one `testcase` per step, `<failure>` for a step that did not pass,
/// `<skipped>` for an optional step not done; `errors` is always 0 and `time` is 0 (no clock).
public enum JUnitWriter {
    public static func render(_ r: GradeReport, locale: LabLocale) -> String {
        let bounds = r.failingFindings
        let tests = r.steps.count + (bounds.isEmpty ? 0 : 1)
        let failures = r.failedSteps.count + (bounds.isEmpty ? 0 : 1)
        let skipped = r.skippedSteps.count
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\""
        let suite = r.learner.map { "\(r.lab) (\($0))" } ?? r.lab
        let classname = r.learner.map { "cnmlab.\(r.lab).\($0)" } ?? "cnmlab.\(r.lab)"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"cnmlab\" \(counts)>\n"
        out += "  <testsuite name=\"\(XML.attr(suite))\" \(counts)>\n"
        out += "    <properties>\n"
        // Every documented property, always: an empty value stands for "none".
        let props: [(String, String)] = [
            ("lab", r.lab), ("version", String(r.version)), ("learner", r.learner ?? ""), ("seed", String(r.seed)),
            ("score", String(r.score)), ("max", String(r.max)), ("min_score", r.minScore.map(String.init) ?? ""),
            ("passed", r.passed ? "true" : "false"), ("audience", r.audience.rawValue),
        ]
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
                out += XML.text(details(s, r, locale)) + "</failure>\n"
                out += "      <system-out>" + XML.text("\(s.points)/\(s.max)") + "</system-out>\n"
                out += "    </testcase>\n"
            }
        }
        if let first = bounds.first {
            let name = GradeText.transcriptTest.format(locale)
            out += "    <testcase name=\"\(XML.attr(name))\" classname=\"\(XML.attr(classname))\" time=\"0\">\n"
            out += "      <failure message=\"\(XML.attr(first.message(locale)))\" type=\"bound\">"
            out += XML.text(bounds.map { $0.message(locale) }.joined(separator: "\n")) + "</failure>\n"
            out += "    </testcase>\n"
        }
        if !r.findings.isEmpty {
            out += "    <system-err>" + XML.text(r.findings.map { $0.message(locale) }.joined(separator: "\n")) + "</system-err>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// The failing checks with expected and actual, as the text report prints them (a hidden
    /// check in a learner-facing report: only that it failed).
    static func details(_ s: StepGrade, _ r: GradeReport, _ locale: LabLocale) -> String {
        var lines = [s.message]
        for c in s.checks where c.status == .failed {
            if GradeVerdict.redacted(c, r) {
                lines.append("FAIL " + GradeText.hiddenCheckFailed.format(locale, [c.name]))
                continue
            }
            lines.append("FAIL \(c.name)\(c.hidden ? " " + GradeText.hiddenTag.format(locale) : ""): \(c.message)")
            if let e = c.expected { lines.append("  " + GradeText.expectedLabel.format(locale) + e) }
            if let a = c.actual { lines.append("  " + GradeText.actualLabel.format(locale) + a) }
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
