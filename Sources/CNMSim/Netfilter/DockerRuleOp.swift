/// One rule (or chain) Docker 28.2 programs, and how: inserted at the top of its
/// chain (`-I`) or appended at its end (`-A`). `owner` ties the rule to the
/// object it was programmed for (a network, an endpoint, a port mapping), so
/// that re-creating the object re-programs the rule as the daemon would.
public struct DockerRuleOp: Sendable, Hashable {
    public enum Placement: Sendable, Hashable {
        case append
        case insert
        /// `-N CHAIN`: the chain itself.
        case chain
    }

    public let table: NetfilterTable
    public let chain: String
    public let rule: NetfilterRule?
    public let placement: Placement
    public let owner: String

    public init(table: NetfilterTable, chain: String, rule: NetfilterRule?, placement: Placement, owner: String) {
        self.table = table; self.chain = chain; self.rule = rule; self.placement = placement; self.owner = owner
    }

    /// Identity for diffing two generations: the same rule (or chain) in the same place for the same object.
    var key: Identity { Identity(table: table, chain: chain, owner: owner, rule: rule) }

    struct Identity: Hashable, Sendable, Comparable, CustomStringConvertible {
        let table: NetfilterTable
        let chain: String
        let owner: String
        let rule: NetfilterRule?

        var description: String { "\(table.rawValue)|\(chain)|\(owner)|\(rule?.specification ?? "-N")" }
        static func < (a: Identity, b: Identity) -> Bool { a.description < b.description }
    }
}
