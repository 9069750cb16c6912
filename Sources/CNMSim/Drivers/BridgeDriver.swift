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

    /// The options the daemon gives the default `bridge` network (`docker0`), as inspect shows them.
    public static let defaultBridgeOptions = [
        defaultBridgeOption: "true",
        iccOption: "true",
        masqueradeOption: "true",
        hostBindingOption: "0.0.0.0",
        nameOption: "docker0",
        mtuOption: "1500",
    ]

    /// `networkConfiguration.fromLabels` (moby v28.2.2 libnetwork/drivers/bridge/bridge_linux.go lines
    /// 310-370, `parseErr` line 400): the first option that does not parse, in key order (Go visits the
    /// map in random order; with one bad option the text is the same).
    public func validate(options: [String: String], engine: Engine) -> String? {
        func parseErr(_ label: String, _ value: String, _ reason: String) -> String {
            "failed to parse \(label) value: \(value) (\(reason))"
        }
        for (key, v) in options.sorted(by: { $0.key < $1.key }) {
            switch key {
            case Self.iccOption, Self.masqueradeOption, Self.defaultBridgeOption, "com.docker.network.enable_ipv4",
                 "com.docker.network.enable_ipv6", "com.docker.network.bridge.inhibit_ipv4":
                if GoBool.parse(v) == nil { return parseErr(key, v, "strconv.ParseBool: parsing \(GoQuote.quote(v)): invalid syntax") }
            case Self.mtuOption:
                if Int(v) == nil {
                    let kind = !v.isEmpty && v.drop(while: { $0 == "-" || $0 == "+" }).allSatisfy(\.isNumber) && v.count > 1 ? "value out of range" : "invalid syntax"
                    return parseErr(key, v, "strconv.Atoi: parsing \(GoQuote.quote(v)): \(kind)")
                }
            case Self.hostBindingOption:
                if IPv4Address(v) == nil && !EndpointValidation.isIPv6(v) && v != "::" { return parseErr(key, v, "nil ip") }
            case Self.gatewayModeIPv4Option, Self.gatewayModeIPv6Option:
                // `newGwMode`: nat, nat-unprotected, routed, isolated.
                if GatewayMode(rawValue: v) == nil { return parseErr(key, v, "unknown gateway mode \(v)") }
            default:
                break
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

    public var usesIPAM: Bool { true }

    /// moby v28.2.2 libnetwork/drivers/bridge/bridge_linux.go `parseNetworkOptions`: isolated needs an
    /// internal network.
    public func refusal(options: [String: String], isInternal: Bool) -> EngineError? {
        guard !isInternal, [Self.gatewayModeIPv4Option, Self.gatewayModeIPv6Option]
            .contains(where: { options[$0] == GatewayMode.isolated.rawValue }) else { return nil }
        return EngineError(.system, "gateway mode 'isolated' can only be used for an internal network")
    }

    /// moby v28.2.2 libnetwork/drivers/bridge/bridge_linux.go `GetSkipGwAlloc`: an isolated network
    /// gets no gateway address.
    public func skipsGatewayAllocation(options: [String: String], isInternal: Bool) -> Bool {
        options[Self.gatewayModeIPv4Option] == GatewayMode.isolated.rawValue
    }

    public func gatewayMode(options: [String: String]) -> GatewayMode {
        options[Self.gatewayModeIPv4Option].flatMap(GatewayMode.init) ?? .nat
    }

    public var givesInterface: Bool { true }
    public var addressing: EndpointAddressing { .localPool }
    /// A veth pair whose host end is a port of the bridge.
    public var endpointLink: EndpointLink { .veth(hostEnd: true) }
    public func endpointGateway(_ network: Network) -> IPv4Address? { network.gateway }
    public var mapsPorts: Bool { true }
    public var programsFirewall: Bool { true }
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
