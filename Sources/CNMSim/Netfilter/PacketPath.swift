/// The netfilter evaluator's packet walk (issue 3): a simulated packet (ICMP
/// echo, TCP connect, UDP) goes through the sender's routing table, across
/// veth and bridge, through the host's raw/nat PREROUTING, the routing
/// decision, filter FORWARD or INPUT (or OUTPUT for the host's own packets),
/// nat POSTROUTING, and reaches a namespace where a simulated service listens
/// — or not. Replies are checked through the host's filter chains with
/// conntrack state `ESTABLISHED` (NAT undone by conntrack). Published ports
/// reached on a host address are answered by docker-proxy, which opens its own
/// connection from the host to the container (userland proxy on, moby v28.2.2 cmd/docker-proxy).
///
/// Modelling choices: the LAN router forwards traffic for the host's bridge
/// subnets to the host (so that "remote host → container IP" meets Docker's raw-table DROP);
/// addresses outside the LAN are "the internet", which answers pings;
/// containers' own netfilter tables are empty.
public struct PacketPath {
    let engine: Engine
    /// The engine's views: its own when it keeps them in step, else built afresh (`.rebuild` mode).
    let views: EngineViews
    let evaluator: NetfilterEvaluator
    /// Addresses that belong to the other simulated machines (their eth0 and their LAN children) → that machine's eth0.
    let lan: [IPv4Address: IPv4Address]
    /// IPVS round-robin positions (`ClusterPath` passes the caller's).
    let turns: [String: Int]

    /// The walk on `engine`. Nothing is built here: the host's view, the endpoints and the rules'
    /// indexes are the engine's own views, kept in step with every change (`EngineViews`).
    public init(engine: Engine, lan: [IPv4Address: IPv4Address] = [:], turns: [String: Int]? = nil) {
        self.engine = engine
        self.lan = lan
        self.turns = turns ?? engine.ipvsTurns
        let views = engine.currentViews
        self.views = views
        let stack = views.hostStack
        evaluator = NetfilterEvaluator(ruleset: engine.currentRuleset, exhaustive: engine.views.mode == .rebuild) { stack.isLocal($0) }
    }

    var hostStack: HostStack { views.hostStack }

    func isHostLocal(_ ip: IPv4Address) -> Bool { hostStack.isLocal(ip) }

    /// The network whose bridge is `device`.
    func bridgeNetwork(_ device: String) -> Network? {
        hostStack.bridges[device]?.networkID.flatMap { engine.networks[$0] }
    }

    /// Traces one connection attempt from `site` to `destination` (`proto` is `icmp`, `tcp` or `udp`).
    public func trace(from site: NetSite, to destination: IPv4Address, proto: String, port: Int?) -> PathResult {
        var walk = Walk(path: self, proto: proto, to: destination, port: port)
        let verdict = walk.send(from: site, to: destination, port: port)
        return walk.result(verdict)
    }

    /// The reply of a connection that left this machine for another one, walked back through the
    /// hooks the first packet went out through (as `checkReply` does when both ends are here): its
    /// hook runs and events, and the drop that stopped it, if any.
    func reply(_ pending: PendingReply, proto: String) -> (drop: PathVerdict?, runs: [HookRun], events: [PathEvent]) {
        var walk = Walk(path: self, proto: proto, to: pending.source, port: pending.port)
        walk.hostLegs = pending.legs.map { ($0.kind, $0.inInterface, $0.outInterface) }
        walk.origin = pending.originAddress.map { ($0, pending.originPort) }
        let drop = walk.checkReply(src: pending.source, dst: pending.destination, rawDst: pending.rawDestination, port: pending.port)
        return (drop, walk.runs, walk.events)
    }

    /// A packet from another machine on the LAN (`source`) arriving for `destination` on this one.
    public func arrival(fromLAN source: IPv4Address, to destination: IPv4Address, proto: String, port: Int?) -> PathResult {
        var walk = Walk(path: self, proto: proto, to: destination, port: port)
        let route = KernelRoute(destination: nil, device: "eth0", source: source)
        let verdict = walk.fromRemote(src: source, dst: destination, port: port, route: route)
        return walk.result(verdict)
    }

