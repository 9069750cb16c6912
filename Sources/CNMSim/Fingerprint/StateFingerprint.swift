/// The canonical bytes of a simulated world, from which a state fingerprint is hashed.
///
/// Why: resume rebuilds a learner's world by replaying the logged commands; the hash of
/// these bytes, recorded with each command, proves the replay arrived at the same world.
///
/// The encoding is derived from the model types themselves (through `Mirror`), so every
/// stored field of every value reachable from a `Cluster` is covered — networks,
/// containers, endpoints, sandboxes, IPAM, the firewall with the learner's own rules,
/// created links, swarm state, and whatever is added later — unless it is excluded on
/// purpose:
///
/// * values of a type that conforms to `FingerprintExcluded` (the clock, timestamps, the
///   random generator: they do not change what the learner's network looks like);
/// * the fields named in `excludedFields`: indexes and caches derived from other fields;
/// * a type that conforms to `FingerprintIdentity` is encoded by its identity alone
///   (an image is fully determined by its reference).
///
/// A derived cache added to `Engine` (or any model type) must be excluded the same way:
/// give the cache its own type and conform it to `FingerprintExcluded`, or list the field
/// as `"Type.field"` in `excludedFields` (a test checks that every listed field exists).
/// A forgotten cache is still hashed — correct, as long as it is derived, but slower.
///
/// Canonical: dictionaries and sets are encoded in sorted order, so hashing never depends
/// on iteration order; every string is length-prefixed and every value tagged, so no value
/// can fake a separator. The bytes start with `formatVersion` and a newline; any change
/// of the canonical form must bump it (a golden test in `CNMSimTests` fails otherwise).
public enum StateFingerprint {
    /// Bumped when the canonical form changes (hashes of another version are not compared).
    public static let formatVersion = "cnmlab-state-v2"

    /// Fields left out as `"Type.field"`: indexes derived from other fields of the same value.
    public static let excludedFields: Set<String> = [
        // By-name indexes and reverse maps rebuilt from `networks`, `containers` and port mappings.
        "Engine.networkIDByName", "Engine.containerIDByName", "Engine.hostNetworkContainers", "Engine.hostBindings",
        // What the node knows of the others, recomputed by the cluster after every command.
        "Engine.overlayDirectory",
        // The set form of `programmed` (Docker's operations as of the last sync).
        "Firewall.programmedKeys",
    ]

    /// `excludedFields` by type name.
    static let excludedByType: [String: Set<String>] = {
        var out: [String: Set<String>] = [:]
        for f in excludedFields {
            let parts = f.split(separator: ".", maxSplits: 1)
            if parts.count == 2 { out[String(parts[0]), default: []].insert(String(parts[1])) }
        }
        return out
    }()

    static func excludedLabels(of type: String) -> Set<String> { excludedByType[type] ?? [] }

    /// The bytes of a whole LAN: the version line, then the cluster (every machine and the swarm store).
    ///
    /// Each machine's firewall is taken as stored: the rules, and Docker's operations as of its
    /// last sync (Docker's newer changes are applied by the next command that reads or edits the
    /// rules, so such a command may change the fingerprint; it does so the same way on every replay).
    public static func canonicalBytes(cluster: Cluster) -> [UInt8] {
        var cache = FingerprintCache()
        return canonicalBytes(cluster: cluster, cache: &cache)
    }

    /// The same bytes, reusing what `cache` kept of the previous world: a value met then (compared
    /// with `==`) is not walked again. Keep one cache per sequence of states (a session, a replay).
    public static func canonicalBytes(cluster: Cluster, cache: inout FingerprintCache) -> [UInt8] {
        var w = CanonicalWriter(cache: cache)
        w.bytes.append(contentsOf: formatVersion.utf8)
        w.bytes.append(10)
        w.value(cluster)
        w.bytes.append(10)
        cache = FingerprintCache(previous: [:], current: w.cache.current)
        return w.bytes
    }

    /// The bytes of one engine (for tests and for a person comparing two machines).
    public static func canonicalBytes(engine: Engine) -> [UInt8] {
        var w = CanonicalWriter()
        w.bytes.append(contentsOf: formatVersion.utf8)
        w.bytes.append(10)
        w.value(engine)
        w.bytes.append(10)
        return w.bytes
    }

    /// The canonical bytes as text (for a person comparing two states).
    public static func canonicalText(cluster: Cluster) -> String {
        String(decoding: canonicalBytes(cluster: cluster), as: UTF8.self)
    }

