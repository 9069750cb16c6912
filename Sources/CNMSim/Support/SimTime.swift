/// A point on the simulated clock: nanoseconds since the Unix epoch, UTC.
///
/// The simulation never reads the wall clock; time moves only when commands run,
/// so `docker ps` shows "Up 4 seconds" the same way on every replay.
public struct SimTime: Sendable, Hashable, Comparable, Codable {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// 2025-06-01T10:00:00Z, the moment every simulated world boots.
    public static let epoch = SimTime(nanoseconds: 1_748_772_000 * 1_000_000_000)

    public static func < (a: SimTime, b: SimTime) -> Bool { a.nanoseconds < b.nanoseconds }

    public func adding(nanoseconds delta: Int64) -> SimTime {
        SimTime(nanoseconds: nanoseconds.addingReportingOverflow(delta).overflow ? nanoseconds : nanoseconds + delta)
    }

    /// Seconds elapsed from `earlier` to `self` (never negative).
    public func seconds(since earlier: SimTime) -> Int64 {
        let d = nanoseconds.subtractingReportingOverflow(earlier.nanoseconds)
        return d.overflow || d.partialValue < 0 ? 0 : d.partialValue / 1_000_000_000
    }

    /// Civil date and time fields (proleptic Gregorian, UTC).
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nano: Int) {
        let secs = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
        let nano = Int(nanoseconds - secs * 1_000_000_000)
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let rem = Int(secs - days * 86_400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d), rem / 3_600, (rem % 3_600) / 60, rem % 60, nano)
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Go's `time.RFC3339Nano` form, as the Docker API prints `Created`:
    /// `2025-06-01T10:00:00.123456789Z` (trailing zeros of the fraction dropped).
    public var rfc3339Nano: String {
        let c = components
        var s = "\(Self.pad(c.year, 4))-\(Self.pad(c.month, 2))-\(Self.pad(c.day, 2))T\(Self.pad(c.hour, 2)):\(Self.pad(c.minute, 2)):\(Self.pad(c.second, 2))"
        if c.nano != 0 {
            var frac = Self.pad(c.nano, 9)
            while frac.hasSuffix("0") { frac.removeLast() }
            s += "." + frac
        }
        return s + "Z"
    }

    /// Go's `time.Time.String()`: `2025-06-01 10:00:00.123456789 +0000 UTC`.
    public var goString: String {
        let c = components
        var s = "\(Self.pad(c.year, 4))-\(Self.pad(c.month, 2))-\(Self.pad(c.day, 2)) \(Self.pad(c.hour, 2)):\(Self.pad(c.minute, 2)):\(Self.pad(c.second, 2))"
        if c.nano != 0 {
            var frac = Self.pad(c.nano, 9)
            while frac.hasSuffix("0") { frac.removeLast() }
            s += "." + frac
        }
        return s + " +0000 UTC"
    }
}
