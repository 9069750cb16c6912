/// The `host` driver (moby v28.2.2 libnetwork/drivers/host): containers share the host's network
/// stack; no interfaces, no IPAM.
public struct HostDriver: PredefinedOnlyDriver {
    public let kind = DriverKind.host
    public init() {}
    public var sharesHostStack: Bool { true }
}

/// A driver of one network the daemon makes at start and nobody else can (host, null): no options,
/// no device, no IPAM, no interface in the sandbox.
public protocol PredefinedOnlyDriver: NetworkDriver {}

extension PredefinedOnlyDriver {
    public func validate(options: [String: String], engine: Engine) -> String? { nil }
    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? { nil }
    public var usesIPAM: Bool { false }
    public var isSingleton: Bool { true }
    public var givesInterface: Bool { false }
    public var addressing: EndpointAddressing { .none }
    public var endpointLink: EndpointLink { .none }
    public func endpointGateway(_ network: Network) -> IPv4Address? { nil }
}
