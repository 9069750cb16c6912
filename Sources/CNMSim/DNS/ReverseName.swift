/// Builds the `in-addr.arpa` name for an IPv4 address and parses it back.
public enum ReverseName {
    public static func of(_ ip: IPv4Address) -> String {
        ip.octets.reversed().map(String.init).joined(separator: ".") + ".in-addr.arpa"
    }

    /// The address a `d.c.b.a.in-addr.arpa` name stands for; nil for anything else.
    public static func address(_ name: String) -> IPv4Address? {
        var n = name.lowercased()
        if n.hasSuffix(".") { n.removeLast() }
        guard n.hasSuffix(".in-addr.arpa") else { return nil }
        let parts = n.dropLast(".in-addr.arpa".count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        return IPv4Address(parts.reversed().joined(separator: "."))
    }
}
