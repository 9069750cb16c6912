/// Values never part of the fingerprint (the clock, timestamps, the random generator, caches).
public protocol FingerprintExcluded {}

/// Values encoded by an identity that determines them (an image by its ID).
public protocol FingerprintIdentity {
    var fingerprintIdentity: String { get }
}

/// An identity dear to compute (rendered text), kept in the `FingerprintCache` under a key that
/// determines it and is cheap to hash, so that it is rendered once per distinct value.
protocol FingerprintIdentityKeyed: FingerprintIdentity {
    var fingerprintIdentityKey: AnyHashable { get }
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

// The packet path's derived state (see `EngineViews`, docs/packet-path.md): views and indexes follow
// the model and say nothing of their own; counters record traffic, not the network the learner built
// (a replay counts the same traffic the same way, but a fingerprint need not depend on it).
extension EngineViews: FingerprintExcluded {}
extension ChainIndex: FingerprintExcluded {}
extension PacketCounter: FingerprintExcluded {}

// A chain is its name, policy and rules as `iptables -S` prints them; the entries' IDs and order
// keys are bookkeeping of the chain's storage.
extension NetfilterChain: FingerprintIdentityKeyed {
    public var fingerprintIdentity: String {
        ([name, policy ?? "-"] + rules.map(\.specification)).joined(separator: "\n")
    }

    /// What the identity is made of: the name, the policy and the rules (their specifications are
    /// rendered from them).
    var fingerprintIdentityKey: AnyHashable { AnyHashable(ChainIdentityKey(name: name, policy: policy, rules: rules)) }
}

/// `NetfilterChain.fingerprintIdentityKey`.
struct ChainIdentityKey: Hashable {
    let name: String
    let policy: String?
    let rules: [NetfilterRule]
}
