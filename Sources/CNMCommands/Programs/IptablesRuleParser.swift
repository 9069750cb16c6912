import CNMSim

/// Parses the rule part of an `iptables` command line (`-s -d -i -o -p`, `-m …`,
/// `-j …`) into a `NetfilterRule`, with iptables v1.8.10's complaints.
struct IptablesRuleParser {
    /// A parsed rule, or what iptables prints when it refuses the words.
    enum RuleParse {
        case success(NetfilterRule)
        case failure(CommandOutput)
    }

    static let version = "iptables v1.8.10 (nf_tables)"

    /// Targets iptables v1.8.10 has that cnmlab does not simulate (a jump to one is not a jump to a chain).
    static let unsimulatedTargets: Set<String> = [
        "SNAT", "REDIRECT", "MARK", "CONNMARK", "TCPMSS", "NOTRACK", "CT", "TRACE", "NFLOG", "NFQUEUE", "TEE",
        "TPROXY", "CLASSIFY", "DSCP", "TOS", "TTL", "ECN", "SET", "AUDIT", "CHECKSUM", "CONNSECMARK", "SECMARK",
        "IDLETIMER", "LED", "NETMAP", "SYNPROXY", "HMARK", "CLUSTERIP", "ULOG",
    ]

    /// Options of simulated matches and targets that iptables takes but cnmlab does not simulate.
    static let unsimulatedOptions: Set<String> = [
        "--tcp-flags", "--syn", "--tcp-option", "--icmp-type", "--limit-iface-in", "--limit-iface-out",
        "--log-level", "--log-tcp-sequence", "--log-tcp-options", "--log-ip-options", "--log-uid", "--log-macdecode",
        "--random", "--random-fully", "--persistent", "--to-ports", "-f", "--fragment", "-g", "--goto",
    ]

    /// A usage error: iptables prints the message, then the `Try` line, and exits 2.
    static func usage(_ message: String) -> CommandOutput {
        .fail("\(version): \(message)\nTry `iptables -h' or 'iptables --help' for more information.\n", code: 2)
    }

    static func parsePorts(_ text: String) -> PortMatch? {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let lo = Int(parts[0]), lo >= 0, lo <= 65535 else { return nil }
        if parts.count == 1 { return PortMatch(low: lo, high: lo) }
        guard let hi = Int(parts[1]), hi >= lo, hi <= 65535 else { return nil }
        return PortMatch(low: lo, high: hi)
    }

    static func parseAddress(_ text: String) -> IPv4Subnet? {
        if let s = IPv4Subnet(text) { return s.canonical }
        if let a = IPv4Address(text) { return IPv4Subnet(address: a, prefixLength: 32) }
        return nil
    }

