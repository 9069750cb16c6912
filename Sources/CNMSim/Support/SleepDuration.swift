/// `sleep`'s arguments as a duration: busybox 1.36.1 `parse_duration_str` (libbb/duration.c, with
/// FEATURE_FANCY_SLEEP and FLOAT_DURATION) and GNU coreutils alike sum every argument, each a number
/// (with a fraction when it has a dot) and an optional suffix `s`, `m`, `h` or `d`: `1d 3h`, `10m`, `1.5`.
public enum SleepDuration {
    /// The total in nanoseconds; nil when an argument is not such a number (`invalid number 'X'`).
    public static func nanoseconds(_ args: [String]) -> Int64? {
        guard !args.isEmpty else { return nil }
        var total: Int64 = 0
        for arg in args {
            guard let n = one(arg) else { return nil }
            let (sum, o) = total.addingReportingOverflow(n)
            total = o ? Int64.max : sum
        }
        return total
    }

    /// The first argument that does not parse, for the error message.
    public static func firstInvalid(_ args: [String]) -> String? { args.first { one($0) == nil } }

    static func one(_ arg: String) -> Int64? {
        var body = Substring(arg)
        var unit: Int64 = 1_000_000_000
        switch body.last {
        case "s": body = body.dropLast()
        case "m": unit *= 60; body = body.dropLast()
        case "h": unit *= 3600; body = body.dropLast()
        case "d": unit *= 86_400; body = body.dropLast()
        default: break
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
              !(parts.count == 2 && parts[0].isEmpty && parts[1].isEmpty) else { return nil }
        let whole = parts[0].isEmpty ? 0 : Int64(parts[0].prefix(12)) ?? 0
        guard parts[0].count <= 12 else { return Int64.max }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1].prefix(9)
            fraction = (Int64(digits) ?? 0) * Int64((0..<(9 - digits.count)).reduce(1) { r, _ in r * 10 })
        }
        let (w, o1) = whole.multipliedReportingOverflow(by: unit)
        let (f, o2) = fraction.multipliedReportingOverflow(by: unit / 1_000_000_000)
        if o1 || o2 { return Int64.max }
        let (t, o3) = w.addingReportingOverflow(f)
        return o3 ? Int64.max : t
    }
}
