/// What one node knows of the overlay networks beyond its own endpoints: the
/// endpoints of every node (NetworkDB's endpoint table), which nodes carry
/// each network (`Peers`), and the services' DNS and load-balancing records.
/// The cluster refreshes it on every node after each command.
public struct OverlayDirectory: Sendable, Hashable {
    /// One endpoint on an overlay network, on any node.
    public struct Member: Sendable, Hashable {
        public var networkID: String
        public var nodeID: String
        public var nodeAddress: IPv4Address
        public var containerID: String
        public var ip: IPv4Address
        public var dnsNames: [String]
        /// The network-attachment task of a container attached by hand (nil for service tasks).
        public var attachmentTask: String?
    }

    /// A service as the DNS and IPVS of a node see it on one network.
    public struct ServiceEntry: Sendable, Hashable {
        public var serviceID: String
        public var name: String
        public var aliases: [String]
        public var vip: IPv4Address?
        /// The running tasks' addresses on this network, in slot order.
        public var backends: [IPv4Address]
    }

    /// A routing-mesh port: published on every node, balanced over the service's tasks on `ingress`.
    public struct MeshPort: Sendable, Hashable {
        public var proto: String
        public var published: Int
        public var target: Int
        public var serviceID: String
        public var serviceName: String
        public var backends: [IPv4Address]
    }

    public var members: [String: [Member]] = [:]
    /// Network ID → the nodes (peer name, address) on which it is instantiated.
    public var peers: [String: [SwarmNode]] = [:]
    public var services: [String: [ServiceEntry]] = [:]
    public var meshPorts: [MeshPort] = []

    public init() {}

    /// The member that holds `ip` on `networkID`, on any node.
    public func member(_ ip: IPv4Address, on networkID: String) -> Member? {
        members[networkID]?.first { $0.ip == ip }
    }

    /// The service whose VIP is `ip` on `networkID`.
    public func service(withVIP ip: IPv4Address, on networkID: String) -> ServiceEntry? {
        services[networkID]?.first { $0.vip == ip }
    }
}

/// A swarm node's ingress sandbox (`ingress-sbox`): its endpoint on `ingress`
/// and its endpoint on `docker_gwbridge`, where DOCKER-INGRESS sends mesh traffic.
public struct IngressSandbox: Sendable, Hashable {
    public var ingressEndpointID: String
    public var ingressAddress: IPv4Address
    public var gatewayEndpointID: String
    public var gatewayAddress: IPv4Address
    public var gatewayMAC: MACAddress
    /// The host side of the sandbox's veth into docker_gwbridge, and the pair's interface indexes.
    public var hostVeth: String
    public var vethIndex: Int
    public var peerIndex: Int
}

/// A node's load-balancer endpoint on one overlay network (`lb-<net>`, named `<net>-endpoint`).
public struct LoadBalancerEndpoint: Sendable, Hashable {
    public var endpointID: String
    public var address: IPv4Address
}
