/// A place a simulated packet can start from or arrive at.
public enum NetSite: Sendable, Hashable {
    case host
    case container(String)
    /// The LAN machine `remote` (192.168.1.50).
    case remote
    /// Any other machine outside the Docker host (LAN router, LAN hosts, the internet).
    case outside(IPv4Address)
}

/// One thing that happened to a packet on its way, in order (what `why` prints).
public enum PathEvent: Sendable, Hashable {
    /// The sender's routing table chose `device` (via `gateway`, if any) and source address `source`.
    case route(site: NetSite, destination: IPv4Address, device: String, gateway: IPv4Address?, source: IPv4Address)
    /// The sender has no route to the destination.
    case noRoute(site: NetSite, destination: IPv4Address)
    /// The destination is one of the sender's own addresses.
    case local(site: NetSite, destination: IPv4Address)
    /// The bridge switches the frame between two of its ports.
    case bridged(bridge: String)
    /// Whether br_netfilter runs the host's iptables chains on that switched frame (`BridgeNetfilter`).
    case bridgeNetfilter(loaded: Bool, active: Bool)
    /// The packet enters the host's IP stack on `device`.
    case entersHost(device: String)
    /// The LAN router forwards traffic for the host's bridge subnets to the host.
    case lanRouter
    /// A chain was traversed.
    case chain(ChainVisit)
    case dnat(from: IPv4Address, fromPort: Int?, to: IPv4Address, toPort: Int?)
    case masquerade(from: IPv4Address, to: IPv4Address)
    /// The host's routing decision: deliver locally (`device` nil) or forward out `device`.
    case hostRouting(destination: IPv4Address, device: String?)
    /// docker-proxy accepted on a published port and opens its own connection to the container.
    case proxy(listen: String, to: IPv4Address, port: Int)
    /// The reply direction, matched by conntrack, starts here.
    case reply
    /// The packet left for the internet with a private source that was not masqueraded
    /// (`enable_ip_masquerade=false`): no reply finds its way back (the verdict is a drop without a rule).
    case noReturnRoute(source: IPv4Address)
    /// A container's macvlan/ipvlan interface sends straight out its parent link (no host chains).
    case childLink(parent: String, driver: String, mode: String)
    /// The parent link switches the frame to another of its children (bridge mode).
    case parentSwitches(parent: String)
    /// The mode (macvlan private/vepa, ipvlan flag private/vepa) keeps children of a parent apart.
    case childModeBlocks(driver: String, mode: String)
    /// The LAN delivers the frame to a child of the host's eth0 directly.
    case lanToChild(parent: String)
    /// The host and its own macvlan/ipvlan children cannot exchange frames (kernel property).
    case childIsolation(parent: String)
    /// Nothing but this host's children is on the parent's segment (VLAN sub-interface, dummy).
    case segmentEnd(parent: String)
    /// ipvlan l3: the children answer no ARP, so nothing on the LAN can reply to or reach `source`.
    case l3NoReturn(source: IPv4Address)
    /// The frame crosses the LAN from one simulated machine to another.
    case lanWire(from: IPv4Address, to: IPv4Address, machine: String)
    /// The overlay network's bridge (`br0` in the network's namespace) switches the frame on this node.
    case overlaySwitch(network: String)
    /// The overlay sends the frame to another node in VXLAN (UDP 4789), inside IPsec ESP when encrypted.
    case vxlan(network: String, vni: Int, from: IPv4Address, to: IPv4Address, encrypted: Bool)
    /// IPVS picks one of a virtual service's backends, in turn (`address:port` → backend).
    case ipvs(virtual: IPv4Address, port: Int?, backend: IPv4Address, of: Int)
    /// The routing mesh: docker_gwbridge delivers to the node's ingress sandbox.
    case ingressSandbox(address: IPv4Address)
    /// A private destination off the LAN: the LAN router has no route for it.
    case privateUnrouted(destination: IPv4Address)
}

