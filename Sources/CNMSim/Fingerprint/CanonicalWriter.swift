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

/// A dictionary with other keys, its entries unsorted, without `Mirror`.
protocol AnyKeyedEntries {
    var anyEntries: [(key: Any, value: Any)] { get }
}

extension Dictionary: AnyKeyedEntries {
    var anyEntries: [(key: Any, value: Any)] { map { ($0.key as Any, $0.value as Any) } }
}

/// A set's elements, unsorted, without `Mirror`.
protocol AnySetElements {
    var anyElements: [Any] { get }
}

extension Set: AnySetElements {
    var anyElements: [Any] { map { $0 as Any } }
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
    /// Kind of each type met so far (kept in the `FingerprintCache` from one walk to the next).
    var kinds: [ObjectIdentifier: Kind] = [:]
    /// Fields left out, per struct or class type met so far (kept in the cache too).
    var excludedLabels: [ObjectIdentifier: Set<String>] = [:]
    /// Bytes of values already encoded (this walk's, and the previous walk's when a cache is kept).
    var cache = FingerprintCache()
    /// Walks every value with `Mirror`, ignoring `CanonicalEncodable` (the reference the fast forms
    /// are tested against).
    var reflective = false

    enum Kind {
        case optional, string, strings, array, stringDictionary, keyedDictionary, set, int, bool, unsigned, signed, double, excluded, identity,
             rawEnum, composite
        /// A struct that is `Hashable`: its bytes are kept in the cache, keyed by the value itself.
        case memoized
        /// A type that writes itself (`CanonicalEncodable`).
        case explicit
    }

    init() { bytes.reserveCapacity(32 << 10) }

