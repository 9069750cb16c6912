import CNMSim
import Yams

/// Reads a lab's `hosts:` — the extra machines on the simulated LAN besides docker-host.
///
/// An entry is a name (`worker1`) or a mapping `{name, address}`. `manager1`, `worker1` and
/// `worker2` take the course's addresses (192.168.1.101–103, `Cluster.courseHosts`) unless an
/// address is given; any other name takes the lowest free 192.168.1.101 and up. Addresses
/// must be on the LAN (192.168.1.0/24) and clash with nothing already there: the router
/// (.1), `remote` (.50), docker-host (.100) or another entry.
enum LabHosts {
    /// Most extra machines a lab may declare (each has a whole engine).
    static let maxHosts = 8
    /// Names a machine cannot take: they already mean something in checks and commands.
    static let reservedNames: Set<String> = ["docker-host", "host", "remote", "localhost"]
    /// LAN addresses taken before any lab machine: the router, `remote`, docker-host.
    static let reservedAddresses: Set<IPv4Address> = [IPv4Address(192, 168, 1, 1), IPv4Address(192, 168, 1, 50),
                                                       IPv4Address(192, 168, 1, 100)]
    static let lan = IPv4Subnet(address: IPv4Address(192, 168, 1, 0), prefixLength: 24)

    /// A hostname: a lowercase letter, then lowercase letters, digits or '-', at most 32 characters.
    static func isHostname(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first >= "a" && first <= "z", s.count <= 32 else { return false }
        return s.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }
}

extension NodeReader {
    /// The machines of `hosts:` with their addresses; problems are reported at the entry.
    mutating func hostList(_ node: Node) -> [HostSpec] {
        guard case .sequence(let seq) = node else {
            report(.wrongType, ["hosts", LabText.phrase(.hostsList)], node)
            return []
        }
        if seq.count > LabHosts.maxHosts {
            report(.invalidValue, ["hosts", LabText.phrase(.tooManyHosts, String(seq.count), String(LabHosts.maxHosts))], node)
            return []
        }
        // First the names and the addresses given (or the course's), then free addresses for the rest.
        var plan = HostPlan()
        var nodes: [Node] = []
        for item in seq {
            var name: String?
            var address: IPv4Address?
            var addressNode: Node?
            switch item {
            case .mapping:
                guard let f = mapping(item, "hosts", allowed: ["name", "address"], required: ["name"]) else { continue }
                name = f.values["name"].flatMap { string($0, "hosts.name", template: false) }
                if let a = f.values["address"], let text = string(a, "hosts.address", template: false) {
                    addressNode = a
                    guard let ip = HostPlan.lanAddress(text) else {
                        report(.invalidValue, ["hosts.address", LabText.phrase(.lanAddress, text)], a)
                        continue
                    }
                    address = ip
                }
            default:
                name = string(item, "hosts entry", template: false)
            }
            guard let name else { continue }
            switch plan.check(name) {
            case .notHostname?:
                report(.invalidValue, ["hosts", LabText.phrase(.hostnameChars, name)], item)
                continue
            case .reservedName?:
                report(.invalidValue, ["hosts", LabText.phrase(.reservedHost, name, LabHosts.reservedNames.sorted().joined(separator: ", "))], item)
                continue
            case .repeated?:
                report(.duplicateID, ["hosts: " + name], item)
                continue
            case .taken?, nil:
                break
            }
            if case .taken(let ip)? = plan.place(name, address: address) {
                report(.invalidValue, ["hosts.address", LabText.phrase(.addressTaken, ip.description, name)], addressNode ?? item)
                continue
            }
            nodes.append(item)
        }
        let (hosts, unplaced) = plan.assign()
        for i in unplaced {
            report(.invalidValue, ["hosts", LabText.phrase(.noFreeAddress, plan.entries[i].name)], nodes[i])
        }
        return hosts
    }

    /// A `host:` field of a check: docker-host or one of the lab's machines.
    mutating func machineName(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what, template: false) else { return nil }
        let known = ["docker-host"] + machines
        guard known.contains(s) else {
            report(.invalidValue, [what, LabText.phrase(.unknownMachine, s, known.joined(separator: ", ")) + LabText.didYouMean(s, known)], node)
            return nil
        }
        return s
    }
}
