extension Engine {
    /// Names Docker reserves for its predefined networks.
    public static func isPredefinedName(_ name: String) -> Bool {
        ["bridge", "host", "none", "default"].contains(name)
    }

    /// `POST /networks/create`, with the daemon's checks in the daemon's order.
    public mutating func createNetwork(_ request: NetworkCreateRequest) -> Result<Network, EngineError> {
        tick(milliseconds: 40)
        if Self.isPredefinedName(request.name) {
            return .failure(EngineError(.forbidden, "operation is not permitted on predefined \(request.name) network "))
        }
        let driverName = request.driver.isEmpty ? "bridge" : request.driver
        // A swarm-scoped driver (overlay) keeps its networks in the swarm's store.
        if let kind = DriverKind(rawValue: driverName), networkDriver(for: kind).scope == "swarm" {
            guard swarmNode != nil else { return .failure(EngineError(.forbidden, Self.notInSwarmManagerMessage)) }
            return createOverlay(request)
        }
        if request.scope == "swarm" && swarmNode != nil {
            return .failure(EngineError(.notSimulated, "swarm-scoped networks of the \(driverName) driver"))
        }
        let checked: CheckedNetworkRequest
        switch check(request, driverName: driverName) {
        case .failure(let e): return .failure(e)
        case .success(let c): checked = c
        }
        let kind = checked.kind, options = checked.options
        let driver = networkDriver(for: kind)
        // macvlan/ipvlan check their options in the driver's CreateNetwork, after IPAM (below).
        if !driver.validatesAfterIPAM, let message = driver.validate(options: options, engine: self) {
            return .failure(EngineError(.invalidParameter, message))
        }
        if let refusal = driver.refusal(options: options, isInternal: request.isInternal) { return .failure(refusal) }
        let id = newID()
        let ipam: IPv4Allocation
        switch allocateIPv4(request, kind: kind, options: options) {
        case .failure(let e): return .failure(e)
        case .success(let a): ipam = a
        }
        if driver.validatesAfterIPAM, let message = driver.validate(options: options, engine: self) {
            return .failure(EngineError(.invalidParameter, message))
        }
        let device = driver.deviceName(networkID: id, options: options)
        if let device, let clash = networks.values.first(where: { $0.deviceName == device }) {
            return .failure(EngineError(.forbidden, "cannot create network \(id) (\(device)): conflicts with network \(clash.id) (\(device)): networks have same bridge name"))
        }
        localSpace.insert(ipam.subnet, owner: id)
        let network = Network(
            id: id, name: request.name, driver: kind, created: clock, enableIPv4: checked.enableIPv4,
            enableIPv6: checked.enableIPv6, ipamDriver: "default", ipamOptions: request.ipamOptions,
            ipamConfig: ipam.shownConfig, subnet: ipam.subnet, gateway: ipam.gateway, isInternal: request.isInternal,
            attachable: request.attachable, ingress: request.ingress, configOnly: request.configOnly,
            configFrom: request.configFrom, options: options, labels: request.labels, predefined: false,
            deviceName: device, userSubnet: ipam.userSubnet, deviceMAC: MACAddress.random(using: &rng))
        add(network)
        storePool(ipam.pool, for: id)
        attachParentLink(of: network)
        return .success(network)
    }

    /// A create request that passed the daemon's checks: its driver, its options without the
    /// `enable_ipv4`/`enable_ipv6` ones it answered, and the address families it enables.
    struct CheckedNetworkRequest {
        var kind: DriverKind
        var options: [String: String]
        var enableIPv4: Bool
        var enableIPv6: Bool
    }

