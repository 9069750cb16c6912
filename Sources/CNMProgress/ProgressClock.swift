import CNMSim
import Foundation

/// Where progress records get their timestamps: milliseconds since the Unix epoch, UTC.
///
/// Why injected: the simulation keeps its own clock (`SimTime`), records use the
/// wall clock, and tests pass a stepping clock so that every timestamp is known.
public struct ProgressClock: Sendable {
    private let read: @Sendable () -> Int64

    public init(_ read: @escaping @Sendable () -> Int64) { self.read = read }

    /// The current time in milliseconds since 1970-01-01T00:00:00Z.
    public func now() -> Int64 { read() }

    /// The machine's wall clock.
    public static let system = ProgressClock { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    /// A clock that starts at `start` and moves `step` milliseconds each time it is read (for tests).
    public static func stepping(from start: Int64, by step: Int64) -> ProgressClock {
        let counter = Counter(start)
        return ProgressClock { counter.next(step) }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int64
        init(_ start: Int64) { value = start }
        func next(_ step: Int64) -> Int64 {
            lock.lock(); defer { lock.unlock() }
            let v = value
            value = value &+ step
            return v
        }
    }
}

/// Formats record timestamps for people and reports.
public enum ProgressTime {
    /// `2026-11-29T01:21:22Z` (whole seconds, UTC).
    public static func iso8601(milliseconds ms: Int64) -> String {
        let (q, r) = ms.quotientAndRemainder(dividingBy: 1000)
        let seconds = r < 0 ? q - 1 : q
        let mul = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return SimTime(nanoseconds: mul.overflow ? 0 : mul.partialValue).rfc3339Nano
    }

    /// `1h02m05s`, `4m10s`, `12s`.
    public static func duration(seconds: Int64) -> String {
        let s = max(0, seconds)
        let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        if h > 0 { return "\(h)h\(two(m))m\(two(sec))s" }
        if m > 0 { return "\(m)m\(two(sec))s" }
        return "\(sec)s"
    }
}
