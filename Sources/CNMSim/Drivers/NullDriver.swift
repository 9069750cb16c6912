/// The `null` driver behind the `none` network: only the loopback interface.
public struct NullDriver: NetworkDriver {
    public let kind = DriverKind.null
    public init() {}
    public func validate(options: [String: String], engine: Engine) -> String? { nil }
    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? { nil }
    public var givesInterface: Bool { false }
}
