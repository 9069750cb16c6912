/// The `ipvlan` driver (moby v28.2.2 `libnetwork/drivers/ipvlan`): children of
/// a parent link that share the parent's MAC (a custom MAC is refused).
/// `-o ipvlan_mode=l2` (default) behaves like macvlan with a gateway; `l3`/`l3s`
/// give no gateway and the device route `default dev eth0`, and the children
/// answer no ARP. Only one ipvlan network per parent.
public struct IpvlanDriver: ChildLinkDriver {
    public let kind = DriverKind.ipvlan
    public init() {}

    public static let modeOption = "ipvlan_mode"
    public static let flagOption = "ipvlan_flag"
    public static let modes = ["l2", "l3", "l3s"]
    public static let flags = ["bridge", "private", "vepa"]
    /// moby v28.2.2 libnetwork/drivers/ipvlan/ipvlan_endpoint.go `CreateEndpoint`.
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
        if let other = engine.allNetworks.first(where: { $0.driver == kind && VlanLinks.parentLink(of: $0) == parent }) {
            return "network \(VlanLinks.dummyName(kind: .ipvlan, networkID: other.id)) is already using parent interface \(parent)"
        }
        return VlanLinks.checkParent(parent, hostLinks: engine.hostLinkNames)
    }

    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }

    /// No MAC of its own: the endpoint shows `""` and the interface carries the parent's MAC.
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? { nil }

    public func endpointRefusal(_ attachment: NetworkAttachment) -> String? {
        attachment.macAddress != nil ? Self.customMACError : nil
    }

    public var modeOption: String { Self.modeOption }
    public var defaultMode: String { "l2" }
    public var dummyPrefix: String { "di-" }
    /// `ipvlan_flag` (default `bridge`) decides whether children talk, whatever the mode.
    public func peerMode(options: [String: String], mode: String) -> String {
        let f = options[Self.flagOption] ?? ""
        return f.isEmpty ? "bridge" : f
    }
    public func routes(mode: String) -> Bool { mode == "l3" || mode == "l3s" }

    /// The child carries its parent link's MAC.
    public func sandboxInterface(_ endpoint: Endpoint, network: Network, engine: Engine) -> (KernelInterface.Kind, MACAddress) {
        (.ipvlan, KernelView.linkMAC(VlanLinks.parentLink(of: network), engine))
    }
}
