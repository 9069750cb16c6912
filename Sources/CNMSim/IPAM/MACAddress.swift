/// A 48-bit Ethernet address.
public struct MACAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = Array((bytes + [0, 0, 0, 0, 0, 0]).prefix(6))
    }

    /// Docker 28's `GenerateRandomMAC`: random bytes, unicast, locally administered.
    public static func random(using rng: inout SeededGenerator) -> MACAddress {
        var b = rng.bytes(6)
        b[0] = (b[0] & 0xfe) | 0x02
        return MACAddress(bytes: b)
    }

    /// Docker's older `GenerateMACFromIP` (still used by overlay): `02:42:` + the IPv4 bytes.
    public static func fromIP(_ ip: IPv4Address) -> MACAddress {
        MACAddress(bytes: [0x02, 0x42] + ip.octets)
    }

    /// Parses `aa:bb:cc:dd:ee:ff` (also `-` separators), as Go's `net.ParseMAC` does for 48-bit addresses.
    public init?(_ text: String) {
        let parts = text.split(separator: text.contains("-") ? "-" : ":", omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard p.count == 2, let v = UInt8(p, radix: 16) else { return nil }
            out.append(v)
        }
        bytes = out
    }

    public var description: String {
        let hex = Array("0123456789abcdef")
        return bytes.map { String([hex[Int($0 >> 4)], hex[Int($0 & 0xf)]]) }.joined(separator: ":")
    }
}
