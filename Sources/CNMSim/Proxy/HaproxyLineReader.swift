/// Splits one line of `haproxy.cfg` into words as HAProxy does: blanks separate words, `#` outside
/// quotes starts a comment, `"…"` and `'…'` quote (environment variables inside `"…"` are not
/// expanded: cnmlab does not simulate them), and `\` escapes the next character (`\t`, `\n`, `\r`
/// stand for themselves' control characters).
///
/// Source: haproxy v3.0.0 `src/tools.c` (`parse_line`), `src/cfgparse.c` (`readcfgfile`:
/// `unmatched quote at position %d`).
enum HaproxyLineReader {
    /// The words, or the 0-based position of a quote left open.
    static func split(_ line: String) -> Result<[String], QuoteError> {
        let bytes = Array(line.utf8)
        var words: [String] = []
        var word: [UInt8] = []
        var inWord = false
        var quote: UInt8? = nil
        var quoteAt = 0
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if let q = quote {
                if c == q { quote = nil } else if c == UInt8(ascii: "\\") && q == UInt8(ascii: "\"") && i + 1 < bytes.count {
                    i += 1; word.append(escaped(bytes[i]))
                } else { word.append(c) }
                i += 1
                continue
            }
            switch c {
            case 0x20, 0x09, 0x0D, 0x0A:
                if inWord { words.append(String(decoding: word, as: UTF8.self)); word = []; inWord = false }
            case UInt8(ascii: "#"):
                i = bytes.count
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quote = c; quoteAt = i; inWord = true
            case UInt8(ascii: "\\") where i + 1 < bytes.count:
                i += 1; word.append(escaped(bytes[i])); inWord = true
            default:
                word.append(c); inWord = true
            }
            i += 1
        }
        if quote != nil { return .failure(QuoteError(position: quoteAt)) }
        if inWord { words.append(String(decoding: word, as: UTF8.self)) }
        return .success(words)
    }

    struct QuoteError: Error { var position: Int }

    private static func escaped(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        default: return c
        }
    }
}
