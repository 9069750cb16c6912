/// What a driver decides when a network or an endpoint of its kind is created.
public protocol NetworkDriver: Sendable {
    var kind: DriverKind { get }
    /// Validates driver options at network creation; returns Docker's error text on failure.
    func validate(options: [String: String], engine: Engine) -> String?
    /// The kernel device that carries the network on the host (`docker0`, `br-<id12>`), if any.
    func deviceName(networkID: String, options: [String: String]) -> String?
    /// The MAC address of a new endpoint.
    func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress?
    /// Whether endpoints get an interface in the container's sandbox.
    var givesInterface: Bool { get }
}

/// Looks up the driver object for a kind.
public func networkDriver(for kind: DriverKind) -> any NetworkDriver {
    switch kind {
    case .bridge: return BridgeDriver()
    case .host: return HostDriver()
    case .null: return NullDriver()
    case .macvlan: return MacvlanDriver()
    case .ipvlan: return IpvlanDriver()
    case .overlay: return OverlayDriver()
    }
}
