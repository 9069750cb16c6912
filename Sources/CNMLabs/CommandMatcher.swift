import CNMCommands

/// Matches typed command lines against the glob patterns of lab rules and
/// history checks.
///
/// A line is cut into its simple commands the way the shell runs them (`;`,
/// `&&`, `||`, pipes, and the commands inside `$(…)`), each as its words joined
/// by single spaces; a pattern matches a line when it matches one of them.
public enum CommandMatcher {
    /// The simple commands of `line`, words joined by single spaces (empty when it does not parse).
    public static func simpleCommands(_ line: String) -> [String] {
        simpleCommands(line, depth: 0)
    }

    static func simpleCommands(_ line: String, depth: Int) -> [String] {
        guard depth < 8, case .complete(let parsed) = ShellLine.parse(line) else { return [] }
        let box = Box()
        let expanded = parsed.expanded { inner in
            box.inner.append(contentsOf: simpleCommands(inner, depth: depth + 1))
            return ""
        }
        guard case .success(let items) = expanded else { return box.inner }
        var out: [String] = []
        for item in items {
            for words in item.pipeline where !words.isEmpty {
                out.append(words.joined(separator: " "))
            }
        }
        return out + box.inner
    }

    private final class Box: @unchecked Sendable { var inner: [String] = [] }

    /// Whether some simple command of `line` matches `pattern`.
    public static func line(_ line: String, matches pattern: String) -> Bool {
        let normalized = normalize(pattern)
        return simpleCommands(line).contains { glob(normalized, $0) }
    }

    /// Collapses runs of blanks to one space, as commands are compared.
    static func normalize(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// `*` matches any text (spaces included), `?` one character; everything else itself.
    public static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0
        var star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
