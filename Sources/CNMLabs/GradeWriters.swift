import Foundation

/// The formats `cnmlab grade` writes.
public enum GradeFormat: String, Sendable, CaseIterable {
    case text, json, junit, tap

    /// The file extension of a report in this format (batch mode names files `LEARNER.EXT`).
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .json: return "json"
        case .junit: return "xml"
        case .tap: return "tap"
        }
    }

    /// The report rendered in this format.
    public func render(_ report: GradeReport, locale: LabLocale) -> String {
        switch self {
        case .text: return GradeTextWriter.render(report, locale: locale)
        case .json: return GradeJSONWriter.render(report)
        case .junit: return JUnitWriter.render(report, locale: locale)
        case .tap: return TAPWriter.render(report, locale: locale)
        }
    }
}

/// The verdict line shared by the text, TAP and JUnit writers.
enum GradeVerdict {
    static func reason(_ r: GradeReport, _ locale: LabLocale) -> String {
        if let bound = r.failingFindings.first { return bound.message(locale) }
        if let min = r.minScore {
            return (r.score >= min ? GradeText.atLeastMinimum : GradeText.belowMinimum).format(locale, [String(min)])
        }
        let missing = r.steps.filter { !$0.optional && $0.status != .passed }.count
        return missing == 0 ? GradeText.allRequiredDone.format(locale)
            : GradeText.requiredMissing.format(locale, [String(missing)])
    }

    static func word(_ r: GradeReport, _ locale: LabLocale) -> String {
        (r.passed ? GradeText.verdictPassed : GradeText.verdictFailed).format(locale)
    }

    /// Whether a check is shown only as `hidden check N` (a learner-facing report).
    static func redacted(_ c: CheckGrade, _ r: GradeReport) -> Bool { c.hidden && r.audience == .learner }
}

/// Plain text for a terminal or a CI log: words (PASS, FAIL, SKIP), never colour alone.
public enum GradeTextWriter {
    public static func render(_ r: GradeReport, locale: LabLocale) -> String {
        var out = GradeText.header.format(locale, [r.lab, String(r.version), Safe.line(r.title)]) + "\n"
        let who = r.learner.map(Safe.line) ?? GradeText.defaultVariant.format(locale)
        out += GradeText.learnerLine.format(locale, [who, String(r.seed)]) + "\n\n"
        for s in r.steps {
            let word = s.status == .passed ? "PASS" : s.status == .failed ? "FAIL" : "SKIP"
            out += "\(word) \(s.index). \(s.id): \(Safe.line(s.title))  \(s.points)/\(s.max)"
            if s.penalty > 0 { out += " (-\(s.penalty))" }
            out += "\n"
            if !s.message.isEmpty { out += "     " + Safe.line(s.message) + "\n" }
            for c in s.checks {
                let tag = c.hidden && !GradeVerdict.redacted(c, r) ? " " + GradeText.hiddenTag.format(locale) : ""
                let points = c.max > 0 ? "  \(c.points)/\(c.max)" : ""
                switch c.status {
                case .passed:
                    out += "     PASS \(Safe.line(c.name))\(tag)" + points + "\n"
                case .notRun:
                    out += "     ---- \(Safe.line(c.name))\(tag): \(GradeText.notRun.format(locale))\n"
                case .failed where GradeVerdict.redacted(c, r):
                    out += "     FAIL \(Safe.line(c.name))" + points + "\n"
                case .failed:
                    out += "     FAIL \(Safe.line(c.name))\(tag): \(Safe.line(c.message))" + points + "\n"
                    let e = GradeText.expectedLabel.format(locale), a = GradeText.actualLabel.format(locale)
                    if let x = c.expected { out += "            " + e + Safe.line(x) + "\n" }
                    if let x = c.actual { out += "            " + a + Safe.line(x) + "\n" }
                }
            }
        }
        if !r.findings.isEmpty {
            out += "\n" + GradeText.findingsHeader.format(locale) + "\n"
            for f in r.findings { out += "  " + Safe.line(f.message(locale)) + "\n" }
        }
        out += "\n" + GradeText.commandsLine.format(locale, [String(r.commands), String(r.refused)]) + "\n"
        out += GradeText.scoreLine.format(locale, [String(r.score), String(r.max)]) + " · "
        out += GradeVerdict.word(r, locale) + ": " + GradeVerdict.reason(r, locale) + "\n"
        return out
    }
}

/// The versioned JSON report (`cnmlab.grade/1`, see docs/ci-grading.md): sorted keys, one line.
public enum GradeJSONWriter {
    public static func render(_ r: GradeReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(r) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Texts from a lab or a learner, made safe for one line of a terminal or log.
enum Safe {
    /// Control characters (escape sequences, line breaks) become spaces or `?`.
    static func line(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u == "\n" || u == "\r" || u == "\t" { out += " " }
            else if u.properties.generalCategory == .control || u == "\u{2028}" || u == "\u{2029}" { out += "?" }
            else { out.unicodeScalars.append(u) }
        }
        return out
    }
}
