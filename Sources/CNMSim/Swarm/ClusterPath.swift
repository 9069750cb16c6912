/// A connection attempt that may cross machines: it starts as a `PacketPath`
/// walk on one machine and, each time the packet leaves for another simulated
/// machine (over the LAN, or in VXLAN over an overlay), continues with that
/// machine's own walk — its own routes, iptables and containers.
public struct ClusterPath {
    let machines: [Machine]
    let current: Int
    let turns: [String: Int]
    /// Each machine's LAN addresses (eth0, then its macvlan/ipvlan children), found once per walk.
    let lanAddresses: [[IPv4Address]]

    /// The walk starting on `engine`, which runs as machine `index` among `others` (every other machine, in order).
    public init(engine: Engine, index: Int, others: [Machine]) {
        var list = others
        let at = min(max(index, 0), list.count)
        list.insert(Machine(engine: engine), at: at)
        machines = list
        current = at
        turns = engine.ipvsTurns
        lanAddresses = Self.lanAddresses(of: list)
    }

    public init(cluster: Cluster, machine: Int, turns: [String: Int]? = nil) {
        machines = cluster.machines
        current = cluster.machines.indices.contains(machine) ? machine : 0
        self.turns = turns ?? (cluster.machines.indices.contains(machine) ? cluster.machines[machine].engine.ipvsTurns : [:])
        lanAddresses = Self.lanAddresses(of: cluster.machines)
    }

    static func lanAddresses(of machines: [Machine]) -> [[IPv4Address]] {
        guard machines.count > 1 else { return machines.map { [$0.address] } }
        return machines.map { [$0.address] + PacketPath.vlanChildren($0.engine).keys.sorted() }
    }

    /// The address of every other machine (eth0 and its LAN children) → that machine's eth0.
    func lanMap(excluding k: Int) -> [IPv4Address: IPv4Address] {
        guard machines.count > 1 else { return [:] }
        var map: [IPv4Address: IPv4Address] = [:]
        for (i, m) in machines.enumerated() where i != k {
            for address in lanAddresses[i] where map[address] == nil { map[address] = m.address }
        }
        return map
    }

    func path(_ k: Int) -> PacketPath {
        PacketPath(engine: machines[k].engine, lan: lanMap(excluding: k), turns: turns)
    }

    public func trace(from site: NetSite, to destination: IPv4Address, proto: String, port: Int?) -> PathResult {
        guard machines.indices.contains(current) else {
            return PathResult(events: [], verdict: .noHost(destination), hops: 0, servedBy: nil)
        }
        var result = path(current).trace(from: site, to: destination, proto: proto, port: port)
        let pending = result.pendingReply
        var crossings = 0
        while case .handoff(let h) = result.verdict {
            crossings += 1
            guard crossings <= 8 else { result.verdict = .dropped(rule: nil); break }
            switch h {
            case .lan(let machine, let dst, let src, let port):
                guard let k = machines.firstIndex(where: { $0.address == machine }) else { result.verdict = .noHost(dst); break }
                result.events.append(.lanWire(from: src, to: dst, machine: machines[k].name))
                merge(&result, path(k).arrival(fromLAN: src, to: dst, proto: proto, port: port), on: k)
            case .overlay(let nid, let node, let dst, let src, let port):
                guard let k = machines.firstIndex(where: { $0.engine.swarmNode?.address == node || $0.address == node }) else {
                    result.verdict = .noHost(dst)
                    break
                }
                merge(&result, path(k).arrival(overlay: nid, from: src, to: dst, proto: proto, port: port), on: k)
            }
        }
        // The far end answered: the reply comes back in through the sender's own hooks (raw
        // PREROUTING, then FORWARD to a container or INPUT to the host), which count it and may drop it.
        if let pending, result.verdict.isDelivered {
            let back = path(current).reply(pending, proto: proto)
            result.hookRuns += back.runs
            result.events += back.events
            if let drop = back.drop { result.verdict = drop }
        }
        return result
    }

    private func merge(_ r: inout PathResult, _ next: PathResult, on k: Int) {
        r.events += next.events
        r.hops += next.hops
        r.verdict = next.verdict
        r.ipvsKeys += next.ipvsKeys
        r.hookRunsElsewhere.append(MachineHookRuns(machine: machines[k].name, runs: next.hookRuns))
        r.hookRunsElsewhere += next.hookRunsElsewhere
        if next.servedBy != nil {
            r.servedBy = next.servedBy
            r.servedOn = machines[k].name
        } else if next.servedOn != nil {
            r.servedOn = next.servedOn
        } else {
            r.servedBy = nil
            r.servedOn = machines[k].name
        }
    }
}

extension Engine {
    /// Counts one connection through each IPVS service it used (round robin moves on).
    public mutating func advanceIPVS(_ keys: [String]) {
        for key in keys { ipvsTurns[key, default: 0] &+= 1 }
    }
}
