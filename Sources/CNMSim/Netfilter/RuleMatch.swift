/// An address condition (`-s`/`-d`), possibly negated with `!`.
public struct AddressMatch: Sendable, Hashable {
    public var subnet: IPv4Subnet
    public var negated: Bool

    public init(_ subnet: IPv4Subnet, negated: Bool = false) {
        self.subnet = subnet.canonical
        self.negated = negated
    }

    func matches(_ ip: IPv4Address) -> Bool { subnet.contains(ip) != negated }
}

/// An interface condition (`-i`/`-o`); a trailing `+` matches every name with that prefix.
public struct InterfaceMatch: Sendable, Hashable {
    public var name: String
    public var negated: Bool

    public init(_ name: String, negated: Bool = false) { self.name = name; self.negated = negated }

    func matches(_ iface: String?) -> Bool {
        let hit: Bool
        if let iface {
            hit = name.hasSuffix("+") ? iface.hasPrefix(String(name.dropLast())) : iface == name
        } else {
            hit = false
        }
        return hit != negated
    }
}

/// A port or inclusive port range, possibly negated (`--dport 80`, `! --dport 8000:8010`).
public struct PortMatch: Sendable, Hashable {
    public var low: Int
    public var high: Int
    public var negated: Bool

    public init(low: Int, high: Int, negated: Bool = false) { self.low = low; self.high = high; self.negated = negated }

    func matches(_ port: Int?) -> Bool {
        guard let port else { return false }
        return (port >= low && port <= high) != negated
    }

    /// `80` or `8000:8010`, as `iptables -S` prints it.
    public var text: String { low == high ? "\(low)" : "\(low):\(high)" }
}

/// A `-m` match module of a rule, in the order the rule was written.
public enum RuleMatch: Sendable, Hashable {
    /// `-m tcp`/`-m udp` with `--sport`/`--dport`.
    case ports(proto: String, sport: PortMatch?, dport: PortMatch?)
    /// `-m conntrack --ctstate STATES`.
    case conntrack(states: [String], negated: Bool)
    /// `-m addrtype --src-type T --dst-type T` (each optional, each negatable).
    case addrtype(src: String?, srcNegated: Bool, dst: String?, dstNegated: Bool)
    /// `-m multiport --dports P,Q` (or `--sports`).
    case multiport(ports: [PortMatch], source: Bool, negated: Bool)

    /// Connection-tracking states in the order iptables prints them.
    public static let ctstateOrder = ["INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"]

    /// The words `iptables -S` prints for this match.
    public var saveWords: [String] {
        switch self {
        case .ports(let proto, let sport, let dport):
            var w = ["-m", proto]
            if let sport { w += (sport.negated ? ["!"] : []) + ["--sport", sport.text] }
            if let dport { w += (dport.negated ? ["!"] : []) + ["--dport", dport.text] }
            return w
        case .conntrack(let states, let negated):
            return ["-m", "conntrack"] + (negated ? ["!"] : []) + ["--ctstate", states.joined(separator: ",")]
        case .addrtype(let src, let srcNeg, let dst, let dstNeg):
            var w = ["-m", "addrtype"]
            if let src { w += (srcNeg ? ["!"] : []) + ["--src-type", src] }
            if let dst { w += (dstNeg ? ["!"] : []) + ["--dst-type", dst] }
            return w
        case .multiport(let ports, let source, let negated):
            return ["-m", "multiport"] + (negated ? ["!"] : []) + [source ? "--sports" : "--dports",
                                                                   ports.map(\.text).joined(separator: ",")]
        }
    }

    /// The text `iptables -L` appends after the destination column (each part with its leading space).
    public func listText(numeric: Bool) -> String {
        func port(_ p: Int) -> String { numeric ? "\(p)" : (ServiceNames.name(port: p) ?? "\(p)") }
        switch self {
        case .ports(let proto, let sport, let dport):
            var s = " " + proto
            for (label, m) in [("spt", sport), ("dpt", dport)] {
                guard let m else { continue }
                let inv = m.negated ? "!" : ""
                if m.low == m.high { s += " \(label):\(inv)\(port(m.low))" } else { s += " \(label)s:\(inv)\(port(m.low)):\(port(m.high))" }
            }
            return s
        case .conntrack(let states, let negated):
            return (negated ? " !" : "") + " ctstate " + states.joined(separator: ",")
        case .addrtype(let src, let srcNeg, let dst, let dstNeg):
            var s = " ADDRTYPE match"
            if let src { s += " src-type " + (srcNeg ? "!" : "") + src }
            if let dst { s += " dst-type " + (dstNeg ? "!" : "") + dst }
            return s
        case .multiport(let ports, let source, let negated):
            let list = ports.map { $0.low == $0.high ? port($0.low) : port($0.low) + ":" + port($0.high) }
            return " multiport " + (source ? "sports " : "dports ") + (negated ? " !" : "") + list.joined(separator: ",")
        }
    }
}

/// The few `/etc/services` names `iptables -L` (without `-n`) prints for ports.
public enum ServiceNames {
    public static func name(port: Int) -> String? {
        switch port {
        case 22: return "ssh"
        case 53: return "domain"
        case 80: return "http"
        case 443: return "https"
        case 3306: return "mysql"
        case 5432: return "postgresql"
        case 8080: return "http-alt"
        default: return nil
        }
    }
}
