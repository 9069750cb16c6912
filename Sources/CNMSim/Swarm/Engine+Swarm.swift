/// What a swarm node's engine does itself: `swarm init`, the manager-only
/// operations on the replicated store (overlay networks, services), and the
/// local plumbing (docker_gwbridge, the ingress sandbox, instances of overlay
/// networks) that the cluster asks for when it reconciles.
extension Engine {
    public static let notInSwarmManagerMessage = "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again."
    public static let workerNodeMessage = "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager."
    public static let swarmExistsMessage = "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one."
    public static let notInSwarmMessage = "This node is not part of a swarm"
    public static let swarmTaskLabel = "com.docker.swarm.task.id"

    /// This node's entry in its copy of the swarm store.
    public var swarmNode: SwarmNode? { swarmNodeID.flatMap { swarm?.node($0) } }

    public var isSwarmManager: Bool { swarmNode?.role == .manager }

    /// Docker's refusal of a manager-only request on this node, if any.
    public var managerRequired: EngineError? {
        guard let node = swarmNode else { return EngineError(.forbidden, Self.notInSwarmManagerMessage) }
        return node.role == .manager ? nil : EngineError(.forbidden, Self.workerNodeMessage)
    }

    // MARK: swarm init

    /// `POST /swarm/init`: a new swarm with this node as its leader and the `ingress` network.
    public mutating func initSwarm(advertise: IPv4Address) -> Result<SwarmNode, EngineError> {
        tick(milliseconds: 400)
        guard swarm == nil else { return .failure(EngineError(.forbidden, Self.swarmExistsMessage)) }
        var s = Swarm(id: rng.swarmID(), created: clock, caDigest: rng.base36(50),
                      workerSecret: rng.base36(25), managerSecret: rng.base36(25))
        let node = SwarmNode(id: rng.swarmID(), hostname: host.hostname, address: advertise, role: .manager,
                             leader: true, created: clock, peerName: rng.hex(12))
        s.nodes.append(node)
        let ingressID = rng.swarmID()
        if case .success(let (subnet, vni)) = s.allocateNetwork(subnet: nil, owner: ingressID) {
            var pool = AddressPool(subnet: subnet, serial: true)
            let gateway = pool.allocateNext() ?? subnet.network
            s.networks.append(SwarmNetwork(id: ingressID, name: "ingress", created: clock, subnet: subnet, gateway: gateway,
                                           vni: vni, attachable: false, ingress: true, isInternal: false, options: [:],
                                           labels: [:], userSubnet: false, pool: pool))
        }
        s.touch()
        swarm = s
        swarmNodeID = node.id
        return .success(node)
    }

    // MARK: overlay networks (managers)

    /// `POST /networks/create` for a swarm-scoped network, on a manager.
    public mutating func createSwarmNetwork(_ request: NetworkCreateRequest, subnet: IPv4Subnet?, gateway: IPv4Address?) -> Result<SwarmNetwork, EngineError> {
        tick(milliseconds: 60)
        guard swarmNode != nil else { return .failure(EngineError(.forbidden, Self.notInSwarmManagerMessage)) }
        guard isSwarmManager else {
            return .failure(EngineError(.forbidden, "Cannot create a multi-host network from a worker node. Please create the network from a manager node."))
        }
        guard var s = swarm else { return .failure(EngineError(.forbidden, Self.notInSwarmManagerMessage)) }
        if network(named: request.name) != nil || s.networks.contains(where: { $0.name == request.name }) {
            return .failure(EngineError(.forbidden, "network with name \(request.name) already exists"))
        }
        if request.ingress, let existing = s.ingress {
            return .failure(EngineError(.forbidden, "rpc error: code = AlreadyExists desc = ingress network (\(existing.id)) is already present"))
        }
        let id = rng.swarmID()
        let allocated: (IPv4Subnet, Int)
        switch s.allocateNetwork(subnet: subnet, owner: id) {
        case .failure(let e): return .failure(e)
        case .success(let a): allocated = a
        }
        var pool = AddressPool(subnet: allocated.0, serial: true)
        let gw: IPv4Address
        if let gateway {
            guard allocated.0.contains(gateway), pool.allocate(gateway) else {
                s.globalSpace.remove(owner: id)
                return .failure(EngineError(.invalidParameter, "rpc error: code = InvalidArgument desc = invalid gateway \(gateway) for subnet \(allocated.0)"))
            }
            gw = gateway
        } else {
            gw = pool.allocateNext() ?? allocated.0.network
        }
        var def = SwarmNetwork(id: id, name: request.name, created: clock, subnet: allocated.0, gateway: gw, vni: allocated.1,
                               attachable: request.attachable, ingress: request.ingress, isInternal: request.isInternal,
                               options: request.options, labels: request.labels, userSubnet: subnet != nil, pool: pool)
        def.userGateway = gateway != nil
        s.networks.append(def)
        s.touch()
        swarm = s
        instantiate(def)
        return .success(def)
    }

