import Yams

/// Turns libyaml's errors into a sentence an author can act on, at the place to fix: an unquoted
/// `: ` inside a value, a tab in the indentation, a `{`, `[` or quote never closed, indentation
/// that does not line up. Other errors keep libyaml's own words.
enum YAMLErrorText {
    /// Line, column (1-based) and the message.
    static func describe(_ error: YamlError, text: String) -> (Int, Int, LabText) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ n: Int) -> String { n >= 1 && n <= lines.count ? lines[n - 1] : "" }
        switch error {
        case .scanner(let ctx, let problem, let mark, _), .parser(let ctx, let problem, let mark, _),
             .composer(let ctx, let problem, let mark, _):
            let context = ctx?.text ?? ""
            // A tab where indentation is read.
            if problem.contains("cannot start any token") || problem.contains("found a tab"),
               let tab = line(mark.line).firstIndex(of: "\t") {
                let column = line(mark.line).distance(from: line(mark.line).startIndex, to: tab) + 1
                return (mark.line, column, LabText.phrase(.yamlTab))
            }
            // A flow collection never closed: point at its opening bracket.
            if context.contains("flow mapping") || context.contains("flow sequence"), let start = ctx?.mark {
                let (open, close) = context.contains("mapping") ? ("{", "}") : ("[", "]")
                let last = max(start.line, mark.line - 1)
                return (start.line, start.column, LabText.phrase(.yamlUnclosed, open, close, String(last)))
            }
            // A quote never closed: point at it.
            if context.contains("quoted scalar"), let start = ctx?.mark {
                let quote = character(line(start.line), start.column) ?? "\""
                return (start.line, start.column, LabText.phrase(.yamlUnclosedQuote, quote))
            }
            if problem.contains("mapping values are not allowed") {
                let source = line(mark.line)
                let chars = Array(source)
                let upTo = min(max(0, mark.column - 1), chars.count)
                // `key: value: more` — an earlier `: ` on the line means the value holds the colon.
                if let sep = firstSeparator(Array(chars[..<upTo])) {
                    let key = String(chars[..<sep])
                    let value = String(chars[(sep + 1)...]).trimmingCharacters(in: .whitespaces)
                    let quoted = key.trimmingCharacters(in: .whitespaces) + ": \"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
                    let column = sep + 2 + (chars[(sep + 1)...].prefix { $0 == " " }.count)
                    return (mark.line, column, LabText.phrase(.yamlUnquotedColon, quoted))
                }
                let indent = chars.prefix { $0 == " " }.count + 1
                return (mark.line, indent, LabText.phrase(.yamlBadIndent))
            }
            return (mark.line, mark.column, LabText.phrase(.yamlOther, (context.isEmpty ? "" : context + " ") + problem))
        case .reader(let problem, _, _, _):
            return (1, 1, LabText.phrase(.yamlOther, problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, context.mark.column, LabText.phrase(.yamlDuplicateKey, duplicates.joined(separator: ", ")))
        default:
            return (1, 1, LabText.phrase(.yamlOther, "\(error)"))
        }
    }

    /// The index of the `:` of the first `key: ` on a line (outside quotes), if any.
    static func firstSeparator(_ chars: [Character]) -> Int? {
        var quote: Character?
        for (i, c) in chars.enumerated() {
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "#" && (i == 0 || chars[i - 1] == " ") { return nil }
            if c == ":", i + 1 < chars.count, chars[i + 1] == " " { return i }
        }
        return nil
    }

    static func character(_ line: String, _ column: Int) -> String? {
        let chars = Array(line)
        guard column >= 1, column <= chars.count else { return nil }
        return String(chars[column - 1])
    }
}
