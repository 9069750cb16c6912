/// A driver whose endpoints are children of a parent link on the host (macvlan, ipvlan): what
/// differs between the two, so `VlanLinks` asks the driver instead of testing its kind.
public protocol ChildLinkDriver: NetworkDriver {
    /// The `-o` option that picks the mode (`macvlan_mode`, `ipvlan_mode`).
    var modeOption: String { get }
    /// The mode when the option is empty (`bridge`, `l2`).
    var defaultMode: String { get }
    /// The dummy parent's name prefix when `-o parent` is empty (`dm-`, `di-`).
    var dummyPrefix: String { get }
    /// What decides whether two children of one parent talk: macvlan's mode, ipvlan's flag.
    func peerMode(options: [String: String], mode: String) -> String
    /// Whether a mode routes (ipvlan `l3`, `l3s`): no gateway, a device default route, no ARP.
    func routes(mode: String) -> Bool
}

/// What macvlan and ipvlan answer alike: an interface per endpoint that is a child of the parent,
/// from the network's IPAM pool; options checked after IPAM (`CreateNetwork`); a gateway only with a
/// real parent, not internal, in a mode that does not route.
extension ChildLinkDriver {
    public var givesInterface: Bool { true }
    public var usesIPAM: Bool { true }
    public var validatesAfterIPAM: Bool { true }
    public func skipsGatewayAllocation(options: [String: String], isInternal: Bool) -> Bool {
        VlanLinks.skipsGatewayAllocation(self, options: options, isInternal: isInternal)
    }
    public var multipleSubnetsError: EngineError { VlanLinks.multipleSubnetsError(kind) }
    public var addressing: EndpointAddressing { .localPool }
    public var endpointLink: EndpointLink { .child }
    public func endpointGateway(_ network: Network) -> IPv4Address? { VlanLinks.endpointGateway(network) }
    /// A routing mode with a real parent, on a network that is not internal.
    public func givesDeviceDefaultRoute(_ network: Network) -> Bool {
        VlanLinks.isL3(network) && !network.isInternal && !VlanLinks.hasDummyParent(network)
    }
}

/// What macvlan and ipvlan networks share: the parent link, the VLAN sub-interface and dummy rules
/// (moby v28.2.2 libnetwork/drivers/macvlan/macvlan_setup.go, libnetwork/drivers/ipvlan/ipvlan_setup.go),
/// the mode, and whether endpoints get a gateway.
public enum VlanLinks {
    public static let parentOption = "parent"

    /// Whether the driver makes macvlan/ipvlan children of a parent link (the driver's answer).
    public static func isChildDriver(_ kind: DriverKind) -> Bool { networkDriver(for: kind).endpointLink == .child }

    /// A request with several IPv4 subnets: Docker takes them; cnmlab does not simulate that.
    static func multipleSubnetsError(_ kind: DriverKind) -> EngineError {
        EngineError(.notSimulated, "\(kind.rawValue) networks with several IPv4 subnets are not simulated yet")
    }

    /// The driver of a macvlan/ipvlan kind (macvlan's for any other kind, whose networks have no mode).
    static func childDriver(_ kind: DriverKind) -> any ChildLinkDriver {
        networkDriver(for: kind) as? any ChildLinkDriver ?? MacvlanDriver()
    }

    /// `dm-<id12>` (macvlan) or `di-<id12>` (ipvlan): the dummy parent made when `-o parent` is empty.
    public static func dummyName(kind: DriverKind, networkID: String) -> String {
        childDriver(kind).dummyPrefix + networkID.prefix(12)
    }

    /// The link a network's children hang off: `-o parent`, or its dummy.
    public static func parentLink(of network: Network) -> String {
        let p = network.options[parentOption] ?? ""
        return p.isEmpty ? dummyName(kind: network.driver, networkID: network.id) : p
    }

    /// Whether the network has no real parent (Docker then treats it as internal: no gateway).
    public static func hasDummyParent(_ network: Network) -> Bool { (network.options[parentOption] ?? "").isEmpty }

    /// `macvlan_mode` (default `bridge`) or `ipvlan_mode` (default `l2`).
    public static func mode(of network: Network) -> String {
        let driver = childDriver(network.driver)
        let m = network.options[driver.modeOption] ?? ""
        return m.isEmpty ? driver.defaultMode : m
    }

    /// The ipvlan flag (default `bridge`); macvlan's mode plays that part for macvlan.
    public static func peerMode(of network: Network) -> String {
        childDriver(network.driver).peerMode(options: network.options, mode: mode(of: network))
    }

    /// ipvlan `l3`/`l3s`: no gateway, a device default route, no ARP.
    public static func isL3(_ network: Network) -> Bool {
        childDriver(network.driver).routes(mode: mode(of: network))
    }

    /// `GetSkipGwAlloc`: no gateway address for `--internal`, dummy-parent and ipvlan l3 networks.
    static func skipsGatewayAllocation(_ driver: any ChildLinkDriver, options: [String: String], isInternal: Bool) -> Bool {
        if isInternal || (options[parentOption] ?? "").isEmpty { return true }
        return driver.routes(mode: options[driver.modeOption] ?? "")
    }

    /// The gateway an endpoint gets at join (`jinfo.SetGateway` only for non-internal macvlan and ipvlan l2).
    public static func endpointGateway(_ network: Network) -> IPv4Address? {
        if network.isInternal || hasDummyParent(network) || isL3(network) { return nil }
        return network.gateway
    }

    /// `createVlanLink`/`parseVlan` for a parent that is not a link of the host; nil when it is, or can be made.
    public static func checkParent(_ parent: String, hostLinks: Set<String>) -> String? {
        if hostLinks.contains(parent) { return nil }
        guard parent.contains(".") else {
            return "invalid subinterface vlan name \(parent), example formatting is eth0.10"
        }
        let parts = parent.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return "required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received \(parent)"
        }
        guard let vid = goAtoi(String(parts[1])) else {
            return "unable to parse a valid vlan id from: \(parts[1]) (ex. eth0.10 for vlan 10)"
        }
        if !hostLinks.contains(String(parts[0])) {
            return "-o parent interface was not found on the host: \(parts[0])"
        }
        if vid > 4094 || vid < 1 { return "vlan id must be between 1-4094, received: \(vid)" }
        return nil
    }

    /// Go's `strconv.Atoi` for the small values VLAN ids need (optional sign, decimal digits).
    static func goAtoi(_ s: String) -> Int? {
        var digits = Substring(s)
        var negative = false
        if let f = digits.first, f == "+" || f == "-" { negative = f == "-"; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(digits) else { return nil }
        return negative ? -v : v
    }
}

/// A link Docker created on the host for macvlan/ipvlan networks: an 802.1Q
/// sub-interface (`eth0.10@eth0`) or a dummy (`dm-<id12>`).
public struct CreatedLink: Sendable, Hashable {
    public var index: Int
    /// The underlying link of a VLAN sub-interface (`eth0`); nil for a dummy.
    public var lower: String?
    /// Networks whose driver recorded the link as its own (`CreatedSlaveLink`); the link
    /// goes when the last of them with the same driver is removed.
    public var createdFor: [String: DriverKind]
}
