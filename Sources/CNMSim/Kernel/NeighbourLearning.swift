/// Where simulated traffic crosses a link, and what each end's neighbour table learns there.
///
/// A walk's events (`PathResult.events`) name every hop: the sender's routing decision
/// (`.route`: device and next hop), the frame entering the host from a bridge (`.entersHost`),
/// switched to a peer (`.bridged`), or routed out by the host (`.hostRouting`). Each hop is one
/// ARP exchange on one link: the sender resolves the next hop; if something holds that address
/// it answers, and learns the sender from the request. This file is the only place that turns a
/// walk into neighbour entries, after the walk (`Engine.learnNeighbours`), so the packet path
/// itself stays free of it. Only this machine's namespaces learn (a walk that crosses to another
/// simulated machine stops here at the LAN wire); macvlan, ipvlan and overlay links are not
/// modelled; IPv6 neighbours are not simulated.
public enum NeighbourLearning {
    /// One link crossing: `sender` (a namespace key, nil for a machine outside this engine)
    /// resolves `nextHop` on `device`; `peer` is what answers, if anything.
    struct Hop {
        var sender: String?
        var device: String
        var nextHop: IPv4Address
        var senderAddress: IPv4Address
        var senderMAC: MACAddress?
        var peer: (key: String, device: String, mac: MACAddress)?
        /// When the peer is not on this machine: the MAC it answers with (nil: nobody answers).
        var outsidePeerMAC: MACAddress?
    }

    /// MACs of the LAN's machines that the simulation does not run: the router and `remote`
    /// (`KernelView.remote`), the LAN names' hosts. Plausible values chosen for the course:
    /// QEMU's 52:54:00 prefix, then `ab:cd` and the address's last number written in hex digits.
    public static func lanMAC(_ ip: IPv4Address, engine: Engine) -> MACAddress? {
        let known = ip == engine.host.gateway || ip == KernelView.remoteAddress
            || ExternalDNSZone.entries.contains { $0.lanOnly && $0.ipv4.contains(ip) }
        guard known, engine.host.lan.contains(ip) else { return nil }
        let last = ip.octets[3]
        return MACAddress(bytes: [0x52, 0x54, 0x00, 0xab, 0xcd, (last / 10 % 10) * 16 + last % 10])
    }

    static func key(of site: NetSite, _ engine: Engine) -> String? {
        switch site {
        case .host: return NeighbourCache.hostKey
        case .container(let id):
            guard let c = engine.containers[id] else { return nil }
            return c.sharesHostNetwork ? NeighbourCache.hostKey : id
        case .remote, .outside: return nil
        }
    }

