/// Docker's rule operations for one group (`RuleGroup`) as they are collected, each with its place in
/// the daemon's programming order: the caller's `key` (creation order of the object) and a `seq`
/// counting the operations in the order added. `DockerFirewall` fills one list per group and hands
/// it to the network drivers, which append the rules they own (libnetwork: each driver programs its
/// own rules, moby v28.2.2 libnetwork/drivers/bridge/internal/iptabler).
public struct RuleOpList: Sendable {
    public private(set) var ops: [KeyedRuleOp] = []

    public init() {}

    /// Adds one operation at `key`, after every operation already in the list.
    public mutating func add(_ key: Int, _ table: NetfilterTable, _ chain: String, _ rule: NetfilterRule?,
                             _ placement: DockerRuleOp.Placement, _ owner: String) {
        ops.append(KeyedRuleOp(key: key, seq: ops.count,
                               op: DockerRuleOp(table: table, chain: chain, rule: rule, placement: placement, owner: owner)))
    }
}
