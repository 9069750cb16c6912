/// One simulated Docker Engine 28.2 on one host: its networks, containers,
/// endpoints and sandboxes, the IPAM state and the published-port allocator.
///
/// A value type: copying an engine snapshots the whole world (the shell's
/// `undo` and grading's replays rely on that). Every random choice comes from
/// `rng`, every timestamp from `clock`.
public struct Engine: Sendable {
    public let host: HostConfig
    public internal(set) var networks: [String: Network] = [:]
    var networkIDByName: [String: String] = [:]
    public internal(set) var containers: [String: Container] = [:]
    var containerIDByName: [String: String] = [:]
    public internal(set) var endpoints: [String: Endpoint] = [:]
    public internal(set) var sandboxes: [String: Sandbox] = [:]
    /// Network ID → IDs of its endpoints, in the order they joined.
    var endpointsByNetwork: [String: [String]] = [:]
    /// Containers whose process ends at a known time (`sleep N`).
    var runUntil: [String: SimTime] = [:]
    /// Containers created with `--network host` (few), so host-port checks need not scan every container.
    var hostNetworkContainers: Set<String> = []
    /// Creation order of networks and containers (removal stays O(1); listings sort by it).
    var creationSequence: [String: Int] = [:]
    var nextSequence = 0
    /// `proto/port` → host IP → container ID, for the host ports running containers hold.
    var hostBindings: [String: [String: String]] = [:]
    public internal(set) var localSpace: AddressSpace
    public internal(set) var pools: [String: AddressPool] = [:]
    public internal(set) var ports = PortAllocator()
    public var rng: SeededGenerator
    public internal(set) var clock: SimTime
    /// Next free host-global interface index (lo=1, eth0=2 are the host's own).
    var nextInterfaceIndex = 3
    /// Interface index of each network's bridge device.
    public internal(set) var bridgeIndex: [String: Int] = [:]
    /// The host's iptables rules: Docker's, kept in step by `syncFirewall()`, plus the learner's edits.
    public internal(set) var firewall = Firewall()
    /// The host kernel's br_netfilter module and its switches (`BridgeNetfilter`).
    public internal(set) var bridgeNetfilter = BridgeNetfilter()
    /// Links Docker made on the host for macvlan/ipvlan parents (`eth0.10`, `dm-<id12>`), by name.
    public internal(set) var createdLinks: [String: CreatedLink] = [:]
    /// This engine's copy of the swarm store and its own node ID there (nil: not in a swarm).
    public internal(set) var swarm: Swarm?
    public internal(set) var swarmNodeID: String?
    /// What this node knows of the other nodes' overlay endpoints and of the services (refreshed by the cluster).
    public internal(set) var overlayDirectory = OverlayDirectory() {
        // The mesh's published ports shape DOCKER-INGRESS (the rest of the directory shapes no rule).
        didSet {
            let ports = { (d: OverlayDirectory) in d.meshPorts.map { MeshKey(proto: $0.proto, published: $0.published) } }
            if ports(oldValue) != ports(overlayDirectory) { views.staleGroups.insert(.ingress) }
        }
    }
    /// The node's ingress sandbox, while it is in a swarm.
    public internal(set) var ingressSandbox: IngressSandbox? {
        didSet { if oldValue != ingressSandbox { views.staleGroups.insert(.ingress) } }
    }
    /// The node's load-balancer endpoints, by overlay network ID.
    public internal(set) var loadBalancers: [String: LoadBalancerEndpoint] = [:]
    /// Network-attachment task IDs of non-task containers on overlay networks, by endpoint ID.
    public internal(set) var overlayAttachments: [String: String] = [:]
    /// IPVS round-robin position per virtual service (`address:port`).
    public internal(set) var ipvsTurns: [String: Int] = [:]
    /// Each running proxy's balancing and health state, by container ID (`ProxyState`).
    public internal(set) var proxyStates: [String: ProxyState] = [:]
    /// What of a mesh port DOCKER-INGRESS's rules depend on.
    struct MeshKey: Equatable { let proto: String; let published: Int }
    /// Indexes and pending changes derived from everything above: not model state (see `EngineViews`).
    public internal(set) var views: EngineViews

