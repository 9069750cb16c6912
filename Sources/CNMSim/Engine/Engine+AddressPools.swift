/// Local networks that share one IPAM pool.
///
/// The default IPAM driver keeps one address set per subnet of an address space
/// (moby v28.2.2 libnetwork/ipams/defaultipam/address_space.go `allocateSubnetL`):
/// a network created with `--subnet S --ip-range R` skips the overlap check and, when a
/// pool for exactly `S` exists already, joins it as a child instead of making its own
/// (moby#46756). From then on both networks draw gateways and container addresses
/// from that one set, and the pool lives on until its last user is removed
/// (`releaseSubnet`). The simulator keeps an `AddressPool` per network and keeps the
/// pools of such networks in step.
extension Engine {
    /// The other local networks whose pool is the same IPAM pool as `networkID`'s:
    /// those with exactly the same subnet in the local address space (two local networks can
    /// only have the same subnet by sharing its pool; overlays live in the global space).
    /// A lookup in the sorted local space, so a join or leave stays cheap among many networks.
    func poolSharers(of networkID: String) -> [String] {
        guard let network = networks[networkID], !network.isSwarmScoped, let subnet = network.subnet else { return [] }
        return localSpace.owners(of: subnet).filter { $0 != networkID && pools[$0] != nil }
    }

    /// The pool a new network with `subnet` joins, if one exists in the local space.
    func existingPool(for subnet: IPv4Subnet) -> AddressPool? {
        localSpace.owners(of: subnet).lazy.compactMap { self.pools[$0] }.first
    }

    /// Stores `pool` as `networkID`'s and gives every network sharing it the same addresses in use.
    mutating func storePool(_ pool: AddressPool, for networkID: String) {
        pools[networkID] = pool
        for other in poolSharers(of: networkID) {
            pools[other]?.adopt(allocationsOf: pool)
        }
    }

    /// Gives `ip` back to `networkID`'s pool (and so to every network sharing it).
    mutating func releaseAddress(_ ip: IPv4Address, networkID: String) {
        guard var pool = pools[networkID] else { return }
        pool.release(ip)
        storePool(pool, for: networkID)
    }

    /// What a removed network gives back to a pool that other networks still use: its
    /// gateway and its auxiliary addresses (moby v28.2.2 libnetwork/network.go `ipamReleaseVersion`).
    mutating func releaseNetworkAddresses(_ network: Network) {
        guard !poolSharers(of: network.id).isEmpty, var pool = pools[network.id] else { return }
        if let gateway = network.gateway { pool.release(gateway) }
        for aux in (network.ipamConfig?.first?.auxAddresses ?? [:]).values {
            if let a = IPv4Address(aux) { pool.release(a) }
        }
        storePool(pool, for: network.id)
    }
}
