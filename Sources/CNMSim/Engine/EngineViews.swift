/// What an engine derives from its model to answer packets and names quickly:
/// which of Docker's rule groups are out of date, every endpoint by network and
/// address, every DNS name by network, the host's own routing view, and a bound
/// on the next `sleep N` exit.
///
/// Why: a command must cost the same among 10 or 10,000 containers. The engine
/// says what changed as it changes it (`Engine.noteChanged…`, called by every
/// operation that adds, starts, stops, connects or removes something) and these
/// views follow in place, so a ping reads a few entries instead of rebuilding
/// the host's view and every rule.
///
/// Not model state: nothing here is what the learner built, only what follows from
/// it. A state fingerprint or a comparison of engines must leave `Engine.views` out
/// (it differs between an engine and its replay only in `pendingExitBound`, a lower
/// bound). `Engine.verifyViews()` compares them with a build from scratch.
public struct EngineViews: Sendable {
    /// How the engine keeps its derived state.
    public enum Mode: Sendable, Hashable {
        /// In step with each change (the default).
        case incremental
        /// Derived afresh for every question: every rule generated, every chain read in full.
        /// The reference the incremental views are tested against; slow.
        case rebuild
    }

    public var mode: Mode = .incremental
    /// Whether simulated traffic moves the rules' counters (off for diagnoses: `why`, lab checks).
    public var countsTraffic = true
    /// Docker rule groups whose object changed since the last firewall sync.
    var staleGroups: Set<RuleGroup> = [.daemon, .ingress]
    /// Network ID → IPv4 address → endpoint ID, for every endpoint with an address.
    var endpointAt: [String: [IPv4Address: String]] = [:]
    /// Network ID → lower-cased DNS name → endpoint IDs in join order.
    var names: [String: [String: [String]]] = [:]
    /// IDs of the macvlan/ipvlan networks (whose running endpoints are the host's LAN children).
    var childNetworks: Set<String> = []
    /// IDs of the containers whose loaded configuration is HAProxy's: the only proxies with active
    /// health checks (`Engine.runProxyHealthChecks`), which run on every advance of the clock.
    var haproxies: Set<String> = []
    /// The host's addresses, bridges and routes.
    var hostStack: HostStack
    /// No `sleep N` process ends before this time (nil: none runs).
    var pendingExitBound: SimTime?
    /// The `sleep N` processes by the time they end (entries of processes that no longer wait are
    /// skipped when reached).
    var exitQueue = ExitQueue()
    /// Containers changed (started, stopped, removed) since the neighbour tables were last pruned:
    /// the only tables a prune can change (`Engine.pruneNeighbourTables`). Until the first prune
    /// every table is looked at (`pruneEveryNeighbourTable`).
    var neighboursToPrune: Set<String> = []
    var pruneEveryNeighbourTable = true

    init(host: HostConfig) { hostStack = HostStack(host: host) }

    // MARK: Following the model

    mutating func endpointJoined(_ ep: Endpoint) {
        if let ip = ep.ipv4 { endpointAt[ep.networkID, default: [:]][ip] = ep.id }
        for name in Self.lowercasedNames(ep) { names[ep.networkID, default: [:]][name, default: []].append(ep.id) }
    }

    mutating func endpointLeft(_ ep: Endpoint) {
        if let ip = ep.ipv4, endpointAt[ep.networkID]?[ip] == ep.id {
            endpointAt[ep.networkID]?.removeValue(forKey: ip)
            if endpointAt[ep.networkID]?.isEmpty == true { endpointAt.removeValue(forKey: ep.networkID) }
        }
        for name in Self.lowercasedNames(ep) {
            names[ep.networkID]?[name]?.removeAll { $0 == ep.id }
            if names[ep.networkID]?[name]?.isEmpty == true { names[ep.networkID]?.removeValue(forKey: name) }
        }
        if names[ep.networkID]?.isEmpty == true { names.removeValue(forKey: ep.networkID) }
    }

    /// An endpoint's DNS names, lower-cased, each once.
    static func lowercasedNames(_ ep: Endpoint) -> [String] {
        var out: [String] = []
        for n in ep.dnsNames {
            let l = n.lowercased()
            if !out.contains(l) { out.append(l) }
        }
        return out
    }

    mutating func networkAdded(_ n: Network, bridgeIndex: Int?) {
        if VlanLinks.isChildDriver(n.driver) { childNetworks.insert(n.id) } else { childNetworks.remove(n.id) }
        hostStack.remove(networkID: n.id)
        hostStack.add(n, bridgeIndex: bridgeIndex)
    }

    mutating func networkRemoved(_ id: String) {
        childNetworks.remove(id)
        hostStack.remove(networkID: id)
        endpointAt.removeValue(forKey: id)
        names.removeValue(forKey: id)
    }

    // MARK: From scratch

    /// The views built afresh from the model (the reference for `verifyViews`, and what
    /// an engine in `.rebuild` mode answers from).
    static func build(_ engine: Engine) -> EngineViews {
        var v = EngineViews(host: engine.host)
        v.mode = engine.views.mode
        for n in engine.networks.values { v.networkAdded(n, bridgeIndex: engine.bridgeIndex[n.id]) }
        for ids in engine.endpointsByNetwork.values {
            for id in ids { if let ep = engine.endpoints[id] { v.endpointJoined(ep) } }
        }
        v.haproxies = Set(engine.containers.values.filter { $0.proxy?.software == .haproxy }.map(\.id))
        v.pendingExitBound = engine.runUntil.values.min()
        for (id, until) in engine.runUntil { v.exitQueue.insert(ExitQueue.Entry(until: until, id: id)) }
        v.staleGroups = []
        return v
    }

