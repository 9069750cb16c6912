import CNMSim

/// A lab's changes to the simulated outside world's DNS (`outside:`): names it adds, each with
/// one or more IPv4 addresses, and names it declares missing (NXDOMAIN).
///
/// Kept as written (templates and all) so that a learner's variant renders it like every other
/// lab string; `OutsideWorld.names(_:)` turns the rendered form into the engine's `OutsideNames`
/// when the session starts, on every machine of the LAN.
public struct OutsideWorld: Sendable, Hashable {
    /// One added name and its addresses, in file order.
    public struct Name: Sendable, Hashable {
        public var name: String
        public var addresses: [String]
        public init(name: String, addresses: [String]) { self.name = name; self.addresses = addresses }
    }

    public var names: [Name]
    public var missing: [String]

    public init(names: [Name] = [], missing: [String] = []) { self.names = names; self.missing = missing }

    public var isEmpty: Bool { names.isEmpty && missing.isEmpty }

    /// Most names a lab may add or declare missing (together).
    public static let maxNames = 64
    /// Most addresses one added name may have.
    public static let maxAddresses = 8

    /// The engine's form of a rendered `outside:`. An entry whose name or address does not
    /// parse (a variant's value the decoder could not see) is left out, never trapped on.
    public var outsideNames: OutsideNames {
        var out = OutsideNames()
        for n in names where OutsideWorld.problem(name: n.name) == nil {
            let ips = n.addresses.compactMap { OutsideWorld.problem(address: $0) == nil ? IPv4Address($0) : nil }
            if !ips.isEmpty, ips.count == n.addresses.count { out.add(n.name, ips) }
        }
        for m in missing where OutsideWorld.problem(name: m) == nil { out.remove(m) }
        return out
    }

    /// Why `name` cannot be a DNS name of the outside world, or nil: letters, digits and hyphens
    /// in dot-separated labels of 1-63 characters (no hyphen at either end), at least two labels,
    /// at most 253 characters; a final dot is allowed and ignored; any case.
    public static func problem(name: String) -> String? {
        var n = name.lowercased()
        if n.hasSuffix(".") { n.removeLast() }
        guard !n.isEmpty, n.utf8.count <= 253 else { return "a DNS name of at most 253 characters" }
        let labels = n.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "a DNS name with a domain (two labels or more, e.g. api.example.com)" }
        for label in labels {
            let bytes = Array(label.utf8)
            let ok = !bytes.isEmpty && bytes.count <= 63 && bytes.first != 45 && bytes.last != 45
                && bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
            if !ok { return "a DNS name: labels of 1-63 letters, digits or '-' (not at either end), separated by dots" }
        }
        return nil
    }

    /// Why `address` cannot be an address of the outside world, or nil: a dotted IPv4 address that
    /// a host can have (not 0.0.0.0/8, loopback, link-local, multicast, reserved or broadcast).
    public static func problem(address: String) -> String? {
        guard let ip = IPv4Address(address) else { return "an IPv4 address such as 203.0.113.7" }
        let o = ip.octets
        if o[0] == 0 { return "an address a host can have (not in 0.0.0.0/8)" }
        if o[0] == 127 { return "an address off the host (not loopback 127.0.0.0/8)" }
        if o[0] == 169 && o[1] == 254 { return "an address a DNS server gives out (not link-local 169.254.0.0/16)" }
        if o[0] >= 224 { return "a unicast address (not multicast, reserved or broadcast, 224.0.0.0 and up)" }
        return nil
    }
}

extension Cluster {
    /// Gives every machine of the LAN the lab's outside world (one world, seen alike from each).
    public mutating func apply(outside names: OutsideNames) {
        for k in machines.indices { machines[k].engine.outsideNames = names }
    }
}
