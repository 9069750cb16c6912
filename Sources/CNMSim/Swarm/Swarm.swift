/// The swarm's replicated state, as the managers' Raft store holds it: nodes,
/// overlay networks with their serial IPAM, services and tasks, join tokens.
///
/// Every node's engine keeps a copy (`Engine.swarm`); a manager changes its
/// copy when it serves a command, and the cluster hands the newest copy to
/// every node afterwards, as Raft replication would. `revision` tells which
/// copy is newest.
public struct Swarm: Sendable, Hashable {
    public let id: String
    public let created: SimTime
    public internal(set) var nodes: [SwarmNode] = []
    public internal(set) var networks: [SwarmNetwork] = []
    public internal(set) var services: [SwarmService] = []
    public internal(set) var tasks: [SwarmTask] = []
    public let workerToken: String
    public let managerToken: String
    /// GlobalDefault address space: 10.0.0.0/8 cut into /24s.
    var globalSpace = AddressSpace(predefined: PredefinedPool.globalDefaults)
    var nextVNI = 4096
    /// Bumped by every change, so the newest copy wins.
    public internal(set) var revision = 0
    /// Each node's ingress sandbox address on `ingress` (node ID → address).
    public internal(set) var ingressAddresses: [String: IPv4Address] = [:]
    /// Each node's load-balancer endpoint address per network (`nodeID/networkID` → address).
    public internal(set) var loadBalancers: [String: IPv4Address] = [:]
    /// Nodes that left (`docker node ls` shows them `Down` until removed).
    public internal(set) var downNodes: Set<String> = []

    init(id: String, created: SimTime, caDigest: String, workerSecret: String, managerSecret: String) {
        self.id = id
        self.created = created
        workerToken = "SWMTKN-1-\(caDigest)-\(workerSecret)"
        managerToken = "SWMTKN-1-\(caDigest)-\(managerSecret)"
    }

    public func node(_ id: String) -> SwarmNode? { nodes.first { $0.id == id } }

    public func network(_ id: String) -> SwarmNetwork? { networks.first { $0.id == id } }

    /// Finds a swarm network as the API does: full ID, exact name, then unique ID prefix.
    public func findNetwork(_ term: String) -> SwarmNetwork? { Self.find(term, in: networks, name: \.name) }

    /// Finds a service by ID, name, then unique ID prefix.
    public func findService(_ term: String) -> SwarmService? { Self.find(term, in: services, name: \.name) }

    /// Finds a node by ID, hostname, then unique ID prefix.
    public func findNode(_ term: String) -> SwarmNode? { Self.find(term, in: nodes, name: \.hostname) }

    /// The daemon's lookup order for swarm objects: full ID, exact name, then a unique ID prefix.
    static func find<T: Identifiable>(_ term: String, in items: [T], name: KeyPath<T, String>) -> T? where T.ID == String {
        if let x = items.first(where: { $0.id == term }) { return x }
        if let x = items.first(where: { $0[keyPath: name] == term }) { return x }
        let matches = term.isEmpty ? [] : items.filter { $0.id.hasPrefix(term) }
        return matches.count == 1 ? matches[0] : nil
    }

    public var ingress: SwarmNetwork? { networks.first { $0.ingress } }

    public func tasks(of serviceID: String) -> [SwarmTask] {
        tasks.filter { $0.serviceID == serviceID && $0.running }.sorted { $0.slot < $1.slot }
    }

    public func isDown(_ nodeID: String) -> Bool { downNodes.contains(nodeID) }

    /// Nodes that take tasks: joined and not down.
    public var activeNodes: [SwarmNode] { nodes.filter { !downNodes.contains($0.id) } }

    mutating func touch() { revision += 1 }

    /// Allocates the next /24 of the global pool (or checks the user's subnet) and a VNI.
    mutating func allocateNetwork(subnet requested: IPv4Subnet?, owner: String) -> Result<(IPv4Subnet, Int), EngineError> {
        let subnet: IPv4Subnet
        if let requested {
            guard !globalSpace.overlapsAllocated(requested) else {
                // swarmkit accepts the request and fails the allocation later, in the background.
                return .failure(EngineError(.notSimulated, "an overlay subnet that overlaps another swarm network"))
            }
            subnet = requested
        } else {
            guard let next = globalSpace.nextPredefined() else {
                return .failure(EngineError(.system, "rpc error: code = ResourceExhausted desc = could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network"))
            }
            subnet = next
        }
        globalSpace.insert(subnet, owner: owner)
        let vni = nextVNI
        nextVNI += 1
        return .success((subnet, vni))
    }

    mutating func releaseNetwork(_ id: String) {
        globalSpace.remove(owner: id)
        networks.removeAll { $0.id == id }
        loadBalancers = loadBalancers.filter { !$0.key.hasSuffix("/" + id) }
    }

    /// The next address of a network's serial pool.
    mutating func allocateAddress(on networkID: String) -> IPv4Address? {
        guard let i = networks.firstIndex(where: { $0.id == networkID }) else { return nil }
        return networks[i].pool.allocateNext()
    }

    mutating func releaseAddress(_ ip: IPv4Address, on networkID: String) {
        guard let i = networks.firstIndex(where: { $0.id == networkID }) else { return }
        networks[i].pool.release(ip)
    }
}
