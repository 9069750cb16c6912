/// A driver Docker has but this engine does not simulate yet (overlay).
///
/// Networks of these kinds are refused with a clear "not simulated" error rather
/// than given invented behaviour.
public struct UnsimulatedDriver: NetworkDriver {
    public let kind: DriverKind
    public init(kind: DriverKind) { self.kind = kind }
    public func validate(options: [String: String], engine: Engine) -> String? { nil }
    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? { nil }
    public var givesInterface: Bool { false }
}
