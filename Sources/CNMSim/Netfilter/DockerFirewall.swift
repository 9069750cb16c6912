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

/// Derives the iptables rules Docker 28.2 (iptables backend, userland proxy on)
/// programs for the engine's current state, in the daemon's order. The chains of daemon
/// start and the swarm routing mesh are made here; each network's, endpoint's and published
/// port's rules come from the network's driver (`NetworkDriver.appendNetworkRules` and its
/// siblings; the bridge driver's are in `BridgeDriver+Firewall.swift`), as libnetwork's bridge
/// driver owns its rules (moby v28.2.2 libnetwork/drivers/bridge/internal/iptabler; the daemon's
/// CI lists the result in integration/network/bridge/iptablesdoc/generated/*.md).
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
        var out = RuleOpList()
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

    static let localDestination = RuleMatch.addrtype(src: nil, srcNegated: false, dst: "LOCAL", dstNegated: false)

    static func daemon(_ out: inout RuleOpList) {
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

    /// A network's rules, from its driver, keyed by the network's place among the host's interfaces.
    static func network(_ network: Network, _ engine: Engine, _ out: inout RuleOpList) {
        network.networkDriver.appendNetworkRules(network, key: (engine.bridgeIndex[network.id] ?? 0) * 4, to: &out)
    }

    /// A running container: each endpoint's rules, then its published ports on the gateway
    /// endpoint, each from the driver of the endpoint's network.
    static func container(_ container: Container, _ engine: Engine, _ out: inout RuleOpList) {
        let endpoints = engine.endpoints(ofContainer: container)
        for ep in endpoints {
            guard let n = engine.networks[ep.networkID], n.networkDriver.programsFirewall else { continue }
            n.networkDriver.appendEndpointRules(ep, network: n, key: ep.interfaceIndex * 4, to: &out)
        }
        guard !container.portMappings.isEmpty, let gw = engine.gatewayEndpoint(of: container),
              let n = engine.networks[gw.networkID], n.networkDriver.programsFirewall else { return }
        let key = (endpoints.map(\.interfaceIndex).max() ?? 0) * 4 + 1
        n.networkDriver.appendPortRules(container, gateway: gw, network: n, key: key, to: &out)
    }

    /// Swarm routing mesh (generated/swarm-portmap.md): programmed with the first published port.
    static func ingress(_ engine: Engine, _ out: inout RuleOpList) {
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
