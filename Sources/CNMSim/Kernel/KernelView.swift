/// Derives the kernel's view (interfaces, addresses, routes, bridge ports) of
/// the host, of each running container's sandbox and of the LAN machine
/// `remote` from the engine's model, so `ip addr` and the packet path agree
/// with `docker network inspect`.
public enum KernelView {
    /// The LAN machine learners reach with `ssh remote`: another computer on the LAN, without Docker.
    public static let remoteAddress = IPv4Address(192, 168, 1, 50)

    static let loopback = KernelInterface(index: 1, name: "lo", kind: .loopback, mtu: 65536, mac: MACAddress(bytes: [0, 0, 0, 0, 0, 0]),
                                          addresses: [IPv4Subnet(address: IPv4Address(127, 0, 0, 1), prefixLength: 8)],
                                          ipv6: ["::1/128 scope host"])

    /// A stable MAC for a host-side veth, derived from its endpoint ID (the model does not keep one).
    static func vethMAC(_ endpointID: String) -> MACAddress {
        var bytes: [UInt8] = []
        let hex = Array(endpointID.utf8)
        var i = 12
        while bytes.count < 6, i + 1 < hex.count {
            let s = String(decoding: hex[i...(i + 1)], as: UTF8.self)
            bytes.append(UInt8(s, radix: 16) ?? 0)
            i += 2
        }
        if !bytes.isEmpty { bytes[0] = (bytes[0] & 0xfe) | 0x02 }
        return MACAddress(bytes: bytes)
    }

    /// The modified EUI-64 link-local address of a MAC (`fe80::5054:ff:fe12:3456/64`).
    static func linkLocal(_ mac: MACAddress) -> String {
        let b = mac.bytes
        guard b.count == 6 else { return "fe80::/64" }
        let words = [UInt16(b[0] ^ 0x02) << 8 | UInt16(b[1]), UInt16(b[2]) << 8 | 0xff,
                     0xfe00 | UInt16(b[3]), UInt16(b[4]) << 8 | UInt16(b[5])]
        return "fe80::" + words.map { String($0, radix: 16) }.joined(separator: ":") + "/64"
    }

    /// Running containers with their own sandbox, in the order their sandboxes were made.
    static func sandboxedContainers(_ engine: Engine) -> [(Container, [Endpoint])] {
        engine.allContainers.filter { $0.isRunning && $0.sandboxID != nil && !$0.sharesHostNetwork }
            .map { ($0, engine.endpoints(ofContainer: $0)) }
            .sorted { ($0.1.map(\.interfaceIndex).min() ?? Int.max, $0.0.startedAt ?? .epoch) < ($1.1.map(\.interfaceIndex).min() ?? Int.max, $1.0.startedAt ?? .epoch) }
    }

    public static func host(_ engine: Engine) -> NetNamespace {
        let h = engine.host
        var interfaces = [loopback]
        interfaces.append(KernelInterface(index: 2, name: "eth0", kind: .ethernet, mtu: 1500, mac: h.mac,
                                          addresses: [IPv4Subnet(address: h.address, prefixLength: h.prefixLength)],
                                          ipv6: [linkLocal(h.mac) + " scope link"]))
        var routes = [KernelRoute(destination: nil, gateway: h.gateway, device: "eth0", proto: "static"),
                      KernelRoute(destination: h.lan, device: "eth0", source: h.address)]
        var portsOf: [String: Int] = [:]
        for ep in engine.endpoints.values where ep.hostVeth != nil { portsOf[ep.networkID, default: 0] += 1 }
        let gatewayBridge = engine.network(named: OverlayDriver.gatewayBridgeName)
        if engine.ingressSandbox != nil, let gw = gatewayBridge { portsOf[gw.id, default: 0] += 1 }
        for network in engine.allNetworks {
            guard let dev = network.deviceName, let index = engine.bridgeIndex[network.id] else { continue }
            let carrier = (portsOf[network.id] ?? 0) > 0
            var addrs: [IPv4Subnet] = []
            if let gw = network.gateway, let s = network.subnet { addrs = [IPv4Subnet(address: gw, prefixLength: s.prefixLength)] }
            interfaces.append(KernelInterface(index: index, name: dev, kind: .bridge, mtu: network.mtu,
                                              mac: network.bridgeMAC, carrier: carrier,
                                              addresses: addrs, networkID: network.id))
            // A connected route comes with the bridge's address (an isolated network's bridge has none).
            if let s = network.subnet, network.gateway != nil {
                routes.append(KernelRoute(destination: s.canonical, device: dev, source: network.gateway, linkDown: !carrier))
            }
        }
        // Links Docker made for macvlan/ipvlan parents: `eth0.10@eth0` (the lower link's MAC) or a dummy.
        for (name, link) in engine.createdLinks {
            var i = KernelInterface(index: link.index, name: name, kind: link.lower == nil ? .dummy : .vlan, mtu: 1500,
                                    mac: linkMAC(name, engine))
            i.lowerLink = link.lower
            interfaces.append(i)
        }
        // No host link refers to a namespace that holds only macvlan/ipvlan children: no netnsid for it.
        let vethNamespaces = sandboxedContainers(engine).filter { _, eps in
            eps.isEmpty || !eps.allSatisfy { engine.networks[$0.networkID].map { VlanLinks.isChildDriver($0.driver) } ?? false }
        }
        for (nsid, (_, eps)) in vethNamespaces.enumerated() {
            for ep in eps {
                guard let veth = ep.hostVeth, let n = engine.networks[ep.networkID] else { continue }
                interfaces.append(KernelInterface(index: ep.peerIndex, name: veth, kind: .veth, peerIndex: ep.interfaceIndex, mtu: n.mtu,
                                                  mac: vethMAC(ep.id), master: n.deviceName, linkNetnsID: nsid,
                                                  endpointID: ep.id, networkID: n.id))
            }
        }
        // The swarm's ingress sandbox has its own namespace, plugged into docker_gwbridge.
        if let sbox = engine.ingressSandbox, let gw = gatewayBridge {
            interfaces.append(KernelInterface(index: sbox.vethIndex, name: sbox.hostVeth, kind: .veth, peerIndex: sbox.peerIndex,
                                              mtu: gw.mtu, mac: vethMAC(sbox.gatewayEndpointID), master: gw.deviceName,
                                              linkNetnsID: vethNamespaces.count, networkID: gw.id))
        }
        interfaces.sort { $0.index < $1.index }
        routes.sort { a, b in
            guard let da = a.destination else { return b.destination != nil }
            guard let db = b.destination else { return false }
            return (da.network, da.prefixLength) < (db.network, db.prefixLength)
        }
        return NetNamespace(owner: .host, interfaces: interfaces, routes: routes)
    }

