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
/// of the canonical form must bump it (a pinned hash in `CNMProgressTests` fails otherwise).
///
/// The walk itself is `CanonicalWriter`; `FingerprintCache` spares walking what did not change (values
/// met before, and the cluster's, machines' and engines' fields equal to the last walk's), and
/// the most numerous model values write themselves (`CanonicalEncodable`, the same bytes without `Mirror`).
public enum StateFingerprint {
    /// Bumped when the canonical form changes (hashes of another version are not compared).
    public static let formatVersion = "cnmlab-state-v7"

    /// Fields left out as `"Type.field"`: indexes derived from other fields of the same value.
    public static let excludedFields: Set<String> = [
        // By-name indexes and reverse maps rebuilt from `networks`, `containers` and port mappings.
        "Engine.networkIDByName", "Engine.containerIDByName", "Engine.hostNetworkContainers", "Engine.hostBindings",
        // What the node knows of the others, recomputed by the cluster after every command.
        "Engine.overlayDirectory",
        // The set form of `programmed` (Docker's operations as of the last sync), the count of
        // operations wanting each rule derived from it, and the full list kept by the `.rebuild` reference.
        "Firewall.programmedKeys", "Firewall.wantedCount", "Firewall.programmedAll",
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
    /// Each machine's firewall is taken as stored: the rules (not their counters), and Docker's
    /// operations as of its last sync (the simulator syncs after every command).
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
        let lastHashed = cache.lastHashed
        cache = FingerprintCache(previous: [:], current: w.cache.current)
        cache.slots = w.cache.slots
        cache.lastHashed = lastHashed
        cache.kinds = w.kinds
        cache.excludedLabels = w.excludedLabels
        cache.lastSize = w.bytes.count
        return w.bytes
    }

    /// The same bytes walked with `Mirror` alone, ignoring the types' own fast forms
    /// (`CanonicalEncodable`): the reference those forms are tested against.
    static func reflectiveBytes(cluster: Cluster) -> [UInt8] {
        var w = CanonicalWriter()
        w.reflective = true
        w.bytes.append(contentsOf: formatVersion.utf8)
        w.bytes.append(10)
        w.value(cluster)
        w.bytes.append(10)
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
