/// The overlay driver (libnetwork `drivers/overlay`): a swarm-scoped network
/// carried between nodes in VXLAN (UDP 4789, IPsec ESP with `encrypted`).
///
/// On each node the network lives in its own namespace (a bridge `br0` and a
/// `vxlan0` device), so the host shows no bridge or veth for it and the
/// host's iptables never see its traffic. Endpoints get `02:42:` + the IPv4
/// address as MAC (`ov_endpoint.go`) and an MTU of 1450; they give no default
/// gateway, which is why containers also join `docker_gwbridge`.
public struct OverlayDriver: NetworkDriver {
    public static let mtu = 1450
    public static let vniOption = "com.docker.network.driver.overlay.vxlanid_list"
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
    public var givesInterface: Bool { true }
}