    /// An engine that stands in while the real one is lent to a program (`swap`), so that the
    /// real one is never shared with a copy (its first change would then copy whole tables).
    public static let placeholder = Engine(seed: 0)
    /// A lab's names added to or removed from the simulated outside world's DNS.
    public var outsideNames = OutsideNames()
    /// Each namespace's neighbour (ARP) table, learned from simulated traffic (`NeighbourLearning`).
    public internal(set) var neighbours = NeighbourCache()
    /// What the learner wrote on the host (above `HostFiles.base`; see `Engine+Files`).
    public internal(set) var hostFiles = FileTree()
    /// Volumes by name (`docker volume`, `-v NAME:/path`; `Engine+Volumes`).
    public internal(set) var volumes: [String: Volume] = [:]

    /// Boots a fresh daemon: the predefined `bridge`, `host` and `none` networks.
    public init(seed: UInt64, host: HostConfig = HostConfig()) {
        self.host = host
        self.rng = SeededGenerator(seed: seed)
        self.clock = SimTime.epoch
        self.views = EngineViews(host: host)
        var reserved = [host.lan]
        reserved += host.nameservers.map { IPv4Subnet(address: $0, prefixLength: 32) }
        self.localSpace = AddressSpace(predefined: PredefinedPool.localDefaults, reserved: reserved)
        bootPredefinedNetworks()
        // The daemon programs its chains and the default bridge's rules as it starts.
        syncFirewall()
    }

    private mutating func bootPredefinedNetworks() {
        let bridgeID = newID()
        let subnet = localSpace.nextPredefined() ?? IPv4Subnet(address: IPv4Address(172, 17, 0, 0), prefixLength: 16)
        var pool = AddressPool(subnet: subnet)
        let gateway = pool.allocateNext()
        localSpace.insert(subnet, owner: bridgeID)
        pools[bridgeID] = pool
        let config = IPAMConfig(subnet: subnet.description, gateway: gateway?.description)
        add(Network(id: bridgeID, name: "bridge", driver: .bridge, created: clock, ipamOptions: nil,
                    ipamConfig: [config], subnet: subnet, gateway: gateway, options: BridgeDriver.defaultBridgeOptions,
                    predefined: true, deviceName: "docker0", deviceMAC: MACAddress.random(using: &rng)))
        tick(milliseconds: 3)
        add(Network(id: newID(), name: "host", driver: .host, created: clock, ipamOptions: nil, ipamConfig: nil,
                    subnet: nil, gateway: nil, predefined: true))
        tick(milliseconds: 2)
        add(Network(id: newID(), name: "none", driver: .null, created: clock, ipamOptions: nil, ipamConfig: nil,
                    subnet: nil, gateway: nil, predefined: true))
    }

    mutating func add(_ network: Network) {
        networks[network.id] = network
        setUpBridgeNetfilter(for: network)
        creationSequence[network.id] = nextSequence
        nextSequence += 1
        networkIDByName[network.name] = network.id
        if network.deviceName != nil {
            bridgeIndex[network.id] = nextInterfaceIndex
            nextInterfaceIndex += 1
        }
        noteNetworkChanged(network)
    }

    /// A network was added or changed: its rules and the host's view of it follow.
    mutating func noteNetworkChanged(_ network: Network) {
        views.networkAdded(network, bridgeIndex: bridgeIndex[network.id])
        views.staleGroups.insert(.network(network.id))
    }

    /// A container started, stopped, was removed, or changed its endpoints or published ports:
    /// its rules are re-derived at the next sync.
    mutating func noteContainerChanged(_ id: String) {
        views.staleGroups.insert(.container(id))
        views.neighboursToPrune.insert(id)
    }

    /// The views to answer from: the engine's own, or built afresh in `.rebuild` mode.
    var currentViews: EngineViews {
        views.mode == .incremental ? views : EngineViews.build(self)
    }

    /// Whether packets walked on this engine move the rules' counters: on for real traffic (ping,
    /// curl, DNS queries…), off while a diagnosis (`why`, a lab check) walks packets that no one sent.
    public var countsTraffic: Bool {
        get { views.countsTraffic }
        set { views.countsTraffic = newValue }
    }

