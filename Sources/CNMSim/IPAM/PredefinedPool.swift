/// One of the daemon's default address pools: a base prefix cut into subnets of `size`.
public struct PredefinedPool: Sendable, Hashable {
    public let base: IPv4Subnet
    public let size: Int

    public init(_ base: String, size: Int) {
        self.base = IPv4Subnet(base) ?? IPv4Subnet(address: IPv4Address(0), prefixLength: 0)
        self.size = size
    }

    /// Docker 28's `localScopeDefaultNetworks` (libnetwork/ipamutils), in address order.
    public static let localDefaults: [PredefinedPool] = [
        PredefinedPool("172.17.0.0/16", size: 16),
        PredefinedPool("172.18.0.0/16", size: 16),
        PredefinedPool("172.19.0.0/16", size: 16),
        PredefinedPool("172.20.0.0/14", size: 16),
        PredefinedPool("172.24.0.0/14", size: 16),
        PredefinedPool("172.28.0.0/14", size: 16),
        PredefinedPool("192.168.0.0/16", size: 20),
    ]

    /// The swarm (global scope) default: 10.0.0.0/8 in /24s.
    public static let globalDefaults: [PredefinedPool] = [PredefinedPool("10.0.0.0/8", size: 24)]

    /// The subnets of this pool in address order.
    public var subnets: [IPv4Subnet] {
        guard size >= base.prefixLength, size <= 32 else { return [] }
        let count = 1 << (size - base.prefixLength)
        let step = UInt32(truncatingIfNeeded: UInt64(1) << UInt64(32 - size))
        return (0..<min(count, 1 << 16)).map { i in
            IPv4Subnet(address: IPv4Address(base.network.value &+ UInt32(i) &* step), prefixLength: size)
        }
    }
}
