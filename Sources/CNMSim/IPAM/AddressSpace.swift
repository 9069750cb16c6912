/// The subnets allocated in one IPAM address space (LocalDefault or GlobalDefault).
///
/// Docker refuses a subnet that overlaps another one of the same space and picks
/// automatic subnets as the lowest free subnet of its predefined pools, skipping
/// reserved prefixes (the host's on-link routes and nameservers).
public struct AddressSpace: Sendable, Hashable {
    public let predefined: [PredefinedPool]
    public var reserved: [IPv4Subnet]
    /// Allocated subnets sorted by network address, with the owning network ID.
    private(set) var allocated: [(subnet: IPv4Subnet, owner: String)] = []

    public init(predefined: [PredefinedPool], reserved: [IPv4Subnet] = []) {
        self.predefined = predefined
        self.reserved = reserved
    }

    public static func == (a: AddressSpace, b: AddressSpace) -> Bool {
        a.predefined == b.predefined && a.reserved == b.reserved
            && a.allocated.map(\.subnet) == b.allocated.map(\.subnet) && a.allocated.map(\.owner) == b.allocated.map(\.owner)
    }

    public func hash(into h: inout Hasher) {
        h.combine(predefined); h.combine(reserved)
        for e in allocated { h.combine(e.subnet); h.combine(e.owner) }
    }

    /// Index of the first allocated subnet whose network address is greater than `value`.
    private func upperBound(_ value: UInt32) -> Int {
        var lo = 0, hi = allocated.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if allocated[mid].subnet.network.value <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether `subnet` overlaps an allocated subnet (O(log n) while allocations are disjoint).
    public func overlapsAllocated(_ subnet: IPv4Subnet) -> Bool {
        let s = subnet.canonical
        var i = upperBound(s.broadcast.value) - 1
        while i >= 0 {
            let candidate = allocated[i].subnet
            if candidate.overlaps(s) { return true }
            // Allocations are disjoint, except identical parents allowed with --ip-range.
            if i > 0 && allocated[i - 1].subnet.network == candidate.network { i -= 1; continue }
            // A larger earlier subnet may still contain s; check the one just before.
            if i > 0 && allocated[i - 1].subnet.overlaps(s) { return true }
            break
        }
        return false
    }

    public mutating func insert(_ subnet: IPv4Subnet, owner: String) {
        let s = subnet.canonical
        allocated.insert((s, owner), at: upperBound(s.network.value))
    }

    public mutating func remove(owner: String) {
        allocated.removeAll { $0.owner == owner }
    }

    public var allocatedSubnets: [IPv4Subnet] { allocated.map(\.subnet) }

    /// The owners of exactly `subnet`, in O(log n): more than one only when networks share its
    /// pool (a network created with `--ip-range` on the subnet of an existing one).
    public func owners(of subnet: IPv4Subnet) -> [String] {
        let s = subnet.canonical
        var out: [String] = []
        var i = upperBound(s.network.value) - 1
        while i >= 0, allocated[i].subnet.network == s.network {
            if allocated[i].subnet == s { out.append(allocated[i].owner) }
            i -= 1
        }
        return out
    }

    /// The lowest predefined subnet that overlaps nothing allocated or reserved.
    public func nextPredefined() -> IPv4Subnet? {
        for pool in predefined {
            for candidate in pool.subnets
            where !overlapsAllocated(candidate) && !reserved.contains(where: { $0.overlaps(candidate) }) {
                return candidate
            }
        }
        return nil
    }
}