    /// A frame arriving in VXLAN on overlay `networkID` for the endpoint `destination` of this node.
    public func arrival(overlay networkID: String, from source: IPv4Address, to destination: IPv4Address, proto: String, port: Int?) -> PathResult {
        var walk = Walk(path: self, proto: proto, to: destination, port: port)
        guard let network = engine.networks[networkID] else { return walk.result(.noHost(destination)) }
        walk.events.append(.overlaySwitch(network: network.name))
        let verdict = walk.reachOverlayEndpoint(network, destination, port: port, source: source)
        return walk.result(verdict)
    }

    /// RFC 1918 addresses: 10/8, 172.16/12, 192.168/16.
    public static func isPrivate(_ ip: IPv4Address) -> Bool {
        let o = ip.octets
        return o[0] == 10 || (o[0] == 172 && (16...31).contains(o[1])) || (o[0] == 192 && o[1] == 168)
    }

    /// Whether a container's main process is the image's server (so its services listen).
    public static func servesImageServices(_ c: Container) -> Bool {
        guard c.isRunning, !c.image.services.isEmpty else { return false }
        if !c.cmdOverridden { return true }
        let words = ([c.path] + c.args).map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        return words.contains(c.image.defaultProgram)
    }

    /// The running container on the bridge `device` that holds `ip`.
    func container(at ip: IPv4Address, onBridge device: String) -> Container? {
        guard let n = bridgeNetwork(device) else { return nil }
        return container(at: ip, onNetwork: n.id)
    }

    /// The running container whose endpoint on `networkID` holds `ip`.
    func container(at ip: IPv4Address, onNetwork networkID: String) -> Container? {
        guard let epID = views.endpointAt[networkID]?[ip], let ep = engine.endpoints[epID],
              let c = engine.containers[ep.containerID], c.isRunning else { return nil }
        return c
    }

    /// A site's own namespace (containers and `remote`; the host's stack is `hostStack`).
    func namespace(of site: NetSite) -> NetNamespace? {
        switch site {
        case .host: return nil
        case .remote: return KernelView.remote(engine)
        case .container(let id):
            guard let c = engine.containers[id], !c.sharesHostNetwork else { return nil }
            return KernelView.namespace(of: c, in: engine)
        case .outside: return nil
        }
    }

    /// Whether a site sends from the host's own stack (the host, or a host-network container).
    func usesHostStack(_ site: NetSite) -> Bool {
        switch site {
        case .host: return true
        case .container(let id): return engine.containers[id]?.sharesHostNetwork ?? false
        default: return false
        }
    }

    /// A host-side listener: docker-proxy for a published port, or a host-network container's service.
    enum HostListener { case proxy(PortMapping, String), hostService(String, ServiceListener) }

    /// What listens on the host at `ip:port`: the published ports (`Engine.hostBindings`) and the
    /// servers of host-network containers, in container creation order; the first that is bound
    /// to `ip` or to every address.
    func hostListener(_ ip: IPv4Address, port: Int, proto: String) -> HostListener? {
        var found: [(order: Int, listener: HostListener)] = []
        for (hostIP, id) in engine.hostBindings["\(proto)/\(port)"] ?? [:] {
            guard let bound = IPv4Address(hostIP), bound.isUnspecified || bound == ip,
                  let c = engine.containers[id], c.isRunning,
                  let m = c.portMappings.first(where: { $0.hostIP == hostIP && $0.hostPort == port && $0.containerPort.proto == proto })
            else { continue }
            found.append((engine.creationIndex(of: id), .proxy(m, id)))
        }
        for id in engine.hostNetworkContainers {
            guard let c = engine.containers[id], c.sharesHostNetwork, PacketPath.servesImageServices(c) else { continue }
            for s in c.image.services where s.proto == proto && s.port == port {
                found.append((engine.creationIndex(of: id), .hostService(id, s)))
            }
        }
        return found.min { $0.order < $1.order }?.listener
    }

    /// One walk's mutable state.
    struct Walk {
        let path: PacketPath
        let proto: String
        var events: [PathEvent] = []
        var hops = 0
        var servedBy: String?
        /// The host hooks the original direction went through, for the reply check.
        var hostLegs: [(kind: String, inIface: String?, outIface: String?)] = []
        var depth = 0
        /// The source address of the packet as it last went out on a wire (after NAT).
        var wireSource: IPv4Address?
        var ipvsKeys: [String] = []
        /// Every hook run so far, and whether the walk is checking the reply direction.
        var runs: [HookRun] = []
        var replying = false
        /// The connection's original destination and port (what conntrack's `--ctorigdst` sees on replies).
        var origin: (address: IPv4Address, port: Int?)?