/// How a simulated packet's journey ended.
public enum PathVerdict: Sendable, Hashable {
    /// Reached `site` at `address`; for TCP/UDP, `service` is what listens there (nil for ICMP).
    case delivered(site: NetSite, address: IPv4Address, service: ServiceListener?)
    /// Reached a machine on which nothing listens on that port (TCP RST / ICMP port unreachable).
    case refused(site: NetSite, address: IPv4Address)
    /// docker-proxy accepted the connection but could not reach the container.
    case proxyBackendFailed
    /// The sender has no route: `Network is unreachable`.
    case networkUnreachable
    /// Silently dropped by a rule or a policy (the sender times out).
    case dropped(rule: String?)
    /// Rejected by a REJECT rule (`Connection refused` / ICMP error).
    case rejected(rule: String)
    /// No machine has the address (ARP gets no answer).
    case noHost(IPv4Address)
    /// The packet left for another simulated machine; `ClusterPath` continues the walk there.
    case handoff(Handoff)

    public var isDelivered: Bool { if case .delivered = self { return true } else { return false } }
}

/// The full story of one simulated connection attempt.
public struct PathResult: Sendable, Hashable {
    public var events: [PathEvent]
    public var verdict: PathVerdict
    /// Routers crossed on the way (the reply's TTL is 64 minus this, for simulated machines).
    public var hops: Int
    /// The container that answered, if one did.
    public var servedBy: String?
    /// The machine that answered, when the walk crossed to another one (its hostname).
    public var servedOn: String?
    /// The IPVS services whose round-robin turn this connection used.
    public var ipvsKeys: [String] = []
    /// Every hook the first packet (and the reply checked for it) went through on the sending
    /// machine, with the rules met: what `Engine.count` moves the counters of.
    var hookRuns: [HookRun] = []
    /// The hooks the walk went through on the other machines it crossed to (`ClusterPath`), in order:
    /// that machine's netfilter sees the same packets, so its counters move too (`counted(on:)`).
    var hookRunsElsewhere: [MachineHookRuns] = []
    /// Set when the first packet left this machine for another one (`.handoff`): what the reply
    /// crosses on its way back in, for `ClusterPath` to walk once the far end has answered.
    var pendingReply: PendingReply?

    /// The hostnames of the other machines whose hooks the walk went through, each once, in order.
    public var machinesCrossed: [String] {
        var seen: [String] = []
        for m in hookRunsElsewhere where !m.runs.isEmpty && !seen.contains(m.machine) { seen.append(m.machine) }
        return seen
    }

    /// This walk as the machine `hostname` met it: the same verdict, with that machine's hook runs
    /// only, for `Engine.count` on that machine's engine.
    public func counted(on hostname: String) -> PathResult {
        var r = self
        r.hookRuns = hookRunsElsewhere.filter { $0.machine == hostname }.flatMap(\.runs)
        r.hookRunsElsewhere = []
        return r
    }
}

/// The hook runs of one machine a cross-machine walk reached.
struct MachineHookRuns: Sendable, Hashable {
    let machine: String
    let runs: [HookRun]
}

/// One run of a packet through one hook (a built-in chain of a table), as the walk made it.
struct HookRun: Sendable, Hashable {
    let table: NetfilterTable
    let chain: String
    let packet: NetfilterPacket
    /// The chains and rules met, in order.
    let visits: [ChainVisit]
    /// Whether this is the reply direction (conntrack ESTABLISHED).
    let reply: Bool
}

/// Where a packet goes when it leaves one simulated machine for another.
public enum Handoff: Sendable, Hashable {
    /// Over the LAN to the machine that owns `machine` (its eth0 address), addressed to `destination`.
    case lan(machine: IPv4Address, destination: IPv4Address, source: IPv4Address, port: Int?)
    /// Over an overlay network (VXLAN) to the node at `node`, for the endpoint `destination`.
    case overlay(networkID: String, node: IPv4Address, destination: IPv4Address, source: IPv4Address, port: Int?)
}

/// The sending machine's side of a reply that comes back from another machine: the hooks the first
/// packet went out through (newest last), its conntrack origin, and the reply's addresses (`rawDestination`
/// before conntrack undoes the sender's MASQUERADE).
struct PendingReply: Sendable, Hashable {
    struct Leg: Sendable, Hashable {
        let kind: String
        let inInterface: String?
        let outInterface: String?
    }
    let legs: [Leg]
    let originAddress: IPv4Address?
    let originPort: Int?
    let source: IPv4Address
    let destination: IPv4Address
    let rawDestination: IPv4Address
    let port: Int?
}
