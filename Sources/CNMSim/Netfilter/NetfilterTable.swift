/// The iptables tables cnmlab simulates (`filter`, `nat`, `raw`) and their
/// built-in chains, in the order `iptables -S` and `-L` print them.
public enum NetfilterTable: String, Sendable, Hashable, CaseIterable {
    case filter
    case nat
    case raw

    /// Built-in chains in the kernel's hook order.
    public var builtinChains: [String] {
        switch self {
        case .filter: return ["INPUT", "FORWARD", "OUTPUT"]
        case .nat: return ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"]
        case .raw: return ["PREROUTING", "OUTPUT"]
        }
    }

    /// Order in which `iptables-save` prints the tables (raw first, as the nft backend lists them).
    public static let saveOrder: [NetfilterTable] = [.raw, .filter, .nat]
}
