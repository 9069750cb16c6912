/// Why an iptables change was refused, with the text iptables v1.8.10 (nf_tables) prints.
public struct NetfilterError: Error, Sendable, Equatable {
    public let message: String
    public let exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) { self.message = message; self.exitCode = exitCode }

    static let noChain = NetfilterError("iptables: No chain/target/match by that name.")
    static let badRule = NetfilterError("iptables: Bad rule (does a matching rule exist in that chain?).")
    static let chainExists = NetfilterError("iptables: Chain already exists.")
    static let badBuiltin = NetfilterError("iptables: Bad built-in chain name.")
    static func busy(_ chain: String) -> NetfilterError {
        NetfilterError("iptables v1.8.10 (nf_tables):  CHAIN_USER_DEL failed (Device or resource busy): chain \(chain)")
    }
    static let deleteIndex = NetfilterError("iptables: Index of deletion too big.")
    static let insertIndex = NetfilterError("iptables: Index of insertion too big.")
    static let replaceIndex = NetfilterError("iptables: Index of replacement too big.")
}
