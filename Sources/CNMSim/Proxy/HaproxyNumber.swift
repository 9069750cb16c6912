/// HAProxy's number readers: C's `atol` (leading blanks, a sign, digits, anything after ignored;
/// saturating as glibc's `strtol` does) and `parse_time_err` for delays in milliseconds
/// (`2000`, `2s`, `500ms`, `1m`, `100us`).
///
/// Source: haproxy v3.0.0 `src/tools.c` (`parse_time_err`); glibc `strtol`.
enum HaproxyNumber {
    static func atol(_ text: String) -> Int64 {
        var bytes = Substring(text).utf8.drop { $0 == 0x20 || $0 == 0x09 }
        var negative = false
        if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { negative = s == UInt8(ascii: "-"); bytes = bytes.dropFirst() }
        var value: Int64 = 0
        for c in bytes {
            guard c >= 0x30 && c <= 0x39 else { break }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(c - 0x30))
            if o1 || o2 { return negative ? Int64.min : Int64.max }
            value = s
        }
        return negative ? -value : value
    }

    enum TimeError: Error, Equatable { case overflow, underflow, character(Character) }

    /// A delay in milliseconds, or why it is refused.
    static func milliseconds(_ text: String) -> Result<Int, TimeError> {
        let chars = Array(text)
        var i = 0
        var value: Int64 = 0
        guard let first = chars.first, first.isASCII, first.isNumber else {
            return .failure(.character(chars.first ?? " "))
        }
        while i < chars.count, chars[i].isASCII, chars[i].isNumber, let d = chars[i].wholeNumberValue {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 || s > Int64(UInt32.max) { return .failure(.overflow) }
            value = s; i += 1
        }
        let unit = String(chars[i...])
        let ms: Int64
        switch unit {
        case "", "ms": ms = value
        case "us": ms = value / 1000; if value > 0 && ms == 0 { return .failure(.underflow) }
        case "s": ms = value * 1000
        case "m": ms = value * 60_000
        case "h": ms = value * 3_600_000
        case "d": ms = value * 86_400_000
        default: return .failure(.character(chars[i]))
        }
        guard ms <= Int64(Int32.max) else { return .failure(.overflow) }
        return .success(Int(ms))
    }
}
