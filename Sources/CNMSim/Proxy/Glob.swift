/// Shell-style matching of one file name against a pattern (`*`, `?`, `[abc]`, `[a-z]`, `[!x]`), as
/// glob(3) matches the last component of nginx's `include /etc/nginx/conf.d/*.conf`. Iterative, so a
/// long pattern of stars costs no recursion.
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern), s = Array(name)
        var pi = 0, si = 0
        var starP = -1, starS = 0
        while si < s.count {
            if pi < p.count, p[pi] == "*" {
                starP = pi; starS = si; pi += 1
                continue
            }
            if pi < p.count, let (ok, next) = single(p, pi, s[si]), ok {
                pi = next; si += 1
                continue
            }
            guard starP >= 0 else { return false }
            pi = starP + 1; starS += 1; si = starS
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Whether the pattern element at `i` matches `c`, and where the next element starts.
    private static func single(_ p: [Character], _ i: Int, _ c: Character) -> (Bool, Int)? {
        switch p[i] {
        case "?": return (true, i + 1)
        case "[":
            var j = i + 1
            var negate = false
            if j < p.count, p[j] == "!" || p[j] == "^" { negate = true; j += 1 }
            var found = false
            var first = true
            while j < p.count, p[j] != "]" || first {
                first = false
                if j + 2 < p.count, p[j + 1] == "-", p[j + 2] != "]" {
                    if p[j] <= c && c <= p[j + 2] { found = true }
                    j += 3
                } else {
                    if p[j] == c { found = true }
                    j += 1
                }
            }
            guard j < p.count else { return (p[i] == c, i + 1) }  // no closing "]": a literal "["
            return (found != negate, j + 1)
        default:
            return (p[i] == c, i + 1)
        }
    }
}
