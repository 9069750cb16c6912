/// A change a learner makes with `iptables` (one command line's worth).
public enum FirewallEdit: Sendable, Hashable {
    case append(NetfilterTable, String, NetfilterRule)
    case insert(NetfilterTable, String, Int, NetfilterRule)
    case deleteRule(NetfilterTable, String, NetfilterRule)
    case deleteNumber(NetfilterTable, String, Int)
    case replace(NetfilterTable, String, Int, NetfilterRule)
    case flush(NetfilterTable, String?)
    case newChain(NetfilterTable, String)
    case deleteChain(NetfilterTable, String?)
    case policy(NetfilterTable, String, String)
    /// `-Z [CHAIN [N]]`: zero the packet and byte counters (of every chain, of one, or of rule N).
    case zero(NetfilterTable, String?, Int?)
    /// `-c PKTS BYTES` given with `-A`, `-I` or `-R`: the new rule (number N) starts with these counters.
    case setCounters(NetfilterTable, String, Int, PacketCounter)
}