    /// The link crossings of a walk on `engine`, in order, up to the reply or the LAN wire.
    static func hops(_ r: PathResult, _ engine: Engine, lanMACs: [IPv4Address: MACAddress]) -> [Hop] {
        var out: [Hop] = []
        // Bridges by device name and endpoints by address come from the engine's views (indexed,
        // kept in step with every change): a hop reads a few entries, whatever the number of containers.
        let views = engine.currentViews
        func bridgeNetwork(_ device: String) -> Network? {
            views.hostStack.bridges[device]?.networkID.flatMap { engine.networks[$0] }
        }
        // The host's side of a hop: eth0 and the bridges come straight from the model (as
        // `KernelView.host` lays them out); the whole host view is built only for another device.
        var hostView: NetNamespace?
        func hostInterface(_ device: String) -> (address: IPv4Address, mac: MACAddress, bridge: Bool)? {
            if device == "eth0" { return (engine.host.address, engine.host.mac, false) }
            if let n = bridgeNetwork(device), engine.bridgeIndex[n.id] != nil {
                guard let gw = n.gateway, n.subnet != nil else { return nil }
                return (gw, n.bridgeMAC, true)
            }
            if hostView == nil { hostView = KernelView.host(engine) }
            guard let iface = hostView?.interface(named: device), let src = iface.addresses.first?.address else { return nil }
            return (src, iface.mac, iface.kind == .bridge)
        }
        func containerAt(_ ip: IPv4Address, on network: Network) -> (Container, Endpoint)? {
            guard let id = views.endpointAt[network.id]?[ip], let ep = engine.endpoints[id],
                  let c = engine.containers[ep.containerID], c.isRunning, !c.sharesHostNetwork else { return nil }
            return (c, ep)
        }
        func eth(_ c: Container, _ network: Network) -> String? {
            KernelView.namespace(of: c, in: engine)?.interfaces.first { $0.networkID == network.id }?.name
        }
        /// The host sends out `device` to `nextHop`, from its address there.
        func fromHost(_ device: String, _ nextHop: IPv4Address) -> Hop? {
            guard let iface = hostInterface(device) else { return nil }
            var hop = Hop(sender: NeighbourCache.hostKey, device: device, nextHop: nextHop, senderAddress: iface.address, senderMAC: iface.mac)
            if iface.bridge, let n = bridgeNetwork(device) {
                if let (c, ep) = containerAt(nextHop, on: n), let dev = eth(c, n), let mac = ep.mac { hop.peer = (c.id, dev, mac) }
                return hop
            }
            guard device == "eth0" else { return nil }
            hop.outsidePeerMAC = lanMACs[nextHop] ?? lanMAC(nextHop, engine: engine)
            return hop
        }
        var k = 0
        let events = r.events
        while k < events.count {
            let e = events[k]
            k += 1
            switch e {
            case .reply, .lanWire: return out
            case .route(let site, let destination, let device, let gateway, let source):
                let nextHop = gateway ?? destination
                switch site {
                case .remote, .outside:
                    // A LAN machine sends to the host (or through the router to it): the host learns the last sender.
                    let sender = nextHop == engine.host.address ? KernelView.remoteAddress : engine.host.gateway
                    if nextHop == engine.host.address || (k < events.count && events[k] == .lanRouter),
                       let mac = lanMAC(sender, engine: engine) {
                        out.append(Hop(sender: nil, device: "eth0", nextHop: engine.host.address, senderAddress: sender,
                                       senderMAC: mac, peer: (NeighbourCache.hostKey, "eth0", engine.host.mac)))
                    }
                case .host:
                    if let hop = fromHost(device, nextHop) { out.append(hop) }
                case .container(let id):
                    guard let owner = key(of: site, engine) else { continue }
                    if owner == NeighbourCache.hostKey {
                        if let hop = fromHost(device, nextHop) { out.append(hop) }
                        continue
                    }
                    guard let c = engine.containers[id], let ns = KernelView.namespace(of: c, in: engine),
                          let iface = ns.interface(named: device), iface.kind == .veth, let nid = iface.networkID,
                          let n = engine.networks[nid], let bridge = n.deviceName else { continue }
                    var hop = Hop(sender: id, device: device, nextHop: nextHop, senderAddress: source, senderMAC: iface.mac)
                    if nextHop == n.gateway, let b = hostInterface(bridge) {
                        hop.peer = (NeighbourCache.hostKey, bridge, b.mac)
                    } else if let (peer, ep) = containerAt(nextHop, on: n), let dev = eth(peer, n), let mac = ep.mac {
                        hop.peer = (peer.id, dev, mac)
                    }
                    out.append(hop)
                }
            case .hostRouting(let destination, let device?):
                let nextHop = device == "eth0" && !engine.host.lan.contains(destination) ? engine.host.gateway : destination
                if let hop = fromHost(device, nextHop) { out.append(hop) }
            default:
                continue
            }
        }
        return out
    }
}

extension Engine {
    /// Teaches this machine's kernels the neighbours a finished walk met (`NeighbourLearning`).
    /// `lanMACs`: the eth0 MACs of the other simulated machines on the LAN.
    public mutating func learnNeighbours(from r: PathResult, proto: String, lanMACs: [IPv4Address: MACAddress] = [:]) {
        pruneNeighbourTables()
        let hops = NeighbourLearning.hops(r, self, lanMACs: lanMACs)
        guard !hops.isEmpty else { return }
        let answered: Bool
        switch r.verdict {
        case .delivered, .refused, .proxyBackendFailed, .handoff: answered = true
        default: answered = false
        }
        let confirms = proto == "tcp" && answered
        let now = clock
        for hop in hops {
            let peerMAC = hop.peer?.mac ?? hop.outsidePeerMAC
            var sentARP = false
            if let senderKey = hop.sender {
                neighbours.update(senderKey, hop.device, hop.nextHop, now: now) { entry in
                    guard let mac = peerMAC else {
                        // Nobody holds the address: resolution runs out (INCOMPLETE, then FAILED).
                        if entry.lladdr != nil || entry.state(at: now) == .failed { entry.lladdr = nil; entry.confirmed = now; entry.delayUntil = nil }
                        return
                    }
                    switch entry.state(at: now) {
                    case .incomplete, .failed:
                        entry.lladdr = mac; entry.confirmed = now; entry.delayUntil = nil
                        sentARP = true
                    case .stale:
                        entry.lladdr = mac
                        NeighbourLearning.use(&entry, now: now, confirms: confirms)
                    case .delay, .reachable:
                        entry.lladdr = mac
                        if confirms { entry.confirmed = now; entry.delayUntil = nil }
                    }
                }
            } else {
                sentARP = true
            }
            guard let peer = hop.peer, let senderMAC = hop.senderMAC else { continue }
            neighbours.update(peer.key, peer.device, hop.senderAddress, now: now, keepUnresolved: false) { entry in
                let state = entry.state(at: now)
                if sentARP && (entry.lladdr != senderMAC || state == .incomplete || state == .failed) {
                    // The ARP request leaves a STALE entry (`neigh_event_ns`); the same address keeps its state.
                    entry.lladdr = senderMAC
                    entry.confirmed = now.adding(nanoseconds: -(NeighbourCache.reachableSeconds + 1) * 1_000_000_000)
                    entry.delayUntil = nil
                }
                guard answered else { return }
                switch entry.state(at: now) {
                case .incomplete, .failed:
                    // The peer resolves the sender itself to answer.
                    entry.lladdr = senderMAC; entry.confirmed = now; entry.delayUntil = nil
                case .stale: NeighbourLearning.use(&entry, now: now, confirms: confirms)
                case .delay, .reachable: if confirms { entry.confirmed = now; entry.delayUntil = nil }
                }
            }
        }
    }

