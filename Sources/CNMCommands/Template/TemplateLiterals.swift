/// Go literal syntax used by templates: `strconv.Unquote` for strings and
/// character constants, and `parse.newNumber` for numbers.
enum TemplateLiterals {
    struct Failure: Error { let message: String }

    /// Decodes one escape or character at `i` inside a quoted literal (Go's
    /// `strconv.UnquoteChar`), appending UTF-8 bytes. Returns the next index or nil.
    static func unquoteChar(_ s: [Unicode.Scalar], _ i: Int, quote: Unicode.Scalar, into out: inout [UInt8]) -> Int? {
        guard i < s.count else { return nil }
        let c = s[i]
        if c == quote && (quote == "'" || quote == "\"") { return nil }
        if c != "\\" {
            out.append(contentsOf: Array(String(c).utf8))
            return i + 1
        }
        guard i + 1 < s.count else { return nil }
        let e = s[i + 1]
        var j = i + 2
        func hexValue(_ n: Int) -> UInt32? {
            guard j + n <= s.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<n {
                guard let d = Int(String(s[j + k]), radix: 16) else { return nil }
                v = v << 4 | UInt32(d)
            }
            j += n
            return v
        }
        switch e {
        case "a": out.append(7)
        case "b": out.append(8)
        case "f": out.append(12)
        case "n": out.append(10)
        case "r": out.append(13)
        case "t": out.append(9)
        case "v": out.append(11)
        case "\\": out.append(92)
        case "x":
            guard let v = hexValue(2) else { return nil }
            out.append(UInt8(v))
        case "u", "U":
            guard let v = hexValue(e == "u" ? 4 : 8), let sc = Unicode.Scalar(v) else { return nil }
            out.append(contentsOf: Array(String(sc).utf8))
        case "0"..."7":
            guard i + 4 <= s.count else { return nil }
            var v: UInt32 = 0
            for k in 1...3 {
                let d = s[i + k].value
                guard d >= 48 && d <= 55 else { return nil }
                v = v * 8 + (d - 48)
            }
            guard v <= 255 else { return nil }
            out.append(UInt8(v))
            j = i + 4
        case "'", "\"":
            guard e == quote else { return nil }
            out.append(UInt8(e.value))
        default:
            return nil
        }
        return j
    }

    /// `strconv.Unquote` for `"..."` and `` `...` `` literals; nil on invalid syntax.
    static func unquote(_ text: String) -> String? {
        let s = Array(text.unicodeScalars)
        guard s.count >= 2, let q = s.first, s.last == q else { return nil }
        if q == "`" {
            let body = s[1..<(s.count - 1)]
            if body.contains("`") { return nil }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: body.filter { $0 != "\r" })
            return String(v)
        }
        guard q == "\"" else { return nil }
        var out: [UInt8] = []
        var i = 1
        let end = s.count - 1
        while i < end {
            if s[i] == "\n" { return nil }
            guard let n = unquoteChar(Array(s[0..<end]), i, quote: "\"", into: &out) else { return nil }
            i = n
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go `strconv.ParseUint(text, 0, 64)` digits part (no sign); nil if invalid or overflowing.
    static func parseUnsigned(_ text: Substring) -> UInt64?? {
        var body = text
        var base: UInt64 = 10
        var prefixed = false
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { base = 16; body = body.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0o") { base = 8; body = body.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0b") { base = 2; body = body.dropFirst(2); prefixed = true }
        else if body.count > 1 && body.hasPrefix("0") { base = 8; body = body.dropFirst(1); prefixed = true }
        if body.isEmpty { return .some(nil) }
        // Underscores only with a base prefix, and only between digits (Go's underscoreOK).
        var sawDigit = !prefixed ? false : true
        var lastUnderscore = false
        var v: UInt64 = 0
        var overflow = false
        for ch in body {
            if ch == "_" {
                if !prefixed || !sawDigit || lastUnderscore { return .some(nil) }
                lastUnderscore = true
                continue
            }
            lastUnderscore = false
            guard let d = ch.hexDigitValue, UInt64(d) < base else { return .some(nil) }
            sawDigit = true
            let (m, o1) = v.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { overflow = true }
            v = a
        }
        if lastUnderscore { return .some(nil) }
        return overflow ? .none : .some(v)
    }

    /// Go `parse.newNumber`.
    static func number(_ text: String, type: TemplateItemType) -> Result<TemplateNumber, Failure> {
        var n = TemplateNumber(text: text)
        if type == .charConstant {
            let s = Array(text.unicodeScalars)
            var out: [UInt8] = []
            guard s.count >= 3, let next = unquoteChar(s, 1, quote: "'", into: &out) else {
                return .failure(Failure(message: "invalid syntax"))
            }
            if next != s.count - 1 || s[next] != "'" {
                return .failure(Failure(message: "malformed character constant: \(text)"))
            }
            let str = String(decoding: out, as: UTF8.self)
            let r = Int64(str.unicodeScalars.first?.value ?? 0xFFFD)
            n.isInt = true; n.int64 = r
            n.isUint = true; n.uint64 = UInt64(r)
            n.isFloat = true; n.float64 = Double(r)
            return .success(n)
        }
        if type == .complex || text.hasSuffix("i") {
            return .failure(Failure(message: "illegal number syntax: \(GoFormat.quote(text))"))
        }
        var neg = false
        var body = Substring(text)
        if body.hasPrefix("+") { body = body.dropFirst() } else if body.hasPrefix("-") { neg = true; body = body.dropFirst() }
        let parsed = parseUnsigned(body)
        if case .some(.some(let u)) = parsed {
            if !neg { n.isUint = true; n.uint64 = u }
            if neg {
                if u <= UInt64(Int64.max) + 1 {
                    n.isInt = true
                    n.int64 = u == UInt64(Int64.max) + 1 ? Int64.min : -Int64(u)
                    if u == 0 { n.isUint = true; n.uint64 = 0 }
                }
            } else if u <= UInt64(Int64.max) {
                n.isInt = true; n.int64 = Int64(u)
            }
        }
        if n.isInt {
            n.isFloat = true; n.float64 = Double(n.int64)
        } else if n.isUint {
            n.isFloat = true; n.float64 = Double(n.uint64)
        } else {
            var cleaned = text.filter { $0 != "_" }
            if cleaned.hasPrefix("+") { cleaned.removeFirst() }
            let looksFloat = text.contains(where: { ".eEpP".contains($0) })
            let isHex = body.lowercased().hasPrefix("0x")
            if let f = Double(cleaned), f.isFinite || looksFloat, !cleaned.isEmpty,
               (isHex ? text.lowercased().contains("p") || !looksFloat : true) {
                if !looksFloat {
                    return .failure(Failure(message: "integer overflow: \(text)"))
                }
                if f.isInfinite {
                    return .failure(Failure(message: "illegal number syntax: \(GoFormat.quote(text))"))
                }
                n.isFloat = true; n.float64 = f
                if f.rounded() == f && f >= -9.2e18 && f <= 9.2e18 { n.isInt = true; n.int64 = Int64(f) }
                if f.rounded() == f && f >= 0 && f <= 1.8e19 { n.isUint = true; n.uint64 = UInt64(f) }
            } else if case .none = parsed, !looksFloat {
                return .failure(Failure(message: "integer overflow: \(text)"))
            }
        }
        if !n.isInt && !n.isUint && !n.isFloat {
            return .failure(Failure(message: "illegal number syntax: \(GoFormat.quote(text))"))
        }
        return .success(n)
    }
}
