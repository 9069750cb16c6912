/// The `macvlan` driver (moby v28.2.2 `libnetwork/drivers/macvlan`): every
/// endpoint is a macvlan child of a parent link on the host (`-o parent=eth0`),
/// with its own random MAC, so containers are first-class members of the
/// parent's LAN. `parent=eth0.10` creates the 802.1Q sub-interface `eth0.10`;
/// no parent at all creates a dummy `dm-<id12>` (containers then only talk to
/// each other). No bridge, no iptables, no port publishing.
public struct MacvlanDriver: NetworkDriver {
    public let kind = DriverKind.macvlan
    public init() {}

    public static let modeOption = "macvlan_mode"
    /// `-o macvlan_mode` values; `bridge` is the default.
    public static let modes = ["bridge", "private", "vepa", "passthru"]

    /// Docker's checks, in `parseNetworkOptions` then `createNetwork` order
    /// (mode, loopback parent, passthru sharing, the parent link or its VLAN).
    public func validate(options: [String: String], engine: Engine) -> String? {
        let mode = options[Self.modeOption] ?? ""
        if !mode.isEmpty && !Self.modes.contains(mode) {
            return "requested macvlan mode '\(mode)' is not valid, 'bridge' mode is the macvlan driver default"
        }
        let parent = options[VlanLinks.parentOption] ?? ""
        if parent == "lo" { return "loopback interface is not a valid macvlan parent link" }
        // Without a parent the dummy link is new and unique: nothing else to check.
        guard !parent.isEmpty else { return nil }
        for other in engine.allNetworks where other.driver == .macvlan && VlanLinks.parentLink(of: other) == parent {
            if mode == "passthru" {
                return "cannot use mode passthru, macvlan network \(other.id) is already using parent interface \(parent)"
            }
            if VlanLinks.mode(of: other) == "passthru" {
                return "macvlan network \(other.id) is already using parent interface \(parent) in mode passthru"
            }
        }
        return VlanLinks.checkParent(parent, hostLinks: engine.hostLinkNames)
    }

    /// No bridge device: the parent link (see `VlanLinks`) carries the network.
    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }

    /// `macvlan_endpoint.go`: the requested MAC, or `GenerateRandomMAC`.
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? {
        requested ?? MACAddress.random(using: &rng)
    }

    public var givesInterface: Bool { true }
}

/// The `ipvlan` driver (moby v28.2.2 `libnetwork/drivers/ipvlan`): children of
/// a parent link that share the parent's MAC (a custom MAC is refused).
/// `-o ipvlan_mode=l2` (default) behaves like macvlan with a gateway; `l3`/`l3s`
/// give no gateway and the device route `default dev eth0`, and the children
/// answer no ARP. Only one ipvlan network per parent.
public struct IpvlanDriver: NetworkDriver {
    public let kind = DriverKind.ipvlan
    public init() {}

    public static let modeOption = "ipvlan_mode"
    public static let flagOption = "ipvlan_flag"
    public static let modes = ["l2", "l3", "l3s"]
    public static let flags = ["bridge", "private", "vepa"]
    /// `ipvlan_endpoint.go` CreateEndpoint.
    public static let customMACError = "ipvlan interfaces do not support custom mac address assignment"

    public func validate(options: [String: String], engine: Engine) -> String? {
        let mode = options[Self.modeOption] ?? ""
        if !mode.isEmpty && !Self.modes.contains(mode) {
            return "requested ipvlan mode '\(mode)' is not valid, 'l2' mode is the ipvlan driver default"
        }
        let flag = options[Self.flagOption] ?? ""
        if !flag.isEmpty && !Self.flags.contains(flag) {
            return "requested ipvlan flag '\(flag)' is not valid, 'bridge' is the ipvlan driver default"
        }
        let parent = options[VlanLinks.parentOption] ?? ""
        if parent == "lo" { return "loopback interface is not a valid ipvlan parent link" }
        guard !parent.isEmpty else { return nil }
        // moby names the other network by its *dummy* name here (`getDummyName(nw.config.ID)`).
        if let other = engine.allNetworks.first(where: { $0.driver == .ipvlan && VlanLinks.parentLink(of: $0) == parent }) {
            return "network \(VlanLinks.dummyName(kind: .ipvlan, networkID: other.id)) is already using parent interface \(parent)"
        }
        return VlanLinks.checkParent(parent, hostLinks: engine.hostLinkNames)
    }

    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }

    /// No MAC of its own: the endpoint shows `""` and the interface carries the parent's MAC.
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? { nil }

    public var givesInterface: Bool { true }
}

/// What macvlan and ipvlan networks share: the parent link, the VLAN
/// sub-interface and dummy rules (`macvlan_setup.go`, `ipvlan_setup.go`), the
/// mode, and whether endpoints get a gateway.
public enum VlanLinks {
    public static let parentOption = "parent"

    /// Whether the driver makes macvlan/ipvlan children of a parent link.
    public static func isChildDriver(_ kind: DriverKind) -> Bool { kind == .macvlan || kind == .ipvlan }

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
