import CNMSim

/// What the network programs (`ping`, `curl`, `wget`, `nc`, `redis-cli`, `why`)
/// share: where they run, name resolution, and the packet walk.
enum Connectivity {
    static func site(_ ctx: ProgramContext) -> NetSite {
        if case .container(let id) = ctx.site { return .container(id) }
        return .host
    }

    static func siteID(_ ctx: ProgramContext) -> String? {
        if case .container(let id) = ctx.site { return id }
        return nil
    }

    /// An IP literal, `localhost`, or a name the DNS side resolves (first address).
    /// From `remote` (`ssh remote …`) only literals and `localhost` resolve: its resolver is not simulated.
    static func resolve(_ name: String, _ ctx: inout ProgramContext, from site: NetSite? = nil) -> IPv4Address? {
        if let ip = IPv4Address(name) { return ip }
        if name == "localhost" { return IPv4Address(127, 0, 0, 1) }
        if site == .remote { return nil }
        return NameResolution.resolve(name: name, from: siteID(ctx), engine: &ctx.engine)?.first
    }

    /// Stores Docker's latest rules first, so later walks start from an up-to-date copy; the
    /// packets of `exchange` (one probe of `proto` unless told) move the counters of the rules they meet.
    static func trace(_ ctx: inout ProgramContext, to ip: IPv4Address, proto: String, port: Int?, from site: NetSite? = nil,
                      exchange: TrafficExchange? = nil) -> PathResult {
        ctx.engine.syncFirewall()
        let r = walk(ctx.engine, from: site ?? self.site(ctx), to: ip, proto: proto, port: port)
        ctx.engine.advanceIPVS(r.ipvsKeys)
        count(&ctx, r, as: exchange ?? .probe(proto))
        ctx.engine.learnNeighbours(from: r, proto: proto, lanMACs: lanMACs())
        return r
    }

    /// Moves the counters of the rules `r` met by the packets of `exchange`, here and on every machine
    /// the walk crossed to. The other machines are copies while the command runs, so their counts wait
    /// in the LAN's tally until `Simulator` applies them (a walk that comes back here counts at once).
    static func count(_ ctx: inout ProgramContext, _ r: PathResult, as exchange: TrafficExchange) {
        ctx.engine.count(r, as: exchange)
        guard ctx.engine.countsTraffic else { return }
        for machine in r.machinesCrossed {
            if machine == ctx.engine.host.hostname { ctx.engine.count(r.counted(on: machine), as: exchange) }
            else { LanContext.current?.tally?.record(machine, r.counted(on: machine), exchange) }
        }
    }

    /// The eth0 MACs of the LAN's other simulated machines (what their ARP replies carry).
    static func lanMACs() -> [IPv4Address: MACAddress] {
        var out: [IPv4Address: MACAddress] = [:]
        for m in LanContext.current?.others ?? [] { out[m.address] = m.engine.host.mac }
        return out
    }

    /// One walk: across the LAN's machines when there are several, else on this engine alone.
    static func walk(_ engine: Engine, from site: NetSite, to ip: IPv4Address, proto: String, port: Int?) -> PathResult {
        if let lan = LanContext.current {
            return ClusterPath(engine: engine, index: lan.index, others: lan.others).trace(from: site, to: ip, proto: proto, port: port)
        }
        return PacketPath(engine: engine).trace(from: site, to: ip, proto: proto, port: port)
    }

    /// The container that answered a walk, on whichever machine it ran.
    static func server(_ r: PathResult, _ engine: Engine) -> Container? {
        guard let id = r.servedBy else { return nil }
        if let on = r.servedOn, on != engine.host.hostname,
           let machine = LanContext.current?.others.first(where: { $0.name == on }) {
            return machine.engine.containers[id]
        }
        return engine.containers[id]
    }

    /// A round-trip time in milliseconds with three decimals, drawn from the seed.
    static func rtt(_ ctx: inout ProgramContext, hops: Int, outside: Bool) -> Double {
        let base = outside ? 9.0 : 0.045 + Double(hops) * 0.02
        let spread = outside ? 6.0 : 0.08
        let r = Double(ctx.engine.rng.next() % 10_000) / 10_000
        return ((base + r * spread) * 1000).rounded() / 1000
    }

    static func ms(_ v: Double) -> String {
        let thousandths = Int((v * 1000).rounded())
        let frac = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    /// The TTL of a reply from the end of a path.
    static func ttl(_ r: PathResult) -> Int {
        if case .delivered(.outside(let ip), _, _) = r.verdict, !ip.description.hasPrefix("192.168.") { return 117 }
        return max(1, 64 - r.hops)
    }

    /// The machine's own hostname for a served-by marker.
    static func hostname(of id: String?, _ engine: Engine) -> String {
        id.flatMap { engine.containers[$0]?.hostname } ?? engine.host.hostname
    }
}