        /// Set when the packet left for another machine (see `PathResult.pendingReply`).
        var pendingReply: PendingReply?

        func result(_ verdict: PathVerdict) -> PathResult {
            var r = PathResult(events: events, verdict: verdict, hops: hops, servedBy: servedBy, ipvsKeys: ipvsKeys, hookRuns: runs)
            r.pendingReply = pendingReply
            return r
        }

        init(path: PacketPath, proto: String, to destination: IPv4Address, port: Int?) {
            self.path = path; self.proto = proto
            origin = (destination, proto == "icmp" ? nil : port)
        }

        func packet(_ src: IPv4Address, _ dst: IPv4Address, _ port: Int?, inIface: String? = nil, outIface: String? = nil) -> NetfilterPacket {
            NetfilterPacket(proto: proto, source: src, destination: dst, sourcePort: proto == "icmp" ? nil : 40000,
                            destinationPort: proto == "icmp" ? nil : port, inInterface: inIface, outInterface: outIface)
        }

        mutating func hook(_ table: NetfilterTable, _ chain: String, _ p: NetfilterPacket) -> HookVerdict {
            var trace: [ChainVisit] = []
            let v = path.evaluator.run(table, chain, p, trace: &trace)
            events += trace.map { .chain($0) }
            runs.append(HookRun(table: table, chain: chain, packet: p, visits: trace, reply: replying))
            return v
        }

        /// Sends from a site; the main entry.
        mutating func send(from site: NetSite, to dst: IPv4Address, port: Int?) -> PathVerdict {
            if path.usesHostStack(site) { return sendFromHost(site: site, dst: dst, port: port) }
            guard let ns = path.namespace(of: site) else { return .noHost(dst) }
            if ns.isLocal(dst) {
                events.append(.local(site: site, destination: dst))
                return deliverLocal(site: site, address: dst, port: port)
            }
            guard let route = ns.route(to: dst) else {
                events.append(.noRoute(site: site, destination: dst))
                return .networkUnreachable
            }
            let src = route.source ?? ns.interface(named: route.device)?.addresses.first?.address ?? IPv4Address(0)
            events.append(.route(site: site, destination: dst, device: route.device, gateway: route.gateway, source: src))
            if site == .remote { return fromRemote(src: src, dst: dst, port: port, route: route) }
            // A macvlan/ipvlan interface: the frame leaves through the parent link, not a bridge.
            if let iface = ns.interface(named: route.device), iface.kind == .macvlan || iface.kind == .ipvlan {
                return sendFromChild(src: src, dst: dst, port: port, route: route, iface: iface)
            }
            // An overlay interface: the frame goes to the network's own bridge, maybe on to another node.
            if let iface = ns.interface(named: route.device), let nid = iface.networkID,
               let network = path.engine.networks[nid], network.networkDriver.endpointLink == .veth(hostEnd: false) {
                return sendOnOverlay(src: src, dst: dst, port: port, network: network)
            }
            // A container: its interface is a veth into a bridge.
            guard let iface = ns.interface(named: route.device), let nid = iface.networkID,
                  let network = path.engine.networks[nid], let bridge = network.deviceName else { return .noHost(dst) }
            let nextHop = route.gateway ?? dst
            if nextHop == network.gateway || path.isHostLocal(dst) && route.gateway == nil && dst == network.gateway {
                events.append(.entersHost(device: bridge))
                return hostReceive(src: src, dst: dst, port: port, inIface: bridge)
            }
            // Same bridge: switched; the host's chains see the frame only with br_netfilter active.
            events.append(.bridged(bridge: bridge))
            let netfilter = path.engine.bridgeNetfilter.active
            events.append(.bridgeNetfilter(loaded: path.engine.bridgeNetfilter.loaded, active: netfilter))
            guard netfilter else { return deliverOnBridge(src: src, dst: dst, port: port, bridge: bridge) }
            return bridged(src: src, dst: dst, port: port, bridge: bridge)
        }

