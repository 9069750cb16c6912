/// Derives the iptables rules Docker 28.2 (iptables backend, userland proxy on)
/// programs for the engine's current state (moby v28.2.2
/// libnetwork/drivers/bridge/internal/iptabler, and the rules the daemon's own CI lists in
/// integration/network/bridge/iptablesdoc/generated/*.md).
///
/// The result is the list of programming operations in the order the daemon
/// performed them: daemon start, then each bridge network as it was created,
/// each endpoint as it joined, each container's port mappings as they were
/// published. Creation order comes from the host-global interface indexes the
/// engine hands out (bridges and veths share one counter), so it is stable
/// across calls. Replaying these operations on empty tables gives exactly the
/// listings of `iptables -S`.
///
/// The operations come in groups, one per object Docker programs rules for
/// (`RuleGroup`): the daemon, each bridge network, each container (its endpoints'
/// guards and its port mappings) and the swarm's routing mesh. `Firewall` re-derives
/// only the groups whose object changed (`EngineViews` keeps the list) and keeps
/// the others as programmed; `generate` derives every group, the full rebuild that
/// the incremental sync must always equal.
/// The object a group of Docker's rule operations belongs to.
public enum RuleGroup: Sendable, Hashable {
    /// The chains and jumps of daemon start.
    case daemon
    /// A bridge network's rules (by network ID).
    case network(String)
    /// A running container's endpoint guards and published ports (by container ID).
    case container(String)
    /// The swarm routing mesh (DOCKER-INGRESS).
    case ingress
}

/// One operation with its place in the daemon's programming order: by `key`
/// (the creation order of the object, from interface indexes), then `seq`
/// (the order within the object's group).
public struct KeyedRuleOp: Sendable, Hashable {
    public let key: Int
    public let seq: Int
    public let op: DockerRuleOp

    public static func ordered(_ a: KeyedRuleOp, _ b: KeyedRuleOp) -> Bool { (a.key, a.seq) < (b.key, b.seq) }
}

public enum DockerFirewall {
    /// Every operation, in programming order (the full rebuild).
    public static func generate(_ engine: Engine) -> [DockerRuleOp] {
        var all: [KeyedRuleOp] = ops(.daemon, engine) + ops(.ingress, engine)
        for network in engine.networks.values where network.networkDriver.programsFirewall { all += ops(.network(network.id), engine) }
        for container in engine.containers.values where container.isRunning { all += ops(.container(container.id), engine) }
        return all.sorted(by: KeyedRuleOp.ordered).map(\.op)
    }

    /// The operations of one group as the engine stands now (none when its object is gone).
    public static func ops(_ group: RuleGroup, _ engine: Engine) -> [KeyedRuleOp] {
        var out = OpList()
        switch group {
        case .daemon: daemon(&out)
        case .network(let id):
            if let n = engine.networks[id], n.networkDriver.programsFirewall { network(n, engine, &out) }
        case .container(let id):
            if let c = engine.containers[id], c.isRunning { container(c, engine, &out) }
        case .ingress: ingress(engine, &out)
        }
        return out.ops
    }

    /// Collects operations with their keys, numbering them in the order added.
    struct OpList {
        var ops: [KeyedRuleOp] = []
        mutating func add(_ key: Int, _ table: NetfilterTable, _ chain: String, _ rule: NetfilterRule?,
                          _ placement: DockerRuleOp.Placement, _ owner: String) {
            ops.append(KeyedRuleOp(key: key, seq: ops.count,
                                   op: DockerRuleOp(table: table, chain: chain, rule: rule, placement: placement, owner: owner)))
        }
    }

    static let localDestination = RuleMatch.addrtype(src: nil, srcNegated: false, dst: "LOCAL", dstNegated: false)

    static func daemon(_ out: inout OpList) {
        func add(_ table: NetfilterTable, _ chain: String, _ rule: NetfilterRule?, _ placement: DockerRuleOp.Placement) {
            out.add(0, table, chain, rule, placement, "daemon")
        }
        for chain in ["DOCKER", "DOCKER-FORWARD", "DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-ISOLATION-STAGE-1",
                      "DOCKER-ISOLATION-STAGE-2", "DOCKER-USER"] {
            add(.filter, chain, nil, .chain)
        }
        add(.nat, "DOCKER", nil, .chain)
        add(.filter, "FORWARD", NetfilterRule(target: .jump("DOCKER-USER")), .append)
        add(.filter, "FORWARD", NetfilterRule(target: .jump("DOCKER-FORWARD")), .append)
        for c in ["DOCKER-CT", "DOCKER-ISOLATION-STAGE-1", "DOCKER-BRIDGE"] {
            add(.filter, "DOCKER-FORWARD", NetfilterRule(target: .jump(c)), .append)
        }
        add(.nat, "PREROUTING", NetfilterRule(matches: [localDestination], target: .jump("DOCKER")), .append)
        add(.nat, "OUTPUT", NetfilterRule(destination: AddressMatch(IPv4Subnet(address: IPv4Address(127, 0, 0, 0), prefixLength: 8), negated: true),
                                          matches: [localDestination], target: .jump("DOCKER")), .append)
    }

