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
    /// The value last written at each place of the world (the cluster's fields, each machine's, each
    /// engine's) and its bytes (`CanonicalWriter.slotted`).
    var slots: [Int: (value: Any, bytes: [UInt8])] = [:]

    public init() {}

    init(previous: [AnyHashable: [UInt8]], current: [AnyHashable: [UInt8]]) {
        self.previous = previous
        self.current = current
    }

    /// What the walks found of each type (its kind, its excluded fields): finding it is a dynamic
    /// cast and a `Mirror`, too dear to repeat for every field of every walk.
    var kinds: [ObjectIdentifier: CanonicalWriter.Kind] = [:]
    var excludedLabels: [ObjectIdentifier: Set<String>] = [:]
    /// The size of the last walk's bytes (the next walk reserves as much).
    var lastSize = 0

    /// The last canonical bytes hashed through this cache and their recorded hash (set by the
    /// progress store's `StateFingerprint.hash(simulator:cache:)`): a line that changed nothing gives
    /// the same bytes, and their hash is not computed again.
    public var lastHashed: (bytes: [UInt8], hash: String)?

    /// Values kept (by value and by place).
    public var count: Int { current.count + slots.count }
}