    /// `DELETE /networks/{id}` for a swarm network, on a manager.
    public mutating func removeSwarmNetwork(_ def: SwarmNetwork) -> EngineError? {
        if let refusal = managerRequired { return refusal }
        guard var s = swarm else { return EngineError(.forbidden, Self.notInSwarmManagerMessage) }
        if def.ingress, let user = s.services.first(where: { !$0.ports.isEmpty }) {
            return EngineError(.forbidden, "rpc error: code = FailedPrecondition desc = ingress network cannot be removed because service \(user.id) depends on it")
        }
        if let user = s.services.first(where: { $0.networkIDs.contains(def.id) && !def.ingress }) {
            return EngineError(.forbidden, "rpc error: code = FailedPrecondition desc = network \(def.id) is in use by service \(user.id)")
        }
        // An attachable container anywhere holds a network-attachment task on it.
        let here = endpoints(onNetwork: def.id).compactMap { overlayAttachments[$0.id] }
        let elsewhere = (overlayDirectory.members[def.id] ?? []).compactMap(\.attachmentTask)
        if let task = (here + elsewhere).first {
            return EngineError(.forbidden, "rpc error: code = FailedPrecondition desc = network \(def.id) is in use by task \(task)")
        }
        s.releaseNetwork(def.id)
        s.touch()
        swarm = s
        if let n = networks[def.id] { deleteNetwork(n) }
        loadBalancers.removeValue(forKey: def.id)
        return nil
    }

    // MARK: services (managers)

