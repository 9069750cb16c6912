/// The overlay driver (libnetwork `drivers/overlay`): a swarm-scoped network
/// carried between nodes in VXLAN (UDP 4789, IPsec ESP with `encrypted`).
///
/// On each node the network lives in its own namespace (a bridge `br0` and a
/// `vxlan0` device), so the host shows no bridge or veth for it and the
/// host's iptables never see its traffic. Endpoints get `02:42:` + the IPv4
/// address as MAC (moby v28.2.2 libnetwork/drivers/overlay/ov_endpoint.go) and an MTU of 1450 (1424 when encrypted);
/// they give no default gateway, which is why containers also join `docker_gwbridge`.
public struct OverlayDriver: NetworkDriver {
    /// The 50 bytes of outer Ethernet, IP, UDP and VXLAN headers (moby v28.2.2 libnetwork/drivers/overlay/overlay.go `vxlanEncap`).
    static let vxlanEncap = 50
    /// ESP's SPI, sequence number, IV, pad length, next header and ICV (moby v28.2.2 libnetwork/drivers/overlay/encryption.go `pktExpansion`).
    static let espExpansion = 26

    /// The MTU of an overlay's interfaces (moby v28.2.2 libnetwork/drivers/overlay/encryption.go
    /// `maxMTU`): the `com.docker.network.driver.mtu` option or 1500, less the VXLAN headers, and
    /// with `encrypted` less ESP's expansion too, rounded down to a multiple of 4 (1500 → 1424).
    public static func mtu(options: [String: String]) -> Int {
        var mtu = options[BridgeDriver.mtuOption].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 1500
        mtu -= vxlanEncap
        if options["encrypted"] != nil {
            mtu -= espExpansion
            mtu -= mtu % 4
        }
        return mtu
    }
    public static let vniOption = "com.docker.network.driver.overlay.vxlanid_list"

    /// The options a node's instance of the network carries, as inspect shows them: the user's
    /// plus the VXLAN id the managers allocated.
    public static func nodeOptions(_ options: [String: String], vni: Int) -> [String: String] {
        var o = options
        o[vniOption] = String(vni)
        return o
    }
    public static let gatewayBridgeName = "docker_gwbridge"

    public init() {}
    public var kind: DriverKind { .overlay }
    public func validate(options: [String: String], engine: Engine) -> String? { nil }
    public func deviceName(networkID: String, options: [String: String]) -> String? { nil }
    public func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress? {
        if let requested { return requested }
        guard let ip else { return nil }
        return MACAddress.fromIP(ip)
    }
    public var scope: String { "swarm" }
    public var usesIPAM: Bool { true }
    public func mtu(options: [String: String]) -> Int { Self.mtu(options: options) }
    public var givesInterface: Bool { true }
    /// The swarm's allocator hands out addresses, the same on every node.
    public var addressing: EndpointAddressing { .swarmPool }
    /// The veth's peer lives in the network's own namespace, not on the host.
    public var endpointLink: EndpointLink { .veth(hostEnd: false) }
    /// No default gateway: the container also joins `docker_gwbridge` for that.
    public func endpointGateway(_ network: Network) -> IPv4Address? { nil }
}
