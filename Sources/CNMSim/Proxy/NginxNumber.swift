/// nginx's number readers, which refuse what does not fit rather than wrap: `ngx_atoi` (decimal digits
/// only, no sign) and `ngx_parse_time` in seconds (`30`, `10s`, `1m30s`, `2h`).
///
/// Source: nginx release-1.27.5 `src/core/ngx_string.c` (`ngx_atoi`), `src/core/ngx_parse.c` (`ngx_parse_time`).
enum NginxNumber {
    /// A non-negative decimal, or nil (empty, a non-digit, or too big: nginx's `NGX_ERROR`).
    static func atoi(_ text: String) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for c in text.utf8 {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(c - 0x30))
            if o1 || o2 { return nil }
            value = s
        }
        return value
    }

    /// A time in seconds: numbers each followed by a unit (`y M w d h m s`; a bare number is seconds).
    static func seconds(_ text: String) -> Int? {
        let units: [Character: Int] = ["y": 31_536_000, "M": 2_592_000, "w": 604_800, "d": 86_400, "h": 3600, "m": 60, "s": 1]
        guard !text.isEmpty else { return nil }
        var total = 0
        var digits = ""
        for c in text {
            if c.isASCII && c.isNumber { digits.append(c); continue }
            guard let unit = units[c], let n = atoi(digits) else { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: unit)
            let (s, o2) = total.addingReportingOverflow(m)
            if o1 || o2 { return nil }
            total = s; digits = ""
        }
        if !digits.isEmpty {
            guard let n = atoi(digits) else { return nil }
            let (s, o) = total.addingReportingOverflow(n)
            if o { return nil }
            total = s
        }
        return total
    }
}