    /// `POST /services/create`: the spec goes into the store with its VIPs; the
    /// cluster places the tasks when it reconciles.
    public mutating func createService(_ spec: ServiceSpec) -> Result<SwarmService, EngineError> {
        tick(milliseconds: 120)
        if let refusal = managerRequired { return .failure(refusal) }
        guard var s = swarm else { return .failure(EngineError(.forbidden, Self.notInSwarmManagerMessage)) }
        guard let image = ImageCatalogue.find(spec.image) else {
            return .failure(EngineError(.notSimulated, "services of images outside cnmlab's catalogue are not simulated"))
        }
        let name = spec.name ?? generatedName()
        if s.services.contains(where: { $0.name == name }) {
            return .failure(EngineError(.conflict, "rpc error: code = AlreadyExists desc = name conflicts with an existing object: service \(name) already exists"))
        }
        if spec.endpointMode == .dnsrr && !spec.ports.isEmpty {
            return .failure(EngineError(.invalidParameter, "rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode"))
        }
        var networkIDs: [String] = []
        var aliases: [String: [String]] = [:]
        for (term, a) in spec.networks {
            guard let def = s.findNetwork(term) else {
                if findNetworkQuiet(term) != nil {
                    return .failure(EngineError(.invalidParameter, "rpc error: code = InvalidArgument desc = network \(term) is not swarm scoped"))
                }
                return .failure(EngineError(.notFound, "network \(term) not found"))
            }
            if def.ingress {
                return .failure(EngineError(.invalidParameter, "rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network \"\(def.name)\""))
            }
            if !networkIDs.contains(def.id) { networkIDs.append(def.id) }
            aliases[def.id] = a
        }
        var ports: [SwarmService.PublishedPort] = []
        for p in spec.ports {
            var port = p
            if port.published == 0 {
                port.dynamic = true
                var candidate = 30000
                while candidate <= 32767 && (s.services.contains { $0.ports.contains { $0.published == candidate && $0.proto == p.proto } }
                                              || ports.contains { $0.published == candidate && $0.proto == p.proto }) { candidate += 1 }
                port.published = candidate
            }
            if let other = s.services.first(where: { $0.ports.contains { $0.published == port.published && $0.proto == port.proto } }) {
                return .failure(EngineError(.invalidParameter, "rpc error: code = InvalidArgument desc = port '\(port.published)' is already in use by service '\(other.name)' (\(other.id)) as an ingress port"))
            }
            ports.append(port)
        }
        if !ports.isEmpty {
            guard let ingress = s.ingress else {
                return .failure(EngineError(.invalidParameter, "rpc error: code = InvalidArgument desc = service needs ingress network, but no ingress network is present"))
            }
            networkIDs.insert(ingress.id, at: 0)
        }
        var vips: [String: IPv4Address] = [:]
        if spec.endpointMode == .vip {
            for nid in networkIDs {
                if let ip = s.allocateAddress(on: nid) { vips[nid] = ip }
            }
        }
        let service = SwarmService(id: rng.swarmID(), name: name, imageReference: ImageCatalogue.normalise(spec.image).map { "\($0.repository):\($0.tag)" } ?? spec.image,
                                   image: image, command: spec.command, replicas: spec.replicas, networkIDs: networkIDs,
                                   aliases: aliases, ports: ports, endpointMode: spec.endpointMode, vips: vips, created: clock)
        s.services.append(service)
        s.touch()
        swarm = s
        return .success(service)
    }

    /// `docker service scale|update --replicas`: the new desired count (the cluster adds or removes tasks).
    public mutating func scaleService(_ term: String, replicas: Int) -> Result<SwarmService, EngineError> {
        tick(milliseconds: 60)
        if let refusal = managerRequired { return .failure(refusal) }
        guard var s = swarm else { return .failure(EngineError(.forbidden, Self.notInSwarmManagerMessage)) }
        guard let found = s.findService(term), let i = s.services.firstIndex(where: { $0.id == found.id }) else {
            return .failure(EngineError(.notFound, "service \(term) not found"))
        }
        s.services[i].previousReplicas = s.services[i].replicas
        s.services[i].replicas = replicas
        s.services[i].updated = clock
        s.services[i].version += 1
        s.touch()
        swarm = s
        return .success(s.services[i])
    }

    /// `DELETE /services/{id}`: the spec and its VIPs go; the cluster removes the tasks.
    public mutating func removeService(_ term: String) -> Result<SwarmService, EngineError> {
        tick(milliseconds: 60)
        if let refusal = managerRequired { return .failure(refusal) }
        guard var s = swarm else { return .failure(EngineError(.forbidden, Self.notInSwarmManagerMessage)) }
        guard let found = s.findService(term) else {
            return .failure(EngineError(.notFound, "service \(term) not found"))
        }
        for (nid, ip) in found.vips { s.releaseAddress(ip, on: nid) }
        s.services.removeAll { $0.id == found.id }
        s.touch()
        swarm = s
        return .success(found)
    }

    // MARK: local plumbing

