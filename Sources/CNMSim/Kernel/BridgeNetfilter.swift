/// The host kernel's `br_netfilter` module: whether frames a Linux bridge switches between two of
/// its own ports go through the host's iptables chains (`net.bridge.bridge-nf-call-iptables`).
///
/// A fresh host does not have it loaded, so traffic between two containers of one bridge network
/// never reaches `FORWARD` (nor `DOCKER-USER`). dockerd loads it, and sets the switches to 1, only
/// when a bridge network needs it: `enable_icc=false` (the `-i BR -o BR -j DROP` rule works only on
/// switched frames) or a daemon running without the userland proxy (moby v28.2.2
/// libnetwork/drivers/bridge/bridge_linux.go line 861 `enableBrNfCallIptables`,
/// setup_bridgenetfiltering.go `enableBridgeNetFiltering`, which runs when IPv4 forwarding is on —
/// dockerd turned it on at start). The module stays loaded when that network is removed. cnmlab's
/// daemon always runs with the userland proxy, so an ICC-off network (docker_gwbridge included) is
/// what loads it; `modprobe br_netfilter` and `sysctl -w` change it by hand.
public struct BridgeNetfilter: Sendable, Hashable {
    /// Whether the module is loaded (`/proc/sys/net/bridge` exists).
    public var loaded = false
    /// `net.bridge.bridge-nf-call-iptables` and `-ip6tables`: 1 by default once the module loads.
    public var callIptables = false
    public var callIp6tables = false

    public init() {}

    /// Whether switched IPv4 frames run the host's iptables chains.
    public var active: Bool { loaded && callIptables }

    /// `modprobe br_netfilter`: the module loads with both switches on; loading it again changes nothing.
    public mutating func load() {
        guard !loaded else { return }
        loaded = true
        callIptables = true
        callIp6tables = true
    }
}

extension Engine {
    /// What dockerd does for a new bridge network: loads br_netfilter and turns
    /// `bridge-nf-call-iptables` on when the network has ICC off (`setupIPv4BridgeNetFiltering`).
    mutating func setUpBridgeNetfilter(for network: Network) {
        guard network.driver == .bridge, !network.configOnly, !network.iccEnabled else { return }
        bridgeNetfilter.load()
        bridgeNetfilter.callIptables = true
    }

    /// `modprobe br_netfilter` on the host.
    public mutating func loadBridgeNetfilterModule() {
        bridgeNetfilter.load()
    }

    /// `sysctl -w net.bridge.bridge-nf-call-ip(6)tables=V`: false when the module is not loaded (the key does not exist).
    public mutating func setBridgeNetfilterSwitch(ipv6: Bool, on: Bool) -> Bool {
        guard bridgeNetfilter.loaded else { return false }
        if ipv6 { bridgeNetfilter.callIp6tables = on } else { bridgeNetfilter.callIptables = on }
        return true
    }
}
