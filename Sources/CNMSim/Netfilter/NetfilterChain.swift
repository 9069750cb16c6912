/// A chain of one table: built-in chains have a policy, user chains do not.
///
/// The rules are kept as entries the way the kernel keeps them: each has its
/// own packet and byte counters (which `-D`/`-R`/`-F` drop with the rule and
/// `-Z` zeroes) and a place in the chain. A `ChainIndex` beside them lets a
/// packet walk look only at the rules that can match it (see `candidates`).
/// Counters and the index are not part of a chain's identity: two chains are
/// equal when `iptables -S` prints them the same.
public struct NetfilterChain: Sendable {
    public let name: String
    /// `ACCEPT` or `DROP` for built-in chains; nil for user-defined chains.
    public var policy: String?
    /// What met the policy of a built-in chain (`Chain FORWARD (policy DROP 3 packets, 252 bytes)`).
    public internal(set) var policyCounter = PacketCounter()
    /// Entry IDs in chain order.
    private(set) var order: [RuleEntryID] = []
    private(set) var entries: [RuleEntryID: RuleEntry] = [:]
    private(set) var index = ChainIndex()
    private var nextID: RuleEntryID = 0

    public init(name: String, policy: String? = nil, rules: [NetfilterRule] = []) {
        self.name = name; self.policy = policy
        append(contentsOf: rules)
    }

    public var isBuiltin: Bool { policy != nil }

    /// The rules in order (what `-S` lists).
    public var rules: [NetfilterRule] { order.compactMap { entries[$0]?.rule } }

    /// The rules in order with their counters.
    public var counted: [(rule: NetfilterRule, counter: PacketCounter)] {
        order.compactMap { id in entries[id].map { ($0.rule, $0.counter) } }
    }

    public var count: Int { order.count }

    /// Whether an identical rule is in the chain (what `iptables -C` and Docker's "exists" check ask).
    public func contains(_ rule: NetfilterRule) -> Bool { !(index.byRule[rule]?.isEmpty ?? true) }

    /// How many rules of this chain jump to `chain`.
    func jumps(to chain: String) -> Int { index.jumps[chain] ?? 0 }

    func entry(_ id: RuleEntryID) -> RuleEntry? { entries[id] }

    /// The entries that may match `packet`, in chain order (see `ChainIndex`).
    func candidates(for packet: NetfilterPacket) -> [RuleEntryID] { index.candidates(for: packet) }

    /// Whether the lookup index holds exactly the chain's rules (what a build from scratch gives).
    var indexMatchesRules: Bool {
        var fresh = ChainIndex()
        for id in order { if let e = entries[id] { fresh.add(id, e.rule, order: e.order) } }
        guard order.count == entries.count, fresh.sameContent(as: index) else { return false }
        return zip(order, order.dropFirst()).allSatisfy { (entries[$0]?.order ?? 0) < (entries[$1]?.order ?? 0) }
    }

    // MARK: Changes (through `Ruleset`)

    static let spacing: Int64 = 1 << 20

    private mutating func newEntry(_ rule: NetfilterRule, order key: Int64) -> RuleEntryID {
        let id = nextID
        nextID &+= 1
        entries[id] = RuleEntry(rule: rule, order: key)
        index.add(id, rule, order: key)
        return id
    }

    mutating func append(_ rule: NetfilterRule) {
        let key = order.last.flatMap { entries[$0]?.order }.map { $0 + Self.spacing } ?? 0
        order.append(newEntry(rule, order: key))
    }

    mutating func append(contentsOf rules: [NetfilterRule]) {
        for r in rules { append(r) }
    }

    /// Inserts `rule` so that it becomes rule number `position + 1`.
    mutating func insert(_ rule: NetfilterRule, at position: Int) {
        let p = min(max(position, 0), order.count)
        if p == order.count { append(rule); return }
        let after = entries[order[p]]?.order ?? 0
        let key: Int64
        if p == 0 {
            key = after - Self.spacing
        } else {
            let before = entries[order[p - 1]]?.order ?? after
            guard after - before > 1 else {
                renumber()
                insert(rule, at: p)
                return
            }
            key = before + (after - before) / 2
        }
        order.insert(newEntry(rule, order: key), at: p)
    }