        /// A frame switched inside one bridge while br_netfilter is active: raw PREROUTING, FORWARD
        /// (`-i BR -o BR`) and nat POSTROUTING run on it as on a routed packet.
        mutating func bridged(src: IPv4Address, dst: IPv4Address, port: Int?, bridge: String) -> PathVerdict {
            let p = packet(src, dst, port, inIface: bridge)
            if case let v = hook(.raw, "PREROUTING", p), v != .accept { return stop(v) }
            var fwd = p
            fwd.outInterface = bridge
            if case let v = hook(.filter, "FORWARD", fwd), v != .accept { return stop(v) }
            var post = p
            post.inInterface = nil
            post.outInterface = bridge
            _ = hook(.nat, "POSTROUTING", post)
            hostLegs.append(("forward", bridge, bridge))
            return deliverOnBridge(src: src, dst: dst, port: port, bridge: bridge)
        }

        func stop(_ v: HookVerdict) -> PathVerdict {
            switch v {
            case .drop(let rule): return .dropped(rule: rule)
            case .reject(let rule): return .rejected(rule: rule)
            default: return .dropped(rule: nil)
            }
        }

        /// A packet arriving at the host's IP stack from outside or from a bridge (routed).
        mutating func hostReceive(src: IPv4Address, dst: IPv4Address, port: Int?, inIface: String) -> PathVerdict {
            var p = packet(src, dst, port, inIface: inIface)
            if case let v = hook(.raw, "PREROUTING", p), v != .accept { return stop(v) }
            switch hook(.nat, "PREROUTING", p) {
            case .dnat(let ip, let newPort):
                events.append(.dnat(from: p.destination, fromPort: p.destinationPort, to: ip, toPort: newPort ?? p.destinationPort))
                p.destination = ip
                if let newPort, proto != "icmp" { p.destinationPort = newPort }
                p.ctstates.insert("DNAT")
            case .drop(let r): return .dropped(rule: r)
            default: break
            }
            if path.isHostLocal(p.destination) {
                events.append(.hostRouting(destination: p.destination, device: nil))
                if case let v = hook(.filter, "INPUT", p), v != .accept { return stop(v) }
                hostLegs.append(("input", inIface, nil))
                return deliverHost(address: p.destination, port: p.destinationPort)
            }
            guard let route = path.hostStack.route(to: p.destination) else { return .networkUnreachable }
            events.append(.hostRouting(destination: p.destination, device: route.device))
            hops += 1
            var fwd = p
            fwd.outInterface = route.device
            if case let v = hook(.filter, "FORWARD", fwd), v != .accept { return stop(v) }
            hostLegs.append(("forward", inIface, route.device))
            return postrouteAndLeave(fwd, route: route)
        }

        mutating func postrouteAndLeave(_ p: NetfilterPacket, route: KernelRoute) -> PathVerdict {
            var out = p
            if case .masquerade = hook(.nat, "POSTROUTING", out) {
                let newSrc = path.hostStack.interface(named: route.device)?.addresses.first?.address ?? out.source
                events.append(.masquerade(from: out.source, to: newSrc))
                out.source = newSrc
            }
            if path.hostStack.interface(named: route.device)?.kind == .bridge {
                return deliverOnBridge(src: out.source, dst: out.destination, port: out.destinationPort, bridge: route.device)
            }
            wireSource = out.source
            let v = deliverOutside(dst: out.destination, port: out.destinationPort)
            if case .handoff = v, !hostLegs.isEmpty {
                pendingReply = PendingReply(
                    legs: hostLegs.map { PendingReply.Leg(kind: $0.kind, inInterface: $0.inIface, outInterface: $0.outIface) },
                    originAddress: origin?.address, originPort: origin?.port, source: out.destination,
                    destination: p.source, rawDestination: out.source, port: out.destinationPort)
            }
            let lan = path.engine.host.lan
            if v.isDelivered, !lan.contains(out.destination), !lan.contains(out.source), !path.isHostLocal(out.source) {
                events.append(.noReturnRoute(source: out.source))
                return .dropped(rule: nil)
            }
            if v.isDelivered, let drop = checkReply(src: out.destination, dst: p.source, rawDst: out.source, port: out.destinationPort) {
                return drop
            }
            return v
        }

