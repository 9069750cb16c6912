/// The iptables rules the bridge driver programs for its networks, its endpoints and the ports
/// published on them (iptables backend, userland proxy on). In libnetwork the bridge driver owns
/// these rules: moby v28.2.2 libnetwork/drivers/bridge/internal/iptabler/network.go (`setupIPTables`),
/// endpoint.go (`filterDirectAccess`) and port.go (`setPerPortIptables`); the daemon's CI lists the
/// result in integration/network/bridge/iptablesdoc/generated/*.md. `DockerFirewall` decides the
/// programming order and asks the driver for the rules.
extension BridgeDriver {
    /// A bridge network's rules (`setupIPTables`), by gateway mode: `nat` as always; `nat-unprotected`
    /// accepts what reaches the bridge (`setDefaultForwardRule`); `routed` has no MASQUERADE, accepts
    /// ICMP (`setICMP`) and lets other networks in through DOCKER-ISOLATION-STAGE-1 (`setINC`);
    /// `isolated` has no bridge address and so no rules.
    public func appendNetworkRules(_ network: Network, key: Int, to out: inout RuleOpList) {
        guard let bridge = network.deviceName, let subnet = network.subnet else { return }
        let mode = network.gatewayModeIPv4
        if mode == .isolated { return }
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

    /// The raw-PREROUTING guard of a running container's endpoint (`filterDirectAccess`): not on
    /// internal networks, nor in nat-unprotected or routed mode.
    public func appendEndpointRules(_ endpoint: Endpoint, network: Network, key: Int, to out: inout RuleOpList) {
        guard let ip = endpoint.ipv4, !network.isInternal, network.gatewayModeIPv4 == .nat, let bridge = network.deviceName else { return }
        out.add(key, .raw, "PREROUTING",
                NetfilterRule(destination: AddressMatch(IPv4Subnet(address: ip, prefixLength: 32)), inInterface: InterfaceMatch(bridge, negated: true), target: .drop),
                .append, "ep:" + endpoint.id)
    }

    /// A running container's published IPv4 ports on its gateway endpoint (`setPerPortIptables`):
    /// a routed binding (host port 0) gets no NAT; nat-unprotected no per-port ACCEPT; a loopback
    /// binding its raw-PREROUTING guard.
    public func appendPortRules(_ container: Container, gateway: Endpoint, network n: Network, key: Int, to out: inout RuleOpList) {
        guard let cip = gateway.ipv4, !n.isInternal, let bridge = n.deviceName else { return }
        let mode = n.gatewayModeIPv4
        for m in container.portMappings where !m.hostIP.contains(":") {
            guard let hostIP = IPv4Address(m.hostIP) else { continue }
            let proto = m.containerPort.proto
            let owner = "port:\(container.id):\(m.hostIP):\(m.hostPort):\(m.containerPort)"
            let hostPort = PortMatch(low: m.hostPort, high: m.hostPort)
            if m.hostPort == 0 {
                if mode != .natUnprotected { out.add(key, .filter, "DOCKER", Self.accept(cip, bridge, proto, m.containerPort.port), .insert, owner) }
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
            if mode != .natUnprotected { out.add(key, .filter, "DOCKER", Self.accept(cip, bridge, proto, m.containerPort.port), .insert, owner) }
        }
    }

    /// `setPerPortForwarding`: the per-port ACCEPT for a container's published port.
    static func accept(_ cip: IPv4Address, _ bridge: String, _ proto: String, _ port: Int) -> NetfilterRule {
        NetfilterRule(destination: AddressMatch(IPv4Subnet(address: cip, prefixLength: 32)), inInterface: InterfaceMatch(bridge, negated: true),
                      outInterface: InterfaceMatch(bridge), proto: proto,
                      matches: [.ports(proto: proto, sport: nil, dport: PortMatch(low: port, high: port))], target: .accept)
    }
}
