/// macvlan and ipvlan children in the packet walk (issue 10 item 5).
///
/// A child is an interface of a container hanging off a parent link of the
/// host (`eth0`, `eth0.10`, a dummy). Its frames leave straight through the
/// parent: the host's IP stack and iptables never see them, so there is no NAT,
/// no port mapping and no isolation chain. What the walk models:
/// - children of the same parent talk to each other directly when both are in
///   `bridge` mode (macvlan) or have the `bridge` flag (ipvlan); `private` and
///   `vepa` stop that (the simulated LAN switch does not reflect frames back);
/// - children of `eth0` are members of the LAN: they reach `remote`, the LAN
///   router (and through it the internet) and are reached from `remote`
///   directly; ipvlan `l3` children answer no ARP, so nothing on the LAN can
///   reply to them or reach them;
/// - the host and its own children cannot exchange frames at all (the kernel
///   does not pass frames between a parent and its macvlan/ipvlan children);
/// - on a VLAN sub-interface or a dummy parent nothing but this host's children
///   exists in the simulation (the LAN router is not on VLANs).
extension PacketPath {
    /// A running container's macvlan/ipvlan endpoint, found by its address.
    struct VlanChild {
        let containerID: String
        let network: Network
        var parent: String { VlanLinks.parentLink(of: network) }
    }

    /// Every running macvlan/ipvlan child of the host, by address.
    static func vlanChildren(_ engine: Engine) -> [IPv4Address: VlanChild] {
        let views = engine.currentViews
        var out: [IPv4Address: VlanChild] = [:]
        for id in views.childNetworks {
            guard let n = engine.networks[id] else { continue }
            for (ip, epID) in views.endpointAt[id] ?? [:] {
                guard let ep = engine.endpoints[epID], let c = engine.containers[ep.containerID], c.isRunning else { continue }
                out[ip] = VlanChild(containerID: c.id, network: n)
            }
        }
        return out
    }

    /// The running macvlan/ipvlan child of the host that holds `ip`, if any.
    func vlanChild(at ip: IPv4Address) -> VlanChild? {
        for id in views.childNetworks {
            guard let n = engine.networks[id], let c = container(at: ip, onNetwork: id) else { continue }
            return VlanChild(containerID: c.id, network: n)
        }
        return nil
    }
}

extension PacketPath.Walk {
    /// Whether a LAN machine answers at `ip` (the router, `remote`, the names of the external zone).
    func isLANMachine(_ ip: IPv4Address) -> Bool {
        let host = path.engine.host
        guard host.lan.contains(ip) else { return false }
        return ip == host.gateway || ip == KernelView.remoteAddress || ExternalDNSZone.entries.contains { $0.ipv4.contains(ip) }
    }

    /// A container sends out a macvlan/ipvlan interface (`route` chose it).
    mutating func sendFromChild(src: IPv4Address, dst: IPv4Address, port: Int?, route: KernelRoute, iface: KernelInterface) -> PathVerdict {
        guard let nid = iface.networkID, let network = path.engine.networks[nid] else { return .noHost(dst) }
        let parent = VlanLinks.parentLink(of: network)
        events.append(.childLink(parent: parent, driver: network.driver.rawValue, mode: VlanLinks.mode(of: network)))
        let nextHop = route.gateway ?? dst
        // Another child of the same parent: switched inside the parent, if the modes allow it.
        if let peer = path.vlanChild(at: nextHop), peer.parent == parent, peer.network.driver == network.driver {
            let mine = VlanLinks.peerMode(of: network), theirs = VlanLinks.peerMode(of: peer.network)
            guard mine == "bridge" && theirs == "bridge" else {
                events.append(.childModeBlocks(driver: network.driver.rawValue, mode: mine == "bridge" ? theirs : mine))
                return .noHost(nextHop)
            }
            events.append(.parentSwitches(parent: parent))
            return deliverLocal(site: .container(peer.containerID), address: dst, port: port)
        }
        guard parent == "eth0" else {
            events.append(.segmentEnd(parent: parent))
            return .noHost(nextHop)
        }
        if path.isHostLocal(nextHop) || path.isHostLocal(dst) {
            events.append(.childIsolation(parent: parent))
            return .noHost(dst)
        }
        if VlanLinks.isL3(network) {
            // l3: the request goes out through the parent, but the LAN cannot ARP for the child.
            events.append(.l3NoReturn(source: src))
            return .dropped(rule: nil)
        }
        if route.gateway != nil && !isLANMachine(nextHop) { return .noHost(nextHop) }
        // On the LAN the child is just another machine, like `remote`.
        return fromRemote(src: src, dst: dst, port: port, route: route)
    }

    /// A frame from the LAN (`remote`, or a child of eth0 through the router) for a child of this host.
    mutating func lanToChild(_ child: PacketPath.VlanChild, dst: IPv4Address, port: Int?) -> PathVerdict {
        guard child.parent == "eth0", path.engine.host.lan.contains(dst) else {
            events.append(.segmentEnd(parent: child.parent))
            return .noHost(dst)
        }
        if VlanLinks.isL3(child.network) {
            events.append(.l3NoReturn(source: dst))
            return .noHost(dst)
        }
        events.append(.lanToChild(parent: child.parent))
        return deliverLocal(site: .container(child.containerID), address: dst, port: port)
    }

    /// The host's own packet (or one it forwards) heads for one of its children: it never arrives.
    mutating func hostToChild(_ child: PacketPath.VlanChild, dst: IPv4Address) -> PathVerdict {
        if child.parent == "eth0" {
            events.append(.childIsolation(parent: child.parent))
        } else {
            events.append(.segmentEnd(parent: child.parent))
        }
        return .noHost(dst)
    }
}
