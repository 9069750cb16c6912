/// `validateEndpointSettings` (moby v28.2.2 daemon/container_operations.go lines 534-623): every
/// problem of one network's endpoint settings, in moby's order, joined as `internal/multierror` does.
///
/// 1. on `bridge`, `host`, `none` (not user-defined): a static address, then an alias;
/// 2. `EndpointIPAMConfig.Validate` (api/types/network/endpoint.go): `invalid IPv4 address: X`,
///    `invalid IPv6 address: X`;
/// 3. `IsInRange` when the network exists: the address must lie in a user-configured (static)
///    subnet, else `no configured subnet or ip-range contain the IP address X`, or, when the network
///    has no static subnet of that family (the default bridge's pool is dynamic on a fresh daemon;
///    no simulated network has an IPv6 subnet), `user specified IP address is supported only when
///    connecting to networks with user configured subnets`.
public enum EndpointValidation {
    /// The settings' problems on `network` (nil: it does not exist yet), named `name` as requested.
    public static func errors(network: Network?, name: String, settings a: NetworkAttachment) -> [String] {
        var errs: [String] = []
        let v4 = a.ipv4Text ?? a.ipv4Address?.description
        let v6 = a.ipv6Text
        if Engine.isPredefinedName(name) || name == "default" {
            if v4 != nil || v6 != nil { errs.append("user specified IP address is supported on user defined networks only") }
            if !a.aliases.isEmpty { errs.append("network-scoped alias is supported only for containers in user defined networks") }
        }
        let parsed4 = v4.flatMap { IPv4Address($0) }
        if let v4, parsed4 == nil || parsed4 == IPv4Address(0) { errs.append("invalid IPv4 address: \(v4)") }
        if let v6, !isIPv6(v6) { errs.append("invalid IPv6 address: \(v6)") }
        if let n = network {
            if let v4 {
                if n.userSubnet, let s = n.subnet {
                    if !(parsed4.map(s.contains) ?? false) { errs.append("no configured subnet or ip-range contain the IP address \(v4)") }
                } else {
                    errs.append("user specified IP address is supported only when connecting to networks with user configured subnets")
                }
            }
            if v6 != nil {
                errs.append("user specified IP address is supported only when connecting to networks with user configured subnets")
            }
        }
        return errs
    }

    /// The message moby returns: `invalid endpoint settings:\n` and the errors (one plainly, several as
    /// `* a\n* b`); nil when there is none.
    public static func message(_ errs: [String]) -> String? {
        guard !errs.isEmpty else { return nil }
        if errs.count == 1 { return "invalid endpoint settings:\n" + errs[0] }
        return "invalid endpoint settings:\n* " + errs.map { $0.replacing("\n", with: "\n\t") }.joined(separator: "\n* ")
    }

    /// Whether Go's `net.ParseIP` reads `s` as an IPv6 address that is neither IPv4(-mapped) nor `::`.
    public static func isIPv6(_ s: String) -> Bool {
        guard s.contains(":") else { return false }
        var text = Substring(s)
        var groups = 0
        var tailIPv4 = false
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard IPv4Address(text[text.index(after: lastColon)...]) != nil else { return false }
            tailIPv4 = true
            groups += 2
            text = text[...lastColon]
            if text.hasSuffix(":") && !text.hasSuffix("::") { text = text.dropLast() }
        }
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return false }
        var words: [UInt16] = []
        for half in halves where !half.isEmpty {
            for part in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard !part.isEmpty, part.count <= 4, let w = UInt16(part, radix: 16) else { return false }
                words.append(w)
            }
        }
        groups += words.count
        if halves.count == 2 { guard groups < 8 else { return false } } else { guard groups == 8 else { return false } }
        if words.allSatisfy({ $0 == 0 }) && !tailIPv4 { return false }  // `::` is unspecified
        // IPv4-mapped (::ffff:a.b.c.d) counts as IPv4 for `To4()`.
        if tailIPv4, halves.count == 2, halves[0].isEmpty, words == [0xffff] { return false }
        return true
    }
}
