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
        let c = GoTime.civil(nanoseconds)
        return (Int(c.year), Int(c.month), Int(c.day), Int(c.hour), Int(c.minute), Int(c.second), Int(c.nanos))
    }

    /// Go's `time.RFC3339Nano` form, as the Docker API prints `Created`:
    /// `2025-06-01T10:00:00.123456789Z` (trailing zeros of the fraction dropped).
    public var rfc3339Nano: String { GoTime.rfc3339Nano(nanoseconds) }

    /// Go's `time.Time.String()`: `2025-06-01 10:00:00.123456789 +0000 UTC`.
    public var goString: String { GoTime.string(nanoseconds) }
}