    /// A 64-bit FNV-1a digest of the canonical bytes: enough to tell whether a command changed
    /// the world (not a proof; the recorded hash is a SHA-256 of the same bytes).
    public static func digest(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The excluded fields that name no stored field of the sample values (a renamed field would
    /// otherwise slip back into the hash unnoticed). Empty when the list is up to date.
    public static func staleExclusions(samples: [Any]) -> [String] {
        var present = Set<String>()
        for sample in samples {
            let m = Mirror(reflecting: sample)
            let type = String(describing: m.subjectType)
            for child in m.children { if let label = child.label { present.insert(type + "." + label) } }
        }
        return excludedFields.subtracting(present).sorted()
    }
}

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

/// Values never part of the fingerprint (the clock, timestamps, the random generator, caches).
public protocol FingerprintExcluded {}

/// Values encoded by an identity that determines them (an image by its ID).
public protocol FingerprintIdentity {
    var fingerprintIdentity: String { get }
}

extension SimTime: FingerprintExcluded {}
extension SeededGenerator: FingerprintExcluded {}

// Values wholly given by a short identity: an image by its ID, and the address types, which are
// everywhere in the model (each is its one or two fields; a field added to one must join its identity).
extension Image: FingerprintIdentity {
    public var fingerprintIdentity: String { id }
}
extension IPv4Address: FingerprintIdentity {
    public var fingerprintIdentity: String { String(value) }
}
extension IPv4Subnet: FingerprintIdentity {
    public var fingerprintIdentity: String { String(address.value) + "/" + String(prefixLength) }
}
extension MACAddress: FingerprintIdentity {
    public var fingerprintIdentity: String { bytes.map { String($0) }.joined(separator: ":") }
}
extension ContainerPort: FingerprintIdentity {
    public var fingerprintIdentity: String { String(port) + "/" + proto }
}

/// An array's elements, without `Mirror`.
protocol AnyElements {
    var anyElements: [Any] { get }
}

extension Array: AnyElements {
    var anyElements: [Any] { map { $0 as Any } }
}

/// A dictionary with `String` keys, its entries sorted by key, without `Mirror`.
protocol StringKeyedEntries {
    var sortedEntries: [(String, Any)] { get }
}

extension Dictionary: StringKeyedEntries where Key == String {
    // The keys alone are sorted (moving whole entries would copy every value at each step).
    var sortedEntries: [(String, Any)] { keys.sorted().compactMap { k in self[k].map { (k, $0 as Any) } } }
}

/// An optional, seen through `Any` without looking through it.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { map { $0 as Any } }
}

/// Walks a value with `Mirror` and writes tagged, length-prefixed tokens:
/// `{value…}` structs (fields in declaration order), `[…]` arrays, `<k v…>` dictionaries and `(…)` sets in sorted
/// order, `s<n>:text` strings, `i<n>;` integers, `e<n>:case` enum cases, `n`/`o` optionals, `x` excluded.
///
/// What kind of value a type holds is found once per type (a dynamic cast is far dearer than a
/// dictionary lookup), so a walk costs one `Mirror` per composite value.
struct CanonicalWriter {
    var bytes: [UInt8] = []
    /// Kind of each type met so far.
    private var kinds: [ObjectIdentifier: Kind] = [:]
    /// Fields left out, per struct or class type met so far.
    private var excludedLabels: [ObjectIdentifier: Set<String>] = [:]
    /// Bytes of values already encoded (this walk's, and the previous walk's when a cache is kept).
    var cache = FingerprintCache()

    enum Kind {
        case optional, string, strings, array, stringDictionary, int, bool, unsigned, signed, double, excluded, identity,
             rawEnum, composite
        /// A struct that is `Hashable`: its bytes are kept in the cache, keyed by the value itself.
        case memoized
    }

    init() { bytes.reserveCapacity(32 << 10) }

    init(cache: FingerprintCache) {
        bytes.reserveCapacity(32 << 10)
        self.cache = cache
        self.cache.previous = self.cache.current
        self.cache.current = [:]
        self.cache.current.reserveCapacity(self.cache.previous.count + 16)
    }

    private init(kinds: [ObjectIdentifier: Kind], excludedLabels: [ObjectIdentifier: Set<String>], cache: FingerprintCache) {
        self.kinds = kinds
        self.excludedLabels = excludedLabels
        self.cache = cache
    }