        /// The host's own packet (from the host or a host-network container).
        mutating func sendFromHost(site: NetSite, dst: IPv4Address, port: Int?) -> PathVerdict {
            let local = path.isHostLocal(dst)
            guard let route = local ? KernelRoute(destination: nil, device: "lo", source: dst) : path.hostStack.route(to: dst) else {
                events.append(.noRoute(site: site, destination: dst))
                return .networkUnreachable
            }
            let src = local ? (dst.isLoopback ? IPv4Address(127, 0, 0, 1) : dst)
                : route.source ?? path.hostStack.interface(named: route.device)?.addresses.first?.address ?? path.engine.host.address
            events.append(local ? .local(site: site, destination: dst)
                          : .route(site: site, destination: dst, device: route.device, gateway: route.gateway, source: src))
            var p = packet(src, dst, port, outIface: route.device)
            if case let v = hook(.raw, "OUTPUT", p), v != .accept { return stop(v) }
            if case .dnat(let ip, let newPort) = hook(.nat, "OUTPUT", p) {
                events.append(.dnat(from: p.destination, fromPort: p.destinationPort, to: ip, toPort: newPort ?? p.destinationPort))
                p.destination = ip
                if let newPort, proto != "icmp" { p.destinationPort = newPort }
                p.ctstates.insert("DNAT")
            }
            let nowLocal = path.isHostLocal(p.destination)
            guard let outRoute = nowLocal ? route : path.hostStack.route(to: p.destination) else { return .networkUnreachable }
            p.outInterface = nowLocal ? "lo" : outRoute.device
            if case let v = hook(.filter, "OUTPUT", p), v != .accept { return stop(v) }
            if nowLocal {
                var inp = p
                inp.inInterface = "lo"
                inp.outInterface = nil
                if case let v = hook(.filter, "INPUT", inp), v != .accept { return stop(v) }
                return deliverHost(address: p.destination, port: p.destinationPort)
            }
            hostLegs.append(("output", nil, outRoute.device))
            return postrouteAndLeave(p, route: outRoute)
        }

        mutating func fromRemote(src: IPv4Address, dst: IPv4Address, port: Int?, route: KernelRoute) -> PathVerdict {
            let host = path.engine.host
            wireSource = src
            // A macvlan/ipvlan child of this host answers on the wire itself (no host stack involved).
            if let child = path.vlanChild(at: dst) { return lanToChild(child, dst: dst, port: port) }
            if dst == host.address {
                events.append(.entersHost(device: "eth0"))
                return hostReceive(src: src, dst: dst, port: port, inIface: "eth0")
            }
            if path.hostStack.bridgeRoute(to: dst) != nil {
                events.append(.lanRouter)
                hops += 1
                events.append(.entersHost(device: "eth0"))
                return hostReceive(src: src, dst: dst, port: port, inIface: "eth0")
            }
            return deliverOutside(dst: dst, port: port)
        }

        /// Delivery of a frame on a bridge to the container that holds `dst`.
        mutating func deliverOnBridge(src: IPv4Address, dst: IPv4Address, port: Int?, bridge: String) -> PathVerdict {
            if let n = path.bridgeNetwork(bridge), n.gateway == dst {
                return deliverHost(address: dst, port: port)
            }
            if let sbox = path.engine.ingressSandbox, sbox.gatewayAddress == dst, bridge == OverlayDriver.gatewayBridgeName {
                let verdict = deliverToIngress(sbox, port: port)
                if verdict.isDelivered, let replyDrop = checkReply(src: dst, dst: src, rawDst: src, port: port) { return replyDrop }
                return verdict
            }
            guard let c = path.container(at: dst, onBridge: bridge) else { return .noHost(dst) }
            let verdict = deliverLocal(site: .container(c.id), address: dst, port: port)
            guard verdict.isDelivered || { if case .refused = verdict { return true } else { return false } }() else { return verdict }
            if let replyDrop = checkReply(src: dst, dst: src, rawDst: src, port: port) { return replyDrop }
            return verdict
        }

        /// Delivery inside a namespace (a container's, or the host's via `deliverHost`).
        mutating func deliverLocal(site: NetSite, address: IPv4Address, port: Int?) -> PathVerdict {
            if case .host = site { return deliverHost(address: address, port: port) }
            if case .remote = site {
                return proto == "icmp" ? .delivered(site: site, address: address, service: nil) : .refused(site: site, address: address)
            }
            guard case .container(let id) = site, let c = path.engine.containers[id] else { return .noHost(address) }
            if c.sharesHostNetwork { return deliverHost(address: address, port: port) }
            servedBy = c.id
            if proto == "icmp" { return .delivered(site: site, address: address, service: nil) }
            // A proxy that loaded a configuration listens where its frontends say, and only there.
            if c.isRunning, let config = c.proxy {
                if proto == "tcp", let port, config.frontends.contains(where: { $0.port == port }) {
                    return .delivered(site: site, address: address, service: ServiceListener(port: port, kind: .http))
                }
                return .refused(site: site, address: address)
            }
            if PacketPath.servesImageServices(c), let s = c.image.services.first(where: { $0.port == port && $0.proto == proto }) {
                return .delivered(site: site, address: address, service: s)
            }
            return .refused(site: site, address: address)
        }

