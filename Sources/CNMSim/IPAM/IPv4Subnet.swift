/// An IPv4 prefix such as `172.18.0.0/16`.
///
/// `address` keeps what the user typed, so that a non-canonical subnet
/// (`10.1.2.3/24`) can be reported the way Docker reports it.
public struct IPv4Subnet: Sendable, Hashable, Codable, CustomStringConvertible {
    public var address: IPv4Address
    public var prefixLength: Int

    public init(address: IPv4Address, prefixLength: Int) {
        self.address = address
        self.prefixLength = max(0, min(32, prefixLength))
    }

    /// Parses `a.b.c.d/n` as Go's `net.ParseCIDR` does (n from 0 to 32, no sign, no leading zeros).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let ip = IPv4Address(parts[0]) else { return nil }
        let bits = parts[1]
        guard !bits.isEmpty, bits.count <= 2, bits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              !(bits.count > 1 && bits.hasPrefix("0")), let n = Int(bits), n <= 32 else { return nil }
        self.init(address: ip, prefixLength: n)
    }

    public var mask: UInt32 { prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength) }
    public var network: IPv4Address { IPv4Address(address.value & mask) }
    public var broadcast: IPv4Address { IPv4Address(address.value | ~mask) }
    /// The canonical form: host bits cleared.
    public var canonical: IPv4Subnet { IPv4Subnet(address: network, prefixLength: prefixLength) }
    public var isCanonical: Bool { address == network }
    /// Number of addresses, as a 64-bit count (2^32 for /0).
    public var size: UInt64 { UInt64(1) << UInt64(32 - prefixLength) }

    public func contains(_ ip: IPv4Address) -> Bool { ip.value & mask == network.value }

    public func contains(_ other: IPv4Subnet) -> Bool {
        other.prefixLength >= prefixLength && contains(other.network)
    }

    public func overlaps(_ other: IPv4Subnet) -> Bool { contains(other.network) || other.contains(network) }

    public var description: String { "\(address)/\(prefixLength)" }

    /// Dotted netmask, e.g. `255.255.0.0`.
    public var netmask: IPv4Address { IPv4Address(mask) }
}
