/// The overlay part of the packet walk: an overlay network's own bridge on
/// each node, the VXLAN hop between nodes, the load balancer that answers
/// for a service VIP (IPVS round robin in the node's `lb-<net>` sandbox),
/// and the routing mesh's ingress sandbox behind DOCKER-INGRESS.
extension PacketPath.Walk {
    mutating func sendOnOverlay(src: IPv4Address, dst: IPv4Address, port: Int?, network: Network) -> PathVerdict {
        events.append(.overlaySwitch(network: network.name))
        let directory = path.engine.overlayDirectory
        guard let svc = directory.service(withVIP: dst, on: network.id) else {
            return reachOverlayEndpoint(network, dst, port: port, source: src)
        }
        // The VIP is an address of the node's load-balancer sandbox: it answers pings itself.
        if proto == "icmp" { return .delivered(site: .outside(dst), address: dst, service: nil) }
        guard !svc.backends.isEmpty else { return .dropped(rule: nil) }
        let key = "vip:\(network.id):\(dst)"
        let backend = svc.backends[Self.turn(path.turns[key], of: svc.backends.count)]
        ipvsKeys.append(key)
        events.append(.ipvs(virtual: dst, port: port, backend: backend, of: svc.backends.count))
        let lbSource = path.engine.loadBalancers[network.id]?.address ?? src
        return reachOverlayEndpoint(network, backend, port: port, source: lbSource)
    }

    /// Delivers to the endpoint holding `ip` on the overlay: here, or in VXLAN to its node.
    mutating func reachOverlayEndpoint(_ network: Network, _ ip: IPv4Address, port: Int?, source: IPv4Address) -> PathVerdict {
        if let c = path.container(at: ip, onNetwork: network.id) {
            return deliverLocal(site: .container(c.id), address: ip, port: port)
        }
        if let lb = path.engine.loadBalancers[network.id], lb.address == ip {
            return proto == "icmp" ? .delivered(site: .outside(ip), address: ip, service: nil) : .refused(site: .outside(ip), address: ip)
        }
        guard let member = path.engine.overlayDirectory.member(ip, on: network.id),
              member.nodeID != path.engine.swarmNodeID else { return .noHost(ip) }
        let from = path.engine.swarmNode?.address ?? path.engine.host.address
        let vni = Int(network.options[OverlayDriver.vniOption] ?? "") ?? 0
        events.append(.vxlan(network: network.name, vni: vni, from: from, to: member.nodeAddress, encrypted: network.options["encrypted"] != nil))
        return .handoff(.overlay(networkID: network.id, node: member.nodeAddress, destination: ip, source: source, port: port))
    }

    /// The ingress sandbox: IPVS over the tasks of the service that publishes `port`.
    mutating func deliverToIngress(_ sbox: IngressSandbox, port: Int?) -> PathVerdict {
        events.append(.ingressSandbox(address: sbox.gatewayAddress))
        guard let port, let mesh = path.engine.overlayDirectory.meshPorts.first(where: { $0.published == port && $0.proto == proto }),
              let ingress = path.engine.networks.values.first(where: { $0.ingress }) else {
            return proto == "icmp" ? .delivered(site: .outside(sbox.gatewayAddress), address: sbox.gatewayAddress, service: nil)
                : .refused(site: .outside(sbox.gatewayAddress), address: sbox.gatewayAddress)
        }
        guard !mesh.backends.isEmpty else { return .dropped(rule: nil) }
        let key = "mesh:\(path.engine.host.address):\(proto)/\(port)"
        let backend = mesh.backends[Self.turn(path.turns[key], of: mesh.backends.count)]
        ipvsKeys.append(key)
        events.append(.ipvs(virtual: sbox.ingressAddress, port: port, backend: backend, of: mesh.backends.count))
        events.append(.overlaySwitch(network: ingress.name))
        return reachOverlayEndpoint(ingress, backend, port: mesh.target, source: sbox.ingressAddress)
    }

    /// The backend index for a round-robin position (never negative, whatever the counter holds).
    static func turn(_ position: Int?, of count: Int) -> Int {
        guard count > 0 else { return 0 }
        return Int(UInt(bitPattern: position ?? 0) % UInt(count))
    }
}