    /// A running container's namespace; host-network containers share the host's, others have none.
    public static func namespace(of c: Container, in engine: Engine) -> NetNamespace? {
        guard c.isRunning else { return nil }
        if c.sharesHostNetwork { return host(engine) }
        guard c.sandboxID != nil else { return nil }
        var interfaces = [loopback]
        var routes: [KernelRoute] = []
        for ep in engine.endpoints(ofContainer: c) {
            guard let name = ep.interfaceName, let n = engine.networks[ep.networkID] else { continue }
            var addrs: [IPv4Subnet] = []
            if let ip = ep.ipv4 {
                addrs = [IPv4Subnet(address: ip, prefixLength: ep.prefixLength)]
                routes.append(KernelRoute(destination: IPv4Subnet(address: ip, prefixLength: ep.prefixLength).canonical, device: name, source: ip))
            }
            // The driver says what the interface is: a veth end, or a macvlan/ipvlan child of the parent link.
            let (kind, mac) = n.networkDriver.sandboxInterface(ep, network: n, engine: engine)
            interfaces.append(KernelInterface(index: ep.interfaceIndex, name: name, kind: kind, peerIndex: ep.peerIndex, mtu: n.mtu,
                                              mac: mac, addresses: addrs, endpointID: ep.id, networkID: n.id))
        }
        // The kernel lists the main table in key order: default first, then by destination.
        routes.sort { a, b in
            guard let da = a.destination, let db = b.destination else { return false }
            return (da.network, da.prefixLength) < (db.network, db.prefixLength)
        }
        if let gw = engine.gatewayEndpoint(of: c), let via = gw.gateway, let dev = gw.interfaceName {
            routes.insert(KernelRoute(destination: nil, gateway: via, device: dev, proto: "static"), at: 0)
        } else if let l3 = engine.endpoints(ofContainer: c).first(where: { ep in
            engine.networks[ep.networkID].map { $0.networkDriver.givesDeviceDefaultRoute($0) } ?? false
        }), let dev = l3.interfaceName, l3.ipv4 != nil {
            // ipvlan l3/l3s: `jinfo.AddStaticRoute(0.0.0.0/0, CONNECTED)` — `default dev eth0`, no gateway.
            routes.insert(KernelRoute(destination: nil, device: dev, proto: "static"), at: 0)
        }
        interfaces.sort { $0.index < $1.index }
        return NetNamespace(owner: .container(c.id), interfaces: interfaces, routes: routes)
    }

    /// The MAC of a host link: eth0's, a VLAN sub-interface's lower link's, a bridge's, or a dummy's
    /// (derived from the network ID, as the model keeps none).
    static func linkMAC(_ name: String, _ engine: Engine) -> MACAddress {
        if name == "eth0" { return engine.host.mac }
        if let lower = engine.createdLinks[name]?.lower, lower != name { return linkMAC(lower, engine) }
        if let n = engine.networks.values.first(where: { $0.deviceName == name }), let m = n.deviceMAC { return m }
        if let n = engine.networks.values.first(where: { VlanLinks.parentLink(of: $0) == name }) { return vethMAC(n.id) }
        return engine.host.mac
    }

    /// The LAN machine `remote`: eth0 on the host's LAN, default route via the LAN router.
    public static func remote(_ engine: Engine) -> NetNamespace {
        let h = engine.host
        let mac = MACAddress(bytes: [0x52, 0x54, 0x00, 0xab, 0xcd, 0x50])
        return NetNamespace(owner: .remote, interfaces: [
            loopback,
            KernelInterface(index: 2, name: "eth0", kind: .ethernet, mtu: 1500, mac: mac,
                            addresses: [IPv4Subnet(address: remoteAddress, prefixLength: h.prefixLength)]),
        ], routes: [
            KernelRoute(destination: nil, gateway: h.gateway, device: "eth0", proto: "static"),
            KernelRoute(destination: h.lan, device: "eth0", source: remoteAddress),
        ])
    }
}
