extension Engine {
    /// Creates the endpoint of a running container on `network` and plugs it into the sandbox.
    /// `defaultGateway` marks the `gateway_<sandbox id12>` endpoint libnetwork adds on docker_gwbridge:
    /// it registers no DNS names and gives the sandbox no embedded resolver.
    mutating func join(containerID: String, network: Network, attachment: NetworkAttachment,
                       defaultGateway: Bool = false) -> Result<Endpoint, EngineError> {
        guard var c = containers[containerID], let sandboxID = c.sandboxID, var sandbox = sandboxes[sandboxID] else {
            return .failure(EngineError(.system, "container has no sandbox"))
        }
        let driver = network.networkDriver
        if let refusal = driver.endpointRefusal(attachment) {
            return .failure(EngineError(.system, "failed to create endpoint \(c.name) on network \(network.name): \(refusal)"))
        }
        var ip: IPv4Address?
        if driver.addressing == .swarmPool {
            switch allocateOverlayAddress(network, requested: attachment.ipv4Address) {
            case .failure(let e): return .failure(e)
            case .success(let a): ip = a
            }
        } else if driver.addressing == .localPool, var pool = pools[network.id] {
            if let requested = attachment.ipv4Address {
                guard pool.allocate(requested) else { return .failure(EngineError(.forbidden, "Address already in use")) }
                ip = requested
            } else {
                guard let next = pool.allocateNext() else {
                    return .failure(EngineError(.forbidden, "no available IPv4 addresses on this network's address pools: \(network.name) (\(network.id))"))
                }
                ip = next
            }
            storePool(pool, for: network.id)
        }
        let endpointID = newID()
        let mac = driver.endpointMAC(requested: attachment.macAddress, ip: ip, rng: &rng)
        var interfaceName: String?
        var index = 0, peer = 0
        var veth: String?
        if driver.givesInterface {
            let used = Set(sandbox.endpointIDs.compactMap { endpoints[$0]?.interfaceName })
            var n = 0
            while used.contains("eth\(n)") { n += 1 }
            interfaceName = "eth\(n)"
            index = nextInterfaceIndex
            switch driver.endpointLink {
            case .child:
                // A macvlan/ipvlan child: one interface whose link is the parent (`eth0@if2`), no veth.
                peer = linkIndex(VlanLinks.parentLink(of: network)) ?? 2
                nextInterfaceIndex += 1
            case .veth(let hostEnd):
                peer = nextInterfaceIndex + 1
                nextInterfaceIndex += 2
                // An overlay's veth peer lives in the network's own namespace, not on the host.
                veth = hostEnd ? "veth" + rng.hex(7) : nil
            case .none:
                break
            }
        }
        var dnsNames: [String] = []
        if network.isUserDefined && !defaultGateway {
            for name in [c.name] + attachment.aliases + [c.shortID, c.hostname] where !dnsNames.contains(name) {
                dnsNames.append(name)
            }
        }
        let endpoint = Endpoint(
            id: endpointID, networkID: network.id, containerID: c.id,
            name: defaultGateway ? "gateway_" + sandboxID.prefix(12) : c.name, mac: mac, ipv4: ip,
            prefixLength: network.subnet?.prefixLength ?? 0,
            gateway: driver.endpointGateway(network),
            interfaceName: interfaceName, interfaceIndex: index, peerIndex: peer, hostVeth: veth,
            dnsNames: dnsNames, aliases: attachment.aliases)
        endpoints[endpointID] = endpoint
        views.endpointJoined(endpoint)
        noteContainerChanged(c.id)
        if network.isSwarmScoped && c.labels[Self.swarmTaskLabel] == nil {
            overlayAttachments[endpointID] = rng.swarmID()
        }
        endpointsByNetwork[network.id, default: []].append(endpointID)
        sandbox.endpointIDs.append(endpointID)
        if network.isUserDefined && !defaultGateway { sandbox.embeddedResolver = true }
        sandboxes[sandboxID] = sandbox
        c.endpoints[network.id] = endpointID
        if let i = c.attachments.firstIndex(where: { $0.networkID == network.id || $0.network == network.name || $0.network == network.id }) {
            c.attachments[i].networkID = network.id
        }
        containers[c.id] = c
        return .success(endpoint)
    }