    /// A swarm network as this node's engine holds it when instantiated.
    func localNetwork(for def: SwarmNetwork) -> Network {
        let config = IPAMConfig(subnet: def.subnet.description,
                                gateway: !def.userSubnet || def.userGateway ? def.gateway.description : nil)
        return Network(id: def.id, name: def.name, driver: .overlay, created: def.created,
                       ipamOptions: ["com.docker.network.ipam.serial": "true"], ipamConfig: [config],
                       subnet: def.subnet, gateway: def.gateway, isInternal: def.isInternal, attachable: def.attachable,
                       ingress: def.ingress, options: def.driverOptions, labels: def.labels, userSubnet: def.userSubnet)
    }

    /// Creates this node's instance of a swarm network (no-op when it exists).
    mutating func instantiate(_ def: SwarmNetwork) {
        guard networks[def.id] == nil else { return }
        add(localNetwork(for: def))
    }

    /// Removes this node's instance of a swarm network, if nothing here uses it.
    mutating func dropInstance(_ id: String) {
        guard let n = networks[id], n.isSwarmScoped, endpoints(onNetwork: id).isEmpty else { return }
        deleteNetwork(n)
        loadBalancers.removeValue(forKey: id)
    }

    /// `docker_gwbridge`, created on first need (swarm init/join, first overlay container).
    mutating func ensureGatewayBridge() -> Network? {
        if let n = network(named: OverlayDriver.gatewayBridgeName) { return n }
        let request = NetworkCreateRequest(name: OverlayDriver.gatewayBridgeName, options: [
            BridgeDriver.nameOption: OverlayDriver.gatewayBridgeName,
            BridgeDriver.iccOption: "false",
            BridgeDriver.masqueradeOption: "true",
        ])
        guard case .success(var n) = createNetwork(request) else { return nil }
        n.ipamOptions = nil
        networks[n.id] = n
        noteNetworkChanged(n)
        return n
    }

    /// The ingress sandbox of this node, with its addresses on `ingress` and on docker_gwbridge.
    mutating func ensureIngressSandbox(ingressAddress: IPv4Address) {
        if var sbox = ingressSandbox {
            sbox.ingressAddress = ingressAddress
            ingressSandbox = sbox
            return
        }
        guard let gw = ensureGatewayBridge(), var pool = pools[gw.id], let address = pool.allocateNext() else { return }
        pools[gw.id] = pool
        let peer = nextInterfaceIndex
        nextInterfaceIndex += 2
        ingressSandbox = IngressSandbox(ingressEndpointID: newID(), ingressAddress: ingressAddress, gatewayEndpointID: newID(),
                                        gatewayAddress: address, gatewayMAC: MACAddress.random(using: &rng),
                                        hostVeth: "veth" + rng.hex(7), vethIndex: peer + 1, peerIndex: peer)
    }

    mutating func removeIngressSandbox() {
        guard let sbox = ingressSandbox else { return }
        if let gw = network(named: OverlayDriver.gatewayBridgeName) { pools[gw.id]?.release(sbox.gatewayAddress) }
        ingressSandbox = nil
    }

    /// Replaces this node's copy of the store, its node ID and its directory (the cluster's replication).
    mutating func adoptSwarm(_ s: Swarm?, nodeID: String?, directory: OverlayDirectory) {
        swarm = s
        swarmNodeID = nodeID
        overlayDirectory = directory
    }

    mutating func setLoadBalancer(_ networkID: String, address: IPv4Address?) {
        guard let address else { loadBalancers.removeValue(forKey: networkID); return }
        if loadBalancers[networkID]?.address == address { return }
        loadBalancers[networkID] = LoadBalancerEndpoint(endpointID: newID(), address: address)
    }

    /// Leaves the swarm on this node: the store copy, the overlay instances and the ingress sandbox go.
    mutating func forgetSwarm() {
        for n in allNetworks where n.isSwarmScoped {
            for ep in endpoints(onNetwork: n.id) {
                if let c = containers[ep.containerID], c.isRunning { _ = stopContainer(c.id) }
            }
            if let n2 = networks[n.id] { deleteNetwork(n2) }
        }
        removeIngressSandbox()
        loadBalancers = [:]
        adoptSwarm(nil, nodeID: nil, directory: OverlayDirectory())
    }

