/// The `null` driver behind the `none` network: only the loopback interface.
public struct NullDriver: NetworkDriver {
    public let kind = DriverKind.null
    public init() {}
    public func validate(options: [String: String], engine: Engine) -> String? { nil }
    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? { nil }
    public var usesIPAM: Bool { false }
    /// The daemon creates the one network of this driver at start.
    public var isSingleton: Bool { true }
    public var givesInterface: Bool { false }
    public var addressing: EndpointAddressing { .none }
    public var endpointLink: EndpointLink { .none }
    public func endpointGateway(_ network: Network) -> IPv4Address? { nil }
}
