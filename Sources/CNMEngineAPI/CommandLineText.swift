/// Builds the command line a request stands for, quoted so that the simulator's shell
/// parser gives back exactly these words.
public enum CommandLineText {
    /// Words that need no quotes: letters, digits and `-_./:=,@%+`.
    static func isPlain(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { u in
            (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9")
                || "-_./:=,@%+".unicodeScalars.contains(u)
        }
    }

    /// One word, single-quoted when needed (`'` inside becomes `'\''`).
    public static func quote(_ word: String) -> String {
        if isPlain(word) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target)
        guard !t.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) {
                return i..<index(i, offsetBy: t.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
