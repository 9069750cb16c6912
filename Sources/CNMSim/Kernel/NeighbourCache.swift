/// The kernel's neighbour (ARP) table of every network namespace of one machine: the host's and
/// each running container's. Entries appear when simulated traffic crosses a link
/// (`NeighbourLearning`) and age on the simulated clock; `ip neigh` and `arp` read them.
///
/// Part of the engine's state (and so of the state fingerprint): what a learner's pings and
/// connections taught the kernels is as real as the networks they made.
///
/// States follow Linux `net/core/neighbour.c` with the default `net.ipv4.neigh.*` settings
/// (`Documentation/networking/ip-sysctl.rst`): a neighbour whose reachability was confirmed is
/// REACHABLE for `base_reachable_time` (30 s; the kernel draws each entry's time between 15 and
/// 45 s, the simulation takes 30), then STALE; a STALE entry used again is DELAY for
/// `delay_first_probe_time` (5 s) unless an upper layer (TCP) confirms it at once, then its
/// unicast probe makes it REACHABLE; a neighbour that never answers is INCOMPLETE for
/// `mcast_solicit` × `retrans_time` (3 × 1 s), then FAILED. Tables this small are never
/// garbage-collected (`gc_thresh1` is 128), so STALE and FAILED entries stay.
public struct NeighbourCache: Sendable, Hashable {
    /// `base_reachable_time` (net.ipv4.neigh.default.base_reachable_time_ms = 30000).
    public static let reachableSeconds: Int64 = 30
    /// `delay_first_probe_time` (5 s).
    public static let delaySeconds: Int64 = 5
    /// `mcast_solicit` (3) × `retrans_time` (1 s): how long resolution is tried before FAILED.
    public static let resolveSeconds: Int64 = 3

    /// Namespace key (`""` for the host, else the container ID) → its entries, in the order learned.
    public internal(set) var tables: [String: [NeighbourEntry]] = [:]

    public init() {}

    /// The table of the host's namespace.
    public static let hostKey = ""
}

/// One neighbour of one namespace: an IPv4 address on a device, and what is known of it.
public struct NeighbourEntry: Sendable, Hashable {
    public var address: IPv4Address
    public var device: String
    /// The link-layer address; nil while unresolved (INCOMPLETE, FAILED).
    public var lladdr: MACAddress?
    /// When the entry was made (entries older than a container's start belong to an earlier run).
    public var created: SimTime
    /// The last confirmation of reachability (REACHABLE for 30 s from then), or for an
    /// unresolved entry the moment resolution began.
    public var confirmed: SimTime
    /// A DELAY that ends (with a confirmation) at this time.
    public var delayUntil: SimTime?

    /// The state at `now`, with the kernel's name for it.
    public func state(at now: SimTime) -> NeighbourState {
        guard lladdr != nil else {
            return now.seconds(since: confirmed) < NeighbourCache.resolveSeconds && now >= confirmed ? .incomplete : .failed
        }
        if let d = delayUntil, now < d { return .delay }
        let since = delayUntil.map { max($0, confirmed) } ?? confirmed
        return now < since.adding(nanoseconds: NeighbourCache.reachableSeconds * 1_000_000_000) ? .reachable : .stale
    }
}

/// The NUD states `ip neigh` names (iproute2 `print_neigh_state`), in the kernel's bit order.
public enum NeighbourState: String, Sendable, Hashable {
    case incomplete = "INCOMPLETE", reachable = "REACHABLE", stale = "STALE", delay = "DELAY", failed = "FAILED"

    /// Whether `/proc/net/arp` marks the entry complete (`ATF_COM`: any NUD_VALID state).
    public var isComplete: Bool { self == .reachable || self == .stale || self == .delay }
}

extension Engine {
    /// The neighbours of the namespace `containerID` (the host's when nil) as the kernel would list
    /// them now: entries of the current run on devices that still exist, in the order learned.
    public func neighbourEntries(of containerID: String?) -> [NeighbourEntry] {
        let key: String
        let devices: Set<String>
        if let id = containerID, let c = containers[id], !c.sharesHostNetwork {
            guard c.isRunning, let ns = KernelView.namespace(of: c, in: self) else { return [] }
            key = id
            devices = Set(ns.interfaces.map(\.name))
            let started = c.startedAt ?? .epoch
            return (neighbours.tables[key] ?? []).filter { devices.contains($0.device) && $0.created >= started }
        }
        key = NeighbourCache.hostKey
        devices = Set(KernelView.host(self).interfaces.map(\.name))
        return (neighbours.tables[key] ?? []).filter { devices.contains($0.device) }
    }
}