    /// Parses rule words; `table` decides which targets are valid.
    static func parse(_ words: [String], table: NetfilterTable) -> RuleParse {
        var rule = NetfilterRule(target: .accept)
        var target: String?
        var rejectWith: String?, logPrefix: String?, toDestination: String?
        var negate = false
        var i = 0
        var portMatchIndex: Int?
        var multiportIndex: Int?
        var modules: [String] = []
        // `-m conntrack` options, gathered into one match (printed in libxt_conntrack's fixed order).
        var conntrack = ConntrackOriginal()
        var conntrackIndex: Int?
        var comment: String?
        var commentIndex: Int?
        func value() -> String? {
            guard i + 1 < words.count else { return nil }
            i += 1
            return words[i]
        }
        while i < words.count {
            let w = words[i]
            if w == "!" { negate = true; i += 1; continue }
            let neg = negate
            negate = false
            switch w {
            case "-s", "--source", "--src", "-d", "--destination", "--dst":
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                guard let s = parseAddress(v) else { return .failure(usage("host/network `\(v)' not found")) }
                if w.hasPrefix("-s") || w == "--source" || w == "--src" { rule.source = AddressMatch(s, negated: neg) } else { rule.destination = AddressMatch(s, negated: neg) }
            case "-i", "--in-interface", "-o", "--out-interface":
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                if w == "-i" || w == "--in-interface" { rule.inInterface = InterfaceMatch(v, negated: neg) } else { rule.outInterface = InterfaceMatch(v, negated: neg) }
            case "-p", "--protocol":
                guard let v = value()?.lowercased() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                switch v {
                case "tcp", "udp", "icmp": rule.proto = v; rule.protoNegated = neg
                case "all", "0": rule.proto = nil
                case "6": rule.proto = "tcp"; rule.protoNegated = neg
                case "17": rule.proto = "udp"; rule.protoNegated = neg
                case "1": rule.proto = "icmp"; rule.protoNegated = neg
                default: return .failure(usage("unknown protocol \"\(v)\" specified"))
                }
            case "-m", "--match":
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                switch v {
                case "tcp", "udp":
                    guard rule.proto == v else { return .failure(usage("unknown option \"-m \(v)\"")) }
                    if portMatchIndex == nil { rule.matches.append(.ports(proto: v, sport: nil, dport: nil)); portMatchIndex = rule.matches.count - 1 }
                case "conntrack", "addrtype", "multiport", "comment":
                    modules.append(v)
                    if v == "conntrack" && conntrackIndex == nil {
                        rule.matches.append(.conntrackOriginal(conntrack))
                        conntrackIndex = rule.matches.count - 1
                    }
                    if v == "comment" && commentIndex == nil {
                        rule.matches.append(.comment(""))
                        commentIndex = rule.matches.count - 1
                    }
                default:
                    return .failure(NotSimulated.feature("iptables match module '\(v)'"))
                }
            case "--dport", "--destination-port", "--sport", "--source-port":
                guard let p = rule.proto, p == "tcp" || p == "udp" else { return .failure(usage("unknown option \"\(w)\"")) }
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                guard var pm = parsePorts(v) else { return .failure(usage("invalid port/service `\(v)' specified")) }
                pm.negated = neg
                if portMatchIndex == nil { rule.matches.append(.ports(proto: p, sport: nil, dport: nil)); portMatchIndex = rule.matches.count - 1 }
                if let idx = portMatchIndex, case .ports(let proto, var sport, var dport) = rule.matches[idx] {
                    if w.hasPrefix("--d") { dport = pm } else { sport = pm }
                    rule.matches[idx] = .ports(proto: proto, sport: sport, dport: dport)
                }
            case "--dports", "--destination-ports", "--sports", "--source-ports", "--ports":
                guard modules.contains("multiport") else { return .failure(usage("unknown option \"\(w)\"")) }
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                // libxt_multiport `check_proto`: a protocol with ports, not negated.
                if rule.protoNegated || (rule.proto != nil && rule.proto != "tcp" && rule.proto != "udp") {
                    return .failure(usage("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP"))
                }
                guard rule.proto != nil else {
                    return .failure(usage("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'"))
                }
                // `parse_multi_ports_v1`: at most 15 entries, a range counting two.
                var list: [PortMatch] = []
                var entries = 0
                for part in v.split(separator: ",", omittingEmptySubsequences: false) {
                    let bounds = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    entries += bounds.count
                    guard entries <= 15 else { return .failure(usage("too many ports specified")) }
                    guard let lo = Int(bounds[0]), (0...65535).contains(lo) else {
                        return .failure(usage("invalid port/service `\(bounds[0])' specified"))
                    }
                    var hi = lo
                    if bounds.count == 2 {
                        guard let h = Int(bounds[1]), (0...65535).contains(h) else {
                            return .failure(usage("invalid port/service `\(bounds[1])' specified"))
                        }
                        guard lo < h else { return .failure(usage("invalid portrange specified")) }
                        hi = h
                    }
                    list.append(PortMatch(low: lo, high: hi))
                }
                let m: RuleMatch = w == "--ports" ? .multiportEither(ports: list, negated: neg)
                    : .multiport(ports: list, source: w.hasPrefix("--s"), negated: neg)
                if let idx = multiportIndex { rule.matches[idx] = m } else { rule.matches.append(m); multiportIndex = rule.matches.count - 1 }
            case "--ctstate":
                guard modules.contains("conntrack") else { return .failure(usage("unknown option \"\(w)\"")) }
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                var states = Set<String>()
                for s in v.uppercased().split(separator: ",") {
                    guard RuleMatch.ctstateOrder.contains(String(s)) else { return .failure(.fail("\(version): Bad ctstate \"\(s)\"\n", code: 2)) }
                    states.insert(String(s))
                }
                conntrack.states = RuleMatch.ctstateOrder.filter(states.contains)
                conntrack.statesNegated = neg
            case "--ctorigdst":
                guard modules.contains("conntrack") else { return .failure(usage("unknown option \"\(w)\"")) }
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                guard let s = parseAddress(v) else { return .failure(usage("host/network `\(v)' not found")) }
                conntrack.destination = AddressMatch(s, negated: neg)
            case "--ctorigdstport":
                guard modules.contains("conntrack") else { return .failure(usage("unknown option \"\(w)\"")) }
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                guard var pm = parsePorts(v) else { return .failure(usage("invalid port/service `\(v)' specified")) }
                pm.negated = neg
                conntrack.destinationPort = pm
            case "--ctproto", "--ctorigsrc", "--ctreplsrc", "--ctrepldst", "--ctorigsrcport", "--ctreplsrcport",
                 "--ctrepldstport", "--ctstatus", "--ctexpire", "--ctdir":
                guard modules.contains("conntrack") else { return .failure(usage("unknown option \"\(w)\"")) }
                return .failure(NotSimulated.feature("the iptables conntrack option \(w)"))
            case "--comment":
                guard modules.contains("comment") else { return .failure(usage("unknown option \"\(w)\"")) }
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                // The kernel keeps 255 bytes of a comment (`XT_MAX_COMMENT_LEN`); iptables cuts the rest.
                var text = ""
                for ch in v where text.utf8.count + String(ch).utf8.count <= 255 { text.append(ch) }
                comment = text
            case "--src-type", "--dst-type":
                guard modules.contains("addrtype") else { return .failure(usage("unknown option \"\(w)\"")) }
                guard let v = value()?.uppercased() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                let known = ["UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"]
                guard known.contains(v) else { return .failure(.fail("\(version): addrtype: invalid address type \"\(v)\"\n", code: 2)) }
                if let idx = rule.matches.lastIndex(where: { if case .addrtype = $0 { return true } else { return false } }),
                   case .addrtype(var src, var srcNeg, var dst, var dstNeg) = rule.matches[idx] {
                    if w == "--src-type" { src = v; srcNeg = neg } else { dst = v; dstNeg = neg }
                    rule.matches[idx] = .addrtype(src: src, srcNegated: srcNeg, dst: dst, dstNegated: dstNeg)
                } else if w == "--src-type" {
                    rule.matches.append(.addrtype(src: v, srcNegated: neg, dst: nil, dstNegated: false))
                } else {
                    rule.matches.append(.addrtype(src: nil, srcNegated: false, dst: v, dstNegated: neg))
                }
            case "-j", "--jump":
                guard let v = value() else { return .failure(usage("option \"\(w)\" requires an argument")) }
                target = v
            case "--reject-with":
                guard target == "REJECT", let v = value() else { return .failure(usage("unknown option \"\(w)\"")) }
                rejectWith = v
            case "--log-prefix":
                guard target == "LOG", let v = value() else { return .failure(usage("unknown option \"\(w)\"")) }
                logPrefix = v
            case "--to-destination", "--to":
                guard target == "DNAT", let v = value() else { return .failure(usage("unknown option \"\(w)\"")) }
                toDestination = v
            default:
                // An option of a target or match iptables has but cnmlab does not simulate: say so,
                // rather than answer an error iptables would not print.
                if let t = target, unsimulatedTargets.contains(t) { return .failure(NotSimulated.feature("the iptables target \(t)")) }
                if unsimulatedOptions.contains(w) { return .failure(NotSimulated.feature("the iptables option \(w)")) }
                if w.hasPrefix("-") { return .failure(usage("unknown option \"\(w)\"")) }
                return .failure(.fail("Bad argument `\(w)'\nTry `iptables -h' or 'iptables --help' for more information.\n", code: 2))
            }
            i += 1
        }
        if let idx = conntrackIndex {
            if conntrack.destination == nil && conntrack.destinationPort == nil {
                // Only `--ctstate` (or nothing): the match Docker's own rules use.
                guard let states = conntrack.states else { return .failure(usage("conntrack: At least one option is required")) }
                rule.matches[idx] = .conntrack(states: states, negated: conntrack.statesNegated)
            } else {
                rule.matches[idx] = .conntrackOriginal(conntrack)
            }
        }
        if let idx = commentIndex {
            guard let comment else { return .failure(usage("comment: option \"--comment\" must be specified\n")) }
            rule.matches[idx] = .comment(comment)
        }
        if modules.contains("multiport") && multiportIndex == nil {
            return .failure(usage("multiport expection an option"))
        }
        // A port match module whose ports were never given still prints as `-m tcp`.
        switch target {
        case nil: return .failure(NotSimulated.feature("an iptables rule without -j (counting only)"))
        case "ACCEPT": rule.target = .accept
        case "DROP": rule.target = .drop
        case "RETURN": rule.target = .returnFromChain
        case "REJECT": rule.target = .reject(with: rejectWith ?? "icmp-port-unreachable")
        case "LOG": rule.target = .log(prefix: logPrefix)
        case "MASQUERADE":
            guard table == .nat else { return .failure(.fail("iptables: Invalid argument. Run `dmesg' for more information.\n")) }
            rule.target = .masquerade
        case "DNAT":
            guard table == .nat else { return .failure(.fail("iptables: Invalid argument. Run `dmesg' for more information.\n")) }
            guard let to = toDestination else { return .failure(usage("DNAT: you must specify --to-destination")) }
            let parts = to.split(separator: ":", maxSplits: 1)
            guard let first = parts.first, let ip = IPv4Address(first) else { return .failure(usage("Bad IP address \"\(to)\"")) }
            var port: Int?
            if parts.count == 2 {
                guard let p = Int(parts[1]), p > 0, p <= 65535 else { return .failure(usage("Port `\(parts[1])' not valid")) }
                port = p
            }
            rule.target = .dnat(ip, port: port)
        case let t?:
            if t.hasPrefix("-") { return .failure(usage("option \"-j\" requires an argument")) }
            if unsimulatedTargets.contains(t) { return .failure(NotSimulated.feature("the iptables target \(t)")) }
            rule.target = .jump(t)
        }
        return .success(rule)
    }
}
