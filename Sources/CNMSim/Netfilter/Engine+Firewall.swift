extension Engine {
    /// Brings the stored netfilter rules up to date with Docker's current state (see `Firewall`):
    /// only the rule groups whose object changed since the last sync are derived again.
    public mutating func syncFirewall() {
        switch views.mode {
        case .rebuild:
            firewall.syncRebuilding(to: DockerFirewall.generate(self))
        case .incremental:
            guard !views.staleGroups.isEmpty else { return }
            var current: [RuleGroup: [KeyedRuleOp]] = [:]
            for group in views.staleGroups { current[group] = DockerFirewall.ops(group, self) }
            views.staleGroups = []
            firewall.sync(groups: current)
            assert(staleFirewallGroups().isEmpty, "a change did not mark its rule group: \(staleFirewallGroups())")
        }
    }

    /// Whether Docker's rules are up to date with the model (nothing to sync).
    public var firewallInSync: Bool { views.mode == .incremental && views.staleGroups.isEmpty }

    /// The host's rules after Docker's latest changes, without storing the sync.
    public var currentRuleset: Ruleset {
        if firewallInSync { return firewall.ruleset }
        var copy = self
        copy.syncFirewall()
        return copy.firewall.ruleset
    }

    /// Applies a learner's `iptables` change; returns iptables' refusal, if any.
    public mutating func applyFirewall(_ edit: FirewallEdit) -> NetfilterError? {
        syncFirewall()
        var rs = firewall.ruleset
        let error: NetfilterError?
        switch edit {
        case .append(let t, let c, let r):
            error = rs.targetExists(t, r) ? rs.append(t, c, r) : .noChain
        case .insert(let t, let c, let n, let r):
            error = rs.targetExists(t, r) ? rs.insert(t, c, at: n, r) : .noChain
        case .deleteRule(let t, let c, let r): error = rs.delete(t, c, matching: r)
        case .deleteNumber(let t, let c, let n): error = rs.delete(t, c, at: n)
        case .replace(let t, let c, let n, let r):
            error = rs.targetExists(t, r) ? rs.replace(t, c, at: n, r) : .noChain
        case .flush(let t, let c): error = rs.flush(t, c)
        case .newChain(let t, let c): error = rs.newChain(t, c)
        case .deleteChain(let t, let c): error = rs.deleteChain(t, c)
        case .policy(let t, let c, let p): error = rs.setPolicy(t, c, p)
        case .zero(let t, let c, let n): error = rs.zeroCounters(t, c, rule: n)
        case .setCounters(let t, let c, let n, let counter): error = rs.setCounters(t, c, rule: n, counter)
        }
        if error == nil { firewall.ruleset = rs }
        return error
    }

    /// Moves the counters of the rules and policies a packet met (`visits`), once per packet.
    public mutating func countTraffic(_ visits: [ChainVisit], packets: Int, bytes: Int) {
        guard packets > 0 else { return }
        firewall.count(visits, packets: UInt64(packets), bytes: UInt64(max(0, bytes)))
    }

    /// Docker's operations that the firewall does not hold as programmed although nothing is
    /// waiting to sync: a change that forgot to mark its group (empty when all is well).
    func staleFirewallGroups() -> [String] {
        guard views.staleGroups.isEmpty else { return [] }
        var seen = Set<DockerRuleOp.Identity>()
        let wanted = DockerFirewall.generate(self).filter { seen.insert($0.key).inserted }
        let have = firewall.programmedOps
        guard wanted != have else { return [] }
        let w = Set(wanted.map(\.key)), h = Set(have.map(\.key))
        return w.symmetricDifference(h).map(\.description).sorted()
    }

    /// Where the derived views differ from a build from scratch (empty when they agree): the
    /// indexes of `EngineViews`, Docker's programmed rules, and every chain's lookup index.
    public func verifyViews() -> [String] {
        var out = views.differences(from: EngineViews.build(self))
        if let bound = views.pendingExitBound, let earliest = runUntil.values.min(), bound > earliest {
            out.append("exit bound \(bound) after the earliest exit \(earliest)")
        }
        if runUntil.values.min() != nil && views.pendingExitBound == nil { out.append("exit bound missing") }
        if views.mode == .incremental { out += staleFirewallGroups().map { "stale rule group: " + $0 } }
        out += unmarkedNeighbourTables().map { "neighbour table not marked for pruning: " + $0 }
        for table in NetfilterTable.allCases {
            for chain in firewall.ruleset.chains(table) where !chain.indexMatchesRules {
                out.append("index of \(table.rawValue)/\(chain.name)")
            }
        }
        return out
    }
}
