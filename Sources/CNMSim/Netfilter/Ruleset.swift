/// The rules of the simulated host's three tables, with the operations
/// `iptables -A -I -D -R -F -N -X -P` perform and their refusals.
public struct Ruleset: Sendable, Hashable {
    /// Table → chains (built-ins first in hook order, then user chains in creation order).
    public private(set) var tables: [NetfilterTable: [NetfilterChain]]

    /// Empty tables with every built-in chain at policy ACCEPT.
    public init() {
        var t: [NetfilterTable: [NetfilterChain]] = [:]
        for table in NetfilterTable.allCases {
            t[table] = table.builtinChains.map { NetfilterChain(name: $0, policy: "ACCEPT") }
        }
        tables = t
    }

    public func chains(_ table: NetfilterTable) -> [NetfilterChain] { tables[table] ?? [] }

    public func chain(_ table: NetfilterTable, _ name: String) -> NetfilterChain? {
        chains(table).first { $0.name == name }
    }

    /// Built-in chains in hook order, then user chains sorted by name (the order `-S` and `-L` use).
    public func listedChains(_ table: NetfilterTable) -> [NetfilterChain] {
        let all = chains(table)
        return all.filter(\.isBuiltin) + all.filter { !$0.isBuiltin }.sorted { $0.name < $1.name }
    }

    /// How many rules of the table jump to `name` (the `-L` "references" count).
    public func references(_ table: NetfilterTable, to name: String) -> Int {
        chains(table).reduce(0) { $0 + $1.jumps(to: name) }
    }

    private func index(_ table: NetfilterTable, _ name: String) -> Int? {
        chains(table).firstIndex { $0.name == name }
    }

    /// Changes one chain in place (no copy of its rules); `body` checks before it changes anything.
    private mutating func update(_ table: NetfilterTable, _ name: String, _ body: (inout NetfilterChain) -> NetfilterError?) -> NetfilterError? {
        guard let i = index(table, name) else { return .noChain }
        return body(&tables[table, default: []][i])
    }

    /// Whether a rule's jump target exists (targets that are not chains always do).
    func targetExists(_ table: NetfilterTable, _ rule: NetfilterRule) -> Bool {
        guard let t = rule.target.jumpTarget else { return true }
        return chain(table, t).map { !$0.isBuiltin } ?? false
    }

    public mutating func append(_ table: NetfilterTable, _ chain: String, _ rule: NetfilterRule) -> NetfilterError? {
        update(table, chain) { $0.append(rule); return nil }
    }

    /// `-I CHAIN [N]`: position is 1-based; one past the end is allowed.
    public mutating func insert(_ table: NetfilterTable, _ chain: String, at position: Int, _ rule: NetfilterRule) -> NetfilterError? {
        update(table, chain) { c in
            guard position >= 1, position <= c.count + 1 else { return .insertIndex }
            c.insert(rule, at: position - 1)
            return nil
        }
    }

    /// `-D CHAIN RULE`: removes the first identical rule.
    public mutating func delete(_ table: NetfilterTable, _ chain: String, matching rule: NetfilterRule) -> NetfilterError? {
        update(table, chain) { c in
            c.removeFirst(matching: rule) ? nil : .badRule
        }
    }

    /// `-D CHAIN N`.
    public mutating func delete(_ table: NetfilterTable, _ chain: String, at position: Int) -> NetfilterError? {
        update(table, chain) { c in
            guard position >= 1, position <= c.count else { return .deleteIndex }
            c.remove(at: position - 1)
            return nil
        }
    }

    /// `-R CHAIN N RULE`.
    public mutating func replace(_ table: NetfilterTable, _ chain: String, at position: Int, _ rule: NetfilterRule) -> NetfilterError? {
        update(table, chain) { c in
            guard position >= 1, position <= c.count else { return .replaceIndex }
            c.replace(at: position - 1, with: rule)
            return nil
        }
    }

