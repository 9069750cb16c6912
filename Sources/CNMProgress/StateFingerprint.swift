import Crypto
import Foundation
import CNMCommands
import CNMSim

/// The recorded form of a state fingerprint: `cnmlab-state-v7:` and the SHA-256 of the world's
/// canonical bytes (`StateFingerprint.canonicalBytes`, module CNMSim) in 64 lowercase hex digits.
///
/// Why the version in front: a hash can only be compared with one of the same canonical form.
/// A record of another form — the 64 bare hex digits that cnmlab wrote before the fingerprint
/// covered the whole model (the `cnmlab-state-v1` form), or a later version — is not compared:
/// a replay then checks that record by its exit code alone (see `Replay`).
extension StateFingerprint {
    /// `cnmlab-state-v7:` — what every hash of this cnmlab starts with.
    public static var hashPrefix: String { formatVersion + ":" }

    /// The fingerprint of a whole LAN (every machine and the swarm store).
    public static func hash(cluster: Cluster) -> String { hash(bytes: canonicalBytes(cluster: cluster)) }

    /// The fingerprint of a simulator's LAN (what the command log records).
    public static func hash(simulator: Simulator) -> String { hash(cluster: simulator.cluster) }

    /// The same, reusing what `cache` kept of the previous state (one cache per sequence of states).
    /// The bytes of a line that changed nothing equal the last ones byte for byte (compared with
    /// `memcmp`), and their hash is taken from the cache instead of hashing them again.
    public static func hash(simulator: Simulator, cache: inout FingerprintCache) -> String {
        let bytes = canonicalBytes(cluster: simulator.cluster, cache: &cache)
        if let last = cache.lastHashed, sameBytes(last.bytes, bytes) { return last.hash }
        let h = hash(bytes: bytes)
        cache.lastHashed = (bytes, h)
        return h
    }

    static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    /// The fingerprint of one engine alone (for comparing two machines).
    public static func hash(engine: Engine) -> String { hash(bytes: canonicalBytes(engine: engine)) }

    /// The recorded form of canonical bytes.
    public static func hash(bytes: [UInt8]) -> String {
        var sha = SHA256()
        sha.update(bytes)
        return hashPrefix + sha.hexDigest()
    }

    /// Whether a recorded hash was made by this canonical form (and so can be compared).
    public static func isComparable(_ recorded: String) -> Bool {
        recorded.hasPrefix(hashPrefix) || !isOtherForm(recorded)
    }

    /// A well-formed hash of another canonical form: 64 bare lowercase hex digits (`cnmlab-state-v1`)
    /// or `cnmlab-state-vN:` with 64 hex digits. Anything else (an edited value) is compared, and differs.
    public static func isOtherForm(_ recorded: String) -> Bool {
        if recorded.hasPrefix(hashPrefix) { return false }
        var digits = Substring(recorded)
        if recorded.hasPrefix("cnmlab-state-v"), let colon = recorded.firstIndex(of: ":") {
            digits = recorded[recorded.index(after: colon)...]
        }
        return digits.utf8.count == 64 && digits.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
