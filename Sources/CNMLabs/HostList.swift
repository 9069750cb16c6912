import CNMSim

/// Extra machines named on a command line (`--host worker1`, `--host db=192.168.1.120`),
/// under the same rules as a lab's `hosts:`: hostnames, LAN addresses, the course's
/// addresses for manager1/worker1/worker2, the lowest free 192.168.1.101+ for the rest.
public enum HostList {
    /// The machines for `items`, or the first problem in English.
    public static func parse(_ items: [String]) -> Result<[HostSpec], HostListError> {
        guard items.count <= LabHosts.maxHosts else {
            return .failure(HostListError("at most \(LabHosts.maxHosts) extra machines (\(items.count) given)"))
        }
        var names: Set<String> = []
        var taken = LabHosts.reservedAddresses
        var entries: [(name: String, address: IPv4Address?)] = []
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = parts[0]
            guard LabHosts.isHostname(name) else {
                return .failure(HostListError("'\(name)' is not a hostname (a-z first, then a-z, 0-9, '-')"))
            }
            guard !LabHosts.reservedNames.contains(name) else {
                return .failure(HostListError("'\(name)' is already a place on the LAN"))
            }
            guard names.insert(name).inserted else { return .failure(HostListError("'\(name)' is named twice")) }
            var address = Cluster.courseHosts.first { $0.name == name }?.address
            if parts.count == 2 {
                guard let ip = IPv4Address(parts[1]), LabHosts.lan.contains(ip), ip != LabHosts.lan.network,
                      ip != IPv4Address(192, 168, 1, 255) else {
                    return .failure(HostListError("'\(parts[1])' is not an address of the LAN 192.168.1.0/24"))
                }
                address = ip
            }
            if let ip = address, !taken.insert(ip).inserted {
                return .failure(HostListError("\(ip) of \(name) is already taken on the LAN"))
            }
            entries.append((name, address))
        }
        var out: [HostSpec] = []
        for e in entries {
            if let ip = e.address { out.append(HostSpec(name: e.name, address: ip)); continue }
            guard let free = (101...254).lazy.map({ IPv4Address(192, 168, 1, UInt8($0)) }).first(where: { !taken.contains($0) }) else {
                return .failure(HostListError("no free LAN address for \(e.name)"))
            }
            taken.insert(free)
            out.append(HostSpec(name: e.name, address: free))
        }
        return .success(out)
    }
}

/// Why a `--host` list was refused.
public struct HostListError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ text: String) { description = text }
}
