/// The network drivers a simulated engine knows.
///
/// libnetwork registers one driver per kind; each decides what a network and an
/// endpoint of its kind look like in the kernel. All six are simulated (`overlay`
/// on a swarm only, see `Swarm/`); any other name gets Docker's own answer.
public enum DriverKind: String, Sendable, Hashable, Codable, CaseIterable {
    case bridge
    case host
    case null
    case overlay
    case macvlan
    case ipvlan

    /// Drivers whose networks are local to one host.
    public var scope: String { self == .overlay ? "swarm" : "local" }

    /// `host` and `null` networks get no IPAM allocation (`hasSpecialDriver`).
    public var usesIPAM: Bool { self != .host && self != .null }

    /// Only one instance of these may exist.
    public var isSingleton: Bool { self == .host || self == .null }
}