        mutating func deliverHost(address: IPv4Address, port: Int?) -> PathVerdict {
            if proto == "icmp" { return .delivered(site: .host, address: address, service: nil) }
            guard let port, let listener = path.hostListener(address, port: port, proto: proto) else {
                return .refused(site: .host, address: address)
            }
            switch listener {
            case .hostService(let id, let s):
                servedBy = id
                return .delivered(site: .container(id), address: address, service: s)
            case .proxy(let m, let id):
                guard depth < 2, let c = path.engine.containers[id], let gw = path.engine.gatewayEndpoint(of: c),
                      let cip = gw.ipv4 else { return .proxyBackendFailed }
                events.append(.proxy(listen: "\(m.hostIP):\(m.hostPort)", to: cip, port: m.containerPort.port))
                depth += 1
                let saved = hostLegs, savedOrigin = origin
                hostLegs = []
                origin = (cip, proto == "icmp" ? nil : m.containerPort.port)
                let v = sendFromHost(site: .host, dst: cip, port: m.containerPort.port)
                hostLegs = saved
                origin = savedOrigin
                switch v {
                case .delivered: return v
                default: return .proxyBackendFailed
                }
            }
        }

        mutating func deliverOutside(dst: IPv4Address, port: Int?) -> PathVerdict {
            let host = path.engine.host
            // The host's own stack sending to one of its macvlan/ipvlan children.
            if let child = path.vlanChild(at: dst) { return hostToChild(child, dst: dst) }
            // Another simulated machine on the LAN: the walk continues there.
            if let machine = path.lan[dst] {
                return .handoff(.lan(machine: machine, destination: dst, source: wireSource ?? host.address, port: port))
            }
            if dst == KernelView.remoteAddress {
                if proto == "icmp" { return .delivered(site: .remote, address: dst, service: nil) }
                return .refused(site: .remote, address: dst)
            }
            if host.lan.contains(dst) {
                let known = dst == host.gateway || ExternalDNSZone.entries.contains { $0.ipv4.contains(dst) }
                guard known else { return .noHost(dst) }
                return .delivered(site: .outside(dst), address: dst, service: nil)
            }
            // A private address off the LAN (another host's bridge or overlay subnet): the LAN router has
            // no route for it and the internet does not carry it, so the packet is lost.
            if PacketPath.isPrivate(dst) {
                events.append(.privateUnrouted(destination: dst))
                return .dropped(rule: nil)
            }
            hops += 1
            return .delivered(site: .outside(dst), address: dst, service: nil)
        }

        /// Runs the reply through the host chains the original went through; returns a drop, if any.
        mutating func checkReply(src: IPv4Address, dst: IPv4Address, rawDst: IPv4Address, port: Int?) -> PathVerdict? {
            guard !hostLegs.isEmpty else { return nil }
            events.append(.reply)
            replying = true
            defer { replying = false }
            for leg in hostLegs.reversed() {
                var p = NetfilterPacket(proto: proto, source: src, destination: dst, sourcePort: proto == "icmp" ? nil : port,
                                        destinationPort: proto == "icmp" ? nil : 40000, ctstates: ["ESTABLISHED"])
                if let origin {
                    p.originalDestination = origin.address
                    p.originalDestinationPort = origin.port
                }
                var raw = p
                raw.destination = rawDst
                switch leg.kind {
                case "forward":
                    p.inInterface = leg.outIface
                    raw.inInterface = leg.outIface
                    if case let v = hook(.raw, "PREROUTING", raw), v != .accept { return stop(v) }
                    p.outInterface = leg.inIface
                    if case let v = hook(.filter, "FORWARD", p), v != .accept { return stop(v) }
                case "output":
                    p.inInterface = leg.outIface
                    raw.inInterface = leg.outIface
                    if case let v = hook(.raw, "PREROUTING", raw), v != .accept { return stop(v) }
                    if case let v = hook(.filter, "INPUT", p), v != .accept { return stop(v) }
                default:
                    p.outInterface = leg.inIface
                    if case let v = hook(.filter, "OUTPUT", p), v != .accept { return stop(v) }
                }
            }
            return nil
        }
    }
}
