/// HAProxy's "did you mean '…' maybe ?" for a mistyped keyword: each word's fingerprint counts the
/// transitions between its characters (letters, digits, others, begin and end), the candidate
/// with the smallest sum of differences wins, and none is offered when it is further than twice
/// either word's length. The candidates are the keywords cnmlab lists (`HaproxyKeywords`), which
/// may leave out some that a real build registers, so a suggestion can differ from the real one.
///
/// Source: haproxy v3.0.0 `src/tools.c` (`update_word_fingerprint`, `word_fingerprint_distance`),
/// `src/cfgparse.c` (`cfg_find_best_match`).
enum HaproxySuggestion {
    static func fingerprint(_ word: String) -> [UInt8] {
        var fp = [UInt8](repeating: 0, count: 1024)
        var from = 28
        for b in word.utf8 {
            let c = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b
            let to: Int
            switch c {
            case 0x61...0x7A: to = Int(c - 0x61) + 1
            case 0x30...0x39: to = 27
            default: to = 28
            }
            fp[to] = 1
            fp[32 * from + to] &+= 1
            from = to
        }
        fp[32 * from + 28] &+= 1
        return fp
    }

    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = 0
        for i in 0..<min(a.count, b.count) { d += abs(Int(a[i]) - Int(b[i])) }
        return d
    }

    /// The closest candidate, or nil when none is close enough.
    static func best(_ word: String, among candidates: [String]) -> String? {
        let w = fingerprint(word)
        var best: String? = nil
        var bestDistance = Int.max
        for c in candidates {
            let d = distance(w, fingerprint(c))
            if d < bestDistance { bestDistance = d; best = c }
        }
        guard let found = best else { return nil }
        if bestDistance > 2 * word.utf8.count || bestDistance > 2 * found.utf8.count { return nil }
        return found
    }
}
