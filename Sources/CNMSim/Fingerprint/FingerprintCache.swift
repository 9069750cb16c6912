/// The canonical bytes of the values of the last world encoded, keyed by the values themselves, so
/// that the next world (which differs from it in a few objects) costs a walk of what changed.
///
/// Why it may be trusted: a value is looked up with its own `==`, which for the model's types compares
/// every stored field. (A type whose `==` leaves out a field that changes what the learner sees must
/// not be `Hashable` on those terms, or its value would be encoded as an equal one met before.)
public struct FingerprintCache: @unchecked Sendable {
    // Only values of the model's `Sendable` value types are keys: nothing here is shared mutable state.
    var previous: [AnyHashable: [UInt8]] = [:]
    var current: [AnyHashable: [UInt8]] = [:]

    public init() {}

    init(previous: [AnyHashable: [UInt8]], current: [AnyHashable: [UInt8]]) {
        self.previous = previous
        self.current = current
    }

    /// Values kept.
    public var count: Int { current.count }
}
