/// What a rule does when it matches (`-j TARGET [options]`).
public enum RuleTarget: Sendable, Hashable {
    case accept
    case drop
    case reject(with: String)
    case returnFromChain
    case log(prefix: String?)
    /// A jump to a user-defined chain.
    case jump(String)
    case dnat(IPv4Address, port: Int?)
    case masquerade

    /// The name in the `target` column (`ACCEPT`, `DOCKER-USER`…).
    public var name: String {
        switch self {
        case .accept: return "ACCEPT"
        case .drop: return "DROP"
        case .reject: return "REJECT"
        case .returnFromChain: return "RETURN"
        case .log: return "LOG"
        case .jump(let chain): return chain
        case .dnat: return "DNAT"
        case .masquerade: return "MASQUERADE"
        }
    }

    /// The words `iptables -S` prints after `-j`.
    public var saveWords: [String] {
        switch self {
        case .reject(let with): return ["REJECT", "--reject-with", with]
        case .log(let prefix):
            guard let prefix else { return ["LOG"] }
            return ["LOG", "--log-prefix", "\"\(prefix)\""]
        case .dnat(let ip, let port):
            return ["DNAT", "--to-destination", port.map { "\(ip):\($0)" } ?? ip.description]
        default: return [name]
        }
    }

    /// What `iptables -L` prints for the target's options (with the leading space), or "".
    public var listText: String {
        switch self {
        case .reject(let with): return " reject-with " + with
        case .log(let prefix): return " LOG flags 0 level 4" + (prefix.map { " prefix \"\($0)\"" } ?? "")
        case .dnat(let ip, let port): return " to:" + (port.map { "\(ip):\($0)" } ?? ip.description)
        default: return ""
        }
    }

    /// The user chain this target jumps to, if any.
    public var jumpTarget: String? { if case .jump(let c) = self { return c } else { return nil } }
}