    /// Deletes one endpoint of a running container.
    mutating func leave(containerID: String, networkID: String) {
        guard var c = containers[containerID], let endpointID = c.endpoints[networkID],
              let endpoint = endpoints[endpointID] else { return }
        if let ip = endpoint.ipv4 {
            if networks[networkID]?.networkDriver.addressing == .swarmPool { releaseOverlayAddress(ip, networkID: networkID) }
            else { releaseAddress(ip, networkID: networkID) }
        }
        endpoints.removeValue(forKey: endpointID)
        views.endpointLeft(endpoint)
        noteContainerChanged(containerID)
        overlayAttachments.removeValue(forKey: endpointID)
        endpointsByNetwork[networkID]?.removeAll { $0 == endpointID }
        if let sid = c.sandboxID { sandboxes[sid]?.endpointIDs.removeAll { $0 == endpointID } }
        c.endpoints.removeValue(forKey: networkID)
        containers[containerID] = c
    }

    /// Removes every endpoint, published port and the sandbox of a container that stops.
    mutating func teardownNetworking(_ c: inout Container) {
        releasePorts(&c)
        for networkID in c.endpoints.keys.sorted() { leave(containerID: c.id, networkID: networkID) }
        if let refreshed = containers[c.id] { c.endpoints = refreshed.endpoints }
        if let sid = c.sandboxID { sandboxes.removeValue(forKey: sid) }
        c.sandboxID = nil
        c.endpoints = [:]
        containers[c.id] = c
        noteContainerChanged(c.id)
    }

    mutating func releasePorts(_ c: inout Container) {
        for m in c.portMappings {
            ports.release(ip: m.hostIP, proto: m.containerPort.proto, port: m.hostPort)
            hostBindings["\(m.containerPort.proto)/\(m.hostPort)"]?.removeValue(forKey: m.hostIP)
        }
        c.portMappings = []
        containers[c.id] = c
        noteContainerChanged(c.id)
    }

    /// The endpoint that gives the container its default route (moby v28.2.2 libnetwork/sandbox.go
    /// `Endpoint.Less`, libnetwork/default_gateway.go `selectGatewayEndpoint`):
    /// higher gw-priority, then non-internal, then with a gateway, then network name.
    public func gatewayEndpoint(of c: Container) -> Endpoint? {
        let candidates = endpoints(ofContainer: c).compactMap { ep -> (Endpoint, Network, Int)? in
            guard let n = networks[ep.networkID], ep.gateway != nil, !n.isInternal, ep.ipv4 != nil else { return nil }
            let priority = c.attachments.first { $0.networkID == n.id }?.gwPriority ?? 0
            return (ep, n, priority)
        }
        return candidates.min { a, b in
            if a.2 != b.2 { return a.2 > b.2 }
            return a.1.name < b.1.name
        }?.0
    }

