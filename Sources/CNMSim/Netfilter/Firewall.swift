/// The host's netfilter state: the rules the kernel holds right now.
///
/// Docker's rules are *derived* from the engine (`DockerFirewall.generate`);
/// the learner's changes (`iptables -A -I -D -R -F -N -X -P`) are made to this
/// stored copy. `sync` brings Docker's part up to date the way the daemon
/// does on a real host, incrementally: rules Docker no longer wants (a
/// container stopped, a network was removed) are deleted by specification —
/// if the learner already deleted or flushed them, nothing happens; rules Docker
/// newly wants are inserted at the top (`-I`) or appended at the end (`-A`) of
/// their chain, unless an identical rule is already there (Docker checks
/// first). Consequences, as on a real host:
/// * learner rules in `DOCKER-USER`, in their own chains or in built-in chains
///   survive `docker run`/`stop`/`network create`;
/// * a learner rule inside a Docker chain keeps its place, and Docker's later
///   inserts land above it, its later appends below it;
/// * a Docker rule the learner deleted stays deleted until Docker programs it
///   again for a new object (e.g. the container restarts; a daemon restart,
///   which would re-create everything, is not simulated);
/// * a Docker chain the learner deleted is re-created when Docker next adds a
///   rule to it (where the real daemon would log an error instead).
public struct Firewall: Sendable, Hashable {
    public internal(set) var ruleset: Ruleset
    /// Docker's operations as of the last sync.
    var programmed: [DockerRuleOp] = []
    var programmedKeys: Set<String> = []
    var booted = false

    public init() { ruleset = Ruleset() }

    /// Applies Docker's changes between the last generation and `generated`.
    mutating func sync(to generated: [DockerRuleOp]) {
        if !booted {
            // Docker enabled ip_forward itself on this fresh host and so set FORWARD's policy to DROP (§6.1).
            _ = ruleset.setPolicy(.filter, "FORWARD", "DROP")
            booted = true
        }
        var seen = Set<String>()
        var ops: [DockerRuleOp] = []
        for op in generated where seen.insert(op.key).inserted { ops.append(op) }
        if ops == programmed { return }
        struct Place: Hashable { let table: NetfilterTable; let chain: String; let rule: NetfilterRule }
        let wanted = Set(ops.compactMap { op in op.rule.map { Place(table: op.table, chain: op.chain, rule: $0) } })
        for op in programmed.reversed() where !seen.contains(op.key) {
            guard let rule = op.rule else { continue }
            // Another owner may still want an identical rule (Docker would not have added a second one).
            if !wanted.contains(Place(table: op.table, chain: op.chain, rule: rule)) {
                _ = ruleset.delete(op.table, op.chain, matching: rule)
            }
        }
        // Additions, batched per chain: inserting each at the top one after the other
        // leaves them in reverse order above the existing rules; appends go below.
        struct Batch { var inserts: [NetfilterRule] = []; var appends: [NetfilterRule] = []; var present: Set<NetfilterRule> }
        var batches: [String: Batch] = [:]
        var order: [(NetfilterTable, String)] = []
        for op in ops where !programmedKeys.contains(op.key) {
            ruleset.ensureChain(op.table, op.chain)
            guard let rule = op.rule else { continue }
            if let t = rule.target.jumpTarget { ruleset.ensureChain(op.table, t) }
            let chainKey = op.table.rawValue + "|" + op.chain
            if batches[chainKey] == nil {
                batches[chainKey] = Batch(present: Set(ruleset.chain(op.table, op.chain)?.rules ?? []))
                order.append((op.table, op.chain))
            }
            guard batches[chainKey]?.present.insert(rule).inserted == true else { continue }
            switch op.placement {
            case .append: batches[chainKey]?.appends.append(rule)
            case .insert: batches[chainKey]?.inserts.append(rule)
            case .chain: break
            }
        }
        for (table, chain) in order {
            guard let b = batches[table.rawValue + "|" + chain] else { continue }
            ruleset.splice(table, chain, top: b.inserts.reversed(), bottom: b.appends)
        }
        programmed = ops
        programmedKeys = seen
    }
}
