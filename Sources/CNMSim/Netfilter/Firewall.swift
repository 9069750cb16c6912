/// The host's netfilter state: the rules the kernel holds right now.
///
/// Docker's rules are *derived* from the engine (`DockerFirewall`); the
/// learner's changes (`iptables -A -I -D -R -F -N -X -P`) are made to this
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
///
/// Docker's operations are remembered per `RuleGroup`, so a sync re-derives only
/// the groups whose object changed (`sync(groups:)`). `syncRebuilding(to:)` is the
/// same sync from a full generation of every operation: the reference the
/// incremental sync is tested against (and what an engine in `.rebuild` mode uses).
public struct Firewall: Sendable, Hashable {
    public internal(set) var ruleset: Ruleset
    /// Docker's operations per group as of the last sync (deduplicated, in group order).
    var programmed: [RuleGroup: [KeyedRuleOp]] = [:]
    /// How many programmed operations want each rule in each chain.
    var wantedCount: [Place: Int] = [:]
    /// The full list and its keys, for `syncRebuilding` (the reference path).
    var programmedAll: [DockerRuleOp] = []
    var programmedKeys: Set<DockerRuleOp.Identity> = []
    var booted = false

    public init() { ruleset = Ruleset() }

    /// A rule in a chain (what "an identical rule is already there" compares).
    struct Place: Hashable, Sendable {
        let table: NetfilterTable
        let chain: String
        let rule: NetfilterRule
    }

    /// Docker enabled ip_forward itself on this fresh host and so set FORWARD's policy to DROP (moby
    /// v28.2.2 libnetwork/drivers/bridge/setup_ip_forwarding.go).
    private mutating func bootIfNeeded() {
        guard !booted else { return }
        _ = ruleset.setPolicy(.filter, "FORWARD", "DROP")
        booted = true
    }

    /// Applies Docker's changes for the groups whose operations may have changed; `current`
    /// holds each group's operations as the engine stands now.
    mutating func sync(groups current: [RuleGroup: [KeyedRuleOp]]) {
        bootIfNeeded()
        var removed: [DockerRuleOp] = []
        var added: [KeyedRuleOp] = []
        for (group, generated) in current {
            var seen = Set<DockerRuleOp.Identity>()
            let fresh = generated.filter { seen.insert($0.op.key).inserted }
            let old = programmed[group] ?? []
            if old == fresh { continue }
            let oldKeys = Set(old.map(\.op.key))
            for k in old where !seen.contains(k.op.key) {
                removed.append(k.op)
                if let rule = k.op.rule { wantedCount[Place(table: k.op.table, chain: k.op.chain, rule: rule), default: 1] -= 1 }
            }
            for k in fresh where !oldKeys.contains(k.op.key) {
                added.append(k)
                if let rule = k.op.rule { wantedCount[Place(table: k.op.table, chain: k.op.chain, rule: rule), default: 0] += 1 }
            }
            programmed[group] = fresh.isEmpty ? nil : fresh
        }
        for op in removed {
            guard let rule = op.rule else { continue }
            let place = Place(table: op.table, chain: op.chain, rule: rule)
            // Another owner may still want an identical rule (Docker would not have added a second one).
            if (wantedCount[place] ?? 0) <= 0 {
                wantedCount.removeValue(forKey: place)
                _ = ruleset.delete(op.table, op.chain, matching: rule)
            }
        }
        applyAdditions(added.sorted(by: KeyedRuleOp.ordered).map(\.op))
    }

    /// Every operation Docker has programmed, in programming order (what a full generation gives
    /// when no group is out of date).
    var programmedOps: [DockerRuleOp] {
        programmed.values.flatMap { $0 }.sorted(by: KeyedRuleOp.ordered).map(\.op)
    }

    /// Additions, batched per chain: inserting each at the top one after the other
    /// leaves them in reverse order above the existing rules; appends go below.
    private mutating func applyAdditions(_ ops: [DockerRuleOp]) {
        struct Batch { var inserts: [NetfilterRule] = []; var appends: [NetfilterRule] = []; var pending: Set<NetfilterRule> = [] }
        var batches: [String: Batch] = [:]
        var order: [(NetfilterTable, String)] = []
        for op in ops {
            ruleset.ensureChain(op.table, op.chain)
            guard let rule = op.rule else { continue }
            if let t = rule.target.jumpTarget { ruleset.ensureChain(op.table, t) }
            let chainKey = op.table.rawValue + "|" + op.chain
            if batches[chainKey] == nil {
                batches[chainKey] = Batch()
                order.append((op.table, op.chain))
            }
            guard !ruleset.contains(op.table, op.chain, rule), batches[chainKey]?.pending.insert(rule).inserted == true else { continue }
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
    }

    /// The same sync from a full generation of Docker's operations (the reference path).
    mutating func syncRebuilding(to generated: [DockerRuleOp]) {
        bootIfNeeded()
        var seen = Set<DockerRuleOp.Identity>()
        var ops: [DockerRuleOp] = []
        for op in generated where seen.insert(op.key).inserted { ops.append(op) }
        if ops == programmedAll { return }
        let wanted = Set(ops.compactMap { op in op.rule.map { Place(table: op.table, chain: op.chain, rule: $0) } })
        for op in programmedAll.reversed() where !seen.contains(op.key) {
            guard let rule = op.rule else { continue }
            if !wanted.contains(Place(table: op.table, chain: op.chain, rule: rule)) {
                _ = ruleset.delete(op.table, op.chain, matching: rule)
            }
        }
        applyAdditions(ops.filter { !programmedKeys.contains($0.key) })
        programmedAll = ops
        programmedKeys = seen
    }

    /// Counts traffic on the rules (and policies) a packet's visits name.
    mutating func count(_ visits: [ChainVisit], packets: UInt64, bytes: UInt64) {
        guard packets > 0 else { return }
        for v in visits where v.counts {
            ruleset.count(v.table, v.chain, entry: v.entry, packets: packets, bytes: bytes)
        }
    }
}