    /// Programs the container's published ports on its gateway endpoint; returns Docker's error on failure.
    mutating func programPorts(containerID: String) -> EngineError? {
        guard var c = containers[containerID] else { return nil }
        let wantsPorts = !c.portBindings.isEmpty || c.publishAll
        // Only the bridge driver maps ports; macvlan/ipvlan ignore `-p` (a daemon log warning).
        guard wantsPorts, let gw = gatewayEndpoint(of: c), let containerIP = gw.ipv4,
              let network = networks[gw.networkID], network.networkDriver.mapsPorts else { return nil }
        var requests: [(ContainerPort, PortBindingRequest)] = []
        for port in c.portBindings.keys.sorted() {
            for b in c.portBindings[port] ?? [] { requests.append((port, b)) }
        }
        if c.publishAll {
            for port in c.exposedPorts where c.portBindings[port] == nil {
                requests.append((port, PortBindingRequest(hostIP: "", hostPort: "")))
            }
            requests.sort { $0.0 < $1.0 }
        }
        var mappings: [PortMapping] = []
        func fail(_ message: String) -> EngineError {
            for m in mappings {
                ports.release(ip: m.hostIP, proto: m.containerPort.proto, port: m.hostPort)
                hostBindings["\(m.containerPort.proto)/\(m.hostPort)"]?.removeValue(forKey: m.hostIP)
            }
            return EngineError(.forbidden, "driver failed programming external connectivity on endpoint \(c.name) (\(gw.id)): " + message)
        }
        for (port, binding) in requests {
            var ips: [String]
            if !binding.hostIP.isEmpty {
                ips = [binding.hostIP]
            } else if let bindIP = network.hostBindingIPv4, !bindIP.isUnspecified {
                ips = [bindIP.description]
            } else {
                ips = ["0.0.0.0", "::"]
            }
            // A routed network has no NAT for IPv4 (moby v28.2.2 libnetwork/drivers/bridge/port_mapping_linux.go
            // `configurePortBindingIPv4` with disableNAT, `attemptBindHostPorts`): the binding opens
            // the container's port on 0.0.0.0 with no host port, no proxy, no reservation.
            if network.gatewayModeIPv4 == .routed, ips.contains(where: { !$0.contains(":") }) {
                mappings.append(PortMapping(containerPort: port, hostIP: "0.0.0.0", hostPort: 0))
                ips.removeAll { !$0.contains(":") }
                if ips.isEmpty { continue }
            }
            var range: ClosedRange<Int>?
            if !binding.hostPort.isEmpty {
                let parts = binding.hostPort.split(separator: "-", maxSplits: 1)
                guard let lo = Int(parts[0]), let hi = parts.count > 1 ? Int(parts[1]) : lo, lo <= hi else {
                    return fail("invalid port range: \(binding.hostPort)")
                }
                range = lo...hi
            }
            switch ports.request(ips: ips, proto: port.proto, range: range) {
            case .failure(let e): return fail(e.message)
            case .success(let hostPort):
                for ip in ips {
                    if boundElsewhere(ip: ip, port: hostPort, proto: port.proto, except: c.id) != nil
                        || hostNetworkListeners(except: c.id).contains("\(port.proto)/\(hostPort)") {
                        ports.release(ip: ip, proto: port.proto, port: hostPort)
                        return fail("failed to bind host port for \(ip == "::" ? "[::]" : ip):\(hostPort):\(containerIP):\(port.port)/\(port.proto): address already in use")
                    }
                    mappings.append(PortMapping(containerPort: port, hostIP: ip, hostPort: hostPort))
                    hostBindings["\(port.proto)/\(hostPort)", default: [:]][ip] = c.id
                }
            }
        }
        c.portMappings = mappings
        containers[c.id] = c
        noteContainerChanged(c.id)
        return nil
    }

    /// A running container already bound to an overlapping address on that port (wildcard vs specific).
    func boundElsewhere(ip: String, port: Int, proto: String, except: String) -> String? {
        let isV6 = ip.contains(":")
        let wildcard = isV6 ? "::" : "0.0.0.0"
        for (boundIP, owner) in hostBindings["\(proto)/\(port)"] ?? [:]
        where owner != except && boundIP.contains(":") == isV6 && boundIP != ip && (boundIP == wildcard || ip == wildcard) {
            return owner
        }
        return nil
    }

    /// `proto/port` of the servers that host-network containers run on the host's own stack.
    func hostNetworkListeners(except: String) -> Set<String> {
        var out: Set<String> = []
        for id in hostNetworkContainers where id != except {
            guard let c = containers[id], c.isRunning, !c.cmdOverridden else { continue }
            for s in c.image.services { out.insert("\(s.proto)/\(s.port)") }
        }
        return out
    }

    /// Whether a host port is held by a published port or by a host-network server.
    func hostPortInUse(port: Int, proto: String, except: String) -> Bool {
        !(hostBindings["\(proto)/\(port)"] ?? [:]).filter { $0.value != except }.isEmpty
            || hostNetworkListeners(except: except).contains("\(proto)/\(port)")
    }

    /// Re-programs published ports after the gateway endpoint may have changed
    /// (explicit host ports kept, random ones drawn anew).
    mutating func reprogramPortsIfGatewayChanged(containerID: String, previousGateway: String?) {
        guard var c = containers[containerID], c.isRunning else { return }
        let current = gatewayEndpoint(of: c)?.id
        guard current != previousGateway else { return }
        releasePorts(&c)
        _ = programPorts(containerID: containerID)
    }
}
