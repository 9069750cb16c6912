import CNMSim

/// Extra machines named on a command line (`--host worker1`, `--host db=192.168.1.120`),
/// under the same rules as a lab's `hosts:` (`HostPlan`).
public enum HostList {
    /// The machines for `items`, or the first problem in English.
    public static func parse(_ items: [String]) -> Result<[HostSpec], HostListError> {
        guard items.count <= LabHosts.maxHosts else {
            return .failure(HostListError("at most \(LabHosts.maxHosts) extra machines (\(items.count) given)"))
        }
        var plan = HostPlan()
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = parts[0]
            switch plan.check(name) {
            case .notHostname?: return .failure(HostListError("'\(name)' is not a hostname (a-z first, then a-z, 0-9, '-')"))
            case .reservedName?: return .failure(HostListError("'\(name)' is already a place on the LAN"))
            case .repeated?: return .failure(HostListError("'\(name)' is named twice"))
            case .taken?, nil: break
            }
            var address: IPv4Address?
            if parts.count == 2 {
                guard let ip = HostPlan.lanAddress(parts[1]) else {
                    return .failure(HostListError("'\(parts[1])' is not an address of the LAN 192.168.1.0/24"))
                }
                address = ip
            }
            if case .taken(let ip)? = plan.place(name, address: address) {
                return .failure(HostListError("\(ip) of \(name) is already taken on the LAN"))
            }
        }
        let (hosts, unplaced) = plan.assign()
        if let i = unplaced.first { return .failure(HostListError("no free LAN address for \(plan.entries[i].name)")) }
        return .success(hosts)
    }
}

/// A list of extra machines being built under the rules of a lab's `hosts:`: hostnames,
/// no name twice nor one that already means a place on the LAN, the course's addresses for
/// manager1/worker1/worker2, addresses given or else the lowest free 192.168.1.101 and up.
/// Both the lab decoder and `--host` use it; each words the problems its own way.
struct HostPlan {
    enum Problem: Equatable { case notHostname, reservedName, repeated, taken(IPv4Address) }

    private(set) var entries: [(name: String, address: IPv4Address?)] = []
    private var names: Set<String> = []
    private var taken = LabHosts.reservedAddresses

    /// An address a machine may have: on the LAN 192.168.1.0/24, not its network or broadcast address.
    static func lanAddress(_ text: String) -> IPv4Address? {
        guard let ip = IPv4Address(text), LabHosts.lan.contains(ip), ip != LabHosts.lan.network,
              ip != IPv4Address(192, 168, 1, 255) else { return nil }
        return ip
    }

    /// Whether `name` may be a new machine's name (`repeated` once it has been placed).
    func check(_ name: String) -> Problem? {
        guard LabHosts.isHostname(name) else { return .notHostname }
        guard !LabHosts.reservedNames.contains(name) else { return .reservedName }
        return names.contains(name) ? .repeated : nil
    }

    /// Adds a machine whose name passed `check`, at `address` or the course's (nil: assigned later).
    mutating func place(_ name: String, address: IPv4Address?) -> Problem? {
        guard names.insert(name).inserted else { return .repeated }
        let ip = address ?? Cluster.courseHosts.first { $0.name == name }?.address
        if let ip, !taken.insert(ip).inserted { return .taken(ip) }
        entries.append((name, ip))
        return nil
    }

    /// The machines in order, free addresses handed out; the indexes of entries left without one.
    mutating func assign() -> (hosts: [HostSpec], unplaced: [Int]) {
        var hosts: [HostSpec] = []
        var unplaced: [Int] = []
        for (i, e) in entries.enumerated() {
            if let ip = e.address { hosts.append(HostSpec(name: e.name, address: ip)); continue }
            guard let free = (101...254).lazy.map({ IPv4Address(192, 168, 1, UInt8($0)) }).first(where: { !taken.contains($0) }) else {
                unplaced.append(i)
                continue
            }
            taken.insert(free)
            hosts.append(HostSpec(name: e.name, address: free))
        }
        return (hosts, unplaced)
    }
}

/// Why a `--host` list was refused.
public struct HostListError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ text: String) { description = text }
}
