/// The host links behind macvlan and ipvlan networks: which exist, which
/// Docker creates on `network create` (an 802.1Q sub-interface for
/// `parent=eth0.10`, a dummy without parent) and removes on `network rm`.
extension Engine {
    /// Names of every link on the host: `lo`, `eth0`, bridges, host-side veths and created links
    /// (what `parentExists` can find with `LinkByName`).
    public var hostLinkNames: Set<String> {
        var names: Set<String> = ["lo", "eth0"]
        for n in networks.values { if let d = n.deviceName, bridgeIndex[n.id] != nil { names.insert(d) } }
        for ep in endpoints.values { if let v = ep.hostVeth { names.insert(v) } }
        names.formUnion(createdLinks.keys)
        return names
    }

    /// The host interface index of a link (for a child's `eth0@ifN`): eth0 is 2.
    public func linkIndex(_ name: String) -> Int? {
        if name == "lo" { return 1 }
        if name == "eth0" { return 2 }
        if let l = createdLinks[name] { return l.index }
        if let n = networks.values.first(where: { $0.deviceName == name }) { return bridgeIndex[n.id] }
        return nil
    }

    /// `createNetwork` of the macvlan/ipvlan driver after validation: makes the parent link if it is
    /// missing, or records that the network shares a link its driver created (`CreatedSlaveLink`).
    mutating func attachParentLink(of network: Network) {
        guard VlanLinks.isChildDriver(network.driver) else { return }
        let parent = VlanLinks.parentLink(of: network)
        if var link = createdLinks[parent] {
            if link.createdFor.values.contains(network.driver) {
                link.createdFor[network.id] = network.driver
                createdLinks[parent] = link
            }
            return
        }
        guard !hostLinkNames.contains(parent) else { return }
        let lower = parent.contains(".") ? parent.split(separator: ".").first.map(String.init) : nil
        createdLinks[parent] = CreatedLink(index: nextInterfaceIndex, lower: lower, createdFor: [network.id: network.driver])
        nextInterfaceIndex += 1
    }

    /// `DeleteNetwork`: the link goes when this network created it and no other network of the
    /// same driver uses it (`CreatedSlaveLink && parentHasSingleUser`).
    mutating func detachParentLink(of network: Network) {
        guard VlanLinks.isChildDriver(network.driver) else { return }
        let parent = VlanLinks.parentLink(of: network)
        guard var link = createdLinks[parent], link.createdFor[network.id] != nil else { return }
        link.createdFor.removeValue(forKey: network.id)
        let otherUsers = networks.values.contains {
            $0.id != network.id && $0.driver == network.driver && VlanLinks.parentLink(of: $0) == parent
        }
        if otherUsers { createdLinks[parent] = link } else { createdLinks.removeValue(forKey: parent) }
    }
}

extension Engine {
    /// Whether a running container's port map is empty because every endpoint it has is a
    /// macvlan/ipvlan one: those drivers report no exposed or mapped ports (`EndpointOperInfo`
    /// returns an empty map), so `docker ps` and `inspect` show none.
    public func portMapIsEmptyForChildDrivers(_ c: Container) -> Bool {
        let eps = endpoints(ofContainer: c)
        return !eps.isEmpty && eps.allSatisfy { networks[$0.networkID].map { VlanLinks.isChildDriver($0.driver) } ?? false }
    }
}
