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
    /// `-m multiport --ports P,Q`: the source or the destination port is one of them.
    case multiportEither(ports: [PortMatch], negated: Bool)
    /// `-m conntrack` with the connection's original destination (`--ctorigdst`, `--ctorigdstport`,
    /// what DOCKER-USER rules use to match a published port after DNAT), maybe with `--ctstate`.
    case conntrackOriginal(ConntrackOriginal)
    /// `-m comment --comment TEXT`: matches every packet; `-L` shows `/* TEXT */`.
    case comment(String)

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
        case .multiportEither(let ports, let negated):
            return ["-m", "multiport"] + (negated ? ["!"] : []) + ["--ports", ports.map(\.text).joined(separator: ",")]
        case .conntrackOriginal(let c):
            return ["-m", "conntrack"] + c.words(prefix: "--", numeric: true)
        case .comment(let text):
            return ["-m", "comment", "--comment", Self.saveString(text)]
        }
    }

    /// A string as iptables-save writes it (`xtables_save_string`): bare when it is only letters,
    /// digits, `_` and `-`; else in double quotes with `"`, `\\` and `'` escaped.
    public static func saveString(_ s: String) -> String {
        let bare = Set("_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if !s.isEmpty && s.allSatisfy(bare.contains) { return s }
        var out = "\""
        for ch in s {
            if ch == "\"" || ch == "\\" || ch == "'" { out.append("\\") }
            out.append(ch)
        }
        return out + "\""
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
        case .multiportEither(let ports, let negated):
            let list = ports.map { $0.low == $0.high ? port($0.low) : port($0.low) + ":" + port($0.high) }
            return " multiport ports " + (negated ? " !" : "") + list.joined(separator: ",")
        case .conntrackOriginal(let c):
            return " " + c.words(prefix: "", numeric: numeric).joined(separator: " ")
        case .comment(let text):
            return " /* \(text) */"
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

/// `-m conntrack` on the connection's original direction: its state, original destination
/// address and port (libxt_conntrack revision 3, printed in its fixed order: ctstate, ctorigdst,
/// ctorigdstport).
public struct ConntrackOriginal: Sendable, Hashable {
    public var states: [String]?
    public var statesNegated: Bool
    public var destination: AddressMatch?
    public var destinationPort: PortMatch?

    public init(states: [String]? = nil, statesNegated: Bool = false, destination: AddressMatch? = nil, destinationPort: PortMatch? = nil) {
        self.states = states; self.statesNegated = statesNegated; self.destination = destination; self.destinationPort = destinationPort
    }

    /// `conntrack_dump`: `--ctstate S --ctorigdst A --ctorigdstport P` with `prefix` `--` (save) or
    /// `ctstate S ctorigdst A ctorigdstport P` (list); a /32 shows no mask.
    func words(prefix: String, numeric: Bool) -> [String] {
        var w: [String] = []
        if let states {
            w += (statesNegated ? ["!"] : []) + [prefix + "ctstate", states.joined(separator: ",")]
        }
        if let d = destination {
            let text = !numeric && d.subnet.prefixLength == 0 ? "anywhere"
                : d.subnet.prefixLength == 32 ? d.subnet.address.description : d.subnet.description
            w += (d.negated ? ["!"] : []) + [prefix + "ctorigdst", text]
        }
        if let p = destinationPort {
            w += (p.negated ? ["!"] : []) + [prefix + "ctorigdstport", p.text]
        }
        return w
    }
}
