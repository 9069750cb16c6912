/// Go's `strconv.Quote` / `strconv.QuoteRune` (what `fmt`'s `%q` verb prints).
///
/// docker/cli v28.2.2 error messages embed user input with `%q` (for example
/// `invalid argument "abc" for "--cpu-shares" flag`), so the simulator must quote
/// exactly like Go: printable runes are kept, `"` and `\` are escaped, the usual
/// C escapes (`\a \b \f \n \r \t \v`) are used, other control bytes become `\xNN`,
/// each byte of invalid UTF-8 becomes `\xNN`, other non-printable runes become
/// `\uNNNN` or `\UNNNNNNNN`. "Printable" follows Go's `unicode.IsPrint`: general
/// categories L, M, N, P, S plus the ASCII space.
public enum GoQuote {
    /// `strconv.Quote(s)` for a Swift string (always valid UTF-8).
    public static func quote(_ s: String) -> String {
        quote(bytes: Array(s.utf8))
    }

    /// `strconv.Quote` over raw bytes; invalid UTF-8 bytes are escaped as `\xNN`
    /// one byte at a time, as Go's `utf8.DecodeRuneInString` reports them.
    public static func quote(bytes: [UInt8]) -> String {
        var out = "\""
        var index = 0
        while index < bytes.count {
            let (rune, width) = decodeRune(bytes, at: index)
            if width == 1 && rune == 0xFFFD {
                out += "\\x" + hex2(bytes[index])
            } else {
                out += escaped(rune, quote: 0x22)
            }
            index += max(width, 1)
        }
        out += "\""
        return out
    }

    /// `strconv.QuoteRune(r)`: a single-quoted Go character literal. Invalid
    /// runes (surrogates, values above U+10FFFF) print as U+FFFD, as in Go.
    public static func quoteRune(_ rune: UInt32) -> String {
        var r = rune
        if !isValidRune(r) { r = 0xFFFD }
        return "'" + escaped(r, quote: 0x27) + "'"
    }

    // MARK: - Internals

    static func isValidRune(_ r: UInt32) -> Bool {
        r <= 0x10FFFF && !(0xD800...0xDFFF).contains(r)
    }

    /// Go's `unicode.IsPrint`.
    static func isPrint(_ r: UInt32) -> Bool {
        if r == 0x20 { return true }
        guard let scalar = Unicode.Scalar(r) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")

    private static func hexDigit(_ v: UInt32) -> String {
        String(hexDigits[Int(v & 0xF)])
    }

    static func hex2(_ b: UInt8) -> String {
        hexDigit(UInt32(b) >> 4) + hexDigit(UInt32(b))
    }

    private static func escaped(_ r: UInt32, quote: UInt32) -> String {
        if r == quote || r == 0x5C {
            return "\\" + String(Character(Unicode.Scalar(UInt8(truncatingIfNeeded: r))))
        }
        if isPrint(r), let scalar = Unicode.Scalar(r) {
            return String(Character(scalar))
        }
        switch r {
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x0B: return "\\v"
        default: break
        }
        if r < 0x20 || r == 0x7F {
            return "\\x" + hex2(UInt8(truncatingIfNeeded: r))
        }
        var v = r
        if !isValidRune(v) { v = 0xFFFD }
        if v < 0x10000 {
            var s = "\\u"
            for shift in stride(from: 12, through: 0, by: -4) { s += hexDigit(v >> UInt32(shift)) }
            return s
        }
        var s = "\\U"
        for shift in stride(from: 28, through: 0, by: -4) { s += hexDigit(v >> UInt32(shift)) }
        return s
    }

    /// Go's `utf8.DecodeRune`: returns (U+FFFD, 1) for every invalid byte.
    static func decodeRune(_ b: [UInt8], at i: Int) -> (UInt32, Int) {
        guard i >= 0, i < b.count else { return (0xFFFD, 0) }
        let b0 = b[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> UInt8? {
            let j = i + k
            guard j < b.count, b[j] >= lo, b[j] <= hi else { return nil }
            return b[j]
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let b1 = cont(1) else { return (0xFFFD, 1) }
            return (UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F), 2)
        case 0xE0...0xEF:
            let lo: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let hi: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard let b1 = cont(1, lo, hi), let b2 = cont(2) else { return (0xFFFD, 1) }
            return (UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), 3)
        case 0xF0...0xF4:
            let lo: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard let b1 = cont(1, lo, hi), let b2 = cont(2), let b3 = cont(3) else { return (0xFFFD, 1) }
            let r = UInt32(b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(b2 & 0x3F) << 6 | UInt32(b3 & 0x3F)
            return (r, 4)
        default:
            return (0xFFFD, 1)
        }
    }
}
