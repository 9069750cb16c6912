/// A `name=`/`id=` filter value: the daemon matches it exactly or as an unanchored Go
/// regexp (approximated with Swift Regex; a pattern that does not compile matches only itself).
/// Compiled once per filter, not once per network or container.
struct FilterPattern {
    let text: String
    let regex: Regex<AnyRegexOutput>?

    init(_ text: String) {
        self.text = text
        self.regex = try? Regex(text)
    }

    func matches(_ candidate: String) -> Bool {
        if candidate == text { return true }
        guard let regex else { return false }
        return (try? regex.firstMatch(in: candidate)) != nil
    }
}
