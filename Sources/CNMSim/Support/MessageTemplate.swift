/// The one way cnmlab fills a message: every table (shell, labs, grading, progress, `why`) keeps a
/// template per language and fills it here, so placeholders and Korean particles work the same
/// everywhere.
///
/// Syntax, inside a template:
/// - `{name}` — the value named `name` (positional tables name theirs `0`, `1`…);
/// - `{name:이}` — the value followed by the particle that suits it (`remote가`, `web이`);
///   the particle may be written in either form (`이` or `가`); see `KoreanParticle`;
/// - `{:은}` — only the particle, chosen by the text just before it, for a value in quotes or
///   brackets: `'{0}'{:은}` → `'db'는`.
///
/// A `{` that does not start one of these (`{{…}}`, `{name, address}`) or names a value that is not
/// given is kept as written. Values are inserted in one pass, so a value containing `{1}` stays as is.
public enum MessageTemplate {
    /// `template` with its named placeholders filled from `values`.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "{", let p = placeholder(chars, at: i) {
                if p.name.isEmpty {
                    if !p.particle.isEmpty { out += KoreanParticle.choose(p.particle, after: out); i = p.end; continue }
                } else if let value = values[p.name] {
                    out += value
                    if !p.particle.isEmpty { out += KoreanParticle.choose(p.particle, after: out) }
                    i = p.end
                    continue
                }
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// `template` with `{0}`, `{1}`… filled from `args` in order.
    public static func fill(_ template: String, _ args: [String]) -> String {
        var values: [String: String] = [:]
        for (n, a) in args.enumerated() { values[String(n)] = a }
        return fill(template, values)
    }

    /// The distinct names of the placeholders in `template`,
    /// sorted: what tests compare between languages.
    public static func placeholderNames(_ template: String) -> [String] {
        let chars = Array(template)
        var names: [String] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "{", let p = placeholder(chars, at: i) {
                if !p.name.isEmpty { names.append(p.name) }
                i = p.end
            } else {
                i += 1
            }
        }
        return Array(Set(names)).sorted()
    }

    /// The values that make `fill(template, values)` equal `text`, or nil when `text` does not have
    /// the template's form: the inverse of `fill`, for reading a line written from an English
    /// template back into its values (each value non-empty, the first fitting split taken).
    /// Particle placeholders are not supported here (English templates have none).
    public static func match(_ template: String, _ text: String) -> [String: String]? {
        // The template as literal runs and placeholder names, tokenised as `fill` reads it.
        var parts: [(literal: String, name: String?)] = []
        let chars = Array(template)
        var literal = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "{", let p = placeholder(chars, at: i), !p.name.isEmpty, p.particle.isEmpty {
                parts.append((literal, nil)); literal = ""
                parts.append(("", p.name))
                i = p.end
            } else {
                literal.append(chars[i]); i += 1
            }
        }
        parts.append((literal, nil))
        var values: [String: String] = [:]
        return matchParts(parts[...], Substring(text), &values) ? values : nil
    }

    static func matchParts(_ parts: ArraySlice<(literal: String, name: String?)>, _ text: Substring,
                           _ values: inout [String: String]) -> Bool {
        guard let first = parts.first else { return text.isEmpty }
        let rest = parts.dropFirst()
        guard let name = first.name else {
            guard text.hasPrefix(first.literal) else { return false }
            return matchParts(rest, text.dropFirst(first.literal.count), &values)
        }
        // A placeholder: try each non-empty prefix, shortest first.
        var end = text.startIndex
        while end < text.endIndex {
            end = text.index(after: end)
            if let earlier = values[name], earlier != String(text[..<end]) { continue }
            var tried = values
            tried[name] = String(text[..<end])
            if matchParts(rest, text[end...], &tried) { values = tried; return true }
        }
        return false
    }

    /// The placeholder starting at `chars[start] == "{"`: its name (letters, digits, `_`; may be
    /// empty before `:`), its particle (Hangul after `:`) and the index after its `}`.
    static func placeholder(_ chars: [Character], at start: Int) -> (name: String, particle: String, end: Int)? {
        var i = start + 1
        var name = ""
        while i < chars.count, chars[i] == "_" || (chars[i].isASCII && (chars[i].isLetter || chars[i].isNumber)) {
            name.append(chars[i]); i += 1
        }
        var particle = ""
        if i < chars.count, chars[i] == ":" {
            i += 1
            while i < chars.count, let v = chars[i].unicodeScalars.first?.value, (0xAC00...0xD7A3).contains(v) {
                particle.append(chars[i]); i += 1
            }
            if particle.isEmpty { return nil }
        }
        guard i < chars.count, chars[i] == "}", !(name.isEmpty && particle.isEmpty) else { return nil }
        return (name, particle, i + 1)
    }
}

/// The earlier name of `MessageTemplate`, kept so code written against it still builds.
public typealias PlaceholderText = MessageTemplate
