/// Where a chain's rules can be found without reading them all.
///
/// Docker adds rules per container and per network: one raw-PREROUTING guard per
/// endpoint address, one DNAT per published port, one DOCKER-CT rule per bridge…
/// A chain of 10,000 such rules must not cost 10,000 matches per packet. Each rule
/// is filed under the one condition that most narrows what it can match — its
/// destination when that is a single address, else its destination port, its
/// output interface, its input interface, its source prefix (one MASQUERADE per
/// network in nat POSTROUTING) — or among the rules that can match anything. A
/// packet's candidates are the rules filed under its own destination, port,
/// interfaces and source plus those last ones, merged back into chain order; every
/// other rule has a condition the packet fails, so skipping it changes nothing.
struct ChainIndex: Sendable {
    enum Key: Hashable, Sendable {
        case destination(UInt32)
        case destinationPort(proto: String, port: Int)
        case output(String)
        case input(String)
        case source(length: Int, network: UInt32)
    }

    /// A rule's place: its order key and entry ID.
    struct Slot: Sendable {
        var order: Int64
        var id: RuleEntryID
    }

    private(set) var buckets: [Key: [Slot]] = [:]
    private(set) var unfiled: [Slot] = []
    /// Entries per rule value (for `-D RULE`, `-C` and Docker's "exists" checks).
    private(set) var byRule: [NetfilterRule: [RuleEntryID]] = [:]
    /// How many rules jump to each user chain (the `-L` "references" count).
    private(set) var jumps: [String: Int] = [:]
    /// How many rules are filed under a source prefix of each length (the lengths a lookup tries).
    private(set) var sourceLengths: [Int: Int] = [:]

    /// The narrowest condition of `rule` that names one value, if any.
    static func key(of rule: NetfilterRule) -> Key? {
        if let d = rule.destination, !d.negated, d.subnet.prefixLength == 32 { return .destination(d.subnet.address.value) }
        if let proto = rule.proto, !rule.protoNegated {
            for m in rule.matches {
                if case .ports(_, _, let dport?) = m, !dport.negated, dport.low == dport.high {
                    return .destinationPort(proto: proto, port: dport.low)
                }
            }
        }
        if let o = rule.outInterface, !o.negated, !o.name.hasSuffix("+") { return .output(o.name) }
        if let i = rule.inInterface, !i.negated, !i.name.hasSuffix("+") { return .input(i.name) }
        if let s = rule.source, !s.negated, s.subnet.prefixLength > 0 {
            return .source(length: s.subnet.prefixLength, network: s.subnet.canonical.address.value)
        }
        return nil
    }

    private static func insert(_ slot: Slot, into list: inout [Slot]) {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].order < slot.order { lo = mid + 1 } else { hi = mid }
        }
        list.insert(slot, at: lo)
    }

    private static func remove(_ slot: Slot, from list: inout [Slot]) {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].order < slot.order { lo = mid + 1 } else { hi = mid }
        }
        if lo < list.count, list[lo].id == slot.id { list.remove(at: lo) }
    }

    mutating func add(_ id: RuleEntryID, _ rule: NetfilterRule, order: Int64) {
        let slot = Slot(order: order, id: id)
        if let k = Self.key(of: rule) {
            Self.insert(slot, into: &buckets[k, default: []])
            if case .source(let length, _) = k { sourceLengths[length, default: 0] += 1 }
        } else {
            Self.insert(slot, into: &unfiled)
        }
        byRule[rule, default: []].append(id)
        if let t = rule.target.jumpTarget { jumps[t, default: 0] += 1 }
    }

    mutating func remove(_ id: RuleEntryID, _ rule: NetfilterRule, order: Int64) {
        let slot = Slot(order: order, id: id)
        if let k = Self.key(of: rule) {
            Self.remove(slot, from: &buckets[k, default: []])
            if buckets[k]?.isEmpty == true { buckets.removeValue(forKey: k) }
            if case .source(let length, _) = k {
                sourceLengths[length, default: 1] -= 1
                if sourceLengths[length] == 0 { sourceLengths.removeValue(forKey: length) }
            }
        } else {
            Self.remove(slot, from: &unfiled)
        }
        byRule[rule]?.removeAll { $0 == id }
        if byRule[rule]?.isEmpty == true { byRule.removeValue(forKey: rule) }
        if let t = rule.target.jumpTarget {
            jumps[t, default: 0] -= 1
            if jumps[t] == 0 { jumps.removeValue(forKey: t) }
        }
    }

    /// Whether two indexes file the same entries the same way.
    func sameContent(as other: ChainIndex) -> Bool {
        func ids(_ slots: [Slot]) -> [RuleEntryID] { slots.map(\.id) }
        guard ids(unfiled) == ids(other.unfiled), jumps == other.jumps, sourceLengths == other.sourceLengths,
              buckets.count == other.buckets.count,
              byRule.count == other.byRule.count else { return false }
        for (k, v) in buckets where other.buckets[k].map(ids) != ids(v) { return false }
        for (r, v) in byRule where other.byRule[r]?.sorted() != v.sorted() { return false }
        return true
    }

    /// The entries that may match `p`, in chain order.
    func candidates(for p: NetfilterPacket) -> [RuleEntryID] {
        var lists: [[Slot]] = []
        if !unfiled.isEmpty { lists.append(unfiled) }
        if let b = buckets[.destination(p.destination.value)] { lists.append(b) }
        if let port = p.destinationPort, let b = buckets[.destinationPort(proto: p.proto, port: port)] { lists.append(b) }
        if let o = p.outInterface, let b = buckets[.output(o)] { lists.append(b) }
        if let i = p.inInterface, let b = buckets[.input(i)] { lists.append(b) }
        for length in sourceLengths.keys {
            let network = IPv4Subnet(address: p.source, prefixLength: length).canonical.address.value
            if let b = buckets[.source(length: length, network: network)] { lists.append(b) }
        }
        switch lists.count {
        case 0: return []
        case 1: return lists[0].map(\.id)
        default:
            var positions = Array(repeating: 0, count: lists.count)
            var out: [RuleEntryID] = []
            out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
            while true {
                var best = -1
                for k in lists.indices where positions[k] < lists[k].count {
                    if best < 0 || lists[k][positions[k]].order < lists[best][positions[best]].order { best = k }
                }
                guard best >= 0 else { return out }
                out.append(lists[best][positions[best]].id)
                positions[best] += 1
            }
        }
    }
}
