/// A swarm-scoped (overlay) network as the managers store it: one definition
/// for the whole cluster, instantiated on a node only where a task or an
/// attachable container uses it (and on every node for `ingress`).
public struct SwarmNetwork: Sendable, Hashable, Identifiable {
    public let id: String
    public let name: String
    public let created: SimTime
    public let subnet: IPv4Subnet
    public let gateway: IPv4Address
    /// The VXLAN network identifier (`com.docker.network.driver.overlay.vxlanid_list`).
    public let vni: Int
    public let attachable: Bool
    public let ingress: Bool
    public let isInternal: Bool
    /// The user's `-o` options (`encrypted` among them).
    public let options: [String: String]
    public let labels: [String: String]
    /// Whether `--subnet` was given (inspect then echoes the user's config).
    public let userSubnet: Bool
    /// Whether `--gateway` was given.
    public var userGateway = false
    /// The network's addresses, shared by every node: swarm IPAM is serial.
    public var pool: AddressPool

    public init(id: String, name: String, created: SimTime, subnet: IPv4Subnet, gateway: IPv4Address, vni: Int,
                attachable: Bool, ingress: Bool, isInternal: Bool, options: [String: String], labels: [String: String],
                userSubnet: Bool, pool: AddressPool) {
        self.id = id; self.name = name; self.created = created; self.subnet = subnet; self.gateway = gateway
        self.vni = vni; self.attachable = attachable; self.ingress = ingress; self.isInternal = isInternal
        self.options = options; self.labels = labels; self.userSubnet = userSubnet; self.pool = pool
    }

    /// `--opt encrypted`: traffic between nodes goes in IPsec ESP instead of plain VXLAN.
    public var encrypted: Bool { options["encrypted"] != nil }

    /// The driver options every node's instance carries (the user's plus the VNI).
    public var driverOptions: [String: String] { OverlayDriver.nodeOptions(options, vni: vni) }
}
