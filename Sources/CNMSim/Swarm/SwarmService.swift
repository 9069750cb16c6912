/// A swarm service: the desired state (image, replicas, networks, published
/// ports, endpoint mode) and the tasks the orchestrator placed on the nodes.
public struct SwarmService: Sendable, Hashable, Identifiable {
    public enum EndpointMode: String, Sendable, Hashable { case vip, dnsrr }

    /// A port published through the routing mesh (`--publish 8080:80`).
    public struct PublishedPort: Sendable, Hashable {
        public var proto: String
        public var published: Int
        public var target: Int
        /// Whether the user left the published port to the swarm (`-p 80`): the spec then has none.
        public var dynamic: Bool = false
        public init(proto: String, published: Int, target: Int) {
            self.proto = proto; self.published = published; self.target = target
        }
    }

    public let id: String
    public var name: String
    /// The image reference as typed, and as the spec stores it (`nginx:latest`).
    public let imageReference: String
    public let image: Image
    public let command: [String]
    public var replicas: Int
    /// Swarm network IDs the service is attached to, in the order given (ingress first when publishing).
    public let networkIDs: [String]
    public let aliases: [String: [String]]
    public let ports: [PublishedPort]
    public let endpointMode: EndpointMode
    /// The service's virtual IP on each network (vip mode only).
    public var vips: [String: IPv4Address]
    public let created: SimTime
    public var updated: SimTime
    /// Bumped by every update (`Version.Index` in inspect).
    public var version: Int
    /// The replica count before the last update, for `docker service inspect` `PreviousSpec`.
    public var previousReplicas: Int?

    public init(id: String, name: String, imageReference: String, image: Image, command: [String], replicas: Int,
                networkIDs: [String], aliases: [String: [String]], ports: [PublishedPort], endpointMode: EndpointMode,
                vips: [String: IPv4Address], created: SimTime) {
        self.id = id; self.name = name; self.imageReference = imageReference; self.image = image; self.command = command
        self.replicas = replicas; self.networkIDs = networkIDs; self.aliases = aliases; self.ports = ports
        self.endpointMode = endpointMode; self.vips = vips; self.created = created; self.updated = created; self.version = 1
    }
}

/// One replica of a service: a slot, the node it runs on, and the container there.
public struct SwarmTask: Sendable, Hashable, Identifiable {
    public let id: String
    public let serviceID: String
    public let slot: Int
    public let nodeID: String
    /// The task's container on its node's engine.
    public var containerID: String
    /// The task's address on each of its service's networks.
    public var addresses: [String: IPv4Address]
    public let created: SimTime
    /// `Running`, or `Shutdown` once scaled down or removed (then kept for `service ps` history: not simulated).
    public var running: Bool

    public init(id: String, serviceID: String, slot: Int, nodeID: String, containerID: String,
                addresses: [String: IPv4Address], created: SimTime) {
        self.id = id; self.serviceID = serviceID; self.slot = slot; self.nodeID = nodeID
        self.containerID = containerID; self.addresses = addresses; self.created = created; self.running = true
    }
}
