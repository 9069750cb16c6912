extension Engine {
    /// Brings the stored netfilter rules up to date with Docker's current state (see `Firewall`).
    public mutating func syncFirewall() {
        let generated = DockerFirewall.generate(self)
        firewall.sync(to: generated)
    }

    /// The host's rules after Docker's latest changes, without storing the sync.
    public var currentRuleset: Ruleset {
        var copy = firewall
        copy.sync(to: DockerFirewall.generate(self))
        return copy.ruleset
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
        }
        if error == nil { firewall.ruleset = rs }
        return error
    }
}