    mutating func string(_ s: String, tag: UInt8 = UInt8(ascii: "s")) {
        bytes.append(tag)
        decimal(UInt64(s.utf8.count))
        bytes.append(58)
        bytes.append(contentsOf: s.utf8)
    }

    mutating func decimal(_ v: UInt64) {
        if v < 10 { bytes.append(48 + UInt8(v)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var m = v
        withUnsafeMutableBytes(of: &digits) { buf in
            while m > 0 { buf[n] = UInt8(48 + m % 10); m /= 10; n += 1 }
            for i in stride(from: n - 1, through: 0, by: -1) { bytes.append(buf[i]) }
        }
    }

    mutating func integer(_ v: Int64) {
        bytes.append(UInt8(ascii: "i"))
        if v < 0 { bytes.append(45) }
        decimal(v.magnitude)
        bytes.append(59)
    }

    mutating func unsigned(_ v: UInt64) {
        bytes.append(UInt8(ascii: "i"))
        decimal(v)
        bytes.append(59)
    }

    static func kind(of v: Any) -> Kind {
        // First: a cast from an optional value looks through it (`Optional("a") is String`).
        let type = Swift.type(of: v)
        if type is OptionalValue.Type { return .optional }
        if type == [String].self { return .strings }
        if type is AnyElements.Type { return .array }
        if type is StringKeyedEntries.Type { return .stringDictionary }
        switch v {
        case is String, is Substring, is Character: return .string
        case is Int: return .int
        case is Bool: return .bool
        case is UInt8, is UInt16, is UInt32, is UInt64, is UInt: return .unsigned
        case is Int8, is Int16, is Int32, is Int64: return .signed
        case is Double, is Float: return .double
        case is FingerprintExcluded: return .excluded
        case is FingerprintIdentity: return .identity
        default:
            let mirror = Mirror(reflecting: v)
            if mirror.displayStyle == .enum && v is any RawRepresentable { return .rawEnum }
            // Worth a cache entry: a struct of several fields (hashing a small one costs more than walking it).
            if mirror.displayStyle == .struct && mirror.children.count >= 4 && v is AnyHashable { return .memoized }
            return .composite
        }
    }

    /// Encodes one value of any type.
    mutating func value(_ v: Any) {
        let id = ObjectIdentifier(type(of: v))
        let kind: Kind
        if let k = kinds[id] {
            kind = k
        } else {
            kind = Self.kind(of: v)
            kinds[id] = kind
        }
        switch kind {
        case .optional:
            if let wrapped = (v as? OptionalValue)?.wrappedValue {
                bytes.append(UInt8(ascii: "o"))
                value(wrapped)
            } else {
                bytes.append(UInt8(ascii: "n"))
            }
        case .strings:
            bytes.append(UInt8(ascii: "["))
            for s in v as? [String] ?? [] { string(s) }
            bytes.append(UInt8(ascii: "]"))
        case .array:
            bytes.append(UInt8(ascii: "["))
            for element in (v as? AnyElements)?.anyElements ?? [] { value(element) }
            bytes.append(UInt8(ascii: "]"))
        case .stringDictionary:
            bytes.append(UInt8(ascii: "<"))
            for (key, element) in (v as? StringKeyedEntries)?.sortedEntries ?? [] {
                string(key)
                value(element)
            }
            bytes.append(UInt8(ascii: ">"))
        case .string:
            if let s = v as? String { string(s) } else { string(String(describing: v)) }
        case .int: integer(Int64(v as? Int ?? 0))
        case .bool: bytes.append((v as? Bool ?? false) ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .unsigned: string(String(describing: v), tag: UInt8(ascii: "u"))
        case .signed: string(String(describing: v), tag: UInt8(ascii: "i"))
        case .double: string(String(describing: v), tag: UInt8(ascii: "d"))
        case .excluded: bytes.append(UInt8(ascii: "x"))
        case .identity: string((v as? FingerprintIdentity)?.fingerprintIdentity ?? "", tag: UInt8(ascii: "I"))
        case .rawEnum: string(String(describing: (v as? any RawRepresentable)?.rawValue ?? ""), tag: UInt8(ascii: "e"))
        case .composite: composite(v)
        case .memoized:
            guard let key = v as? AnyHashable else { return composite(v) }
            if let known = cache.previous[key] ?? cache.current[key] {
                bytes.append(contentsOf: known)
                cache.current[key] = known
                return
            }
            let start = bytes.count
            composite(v)
            cache.current[key] = Array(bytes[start...])
        }
    }

    mutating func composite(_ v: Any) {
        let mirror = Mirror(reflecting: v)
        switch mirror.displayStyle {
        case .optional?:
            if let some = mirror.children.first {
                bytes.append(UInt8(ascii: "o"))
                value(some.value)
            } else {
                bytes.append(UInt8(ascii: "n"))
            }
        case .collection?:
            bytes.append(UInt8(ascii: "["))
            for child in mirror.children { value(child.value) }
            bytes.append(UInt8(ascii: "]"))
        case .dictionary?:
            // Each entry is a (key, value) tuple; entries are sorted by their encoded key.
            bytes.append(UInt8(ascii: "<"))
            sortedRegion(mirror.children) { w, entry in
                var pair = Mirror(reflecting: entry).children.makeIterator()
                guard let key = pair.next(), let value = pair.next() else { return }
                w.value(key.value)
                w.splitHere()
                w.value(value.value)
            }
            bytes.append(UInt8(ascii: ">"))
        case .set?:
            bytes.append(UInt8(ascii: "("))
            sortedRegion(mirror.children) { w, item in
                w.value(item)
                w.splitHere()
            }
            bytes.append(UInt8(ascii: ")"))
        case .enum?:
            if let payload = mirror.children.first {
                string(payload.label ?? "", tag: UInt8(ascii: "e"))
                value(payload.value)
            } else {
                string(String(describing: v), tag: UInt8(ascii: "e"))
            }
        case .struct?, .class?, .tuple?:
            bytes.append(UInt8(ascii: "{"))
            fields(mirror)
            bytes.append(UInt8(ascii: "}"))
        default:
            // A value without structure Mirror can see (a function, an opaque type): its type only.
            string(String(describing: mirror.subjectType), tag: UInt8(ascii: "?"))
        }
    }

    /// The stored fields of a struct, class (superclass fields first) or tuple, in declaration order.
    mutating func fields(_ mirror: Mirror) {
        if let parent = mirror.superclassMirror { fields(parent) }
        let id = ObjectIdentifier(mirror.subjectType)
        let excluded: Set<String>
        if let known = excludedLabels[id] {
            excluded = known
        } else {
            // The type's name is found once per type (it is demangled at run time).
            excluded = mirror.displayStyle == .tuple ? [] : StateFingerprint.excludedLabels(of: String(describing: mirror.subjectType))
            excludedLabels[id] = excluded
        }
        // Values only, in declaration order: each is self-delimiting, so a struct's bytes are unambiguous
        // for its type, and renaming a field leaves recorded hashes valid.
        for child in mirror.children {
            if !excluded.isEmpty, let label = child.label, excluded.contains(label) { continue }
            value(child.value)
        }
    }

    /// Where the sort key of the element being written ends (see `sortedRegion`).
    private var split = 0

    mutating func splitHere() { split = bytes.count }

    /// Writes each element with `body`, then puts the elements in the order of their sort keys
    /// (what `body` wrote before `splitHere()`), all in the one buffer.
    mutating func sortedRegion(_ children: Mirror.Children, _ body: (inout CanonicalWriter, Any) -> Void) {
        let base = bytes.count
        var spans: [(start: Int, split: Int, end: Int)] = []
        for child in children {
            let start = bytes.count
            split = start
            body(&self, child.value)
            spans.append((start - base, split - base, bytes.count - base))
        }
        guard spans.count > 1 else { return }
        let region = Array(bytes[base...])
        region.withUnsafeBufferPointer { r in
            spans.sort { a, b in
                let la = a.split - a.start, lb = b.split - b.start
                let n = min(la, lb)
                let c = n == 0 ? 0 : memcmpBytes(r.baseAddress! + a.start, r.baseAddress! + b.start, n)
                return c != 0 ? c < 0 : la < lb
            }
        }
        bytes.removeSubrange(base...)
        for span in spans { bytes.append(contentsOf: region[span.start..<span.end]) }
    }

    /// One value's bytes on their own (for sorting), sharing what is known of types.
    mutating func encoded(_ v: Any) -> [UInt8] {
        var w = CanonicalWriter(kinds: kinds, excludedLabels: excludedLabels, cache: cache)
        cache = FingerprintCache()
        w.value(v)
        kinds = w.kinds
        excludedLabels = w.excludedLabels
        cache = w.cache
        return w.bytes
    }
}

/// `memcmp` without Foundation: the sign of the first differing byte.
@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Int {
    var i = 0
    while i < n {
        if a[i] != b[i] { return Int(a[i]) - Int(b[i]) }
        i += 1
    }
    return 0
}
