/// Go `time.Time` rendering for UTC instants stored as Unix nanoseconds:
/// `String()` (`2006-01-02 15:04:05.999999999 -0700 MST`) and `MarshalJSON`
/// (RFC 3339 with nanoseconds, trailing fraction zeros trimmed).
public enum GoTime {
    static let nanosPerSecond: Int64 = 1_000_000_000

    /// Calendar fields of an instant, in UTC.
    struct Civil {
        var year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, nanos: Int64
    }

    static func civil(_ unixNanos: Int64) -> Civil {
        var secs = unixNanos / nanosPerSecond
        var nanos = unixNanos % nanosPerSecond
        if nanos < 0 { nanos += nanosPerSecond; secs -= 1 }
        var days = secs / 86_400
        var rem = secs % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return Civil(year: y, month: m, day: d, hour: rem / 3600, minute: (rem % 3600) / 60,
                     second: rem % 60, nanos: nanos)
    }

    /// Unix nanoseconds for UTC calendar fields (wrapping on absurd input).
    public static func nanoseconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                                   nanosecond: Int) -> Int64 {
        let y = Int64(truncatingIfNeeded: month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mm = Int64(truncatingIfNeeded: month)
        let mp = mm > 2 ? mm - 3 : mm + 9
        let doy = (153 * mp + 2) / 5 + Int64(truncatingIfNeeded: day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era &* 146_097 &+ doe &- 719_468
        let secs = days &* 86_400 &+ Int64(truncatingIfNeeded: hour) &* 3600
            &+ Int64(truncatingIfNeeded: minute) &* 60 &+ Int64(truncatingIfNeeded: second)
        return secs &* nanosPerSecond &+ Int64(truncatingIfNeeded: nanosecond)
    }

    static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v < 0 ? -v : v)
        let body = s.count < width ? String(repeating: "0", count: width - s.count) + s : s
        return v < 0 ? "-" + body : body
    }

    /// `.123456789` with trailing zeros trimmed; empty when the fraction is zero.
    static func fraction(_ nanos: Int64) -> String {
        if nanos == 0 { return "" }
        var s = pad(nanos, 9)
        while s.hasSuffix("0") { s.removeLast() }
        return "." + s
    }

    /// Go `time.Time.String()` for a UTC time: `2025-06-01 10:00:00.123456789 +0000 UTC`.
    public static func string(_ unixNanos: Int64) -> String {
        let c = civil(unixNanos)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))\(fraction(c.nanos)) +0000 UTC"
    }

    /// Go `time.RFC3339Nano` in UTC: `2025-06-01T10:00:00.123456789Z`.
    public static func rfc3339Nano(_ unixNanos: Int64) -> String {
        let c = civil(unixNanos)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))\(fraction(c.nanos))Z"
    }
}
