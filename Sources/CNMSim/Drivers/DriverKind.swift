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

    /// `local`, or `swarm` for overlay (the driver's answer).
    public var scope: String { networkDriver(for: self).scope }

    /// Whether networks of this kind take an IPAM pool (the driver's answer).
    public var usesIPAM: Bool { networkDriver(for: self).usesIPAM }

    /// Only one instance of these may exist (the driver's answer).
    public var isSingleton: Bool { networkDriver(for: self).isSingleton }
}