    /// How the engine keeps its derived views (`.rebuild`: afresh for every question, the slow reference).
    public mutating func setViewMode(_ mode: EngineViews.Mode) {
        syncFirewall()
        views.mode = mode
        // The full-generation path starts from what is programmed now.
        firewall.programmedAll = firewall.programmedOps
        firewall.programmedKeys = Set(firewall.programmedAll.map(\.key))
    }

    /// A new 64-hex object ID; like `stringid.GenerateRandomID`, never all digits in its short form.
    public mutating func newID() -> String {
        while true {
            let id = rng.hex(64)
            if !id.prefix(12).allSatisfy(\.isNumber) { return id }
        }
    }

    /// Moves the simulated clock forward; processes whose time is up exit.
    public mutating func advance(seconds: Int64, nanoseconds: Int64 = 0) {
        let delta = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        clock = clock.adding(nanoseconds: delta.overflow ? 0 : delta.partialValue).adding(nanoseconds: nanoseconds)
        reapFinishedProcesses()
        if !proxyStates.isEmpty { runProxyHealthChecks() }
    }

    /// A small step of time between operations (milliseconds plus seeded jitter).
    public mutating func tick(milliseconds: Int64) {
        let jitter = Int64(rng.next() % 1_000_000)
        clock = clock.adding(nanoseconds: milliseconds * 1_000_000 + jitter)
    }

    // MARK: Lookup

    /// Networks in creation order.
    public var allNetworks: [Network] { inCreationOrder(networks) }

    /// Containers in creation order.
    public var allContainers: [Container] { inCreationOrder(containers) }

    /// The values of `map` in creation order: the keys are sorted, not the (large) values.
    func inCreationOrder<V>(_ map: [String: V]) -> [V] {
        map.keys.map { (creationIndex(of: $0), $0) }.sorted { $0 < $1 }.compactMap { map[$0.1] }
    }

    /// The position of a network or container in creation order.
    public func creationIndex(of id: String) -> Int { creationSequence[id] ?? Int.max }

    public func network(named name: String) -> Network? { networkIDByName[name].flatMap { networks[$0] } }

    /// Finds a network as the API does: full ID, exact name, then unique ID prefix.
    public func findNetwork(_ term: String) -> Result<Network, EngineError> {
        if let n = networks[term] { return .success(n) }
        if let n = network(named: term) { return .success(n) }
        let matches = term.isEmpty ? [] : networks.values.filter { $0.id.hasPrefix(term) }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.count > 1 {
            return .failure(EngineError(.invalidParameter, "network \(term) is ambiguous (\(matches.count) matches found based on ID prefix)"))
        }
        return .failure(EngineError(.notFound, "network \(term) not found"))
    }

    /// Finds a container as the daemon does: full ID, exact name, then unique ID prefix.
    public func findContainer(_ term: String) -> Result<Container, EngineError> {
        if term.isEmpty { return .failure(EngineError(.invalidParameter, "invalid name or ID supplied: \"\"")) }
        if let c = containers[term] { return .success(c) }
        let name = term.hasPrefix("/") ? String(term.dropFirst()) : term
        if let id = containerIDByName[name], let c = containers[id] { return .success(c) }
        let matches = containers.values.filter { $0.id.hasPrefix(term) }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.count > 1 {
            return .failure(EngineError(.invalidParameter, "multiple IDs found with provided prefix: \(term)"))
        }
        return .failure(.noSuchContainer(term))
    }

    /// Endpoints of a network, in the order they joined.
    public func endpoints(onNetwork id: String) -> [Endpoint] {
        (endpointsByNetwork[id] ?? []).compactMap { endpoints[$0] }
    }

    /// Endpoints of a running container, in the order they joined its sandbox.
    public func endpoints(ofContainer c: Container) -> [Endpoint] {
        guard let sid = c.sandboxID, let sandbox = sandboxes[sid] else { return [] }
        return sandbox.endpointIDs.compactMap { endpoints[$0] }
    }
}