    /// The network a container joins by `term`: a local one, or a swarm network it may attach to
    /// (a task any of its service's, another container only an attachable one, else Docker's
    /// refusal); nil when no network has that name.
    mutating func networkToAttach(_ term: String, for c: Container) -> Result<Network, EngineError>? {
        let isTask = c.labels[Self.swarmTaskLabel] != nil
        if let n = findNetworkQuiet(term), !n.isSwarmScoped || n.attachable || isTask { return .success(n) }
        return attachableSwarmNetwork(term, forTask: isTask)
    }

    /// An overlay network a container on this node may attach to: the local instance, or one
    /// made from the store for an attachable network; Docker's refusal for the others.
    mutating func attachableSwarmNetwork(_ term: String, forTask: Bool) -> Result<Network, EngineError>? {
        guard let s = swarm, let def = s.findNetwork(term) else { return nil }
        if !def.attachable && !forTask {
            return .failure(EngineError(.forbidden, "Could not attach to network \(term): rpc error: code = PermissionDenied desc = network \(term) not manually attachable"))
        }
        instantiate(def)
        guard let n = networks[def.id] else { return nil }
        return .success(n)
    }

    // MARK: overlay addresses

    /// An address on an overlay network, from the store's serial pool.
    mutating func allocateOverlayAddress(_ network: Network, requested: IPv4Address?) -> Result<IPv4Address, EngineError> {
        guard var s = swarm, let i = s.networks.firstIndex(where: { $0.id == network.id }) else {
            return .failure(EngineError(.notFound, "network \(network.name) not found"))
        }
        let ip: IPv4Address
        if let requested {
            guard s.networks[i].pool.allocate(requested) else { return .failure(EngineError(.forbidden, "Address already in use")) }
            ip = requested
        } else {
            guard let next = s.networks[i].pool.allocateNext() else {
                return .failure(EngineError(.forbidden, "no available IPv4 addresses on this network's address pools: \(network.name) (\(network.id))"))
            }
            ip = next
        }
        s.touch()
        swarm = s
        return .success(ip)
    }

    mutating func releaseOverlayAddress(_ ip: IPv4Address, networkID: String) {
        guard var s = swarm else { return }
        s.releaseAddress(ip, on: networkID)
        s.touch()
        swarm = s
    }
}

/// What `docker service create` asks for.
public struct ServiceSpec: Sendable, Hashable {
    public var name: String?
    public var image: String
    public var command: [String]
    public var replicas: Int
    /// Network names or IDs with their service aliases, in the order given.
    public var networks: [(String, [String])]
    public var ports: [SwarmService.PublishedPort]
    public var endpointMode: SwarmService.EndpointMode

    public init(name: String?, image: String, command: [String] = [], replicas: Int = 1, networks: [(String, [String])] = [],
                ports: [SwarmService.PublishedPort] = [], endpointMode: SwarmService.EndpointMode = .vip) {
        self.name = name; self.image = image; self.command = command; self.replicas = replicas
        self.networks = networks; self.ports = ports; self.endpointMode = endpointMode
    }

    public static func == (a: ServiceSpec, b: ServiceSpec) -> Bool {
        a.name == b.name && a.image == b.image && a.command == b.command && a.replicas == b.replicas
            && a.networks.map(\.0) == b.networks.map(\.0) && a.networks.map(\.1) == b.networks.map(\.1)
            && a.ports == b.ports && a.endpointMode == b.endpointMode
    }

    public func hash(into h: inout Hasher) {
        h.combine(name); h.combine(image); h.combine(command); h.combine(replicas)
        for (n, a) in networks { h.combine(n); h.combine(a) }
        h.combine(ports); h.combine(endpointMode)
    }
}
