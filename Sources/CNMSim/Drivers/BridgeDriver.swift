/// The `bridge` driver: a Linux bridge per network, a veth pair per endpoint.
public struct BridgeDriver: NetworkDriver {
    public let kind = DriverKind.bridge
    public init() {}

    public static let nameOption = "com.docker.network.bridge.name"
    public static let iccOption = "com.docker.network.bridge.enable_icc"
    public static let masqueradeOption = "com.docker.network.bridge.enable_ip_masquerade"
    public static let hostBindingOption = "com.docker.network.bridge.host_binding_ipv4"
    public static let mtuOption = "com.docker.network.driver.mtu"
    public static let defaultBridgeOption = "com.docker.network.bridge.default_bridge"
    public static let gatewayModeIPv4Option = "com.docker.network.bridge.gateway_mode_ipv4"
    public static let gatewayModeIPv6Option = "com.docker.network.bridge.gateway_mode_ipv6"

    public func validate(options: [String: String], engine: Engine) -> String? {
        for key in [Self.iccOption, Self.masqueradeOption] {
            if let v = options[key], GoBool.parse(v) == nil {
                return "invalid value for \(key): \(v)"
            }
        }
        if let v = options[Self.mtuOption], Int(v) == nil {
            return "invalid MTU number: \(v)"
        }
        if let v = options[Self.hostBindingOption], IPv4Address(v) == nil {
            return "invalid IP address: \(v)"
        }
        // moby v28.2.2 libnetwork/drivers/bridge/bridge_linux.go `parseNetworkOptions`, `newGwMode`, `parseErr`.
        for key in [Self.gatewayModeIPv4Option, Self.gatewayModeIPv6Option] {
            if let v = options[key], GatewayMode(rawValue: v) == nil {
                return "failed to parse \(key) value: \(v) (unknown gateway mode \(v))"
            }
        }
        return nil
    }

    public func deviceName(networkID: String, options: [String: String]) -> String? {
        if let name = options[Self.nameOption], !name.isEmpty { return name }
        return "br-" + networkID.prefix(12)
    }

    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? {
        requested ?? MACAddress.random(using: &rng)
    }

    public var givesInterface: Bool { true }
}

/// Go's `strconv.ParseBool`.
public enum GoBool {
    public static func parse(_ s: String) -> Bool? {
        switch s {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }
}

/// How a bridge network's gateway treats traffic (`com.docker.network.bridge.gateway_mode_ipv4`;
/// moby v28.2.2 libnetwork/drivers/bridge/bridge_linux.go `gwMode`).
public enum GatewayMode: String, Sendable, Hashable {
    /// Masquerade outgoing traffic, DNAT published ports, drop direct access to the containers.
    case nat
    /// As `nat`, but anything routed to the containers is accepted (no per-port filtering).
    case natUnprotected = "nat-unprotected"
    /// No NAT: containers are reached at their own addresses, on their published ports and by ICMP.
    case routed
    /// Internal networks only: the bridge has no address, the host no route, no rules.
    case isolated
}