    /// A bridge network's rules (moby v28.2.2 `libnetwork/drivers/bridge/internal/iptabler/network.go` `setupIPTables`), by gateway mode:
    /// `nat` as always; `nat-unprotected` accepts what reaches the bridge (`setDefaultForwardRule`);
    /// `routed` has no MASQUERADE, accepts ICMP (`setICMP`) and lets other networks in through
    /// DOCKER-ISOLATION-STAGE-1 (`setINC`); `isolated` has no bridge address and so no rules.
    static func network(_ network: Network, _ engine: Engine, _ out: inout OpList) {
        guard let bridge = network.deviceName, let subnet = network.subnet else { return }
        let mode = network.gatewayModeIPv4
        if mode == .isolated { return }
        let key = (engine.bridgeIndex[network.id] ?? 0) * 4
        let owner = "net:" + network.id
        func add(_ table: NetfilterTable, _ chain: String, _ rule: NetfilterRule, _ placement: DockerRuleOp.Placement) {
            out.add(key, table, chain, rule, placement, owner)
        }
        let inB = InterfaceMatch(bridge), notInB = InterfaceMatch(bridge, negated: true)
        let outB = InterfaceMatch(bridge), notOutB = InterfaceMatch(bridge, negated: true)
        if network.isInternal {
            add(.filter, "DOCKER-ISOLATION-STAGE-1", NetfilterRule(destination: AddressMatch(subnet, negated: true), inInterface: inB, target: .drop), .insert)
            add(.filter, "DOCKER-ISOLATION-STAGE-1", NetfilterRule(source: AddressMatch(subnet, negated: true), outInterface: outB, target: .drop), .insert)
            add(.filter, "DOCKER-FORWARD", NetfilterRule(inInterface: inB, outInterface: outB, target: network.iccEnabled ? .accept : .drop), .append)
            return
        }
        if network.masqueradeEnabled {
            if mode != .routed {
                add(.nat, "POSTROUTING", NetfilterRule(source: AddressMatch(subnet), outInterface: notOutB, target: .masquerade), .insert)
            }
            add(.nat, "DOCKER", NetfilterRule(inInterface: inB, target: .returnFromChain), .insert)
        }
        if mode == .routed {
            add(.filter, "DOCKER", NetfilterRule(outInterface: outB, proto: "icmp", target: .accept), .append)
        }
        if network.iccEnabled {
            add(.filter, "DOCKER-FORWARD", NetfilterRule(inInterface: inB, target: .accept), .append)
        } else {
            add(.filter, "DOCKER-FORWARD", NetfilterRule(inInterface: inB, outInterface: outB, target: .drop), .append)
            add(.filter, "DOCKER-FORWARD", NetfilterRule(inInterface: inB, outInterface: notOutB, target: .accept), .append)
        }
        add(.filter, "DOCKER", NetfilterRule(inInterface: notInB, outInterface: outB, target: mode == .natUnprotected ? .accept : .drop), .append)
        add(.filter, "DOCKER-CT", NetfilterRule(outInterface: outB, matches: [.conntrack(states: ["RELATED", "ESTABLISHED"], negated: false)], target: .accept), .append)
        add(.filter, "DOCKER-BRIDGE", NetfilterRule(outInterface: outB, target: .jump("DOCKER")), .append)
        if mode == .routed {
            add(.filter, "DOCKER-ISOLATION-STAGE-1", NetfilterRule(outInterface: outB, target: .returnFromChain), .insert)
            add(.filter, "DOCKER-ISOLATION-STAGE-1", NetfilterRule(inInterface: inB, matches: [.conntrack(states: ["RELATED", "ESTABLISHED"], negated: false)],
                                                                    target: .accept), .insert)
        }
        add(.filter, "DOCKER-ISOLATION-STAGE-1", NetfilterRule(inInterface: inB, outInterface: notOutB, target: .jump("DOCKER-ISOLATION-STAGE-2")), .append)
        add(.filter, "DOCKER-ISOLATION-STAGE-2", NetfilterRule(outInterface: outB, target: .drop), .insert)
    }