    init(cache: FingerprintCache) {
        bytes.reserveCapacity(max(32 << 10, cache.lastSize))
        self.cache = cache
        kinds = cache.kinds
        excludedLabels = cache.excludedLabels
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

    static func kind(of v: Any, reflective: Bool = false) -> Kind {
        // First: a cast from an optional value looks through it (`Optional("a") is String`).
        let type = Swift.type(of: v)
        if type is OptionalValue.Type { return .optional }
        if type == [String].self { return .strings }
        if type is AnyElements.Type { return .array }
        if type is StringKeyedEntries.Type { return .stringDictionary }
        // Other dictionaries and sets: the same bytes as `composite` writes through `Mirror`.
        if !reflective && type is AnyKeyedEntries.Type { return .keyedDictionary }
        if !reflective && type is AnySetElements.Type { return .set }
        switch v {
        case is String, is Substring, is Character: return .string
        case is Int: return .int
        case is Bool: return .bool
        case is UInt8, is UInt16, is UInt32, is UInt64, is UInt: return .unsigned
        case is Int8, is Int16, is Int32, is Int64: return .signed
        case is Double, is Float: return .double
        case is FingerprintExcluded: return .excluded
        case is FingerprintIdentity: return .identity
        case is CanonicalEncodable where !reflective: return .explicit
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
            kind = Self.kind(of: v, reflective: reflective)
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
            if depth < Self.slotDepth && !reflective {
                // The cluster's machines: each in a place of its own.
                for (i, element) in ((v as? AnyElements)?.anyElements ?? []).enumerated() {
                    slotted(element, slot: slot &* 31 &+ i &+ 1_000)
                }
            } else {
                for element in (v as? AnyElements)?.anyElements ?? [] { value(element) }
            }
            bytes.append(UInt8(ascii: "]"))
        case .stringDictionary:
            bytes.append(UInt8(ascii: "<"))
            for (key, element) in (v as? StringKeyedEntries)?.sortedEntries ?? [] {
                string(key)
                value(element)
            }
            bytes.append(UInt8(ascii: ">"))
        case .keyedDictionary:
            bytes.append(UInt8(ascii: "<"))
            sortedRegion((v as? AnyKeyedEntries)?.anyEntries ?? []) { w, entry in
                w.value(entry.key)
                w.splitHere()
                w.value(entry.value)
            }
            bytes.append(UInt8(ascii: ">"))
        case .set:
            bytes.append(UInt8(ascii: "("))
            sortedRegion((v as? AnySetElements)?.anyElements ?? []) { w, item in
                w.value(item)
                w.splitHere()
            }
            bytes.append(UInt8(ascii: ")"))
        case .string:
            if let s = v as? String { string(s) } else { string(String(describing: v)) }
        case .int: integer(Int64(v as? Int ?? 0))
        case .bool: bytes.append((v as? Bool ?? false) ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .unsigned: string(String(describing: v), tag: UInt8(ascii: "u"))
        case .signed: string(String(describing: v), tag: UInt8(ascii: "i"))
        case .double: string(String(describing: v), tag: UInt8(ascii: "d"))
        case .excluded: bytes.append(UInt8(ascii: "x"))
        case .identity:
            if !reflective, let keyed = v as? FingerprintIdentityKeyed {
                let key = keyed.fingerprintIdentityKey
                if let known = cache.previous[key] ?? cache.current[key] {
                    bytes.append(contentsOf: known)
                    cache.current[key] = known
                    return
                }
                let start = bytes.count
                string(keyed.fingerprintIdentity, tag: UInt8(ascii: "I"))
                cache.current[key] = Array(bytes[start...])
            } else {
                string((v as? FingerprintIdentity)?.fingerprintIdentity ?? "", tag: UInt8(ascii: "I"))
            }
        case .rawEnum: string(String(describing: (v as? any RawRepresentable)?.rawValue ?? ""), tag: UInt8(ascii: "e"))
        case .composite: composite(v)
        case .explicit:
            if let e = v as? CanonicalEncodable { e.encodeCanonical(into: &self) } else { composite(v) }
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
            depth += 1
            fields(mirror)
            depth -= 1
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
        var index = 0
        for child in mirror.children {
            index += 1
            if !excluded.isEmpty, let label = child.label, excluded.contains(label) { continue }
            if depth <= Self.slotDepth && !reflective {
                slotted(child.value, slot: slot &* 31 &+ index)
            } else {
                value(child.value)
            }
        }
    }

    // MARK: Unchanged parts of the world (slots)

    /// The composite values whose fields are remembered by their place (`slotted`): the cluster (1),
    /// each machine (2) and each machine's engine (3).
    static let slotDepth = 3
    /// How deep in composite values the walk is.
    private var depth = 0
    /// The place of the value being written (its path of field and element positions, hashed).
    private var slot = 0

    /// Writes `v`, the value at place `slot`: when the previous walk wrote an equal value there (by
    /// the type's own `==`, which for a collection that was not touched since is a comparison of
    /// storage), its bytes are copied instead of walked again. A place keeps the value it last held,
    /// so equality is all that is trusted, never the place itself.
    ///
    /// Why: a command changes a few objects of one engine; the engine's other tables (the firewall,
    /// IPAM, the dictionaries of networks, endpoints and sandboxes, a lab's other machines) are the
    /// very storage the previous walk saw, and walking them (sorting their keys, boxing their values)
    /// was most of a line's fingerprint.
    mutating func slotted(_ v: Any, slot place: Int) {
        let outer = slot
        slot = place
        defer { slot = outer }
        switch kindOf(v) {
        case .array, .stringDictionary, .keyedDictionary, .set, .composite, .memoized, .explicit, .optional:
            break
        default:
            return value(v)
        }
        guard let equatable = v as? any Equatable else { return value(v) }
        if let known = cache.slots[place], Self.same(equatable, known.value) {
            bytes.append(contentsOf: known.bytes)
            return
        }
        let start = bytes.count
        value(v)
        cache.slots[place] = (v, Array(bytes[start...]))
    }

    private static func same<T: Equatable>(_ a: T, _ b: Any) -> Bool {
        guard let b = b as? T else { return false }
        return a == b
    }

    /// The kind of `v`'s type, found once per type.
    private mutating func kindOf(_ v: Any) -> Kind {
        let id = ObjectIdentifier(type(of: v))
        if let k = kinds[id] { return k }
        let k = Self.kind(of: v, reflective: reflective)
        kinds[id] = k
        return k
    }

    /// Where the sort key of the element being written ends (see `sortedRegion`).
    private var split = 0

    mutating func splitHere() { split = bytes.count }

    /// Writes each element with `body`, then puts the elements in the order of their sort keys
    /// (what `body` wrote before `splitHere()`), all in the one buffer.
    mutating func sortedRegion(_ children: Mirror.Children, _ body: (inout CanonicalWriter, Any) -> Void) {
        sortedRegion(children.map(\.value), body)
    }

    mutating func sortedRegion<T>(_ items: [T], _ body: (inout CanonicalWriter, T) -> Void) {
        let base = bytes.count
        var spans: [(start: Int, split: Int, end: Int)] = []
        for item in items {
            let start = bytes.count
            split = start
            body(&self, item)
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
        w.reflective = reflective
        w.depth = depth
        w.slot = slot
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
