/// Walks a packet through the chains of one hook of a ruleset: matches each
/// rule in order, follows jumps into user chains and `RETURN`s, and stops at
/// the first terminating target (or the built-in chain's policy). `LOG` rules
/// are noted and passed. Jumps nest at most 32 deep, as a guard against loops.
/// Each chain offers only the rules its index says may match (`ChainIndex`);
/// an `exhaustive` evaluator reads every rule instead (the reference).
public struct NetfilterEvaluator {
    public let ruleset: Ruleset
    /// Whether an address is one of the namespace's own (addrtype `LOCAL`).
    public let isLocal: @Sendable (IPv4Address) -> Bool
    /// Match every rule of each chain in order, not only the index's candidates.
    public let exhaustive: Bool

    public init(ruleset: Ruleset, exhaustive: Bool = false, isLocal: @escaping @Sendable (IPv4Address) -> Bool) {
        self.ruleset = ruleset; self.exhaustive = exhaustive; self.isLocal = isLocal
    }

    func addrtype(_ type: String, _ ip: IPv4Address) -> Bool {
        switch type {
        case "LOCAL": return isLocal(ip)
        case "MULTICAST": return ip.value >> 28 == 0xe
        case "BROADCAST": return ip.value == UInt32.max
        case "UNICAST": return ip.value >> 28 != 0xe && ip.value != UInt32.max
        default: return false
        }
    }

    public func matches(_ r: NetfilterRule, _ p: NetfilterPacket) -> Bool {
        if let s = r.source, !s.matches(p.source) { return false }
        if let d = r.destination, !d.matches(p.destination) { return false }
        if let i = r.inInterface, !i.matches(p.inInterface) { return false }
        if let o = r.outInterface, !o.matches(p.outInterface) { return false }
        if let proto = r.proto, (proto == p.proto) == r.protoNegated { return false }
        for m in r.matches {
            switch m {
            case .ports(_, let sport, let dport):
                if let sport, !sport.matches(p.sourcePort) { return false }
                if let dport, !dport.matches(p.destinationPort) { return false }
            case .conntrack(let states, let negated):
                if states.contains(where: p.ctstates.contains) == negated { return false }
            case .addrtype(let src, let srcNeg, let dst, let dstNeg):
                if let src, addrtype(src, p.source) == srcNeg { return false }
                if let dst, addrtype(dst, p.destination) == dstNeg { return false }
            case .multiport(let ports, let source, let negated):
                let port = source ? p.sourcePort : p.destinationPort
                if ports.contains(where: { $0.matches(port) }) == negated { return false }
            case .multiportEither(let ports, let negated):
                let hit = ports.contains { $0.matches(p.sourcePort) || $0.matches(p.destinationPort) }
                if hit == negated { return false }
            case .conntrackOriginal(let c):
                if let states = c.states, states.contains(where: p.ctstates.contains) == c.statesNegated { return false }
                if let d = c.destination, !d.matches(p.originalDestination) { return false }
                if let port = c.destinationPort, !port.matches(p.originalDestinationPort) { return false }
            case .comment:
                continue
            }
        }
        return true
    }

    /// Runs the built-in `chain` of `table`; appends every chain visited to `trace`.
    public func run(_ table: NetfilterTable, _ chain: String, _ p: NetfilterPacket, trace: inout [ChainVisit]) -> HookVerdict {
        switch walk(table, chain, p, depth: 0, trace: &trace) {
        case .some(let v): return v
        case .none:
            let policy = ruleset.chain(table, chain)?.policy ?? "ACCEPT"
            trace.append(ChainVisit(table: table, chain: chain, rule: nil, outcome: policy, byPolicy: true, counts: true))
            return policy == "DROP" ? .drop(rule: nil) : .accept
        }
    }

    /// nil: fell off the end of the chain (or RETURNed). Only the rules the chain's index
    /// offers for this packet are matched (the others cannot match it).
    private func walk(_ table: NetfilterTable, _ name: String, _ p: NetfilterPacket, depth: Int, trace: inout [ChainVisit]) -> HookVerdict? {
        guard depth < 32, let chain = ruleset.chain(table, name) else { return nil }
        for id in exhaustive ? chain.order : chain.candidates(for: p) {
            guard let r = chain.entry(id)?.rule, matches(r, p) else { continue }
            let spec = "-A \(name) \(r.specification)"
            func visit(_ outcome: String) {
                trace.append(ChainVisit(table: table, chain: name, rule: spec, outcome: outcome, byPolicy: false, entry: id))
            }
            switch r.target {
            case .accept: visit("ACCEPT"); return .accept
            case .drop: visit("DROP"); return .drop(rule: spec)
            case .reject: visit("REJECT"); return .reject(rule: spec)
            case .returnFromChain: visit("RETURN"); return nil
            case .log: visit("LOG"); continue
            case .dnat(let ip, let port): visit("DNAT"); return .dnat(ip, port: port)
            case .masquerade: visit("MASQUERADE"); return .masquerade
            case .jump(let target):
                visit(target)
                if let v = walk(table, target, p, depth: depth + 1, trace: &trace) { return v }
            }
        }
        if !chain.isBuiltin || depth > 0 {
            trace.append(ChainVisit(table: table, chain: name, rule: nil, outcome: "RETURN", byPolicy: false))
        }
        return nil
    }
}