    /// A running container: the raw-PREROUTING guard of each endpoint, then its published ports
    /// on the gateway endpoint.
    static func container(_ container: Container, _ engine: Engine, _ out: inout OpList) {
        let endpoints = engine.endpoints(ofContainer: container)
        for ep in endpoints {
            // `filterDirectAccess`: not on internal networks, nor in nat-unprotected or routed mode.
            guard let ip = ep.ipv4, let n = engine.networks[ep.networkID], n.networkDriver.programsFirewall, !n.isInternal,
                  n.gatewayModeIPv4 == .nat, let bridge = n.deviceName else { continue }
            out.add(ep.interfaceIndex * 4, .raw, "PREROUTING",
                    NetfilterRule(destination: AddressMatch(IPv4Subnet(address: ip, prefixLength: 32)), inInterface: InterfaceMatch(bridge, negated: true), target: .drop),
                    .append, "ep:" + ep.id)
        }
        guard !container.portMappings.isEmpty, let gw = engine.gatewayEndpoint(of: container), let cip = gw.ipv4,
              let n = engine.networks[gw.networkID], n.networkDriver.programsFirewall, !n.isInternal, let bridge = n.deviceName else { return }
        let key = (endpoints.map(\.interfaceIndex).max() ?? 0) * 4 + 1
        for m in container.portMappings where !m.hostIP.contains(":") {
            guard let hostIP = IPv4Address(m.hostIP) else { continue }
            let proto = m.containerPort.proto
            let owner = "port:\(container.id):\(m.hostIP):\(m.hostPort):\(m.containerPort)"
            let hostPort = PortMatch(low: m.hostPort, high: m.hostPort)
            let mode = n.gatewayModeIPv4
            // `setPerPortIptables`: a routed binding (host port 0) gets no NAT; nat-unprotected no per-port ACCEPT.
            if m.hostPort == 0 {
                if mode != .natUnprotected { out.add(key, .filter, "DOCKER", accept(cip, bridge, proto, m.containerPort.port), .insert, owner) }
                continue
            }
            if hostIP.isLoopback {
                out.add(key, .raw, "PREROUTING", NetfilterRule(destination: AddressMatch(IPv4Subnet(address: hostIP, prefixLength: 32)), inInterface: InterfaceMatch("lo", negated: true), proto: proto,
                                                                matches: [.ports(proto: proto, sport: nil, dport: hostPort)], target: .drop), .append, owner)
            }
            out.add(key, .nat, "DOCKER", NetfilterRule(destination: hostIP.isUnspecified ? nil : AddressMatch(IPv4Subnet(address: hostIP, prefixLength: 32)),
                                                        inInterface: InterfaceMatch(bridge, negated: true), proto: proto,
                                                        matches: [.ports(proto: proto, sport: nil, dport: hostPort)],
                                                        target: .dnat(cip, port: m.containerPort.port)), .append, owner)
            if mode != .natUnprotected { out.add(key, .filter, "DOCKER", accept(cip, bridge, proto, m.containerPort.port), .insert, owner) }
        }
    }

    /// `setPerPortForwarding`: the per-port ACCEPT for a container's published port.
    static func accept(_ cip: IPv4Address, _ bridge: String, _ proto: String, _ port: Int) -> NetfilterRule {
        NetfilterRule(destination: AddressMatch(IPv4Subnet(address: cip, prefixLength: 32)), inInterface: InterfaceMatch(bridge, negated: true),
                      outInterface: InterfaceMatch(bridge), proto: proto,
                      matches: [.ports(proto: proto, sport: nil, dport: PortMatch(low: port, high: port))], target: .accept)
    }

    /// Swarm routing mesh (generated/swarm-portmap.md): programmed with the first published port.
    static func ingress(_ engine: Engine, _ out: inout OpList) {
        guard let sbox = engine.ingressSandbox, !engine.overlayDirectory.meshPorts.isEmpty else { return }
        let key = Int.max / 2
        let owner = "ingress"
        for table in [NetfilterTable.filter, .nat] { out.add(key, table, "DOCKER-INGRESS", nil, .chain, owner) }
        out.add(key, .filter, "DOCKER-FORWARD", NetfilterRule(target: .jump("DOCKER-INGRESS")), .insert, owner)
        out.add(key, .nat, "PREROUTING", NetfilterRule(matches: [localDestination], target: .jump("DOCKER-INGRESS")), .insert, owner)
        out.add(key, .nat, "OUTPUT", NetfilterRule(matches: [localDestination], target: .jump("DOCKER-INGRESS")), .insert, owner)
        out.add(key, .nat, "POSTROUTING", NetfilterRule(outInterface: InterfaceMatch(OverlayDriver.gatewayBridgeName),
                                                         matches: [.addrtype(src: "LOCAL", srcNegated: false, dst: nil, dstNegated: false)],
                                                         target: .masquerade), .insert, owner)
        out.add(key, .filter, "DOCKER-INGRESS", NetfilterRule(target: .returnFromChain), .append, owner)
        out.add(key, .nat, "DOCKER-INGRESS", NetfilterRule(target: .returnFromChain), .append, owner)
        for mesh in engine.overlayDirectory.meshPorts {
            let portOwner = "ingress:\(mesh.proto)/\(mesh.published)"
            let p = PortMatch(low: mesh.published, high: mesh.published)
            out.add(key + 1, .filter, "DOCKER-INGRESS", NetfilterRule(proto: mesh.proto, matches: [.ports(proto: mesh.proto, sport: p, dport: nil),
                .conntrack(states: ["RELATED", "ESTABLISHED"], negated: false)], target: .accept), .insert, portOwner)
            out.add(key + 1, .filter, "DOCKER-INGRESS", NetfilterRule(proto: mesh.proto, matches: [.ports(proto: mesh.proto, sport: nil, dport: p)],
                                                                       target: .accept), .insert, portOwner)
            out.add(key + 1, .nat, "DOCKER-INGRESS", NetfilterRule(proto: mesh.proto, matches: [.ports(proto: mesh.proto, sport: nil, dport: p)],
                                                                    target: .dnat(sbox.gatewayAddress, port: mesh.published)), .insert, portOwner)
        }
    }
}