    /// The differences between these views and `other` (empty when they agree).
    func differences(from other: EngineViews) -> [String] {
        var out: [String] = []
        if endpointAt != other.endpointAt { out.append("endpoints by address") }
        if names != other.names { out.append("DNS names") }
        if childNetworks != other.childNetworks { out.append("macvlan/ipvlan networks") }
        if haproxies != other.haproxies { out.append("HAProxy containers") }
        out += hostStack.differences(from: other.hostStack).map { "host stack: " + $0 }
        return out
    }
}

/// The host's own IP stack as the packet walk needs it: its addresses (for LOCAL),
/// the interfaces routes name (lo, eth0, one bridge per network) and the main
/// routing table, with longest-prefix lookup by prefix length. The veths and
/// carrier states that `ip addr` shows are left to `KernelView.host`, which
/// derives the full view when a listing asks for it.
struct HostStack: Sendable, Equatable {
    let host: HostConfig
    var bridges: [String: KernelInterface] = [:]
    /// Bridge device by network ID.
    var deviceOf: [String: String] = [:]
    /// The bridges' connected routes, by destination.
    var bridgeRoutes: [IPv4Subnet: KernelRoute] = [:]
    /// How many bridge routes have each prefix length, and those lengths longest first.
    var lengthCounts: [Int: Int] = [:]
    var lengths: [Int] = []
    /// The host's addresses: eth0's and each bridge's gateway.
    var local: Set<IPv4Address>

    init(host: HostConfig) {
        self.host = host
        local = [host.address]
    }

    static func == (a: HostStack, b: HostStack) -> Bool { a.differences(from: b).isEmpty }

    func differences(from b: HostStack) -> [String] {
        var out: [String] = []
        if bridges != b.bridges { out.append("bridges") }
        if deviceOf != b.deviceOf { out.append("devices") }
        if bridgeRoutes != b.bridgeRoutes { out.append("routes") }
        if lengthCounts != b.lengthCounts || lengths != b.lengths { out.append("prefix lengths") }
        if local != b.local { out.append("local addresses") }
        return out
    }

    var loopback: KernelInterface { KernelView.loopback }

    var eth0: KernelInterface {
        KernelInterface(index: 2, name: "eth0", kind: .ethernet, mtu: 1500, mac: host.mac,
                        addresses: [IPv4Subnet(address: host.address, prefixLength: host.prefixLength)])
    }

    var defaultRoute: KernelRoute { KernelRoute(destination: nil, gateway: host.gateway, device: "eth0", proto: "static") }
    var lanRoute: KernelRoute { KernelRoute(destination: host.lan, device: "eth0", source: host.address) }

    mutating func add(_ network: Network, bridgeIndex: Int?) {
        guard let dev = network.deviceName, let index = bridgeIndex else { return }
        var addrs: [IPv4Subnet] = []
        if let gw = network.gateway, let s = network.subnet {
            addrs = [IPv4Subnet(address: gw, prefixLength: s.prefixLength)]
            local.insert(gw)
        }
        bridges[dev] = KernelInterface(index: index, name: dev, kind: .bridge, mtu: network.mtu,
                                       mac: network.bridgeMAC,
                                       addresses: addrs, networkID: network.id)
        deviceOf[network.id] = dev
        if let s = network.subnet, network.gateway != nil {
            let destination = s.canonical
            bridgeRoutes[destination] = KernelRoute(destination: destination, device: dev, source: network.gateway)
            lengthCounts[destination.prefixLength, default: 0] += 1
            lengths = lengthCounts.keys.sorted(by: >)
        }
    }

    mutating func remove(networkID: String) {
        guard let dev = deviceOf.removeValue(forKey: networkID), let iface = bridges.removeValue(forKey: dev) else { return }
        for a in iface.addresses where !bridges.values.contains(where: { $0.addresses.contains { $0.address == a.address } }) {
            if a.address != host.address { local.remove(a.address) }
        }
        for (destination, route) in bridgeRoutes where route.device == dev {
            bridgeRoutes.removeValue(forKey: destination)
            lengthCounts[destination.prefixLength, default: 1] -= 1
            if lengthCounts[destination.prefixLength] == 0 { lengthCounts.removeValue(forKey: destination.prefixLength) }
        }
        lengths = lengthCounts.keys.sorted(by: >)
    }

    func isLocal(_ ip: IPv4Address) -> Bool { ip.isLoopback || local.contains(ip) }

    func interface(named name: String) -> KernelInterface? {
        switch name {
        case "lo": return loopback
        case "eth0": return eth0
        default: return bridges[name]
        }
    }

    /// The bridge route covering `ip` with the longest prefix, if any.
    func bridgeRoute(to ip: IPv4Address) -> KernelRoute? {
        for length in lengths {
            if let r = bridgeRoutes[IPv4Subnet(address: ip, prefixLength: length).canonical] { return r }
        }
        return nil
    }

    /// The main table's longest-prefix route for `ip` (what `NetNamespace.route(to:)` finds in
    /// `KernelView.host`; the default route means there always is one).
    func route(to ip: IPv4Address) -> KernelRoute? {
        let lan = lanRoute
        let bridge = bridgeRoute(to: ip)
        if lan.covers(ip), lan.prefixLength >= (bridge?.prefixLength ?? -1) { return lan }
        return bridge ?? defaultRoute
    }
}
