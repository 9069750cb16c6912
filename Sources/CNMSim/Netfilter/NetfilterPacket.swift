/// A packet as netfilter sees it at one hook: addresses, protocol and ports,
/// the interfaces it came in on and goes out of, and its conntrack states.
public struct NetfilterPacket: Sendable, Hashable {
    public var proto: String
    public var source: IPv4Address
    public var destination: IPv4Address
    public var sourcePort: Int?
    public var destinationPort: Int?
    public var inInterface: String?
    public var outInterface: String?
    /// `NEW` for the first packet, `ESTABLISHED` for replies; plus `DNAT`/`SNAT` once translated.
    public var ctstates: Set<String>
    /// The connection's original destination and port, before any DNAT (`--ctorigdst`, `--ctorigdstport`).
    public var originalDestination: IPv4Address
    public var originalDestinationPort: Int?

    public init(proto: String, source: IPv4Address, destination: IPv4Address, sourcePort: Int? = nil,
                destinationPort: Int? = nil, inInterface: String? = nil, outInterface: String? = nil,
                ctstates: Set<String> = ["NEW"]) {
        self.proto = proto; self.source = source; self.destination = destination; self.sourcePort = sourcePort
        self.destinationPort = destinationPort; self.inInterface = inInterface; self.outInterface = outInterface
        self.ctstates = ctstates
        self.originalDestination = destination
        self.originalDestinationPort = destinationPort
    }
}

/// One chain a packet went through, with the rule that decided (nil when none matched).
public struct ChainVisit: Sendable, Hashable {
    public let table: NetfilterTable
    public let chain: String
    /// The deciding rule as `iptables -S` prints it (`-A CHAIN …`), if one matched.
    public let rule: String?
    /// What happened: `ACCEPT`, `DROP`, `REJECT`, `RETURN`, `DNAT`, `MASQUERADE`, a jump target, or a policy.
    public let outcome: String
    /// Whether the outcome came from the chain's policy (no rule matched in a built-in chain).
    public let byPolicy: Bool
    /// The rule entry whose counters this visit moves (nil for a policy or for falling off a user chain).
    let entry: RuleEntryID?
    /// Whether the visit moves counters: a matched rule, or the policy of a built-in chain.
    let counts: Bool

    public init(table: NetfilterTable, chain: String, rule: String?, outcome: String, byPolicy: Bool) {
        self.init(table: table, chain: chain, rule: rule, outcome: outcome, byPolicy: byPolicy, entry: nil, counts: false)
    }

    init(table: NetfilterTable, chain: String, rule: String?, outcome: String, byPolicy: Bool, entry: RuleEntryID? = nil,
         counts: Bool? = nil) {
        self.table = table; self.chain = chain; self.rule = rule; self.outcome = outcome; self.byPolicy = byPolicy
        self.entry = entry
        self.counts = counts ?? (entry != nil)
    }

    /// Two visits are the same when `why` would print them the same (the entry is bookkeeping).
    public static func == (a: ChainVisit, b: ChainVisit) -> Bool {
        a.table == b.table && a.chain == b.chain && a.rule == b.rule && a.outcome == b.outcome && a.byPolicy == b.byPolicy
    }

    public func hash(into h: inout Hasher) {
        h.combine(table); h.combine(chain); h.combine(rule); h.combine(outcome); h.combine(byPolicy)
    }
}

/// How a hook (one built-in chain of one table) ended for a packet.
public enum HookVerdict: Sendable, Hashable {
    case accept
    case drop(rule: String?)
    case reject(rule: String)
    case dnat(IPv4Address, port: Int?)
    case masquerade
}
