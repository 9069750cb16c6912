/// The addresses of one subnet that IPAM hands out to gateways and endpoints.
///
/// Local IPAM is not serial: every request takes the lowest free address, so a
/// released address is reused at once (libnetwork `addrset`, non-serial mode).
/// A lowest-free hint keeps that O(1) amortised.
public struct AddressPool: Sendable, Hashable {
    public let subnet: IPv4Subnet
    /// The `--ip-range` sub-pool, if any: dynamic requests are served from it.
    public let range: IPv4Subnet?
    /// Serial pools (swarm) continue after the last address handed out.
    public let serial: Bool
    private(set) var allocated: Set<UInt32> = []
    private var hint: UInt32
    private var lastSerial: UInt32?

    public init(subnet: IPv4Subnet, range: IPv4Subnet? = nil, serial: Bool = false) {
        self.subnet = subnet.canonical
        self.range = range?.canonical
        self.serial = serial
        self.hint = (range?.canonical ?? subnet.canonical).network.value
        if self.subnet.prefixLength < 31 {
            allocated.insert(self.subnet.network.value)
            allocated.insert(self.subnet.broadcast.value)
        }
    }

    public func isAllocated(_ ip: IPv4Address) -> Bool { allocated.contains(ip.value) }

    /// Number of addresses in use, including the reserved network and broadcast addresses.
    public var allocatedCount: Int { allocated.count }

    /// Takes the lowest free address (of the range when there is one).
    public mutating func allocateNext() -> IPv4Address? {
        let scope = range ?? subnet
        let first = scope.network.value
        let last = scope.broadcast.value
        if serial, let previous = lastSerial {
            var candidate = previous == last ? first : previous + 1
            for _ in 0..<min(scope.size, 1 << 24) {
                if !allocated.contains(candidate) {
                    allocated.insert(candidate)
                    lastSerial = candidate
                    return IPv4Address(candidate)
                }
                candidate = candidate == last ? first : candidate + 1
            }
            return nil
        }
        var candidate = max(hint, first)
        while candidate <= last {
            if !allocated.contains(candidate) {
                allocated.insert(candidate)
                hint = candidate
                lastSerial = candidate
                return IPv4Address(candidate)
            }
            if candidate == UInt32.max { break }
            candidate += 1
        }
        hint = last
        return nil
    }

    /// Takes a specific address; false when it is outside the subnet or taken.
    public mutating func allocate(_ ip: IPv4Address) -> Bool {
        guard subnet.contains(ip), !allocated.contains(ip.value) else { return false }
        allocated.insert(ip.value)
        return true
    }

    /// Takes over the addresses in use of `other`, a pool of the same subnet that this one
    /// shares (a network created with `--ip-range` on a subnet that has a pool already).
    public mutating func adopt(allocationsOf other: AddressPool) {
        allocated = other.allocated
        hint = (range ?? subnet).network.value
    }

    /// Gives an address back (the network and broadcast addresses stay reserved).
    public mutating func release(_ ip: IPv4Address) {
        guard subnet.contains(ip) else { return }
        if subnet.prefixLength < 31, ip == subnet.network || ip == subnet.broadcast { return }
        allocated.remove(ip.value)
        if ip.value < hint { hint = ip.value }
    }
}
