extension Engine {
    /// `POST /networks/{id}/connect`.
    public mutating func connect(container term: String, network netTerm: String, settings: NetworkAttachment) -> Result<Void, EngineError> {
        tick(milliseconds: 80)
        let c: Container
        switch findContainer(term) {
        case .success(let found): c = found
        case .failure(let e): return .failure(e)
        }
        // The attachments (and so the gateway endpoint and its published ports) may change.
        noteContainerChanged(c.id)
        // moby v28.2.2 daemon/container_operations.go: connectToNetwork refuses a container-mode
        // container first; updateNetworkConfig then validates the endpoint settings before
        // updateNetworkSettings checks the network modes (host, shared namespace, none).
        // The network-mode refusals are runconfig validationErrors: InvalidParameter, 400 (moby v28.2.2 runconfig/errors.go).
        let sharedError = EngineError(.invalidParameter, "container sharing network namespace with another container or host cannot be connected to any other network")
        if c.sharedContainer != nil { return .failure(sharedError) }
        let found: Network?
        switch networkToAttach(netTerm, for: c) {
        case .success(let n): found = n
        case .failure(let e): return .failure(e)
        case nil: found = nil
        }
        guard let network = found else {
            if c.isRunning { return .failure(EngineError(.notFound, "network \(netTerm) not found")) }
            var stored = c
            if !stored.attachments.contains(where: { $0.network == netTerm }) {
                var a = settings
                a.network = netTerm
                stored.attachments.append(a)
                containers[c.id] = stored
            }
            return .success(())
        }
        if let m = EndpointValidation.message(EndpointValidation.errors(network: network, name: network.name, settings: settings)) {
            return .failure(EngineError(.invalidParameter, m))
        }
        if c.networkMode != "host" && network.networkDriver.sharesHostStack {
            return .failure(EngineError(.invalidParameter, "cannot connect container to host network - container must be created in host network mode"))
        }
        if let conflict = modeConflict(of: c, joining: network, sharedError: sharedError) { return .failure(conflict) }
        let already = c.attachments.contains { $0.networkID == network.id || $0.network == network.name || $0.network == network.id }
        if c.isRunning {
            if c.endpoints[network.id] != nil {
                return .failure(EngineError(.forbidden, "endpoint with name \(c.name) already exists in network \(network.name)"))
            }
            let previousGateway = gatewayEndpoint(of: c)?.id
            var updated = c
            var a = settings
            a.network = network.name
            a.networkID = network.id
            updated.attachments.removeAll { $0.network == network.name || $0.networkID == network.id }
            updated.attachments.append(a)
            containers[c.id] = updated
            if case .failure(let e) = join(containerID: c.id, network: network, attachment: a) {
                containers[c.id] = c
                return .failure(e)
            }
            reprogramPortsIfGatewayChanged(containerID: c.id, previousGateway: previousGateway)
            // connectToNetwork: joining the default bridge writes and updates legacy link lines.
            if network.name == "bridge" { addLegacyLinks(containerID: c.id) }
            return .success(())
        }
        if already { return .success(()) }
        var updated = c
        var a = settings
        a.network = network.name
        a.networkID = network.id
        updated.attachments.append(a)
        if updated.networkMode == "bridge" && updated.attachments.count == 1 { updated.networkMode = network.name }
        containers[c.id] = updated
        return .success(())
    }

    /// The network-mode conflict of moby v28.2.2 daemon/container_operations.go `updateNetworkSettings`:
    /// the new network is compared with each network the container is on **now** (not with the mode it
    /// was created in), so a `--network none` container that was disconnected from `none` can join
    /// another network, and a container left with no network can join `none`. Host and
    /// container-mode networks share a namespace; `none` stands alone.
    func modeConflict(of c: Container, joining network: Network, sharedError: EngineError) -> EngineError? {
        for a in c.attachments {
            guard let current = a.networkID.flatMap({ findNetworkQuiet($0) }) ?? findNetworkQuiet(a.network) else { continue }
            if current.id == network.id {
                // The same network again: swarm-scoped networks are checked on; otherwise Docker stops here.
                if network.isSwarmScoped { continue }
                return nil
            }
            if current.networkDriver.sharesHostStack || network.networkDriver.sharesHostStack { return sharedError }
            if current.name == "none" || network.name == "none" {
                return EngineError(.invalidParameter, "container cannot be connected to multiple networks with one of the networks in private (none) mode")
            }
        }
        return nil
    }

    /// `POST /networks/{id}/disconnect`.
    public mutating func disconnect(container term: String, network netTerm: String, force: Bool) -> Result<Void, EngineError> {
        tick(milliseconds: 60)
        let c: Container
        switch findContainer(term) {
        case .success(let found): c = found
        case .failure(let e): return .failure(e)
        }
        noteContainerChanged(c.id)
        guard let network = findNetworkQuiet(netTerm) else {
            if !c.isRunning, let i = c.attachments.firstIndex(where: { $0.network == netTerm }) {
                var updated = c
                updated.attachments.remove(at: i)
                containers[c.id] = updated
                return .success(())
            }
            return .failure(EngineError(.notFound, "network \(netTerm) not found"))
        }
        if network.networkDriver.sharesHostStack && c.networkMode == "host" {
            return .failure(EngineError(.invalidParameter, "cannot disconnect container from host network - container was created in host network mode"))
        }
        let attached = c.attachments.firstIndex { $0.networkID == network.id || $0.network == network.name || $0.network == network.id }
        if c.isRunning {
            guard c.endpoints[network.id] != nil else {
                // A plain fmt.Errorf in moby v28.2.2 daemon/container_operations.go: no errdefs class, so 500.
                return .failure(EngineError(.system, "container \(c.id) is not connected to network \(network.name)"))
            }
            let previousGateway = gatewayEndpoint(of: c)?.id
            leave(containerID: c.id, networkID: network.id)
            if var updated = containers[c.id] {
                updated.attachments.removeAll { $0.networkID == network.id || $0.network == network.name || $0.network == network.id }
                containers[c.id] = updated
            }
            reprogramPortsIfGatewayChanged(containerID: c.id, previousGateway: previousGateway)
            // connectToNetwork: joining the default bridge writes and updates legacy link lines.
            if network.name == "bridge" { addLegacyLinks(containerID: c.id) }
            return .success(())
        }
        guard let index = attached else {
            return .failure(EngineError(.system, "container \(c.id) is not connected to the network \(network.name)"))
        }
        var updated = c
        updated.attachments.remove(at: index)
        containers[c.id] = updated
        return .success(())
    }
}