    /// Puts `rules` above the first rule, in the order given.
    mutating func prepend(contentsOf rules: [NetfilterRule]) {
        var key = (order.first.flatMap { entries[$0]?.order } ?? 0) - Self.spacing * Int64(rules.count)
        var ids: [RuleEntryID] = []
        ids.reserveCapacity(rules.count)
        for r in rules {
            ids.append(newEntry(r, order: key))
            key += Self.spacing
        }
        order.insert(contentsOf: ids, at: 0)
    }

    /// Gives the entries evenly spaced order keys again (when a middle insert finds no gap).
    private mutating func renumber() {
        index = ChainIndex()
        for (i, id) in order.enumerated() {
            guard var e = entries[id] else { continue }
            e.order = Int64(i) * Self.spacing
            entries[id] = e
            index.add(id, e.rule, order: e.order)
        }
    }

    @discardableResult
    mutating func remove(at position: Int) -> RuleEntry? {
        guard order.indices.contains(position) else { return nil }
        let id = order.remove(at: position)
        guard let e = entries.removeValue(forKey: id) else { return nil }
        index.remove(id, e.rule, order: e.order)
        return e
    }

    /// Removes the first rule identical to `rule`; false when there is none.
    mutating func removeFirst(matching rule: NetfilterRule) -> Bool {
        guard let ids = index.byRule[rule], !ids.isEmpty else { return false }
        var best: (id: RuleEntryID, order: Int64)?
        for id in ids {
            guard let o = entries[id]?.order else { continue }
            if best == nil || o < best!.order { best = (id, o) }
        }
        guard let target = best, let position = self.position(ofOrder: target.order) else { return false }
        remove(at: position)
        return true
    }

    /// The chain position of the entry with order key `key` (the order array is sorted by key).
    private func position(ofOrder key: Int64) -> Int? {
        var lo = 0, hi = order.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            guard let o = entries[order[mid]]?.order else { return nil }
            if o == key { return mid }
            if o < key { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// `-R`: the new rule takes the place; its counters start at zero.
    mutating func replace(at position: Int, with rule: NetfilterRule) {
        guard order.indices.contains(position), let old = entries[order[position]] else { return }
        let id = order[position]
        index.remove(id, old.rule, order: old.order)
        entries[id] = RuleEntry(rule: rule, order: old.order)
        index.add(id, rule, order: old.order)
    }

    mutating func removeAll() {
        order = []
        entries = [:]
        index = ChainIndex()
    }

    // MARK: Counters

    /// `-Z`: every rule's counters and the policy's.
    mutating func zeroCounters() {
        policyCounter = PacketCounter()
        for id in order { entries[id]?.counter = PacketCounter() }
    }

    /// Sets the counters of the rule at `position`; false when there is none.
    mutating func setCounter(at position: Int, _ counter: PacketCounter) -> Bool {
        guard order.indices.contains(position) else { return false }
        entries[order[position]]?.counter = counter
        return true
    }

    /// Adds traffic to one rule (nil: the policy).
    mutating func count(_ id: RuleEntryID?, packets: UInt64, bytes: UInt64) {
        guard let id else {
            policyCounter.add(packets: packets, bytes: bytes)
            return
        }
        entries[id]?.counter.add(packets: packets, bytes: bytes)
    }
}

extension NetfilterChain: Hashable {
    public static func == (a: NetfilterChain, b: NetfilterChain) -> Bool {
        guard a.name == b.name, a.policy == b.policy, a.order.count == b.order.count else { return false }
        for (x, y) in zip(a.order, b.order) where a.entries[x]?.rule != b.entries[y]?.rule { return false }
        return true
    }

    public func hash(into h: inout Hasher) {
        h.combine(name)
        h.combine(policy)
        for id in order { h.combine(entries[id]?.rule) }
    }
}

/// The identity of one rule entry within its chain (stable while the rule stays).
public typealias RuleEntryID = UInt32

/// One rule as the kernel holds it: the rule, its counters, and its place (an order key).
struct RuleEntry: Sendable {
    var rule: NetfilterRule
    /// Sorts like the chain order; gaps leave room for inserts at the top and in between.
    var order: Int64
    var counter = PacketCounter()
}

/// A rule's (or a policy's) packet and byte counters, as `iptables -v` shows them.
public struct PacketCounter: Sendable, Hashable {
    public var packets: UInt64 = 0
    public var bytes: UInt64 = 0

    public init(packets: UInt64 = 0, bytes: UInt64 = 0) { self.packets = packets; self.bytes = bytes }

    mutating func add(packets p: UInt64, bytes b: UInt64) {
        packets &+= p
        bytes &+= b
    }
}