    /// Drops the tables of namespaces that are gone (removed or stopped containers).
    /// Only the tables of containers changed since the last prune are looked at (a walk costs the
    /// same among 10 or 10,000 containers); `verifyViews` checks that no other table needs it.
    mutating func pruneNeighbourTables() {
        let keys: [String]
        if views.pruneEveryNeighbourTable || views.mode == .rebuild {
            keys = Array(neighbours.tables.keys)
        } else {
            guard !views.neighboursToPrune.isEmpty else { return }
            keys = views.neighboursToPrune.filter { neighbours.tables[$0] != nil }
        }
        views.neighboursToPrune = []
        views.pruneEveryNeighbourTable = false
        for key in keys where key != NeighbourCache.hostKey {
            guard let c = containers[key], c.isRunning, !c.sharesHostNetwork else { neighbours.tables[key] = nil; continue }
            let started = c.startedAt ?? .epoch
            if neighbours.tables[key]?.contains(where: { $0.created < started }) == true {
                neighbours.tables[key]?.removeAll { $0.created < started }
            }
        }
    }

    /// The neighbour tables a prune of every table would change although no change marked them
    /// (empty when the marks are complete): for `verifyViews`.
    func unmarkedNeighbourTables() -> [String] {
        guard !views.pruneEveryNeighbourTable else { return [] }
        return neighbours.tables.compactMap { key, table in
            guard key != NeighbourCache.hostKey, !views.neighboursToPrune.contains(key) else { return nil }
            guard let c = containers[key], c.isRunning, !c.sharesHostNetwork else { return key }
            let started = c.startedAt ?? .epoch
            return table.contains { $0.created < started } ? key : nil
        }.sorted()
    }
}

extension NeighbourLearning {
    /// A STALE entry used to send: DELAY; an upper layer's confirmation (TCP) makes it REACHABLE
    /// at once, otherwise the unicast probe after `delay_first_probe_time` does.
    static func use(_ entry: inout NeighbourEntry, now: SimTime, confirms: Bool) {
        if confirms { entry.confirmed = now; entry.delayUntil = nil; return }
        let end = now.adding(nanoseconds: NeighbourCache.delaySeconds * 1_000_000_000)
        entry.delayUntil = end
        entry.confirmed = end
    }
}

extension NeighbourCache {
    /// Applies `change` to the entry for `address` on `device` in namespace `key` (a new entry,
    /// unresolved since `now`, when there is none).
    /// A new entry that stays unresolved is kept only when `keepUnresolved` (the sender's own
    /// resolution attempt); the peer side makes no entry for a request it never received.
    mutating func update(_ key: String, _ device: String, _ address: IPv4Address, now: SimTime, keepUnresolved: Bool = true,
                         _ change: (inout NeighbourEntry) -> Void) {
        var table = tables[key] ?? []
        if let i = table.firstIndex(where: { $0.address == address && $0.device == device }) {
            change(&table[i])
        } else {
            var entry = NeighbourEntry(address: address, device: device, lladdr: nil, created: now,
                                       confirmed: now.adding(nanoseconds: -NeighbourCache.resolveSeconds * 1_000_000_000), delayUntil: nil)
            change(&entry)
            guard entry.lladdr != nil || keepUnresolved else { return }
            table.append(entry)
        }
        tables[key] = table
    }
}
