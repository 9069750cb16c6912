/// Derives the iptables rules Docker 28.2 (iptables backend, userland proxy on)
/// programs for the engine's current state (reference §6.1–§6.3, moby
/// `libnetwork/drivers/bridge/internal/iptabler`).
///
/// The result is the list of programming operations in the order the daemon
/// performed them: daemon start, then each bridge network as it was created,
/// each endpoint as it joined, each container's port mappings as they were
/// published. Creation order comes from the host-global interface indexes the
/// engine hands out (bridges and veths share one counter), so it is stable
/// across calls. Replaying these operations on empty tables gives exactly the
/// listings of `iptables -S`.
public enum DockerFirewall {
    public static func generate(_ engine: Engine) -> [DockerRuleOp] {
        var events: [(key: Int, seq: Int, op: DockerRuleOp)] = []
        var seq = 0
        func add(_ key: Int, _ table: NetfilterTable, _ chain: String, _ rule: NetfilterRule?, _ placement: DockerRuleOp.Placement, _ owner: String) {
            events.append((key, seq, DockerRuleOp(table: table, chain: chain, rule: rule, placement: placement, owner: owner)))
            seq += 1
        }
        // Daemon start.
        for chain in ["DOCKER", "DOCKER-FORWARD", "DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-ISOLATION-STAGE-1",
                      "DOCKER-ISOLATION-STAGE-2", "DOCKER-USER"] {
            add(0, .filter, chain, nil, .chain, "daemon")
        }
        add(0, .nat, "DOCKER", nil, .chain, "daemon")
        add(0, .filter, "FORWARD", NetfilterRule(target: .jump("DOCKER-USER")), .append, "daemon")
        add(0, .filter, "FORWARD", NetfilterRule(target: .jump("DOCKER-FORWARD")), .append, "daemon")
        for c in ["DOCKER-CT", "DOCKER-ISOLATION-STAGE-1", "DOCKER-BRIDGE"] {
            add(0, .filter, "DOCKER-FORWARD", NetfilterRule(target: .jump(c)), .append, "daemon")
        }
        let local = RuleMatch.addrtype(src: nil, srcNegated: false, dst: "LOCAL", dstNegated: false)
        add(0, .nat, "PREROUTING", NetfilterRule(matches: [local], target: .jump("DOCKER")), .append, "daemon")
        add(0, .nat, "OUTPUT", NetfilterRule(destination: AddressMatch(IPv4Subnet(address: IPv4Address(127, 0, 0, 0), prefixLength: 8), negated: true),
                                             matches: [local], target: .jump("DOCKER")), .append, "daemon")

        // Networks.
        for network in engine.allNetworks where network.driver == .bridge {
            guard let bridge = network.deviceName, let subnet = network.subnet else { continue }
            let key = (engine.bridgeIndex[network.id] ?? 0) * 4
            let owner = "net:" + network.id
            let inB = InterfaceMatch(bridge), notInB = InterfaceMatch(bridge, negated: true)
            let outB = InterfaceMatch(bridge), notOutB = InterfaceMatch(bridge, negated: true)
            if network.isInternal {
                add(key, .filter, "DOCKER-ISOLATION-STAGE-1", NetfilterRule(destination: AddressMatch(subnet, negated: true), inInterface: inB, target: .drop), .insert, owner)
                add(key, .filter, "DOCKER-ISOLATION-STAGE-1", NetfilterRule(source: AddressMatch(subnet, negated: true), outInterface: outB, target: .drop), .insert, owner)
                add(key, .filter, "DOCKER-FORWARD", NetfilterRule(inInterface: inB, outInterface: outB, target: network.iccEnabled ? .accept : .drop), .append, owner)
                continue
            }
            if network.masqueradeEnabled {
                add(key, .nat, "POSTROUTING", NetfilterRule(source: AddressMatch(subnet), outInterface: notOutB, target: .masquerade), .insert, owner)
                add(key, .nat, "DOCKER", NetfilterRule(inInterface: inB, target: .returnFromChain), .insert, owner)
            }
            if network.iccEnabled {
                add(key, .filter, "DOCKER-FORWARD", NetfilterRule(inInterface: inB, target: .accept), .append, owner)
            } else {
                add(key, .filter, "DOCKER-FORWARD", NetfilterRule(inInterface: inB, outInterface: outB, target: .drop), .append, owner)
                add(key, .filter, "DOCKER-FORWARD", NetfilterRule(inInterface: inB, outInterface: notOutB, target: .accept), .append, owner)
            }
            add(key, .filter, "DOCKER-CT", NetfilterRule(outInterface: outB, matches: [.conntrack(states: ["RELATED", "ESTABLISHED"], negated: false)], target: .accept), .append, owner)
            add(key, .filter, "DOCKER-BRIDGE", NetfilterRule(outInterface: outB, target: .jump("DOCKER")), .append, owner)
            add(key, .filter, "DOCKER", NetfilterRule(inInterface: notInB, outInterface: outB, target: .drop), .append, owner)
            add(key, .filter, "DOCKER-ISOLATION-STAGE-1", NetfilterRule(inInterface: inB, outInterface: notOutB, target: .jump("DOCKER-ISOLATION-STAGE-2")), .append, owner)
            add(key, .filter, "DOCKER-ISOLATION-STAGE-2", NetfilterRule(outInterface: outB, target: .drop), .insert, owner)
        }

        // Endpoints: direct-access filtering in raw PREROUTING.
        for container in engine.allContainers where container.isRunning {
            for ep in engine.endpoints(ofContainer: container) {
                guard let ip = ep.ipv4, let n = engine.networks[ep.networkID], n.driver == .bridge, !n.isInternal,
                      let bridge = n.deviceName else { continue }
                add(ep.interfaceIndex * 4, .raw, "PREROUTING",
                    NetfilterRule(destination: AddressMatch(IPv4Subnet(address: ip, prefixLength: 32)), inInterface: InterfaceMatch(bridge, negated: true), target: .drop),
                    .append, "ep:" + ep.id)
            }
            // Port mappings, on the gateway endpoint.
            guard !container.portMappings.isEmpty, let gw = engine.gatewayEndpoint(of: container), let cip = gw.ipv4,
                  let n = engine.networks[gw.networkID], n.driver == .bridge, !n.isInternal, let bridge = n.deviceName else { continue }
            let key = (engine.endpoints(ofContainer: container).map(\.interfaceIndex).max() ?? 0) * 4 + 1
            for m in container.portMappings where !m.hostIP.contains(":") {
                guard let hostIP = IPv4Address(m.hostIP) else { continue }
                let proto = m.containerPort.proto
                let owner = "port:\(container.id):\(m.hostIP):\(m.hostPort):\(m.containerPort)"
                let hostPort = PortMatch(low: m.hostPort, high: m.hostPort)
                if hostIP.isLoopback {
                    add(key, .raw, "PREROUTING", NetfilterRule(destination: AddressMatch(IPv4Subnet(address: hostIP, prefixLength: 32)), inInterface: InterfaceMatch("lo", negated: true), proto: proto,
                                                               matches: [.ports(proto: proto, sport: nil, dport: hostPort)], target: .drop), .append, owner)
                }
                add(key, .nat, "DOCKER", NetfilterRule(destination: hostIP.isUnspecified ? nil : AddressMatch(IPv4Subnet(address: hostIP, prefixLength: 32)),
                                                       inInterface: InterfaceMatch(bridge, negated: true), proto: proto,
                                                       matches: [.ports(proto: proto, sport: nil, dport: hostPort)],
                                                       target: .dnat(cip, port: m.containerPort.port)), .append, owner)
                add(key, .filter, "DOCKER", NetfilterRule(destination: AddressMatch(IPv4Subnet(address: cip, prefixLength: 32)), inInterface: InterfaceMatch(bridge, negated: true),
                                                          outInterface: InterfaceMatch(bridge), proto: proto,
                                                          matches: [.ports(proto: proto, sport: nil, dport: PortMatch(low: m.containerPort.port, high: m.containerPort.port))],
                                                          target: .accept), .insert, owner)
            }
        }
        // Swarm routing mesh (generated/swarm-portmap.md): programmed with the first published port.
        if let sbox = engine.ingressSandbox, !engine.overlayDirectory.meshPorts.isEmpty {
            let key = Int.max / 2
            let owner = "ingress"
            for table in [NetfilterTable.filter, .nat] { add(key, table, "DOCKER-INGRESS", nil, .chain, owner) }
            add(key, .filter, "DOCKER-FORWARD", NetfilterRule(target: .jump("DOCKER-INGRESS")), .insert, owner)
            add(key, .nat, "PREROUTING", NetfilterRule(matches: [local], target: .jump("DOCKER-INGRESS")), .insert, owner)
            add(key, .nat, "OUTPUT", NetfilterRule(matches: [local], target: .jump("DOCKER-INGRESS")), .insert, owner)
            add(key, .nat, "POSTROUTING", NetfilterRule(outInterface: InterfaceMatch(OverlayDriver.gatewayBridgeName),
                                                        matches: [.addrtype(src: "LOCAL", srcNegated: false, dst: nil, dstNegated: false)],
                                                        target: .masquerade), .insert, owner)
            add(key, .filter, "DOCKER-INGRESS", NetfilterRule(target: .returnFromChain), .append, owner)
            add(key, .nat, "DOCKER-INGRESS", NetfilterRule(target: .returnFromChain), .append, owner)
            for mesh in engine.overlayDirectory.meshPorts {
                let portOwner = "ingress:\(mesh.proto)/\(mesh.published)"
                let p = PortMatch(low: mesh.published, high: mesh.published)
                add(key + 1, .filter, "DOCKER-INGRESS", NetfilterRule(proto: mesh.proto, matches: [.ports(proto: mesh.proto, sport: p, dport: nil),
                    .conntrack(states: ["RELATED", "ESTABLISHED"], negated: false)], target: .accept), .insert, portOwner)
                add(key + 1, .filter, "DOCKER-INGRESS", NetfilterRule(proto: mesh.proto, matches: [.ports(proto: mesh.proto, sport: nil, dport: p)],
                                                                      target: .accept), .insert, portOwner)
                add(key + 1, .nat, "DOCKER-INGRESS", NetfilterRule(proto: mesh.proto, matches: [.ports(proto: mesh.proto, sport: nil, dport: p)],
                                                                   target: .dnat(sbox.gatewayAddress, port: mesh.published)), .insert, portOwner)
            }
        }
        return events.sorted { ($0.key, $0.seq) < ($1.key, $1.seq) }.map(\.op)
    }
}
