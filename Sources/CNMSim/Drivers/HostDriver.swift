/// The `host` driver: containers share the host's network stack; no interfaces, no IPAM.
public struct HostDriver: NetworkDriver {
    public let kind = DriverKind.host
    public init() {}
    public func validate(options: [String: String], engine: Engine) -> String? { nil }
    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? { nil }
    public var givesInterface: Bool { false }
}