    /// `-F [CHAIN]`.
    public mutating func flush(_ table: NetfilterTable, _ chain: String?) -> NetfilterError? {
        guard let chain else {
            tables[table] = chains(table).map { var c = $0; c.removeAll(); return c }
            return nil
        }
        return update(table, chain) { $0.removeAll(); return nil }
    }

    /// `-N CHAIN`.
    public mutating func newChain(_ table: NetfilterTable, _ name: String) -> NetfilterError? {
        if index(table, name) != nil { return .chainExists }
        tables[table, default: []].append(NetfilterChain(name: name))
        return nil
    }

    /// `-X [CHAIN]`: only empty, unreferenced user chains; without a name, every such chain.
    public mutating func deleteChain(_ table: NetfilterTable, _ name: String?) -> NetfilterError? {
        guard let name else {
            var list = chains(table)
            list.removeAll { !$0.isBuiltin && $0.count == 0 && references(table, to: $0.name) == 0 }
            tables[table] = list
            return nil
        }
        guard let i = index(table, name) else { return .noChain }
        let c = chains(table)[i]
        if c.isBuiltin { return NetfilterError("iptables v1.8.10 (nf_tables): Cannot delete built-in chain `\(name)'", exitCode: 1) }
        if c.count > 0 || references(table, to: name) > 0 { return .busy(name) }
        tables[table]?.remove(at: i)
        return nil
    }

    /// `-P CHAIN ACCEPT|DROP`.
    public mutating func setPolicy(_ table: NetfilterTable, _ name: String, _ policy: String) -> NetfilterError? {
        guard let c = chain(table, name), c.isBuiltin else { return .badBuiltin }
        guard policy == "ACCEPT" || policy == "DROP" else { return NetfilterError("iptables: Bad policy name.") }
        return update(table, name) { $0.policy = policy; return nil }
    }

    /// Puts `top` above a chain's rules and `bottom` below them (Docker's batched `-I`/`-A`).
    mutating func splice(_ table: NetfilterTable, _ chain: String, top: [NetfilterRule], bottom: [NetfilterRule]) {
        _ = update(table, chain) { c in
            c.prepend(contentsOf: top)
            c.append(contentsOf: bottom)
            return nil
        }
    }

    /// Whether `chain` of `table` holds a rule identical to `rule`.
    public func contains(_ table: NetfilterTable, _ chain: String, _ rule: NetfilterRule) -> Bool {
        self.chain(table, chain)?.contains(rule) ?? false
    }

    /// `-Z [CHAIN [N]]`: zeroes the counters of every chain of the table, of one chain (with its
    /// policy's), or of its rule number N.
    public mutating func zeroCounters(_ table: NetfilterTable, _ chain: String?, rule: Int? = nil) -> NetfilterError? {
        guard let chain else {
            tables[table] = chains(table).map { var c = $0; c.zeroCounters(); return c }
            return nil
        }
        return update(table, chain) { c in
            guard let rule else { c.zeroCounters(); return nil }
            return c.setCounter(at: rule - 1, PacketCounter()) ? nil : .badRule
        }
    }

    /// Sets the counters of rule number N (`-c` with `-A`, `-I`, `-R`).
    public mutating func setCounters(_ table: NetfilterTable, _ chain: String, rule: Int, _ counter: PacketCounter) -> NetfilterError? {
        update(table, chain) { $0.setCounter(at: rule - 1, counter) ? nil : .badRule }
    }

    /// Adds traffic to the counters of one rule entry of a chain (nil: the chain's policy).
    mutating func count(_ table: NetfilterTable, _ chain: String, entry: RuleEntryID?, packets: UInt64, bytes: UInt64) {
        _ = update(table, chain) { $0.count(entry, packets: packets, bytes: bytes); return nil }
    }

    /// Makes sure a user chain exists (used when Docker programs a chain the learner deleted).
    mutating func ensureChain(_ table: NetfilterTable, _ name: String) {
        if index(table, name) == nil { tables[table, default: []].append(NetfilterChain(name: name)) }
    }
}
