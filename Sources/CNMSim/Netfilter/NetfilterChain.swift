/// A chain of one table: built-in chains have a policy, user chains do not.
public struct NetfilterChain: Sendable, Hashable {
    public let name: String
    /// `ACCEPT` or `DROP` for built-in chains; nil for user-defined chains.
    public var policy: String?
    public var rules: [NetfilterRule]

    public init(name: String, policy: String? = nil, rules: [NetfilterRule] = []) {
        self.name = name; self.policy = policy; self.rules = rules
    }

    public var isBuiltin: Bool { policy != nil }
}
