/// The `host` driver: containers share the host's network stack; no interfaces, no IPAM.
public struct HostDriver: NetworkDriver {
    public let kind = DriverKind.host
    public init() {}
    public func validate(options: [String: String], engine: Engine) -> String? { nil }
    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? { nil }
    public var usesIPAM: Bool { false }
    /// The daemon creates the one network of this driver at start.
    public var isSingleton: Bool { true }
    public var givesInterface: Bool { false }
    public var sharesHostStack: Bool { true }
    public var addressing: EndpointAddressing { .none }
    public var endpointLink: EndpointLink { .none }
    public func endpointGateway(_ network: Network) -> IPv4Address? { nil }
}
