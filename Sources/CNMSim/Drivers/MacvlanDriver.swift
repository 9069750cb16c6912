/// The `macvlan` driver (moby v28.2.2 `libnetwork/drivers/macvlan`): every
/// endpoint is a macvlan child of a parent link on the host (`-o parent=eth0`),
/// with its own random MAC, so containers are first-class members of the
/// parent's LAN. `parent=eth0.10` creates the 802.1Q sub-interface `eth0.10`;
/// no parent at all creates a dummy `dm-<id12>` (containers then only talk to
/// each other). No bridge, no iptables, no port publishing.
public struct MacvlanDriver: ChildLinkDriver {
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
        for other in engine.allNetworks where other.driver == kind && VlanLinks.parentLink(of: other) == parent {
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

    /// moby v28.2.2 libnetwork/drivers/macvlan/macvlan_endpoint.go: the requested MAC, or `GenerateRandomMAC`.
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? {
        requested ?? MACAddress.random(using: &rng)
    }

    public var modeOption: String { Self.modeOption }
    public var defaultMode: String { "bridge" }
    public var dummyPrefix: String { "dm-" }
    /// Two macvlan children of one parent talk directly only in `bridge` mode (each side's own).
    public func peerMode(options: [String: String], mode: String) -> String { mode }
    public func routes(mode: String) -> Bool { false }

    public func sandboxInterface(_ endpoint: Endpoint, network: Network, engine: Engine) -> (KernelInterface.Kind, MACAddress) {
        (.macvlan, endpoint.mac ?? MACAddress(bytes: [2, 0x42, 0, 0, 0, 0]))
    }
}
