/// What macvlan and ipvlan networks share: the parent link, the VLAN
/// sub-interface and dummy rules (`macvlan_setup.go`, `ipvlan_setup.go`), the
/// mode, and whether endpoints get a gateway.
public enum VlanLinks {
    public static let parentOption = "parent"

    /// Whether the driver makes macvlan/ipvlan children of a parent link (the driver's answer).
    public static func isChildDriver(_ kind: DriverKind) -> Bool { networkDriver(for: kind).endpointLink == .child }

    /// A request with several IPv4 subnets: Docker takes them; cnmlab does not simulate that.
    static func multipleSubnetsError(_ kind: DriverKind) -> EngineError {
        EngineError(.notSimulated, "\(kind.rawValue) networks with several IPv4 subnets are not simulated yet")
    }

    /// `dm-<id12>` (macvlan) or `di-<id12>` (ipvlan): the dummy parent made when `-o parent` is empty.
    public static func dummyName(kind: DriverKind, networkID: String) -> String {
        (kind == .ipvlan ? "di-" : "dm-") + networkID.prefix(12)
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
        let key = network.driver == .ipvlan ? IpvlanDriver.modeOption : MacvlanDriver.modeOption
        let m = network.options[key] ?? ""
        return m.isEmpty ? (network.driver == .ipvlan ? "l2" : "bridge") : m
    }

    /// The ipvlan flag (default `bridge`); macvlan's mode plays that part for macvlan.
    public static func peerMode(of network: Network) -> String {
        guard network.driver == .ipvlan else { return mode(of: network) }
        let f = network.options[IpvlanDriver.flagOption] ?? ""
        return f.isEmpty ? "bridge" : f
    }

    /// ipvlan `l3`/`l3s`: no gateway, a device default route, no ARP.
    public static func isL3(_ network: Network) -> Bool {
        network.driver == .ipvlan && mode(of: network) != "l2"
    }

    /// `GetSkipGwAlloc`: no gateway address for `--internal`, dummy-parent and ipvlan l3 networks.
    public static func skipsGatewayAllocation(kind: DriverKind, options: [String: String], isInternal: Bool) -> Bool {
        guard isChildDriver(kind) else { return false }
        if isInternal || (options[parentOption] ?? "").isEmpty { return true }
        let m = options[IpvlanDriver.modeOption] ?? ""
        return kind == .ipvlan && (m == "l3" || m == "l3s")
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