    /// The daemon's checks of a local network's request, in its order (moby v28.2.2
    /// daemon/network.go `createNetwork`, libnetwork/controller.go `NewNetwork`).
    func check(_ request: NetworkCreateRequest, driverName: String) -> Result<CheckedNetworkRequest, EngineError> {
        var options = request.options
        var enableIPv4 = request.enableIPv4 ?? true
        if request.enableIPv4 != nil {
            options.removeValue(forKey: "com.docker.network.enable_ipv4")
        } else if let v = options["com.docker.network.enable_ipv4"] {
            guard let b = GoBool.parse(v) else {
                return .failure(EngineError(.invalidParameter, "driver-opt \"com.docker.network.enable_ipv4\" is not a valid bool"))
            }
            enableIPv4 = b
        }
        var enableIPv6 = request.enableIPv6 ?? false
        if request.enableIPv6 != nil {
            options.removeValue(forKey: "com.docker.network.enable_ipv6")
        } else if let v = options["com.docker.network.enable_ipv6"] {
            guard let b = GoBool.parse(v) else {
                return .failure(EngineError(.invalidParameter, "driver-opt \"com.docker.network.enable_ipv6\" is not a valid bool"))
            }
            enableIPv6 = b
        }
        if let message = IPAMValidator.validate(request.ipamConfig, enableIPv6: enableIPv6) {
            return .failure(EngineError(.invalidParameter, message))
        }
        if request.name.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }) {
            return .failure(EngineError(.invalidParameter, "invalid name: name is empty"))
        }
        if network(named: request.name) != nil {
            return .failure(EngineError(.forbidden, "network with name \(request.name) already exists"))
        }
        guard let kind = DriverKind(rawValue: driverName) else {
            return .failure(EngineError(.notFound, "plugin \"\(driverName)\" not found"))
        }
        if request.ingress {
            return .failure(EngineError(.forbidden, "Ingress network can only be global scope network"))
        }
        if request.scope == "swarm" {
            return .failure(EngineError(.forbidden, "cannot create a swarm scoped network when swarm is not active"))
        }
        if request.ipamDriver != "default" && !request.ipamDriver.isEmpty {
            return .failure(EngineError(.notFound, "plugin \"\(request.ipamDriver)\" not found"))
        }
        if kind.isSingleton {
            return .failure(EngineError(.forbidden, "only one instance of \"\(kind.rawValue)\" network is allowed"))
        }
        if enableIPv6 || request.ipamConfig.contains(where: { ($0.subnet ?? "").contains(":") }) {
            if !enableIPv4 && !enableIPv6 {
                return .failure(EngineError(.invalidParameter, "IPv4 or IPv6 must be enabled"))
            }
            return .failure(EngineError(.notSimulated, "IPv6 networks are not simulated yet"))
        }
        if !enableIPv4 {
            return .failure(EngineError(.invalidParameter, "IPv4 or IPv6 must be enabled"))
        }
        return .success(CheckedNetworkRequest(kind: kind, options: options, enableIPv4: enableIPv4, enableIPv6: enableIPv6))
    }

    /// A network's IPv4 pool: its subnet, its gateway (if it has one), and the IPAM config inspect shows.
    struct IPv4Allocation {
        var pool: AddressPool
        var subnet: IPv4Subnet
        var gateway: IPv4Address?
        var shownConfig: [IPAMConfig]
        /// The subnet was given (`--subnet`), not taken from the predefined pools.
        var userSubnet: Bool
    }

    /// IPAM: one IPv4 pool, the requested subnet or the next predefined one (moby v28.2.2
    /// libnetwork/ipams/defaultipam), with the gateway and the auxiliary addresses reserved.
    func allocateIPv4(_ request: NetworkCreateRequest, kind: DriverKind, options: [String: String]) -> Result<IPv4Allocation, EngineError> {
        let driver = networkDriver(for: kind)
        let skipGateway = driver.skipsGatewayAllocation(options: options, isInternal: request.isInternal)
        let v4Configs = request.ipamConfig.filter { !($0.subnet ?? "").contains(":") }
        guard let config = v4Configs.first, let subnetText = config.subnet, let parsed = IPv4Subnet(subnetText) else {
            guard let auto = localSpace.nextPredefined() else {
                return .failure(EngineError(.forbidden, "all predefined address pools have been fully subnetted"))
            }
            var pool = AddressPool(subnet: auto)
            let gateway = skipGateway ? nil : pool.allocateNext()
            return .success(IPv4Allocation(pool: pool, subnet: auto, gateway: gateway,
                                           shownConfig: [IPAMConfig(subnet: auto.description, gateway: gateway?.description)],
                                           userSubnet: !v4Configs.isEmpty))
        }
        let subnet = parsed.canonical
        let range = config.ipRange.flatMap { IPv4Subnet($0) }
        if range == nil && localSpace.overlapsAllocated(subnet) {
            return .failure(EngineError(.forbidden, "invalid pool request: Pool overlaps with other one on this address space"))
        }
        var pool = AddressPool(subnet: subnet, range: range)
        // With --ip-range, an existing pool of exactly this subnet is joined, not duplicated (moby#46756).
        if range != nil, let shared = existingPool(for: subnet) { pool.adopt(allocationsOf: shared) }
        let gateway: IPv4Address?
        if let g = config.gateway.flatMap({ IPv4Address($0) }) {
            // moby v28.2.2 libnetwork/network.go ipamAllocateVersion: the gateway is requested from the pool.
            guard pool.allocate(g) else {
                return .failure(EngineError(.system, "failed to allocate gateway (\(g)): Address already in use"))
            }
            gateway = g
        } else {
            gateway = skipGateway ? nil : pool.allocateNext()
        }
        for (key, aux) in config.auxAddresses.sorted(by: { $0.key < $1.key }) {
            guard let a = IPv4Address(aux), subnet.contains(a) else { continue }
            guard pool.allocate(a) else {
                return .failure(EngineError(.system, "failed to allocate secondary ip address (\(key):\(aux)): Address already in use"))
            }
        }
        if v4Configs.count > 1 { return .failure(driver.multipleSubnetsError) }
        return .success(IPv4Allocation(pool: pool, subnet: subnet, gateway: gateway, shownConfig: v4Configs, userSubnet: true))
    }

    /// `DELETE /networks/{id}`.
    public mutating func removeNetwork(_ term: String) -> Result<Network, EngineError> {
        tick(milliseconds: 30)
        let network: Network
        switch findNetwork(term) {
        case .success(let n): network = n
        case .failure(let e): return .failure(e)
        }
        if network.isSwarmScoped {
            // Swarm-scoped: the managers remove it from the store (moby `deleteNetwork` route → cluster).
            guard let def = swarm?.network(network.id) else { return .failure(EngineError(.notFound, "network \(term) not found")) }
            if let refusal = removeSwarmNetwork(def) { return .failure(refusal) }
            return .success(network)
        }
        if network.predefined {
            return .failure(EngineError(.forbidden, "\(network.name) is a pre-defined network and cannot be removed"))
        }
        let active = endpoints(onNetwork: network.id)
        if !active.isEmpty {
            let list = active.map { "name:\"\($0.name)\" id:\"\($0.id.prefix(12))\"" }.joined(separator: ", ")
            return .failure(EngineError(.forbidden, "error while removing network: network \(network.name) has active endpoints (\(list))"))
        }
        deleteNetwork(network)
        return .success(network)
    }

    mutating func deleteNetwork(_ network: Network) {
        views.networkRemoved(network.id)
        views.staleGroups.insert(.network(network.id))
        releaseNetworkAddresses(network)
        detachParentLink(of: network)
        networks.removeValue(forKey: network.id)
        creationSequence.removeValue(forKey: network.id)
        networkIDByName.removeValue(forKey: network.name)
        localSpace.remove(owner: network.id)
        pools.removeValue(forKey: network.id)
        bridgeIndex.removeValue(forKey: network.id)
        endpointsByNetwork.removeValue(forKey: network.id)
    }

    /// `POST /networks/prune`: every custom network without endpoints; returns the removed names.
    public mutating func pruneNetworks() -> [String] {
        tick(milliseconds: 50)
        var removed: [String] = []
        for network in allNetworks where !network.predefined && !network.configOnly && !network.isSwarmScoped
            && !(network.name == OverlayDriver.gatewayBridgeName && ingressSandbox != nil)
            && (endpointsByNetwork[network.id] ?? []).isEmpty {
            deleteNetwork(network)
            removed.append(network.name)
        }
        return removed
    }

    /// `docker network create -d overlay` on a swarm node: validated like any network, stored in the swarm.
    private mutating func createOverlay(_ request: NetworkCreateRequest) -> Result<Network, EngineError> {
        if let message = IPAMValidator.validate(request.ipamConfig, enableIPv6: request.enableIPv6 ?? false) {
            return .failure(EngineError(.invalidParameter, message))
        }
        if request.enableIPv6 == true || request.ipamConfig.contains(where: { ($0.subnet ?? "").contains(":") }) {
            return .failure(EngineError(.notSimulated, "IPv6 overlay networks"))
        }
        if request.ipamConfig.count > 1 {
            return .failure(EngineError(.notSimulated, "overlay networks with several subnets"))
        }
        let subnet = request.ipamConfig.first?.subnet.flatMap { IPv4Subnet($0) }
        let gateway = request.ipamConfig.first?.gateway.flatMap { IPv4Address($0) }
        if request.ipamConfig.first?.ipRange != nil || !(request.ipamConfig.first?.auxAddresses.isEmpty ?? true) {
            return .failure(EngineError(.notSimulated, "--ip-range and --aux-address on overlay networks"))
        }
        return createSwarmNetwork(request, subnet: subnet, gateway: gateway).map { localNetwork(for: $0) }
    }
}
