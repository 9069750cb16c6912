import CNMSim

/// Parses the rule part of an `iptables` command line (`-s -d -i -o -p`, `-m …`,
/// `-j …`) into a `NetfilterRule`, with iptables v1.8.10's complaints.
struct IptablesRuleParser {
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

    /// Parses rule words; `table` decides which targets are valid. A refusal is what iptables prints.
    static func parse(_ words: [String], table: NetfilterTable) throws(CommandError) -> NetfilterRule {
        var builder = Builder(words: words)
        try builder.readAll()
        return try builder.finish(table: table)
    }

    /// The rule as its words are read, one option family at a time (iptables v1.8.10 iptables/xshared.c
    /// `do_parse` and the extensions libxt_tcp/udp, libxt_multiport, libxt_conntrack, libxt_comment,
    /// libipt_addrtype, libxt_REJECT, libxt_LOG, libxt_DNAT).
    struct Builder {
        let words: [String]
        var i = 0
        var rule = NetfilterRule(target: .accept)
        var target: String?
        var rejectWith: String?, logPrefix: String?, toDestination: String?
        var portMatchIndex: Int?
        var multiportIndex: Int?
        var modules: [String] = []
        /// `-m conntrack` options, gathered into one match (printed in libxt_conntrack's fixed order).
        var conntrack = ConntrackOriginal()
        var conntrackIndex: Int?
        var comment: String?
        var commentIndex: Int?

        init(words: [String]) { self.words = words }

        static func usage(_ message: String) -> CommandError { .exit(IptablesRuleParser.usage(message)) }

        /// The word after option `w` (consumed), or iptables' complaint.
        mutating func value(of w: String) throws(CommandError) -> String {
            guard i + 1 < words.count else { throw Self.usage("option \"\(w)\" requires an argument") }
            i += 1
            return words[i]
        }

        /// `option` may only follow `-m module`.
        func require(_ module: String, for option: String) throws(CommandError) {
            guard modules.contains(module) else { throw Self.usage("unknown option \"\(option)\"") }
        }

        mutating func readAll() throws(CommandError) {
            var negate = false
            while i < words.count {
                let w = words[i]
                if w == "!" { negate = true; i += 1; continue }
                try read(w, negated: negate)
                negate = false
                i += 1
            }
        }

        mutating func read(_ w: String, negated neg: Bool) throws(CommandError) {
            switch w {
            case "-s", "--source", "--src", "-d", "--destination", "--dst":
                let v = try value(of: w)
                guard let s = parseAddress(v) else { throw Self.usage("host/network `\(v)' not found") }
                if w.hasPrefix("-s") || w == "--source" || w == "--src" { rule.source = AddressMatch(s, negated: neg) } else { rule.destination = AddressMatch(s, negated: neg) }
            case "-i", "--in-interface", "-o", "--out-interface":
                let v = try value(of: w)
                if w == "-i" || w == "--in-interface" { rule.inInterface = InterfaceMatch(v, negated: neg) } else { rule.outInterface = InterfaceMatch(v, negated: neg) }
            case "-p", "--protocol": try proto(try value(of: w).lowercased(), negated: neg)
            case "-m", "--match": try module(try value(of: w))
            case "--dport", "--destination-port", "--sport", "--source-port": try port(w, negated: neg)
            case "--dports", "--destination-ports", "--sports", "--source-ports", "--ports": try multiport(w, negated: neg)
            case "--ctstate", "--ctorigdst", "--ctorigdstport", "--ctproto", "--ctorigsrc", "--ctreplsrc", "--ctrepldst",
                 "--ctorigsrcport", "--ctreplsrcport", "--ctrepldstport", "--ctstatus", "--ctexpire", "--ctdir":
                try conntrackOption(w, negated: neg)
            case "--comment":
                try require("comment", for: w)
                let v = try value(of: w)
                // The kernel keeps 255 bytes of a comment (`XT_MAX_COMMENT_LEN`); iptables cuts the rest.
                var text = ""
                for ch in v where text.utf8.count + String(ch).utf8.count <= 255 { text.append(ch) }
                comment = text
            case "--src-type", "--dst-type": try addrtype(w, negated: neg)
            case "-j", "--jump": target = try value(of: w)
            case "--reject-with":
                guard target == "REJECT", i + 1 < words.count else { throw Self.usage("unknown option \"\(w)\"") }
                rejectWith = try value(of: w)
            case "--log-prefix":
                guard target == "LOG", i + 1 < words.count else { throw Self.usage("unknown option \"\(w)\"") }
                logPrefix = try value(of: w)
            case "--to-destination", "--to":
                guard target == "DNAT", i + 1 < words.count else { throw Self.usage("unknown option \"\(w)\"") }
                toDestination = try value(of: w)
            default:
                // An option of a target or match iptables has but cnmlab does not simulate: say so,
                // rather than answer an error iptables would not print.
                if let t = target, unsimulatedTargets.contains(t) { throw .notSimulated("the iptables target \(t)") }
                if unsimulatedOptions.contains(w) { throw .notSimulated("the iptables option \(w)") }
                if w.hasPrefix("-") { throw Self.usage("unknown option \"\(w)\"") }
                throw .exit(.fail("Bad argument `\(w)'\nTry `iptables -h' or 'iptables --help' for more information.\n", code: 2))
            }
        }

        mutating func proto(_ v: String, negated neg: Bool) throws(CommandError) {
            switch v {
            case "tcp", "udp", "icmp": rule.proto = v; rule.protoNegated = neg
            case "all", "0": rule.proto = nil
            case "6": rule.proto = "tcp"; rule.protoNegated = neg
            case "17": rule.proto = "udp"; rule.protoNegated = neg
            case "1": rule.proto = "icmp"; rule.protoNegated = neg
            default: throw Self.usage("unknown protocol \"\(v)\" specified")
            }
        }

        mutating func module(_ v: String) throws(CommandError) {
            switch v {
            case "tcp", "udp":
                guard rule.proto == v else { throw Self.usage("unknown option \"-m \(v)\"") }
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
                throw .notSimulated("iptables match module '\(v)'")
            }
        }

        /// `--dport`/`--sport` of `-p tcp|udp` (libxt_tcp, libxt_udp).
        mutating func port(_ w: String, negated neg: Bool) throws(CommandError) {
            guard let p = rule.proto, p == "tcp" || p == "udp" else { throw Self.usage("unknown option \"\(w)\"") }
            let v = try value(of: w)
            guard var pm = parsePorts(v) else { throw Self.usage("invalid port/service `\(v)' specified") }
            pm.negated = neg
            if portMatchIndex == nil { rule.matches.append(.ports(proto: p, sport: nil, dport: nil)); portMatchIndex = rule.matches.count - 1 }
            if let idx = portMatchIndex, case .ports(let proto, var sport, var dport) = rule.matches[idx] {
                if w.hasPrefix("--d") { dport = pm } else { sport = pm }
                rule.matches[idx] = .ports(proto: proto, sport: sport, dport: dport)
            }
        }

        /// `-m multiport --dports|--sports|--ports LIST` (libxt_multiport `parse_multi_ports_v1`).
        mutating func multiport(_ w: String, negated neg: Bool) throws(CommandError) {
            try require("multiport", for: w)
            let v = try value(of: w)
            // `check_proto`: a protocol with ports, not negated.
            if rule.protoNegated || (rule.proto != nil && rule.proto != "tcp" && rule.proto != "udp") {
                throw Self.usage("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP")
            }
            guard rule.proto != nil else {
                throw Self.usage("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'")
            }
            // At most 15 entries, a range counting two.
            var list: [PortMatch] = []
            var entries = 0
            for part in v.split(separator: ",", omittingEmptySubsequences: false) {
                let bounds = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                entries += bounds.count
                guard entries <= 15 else { throw Self.usage("too many ports specified") }
                guard let lo = Int(bounds[0]), (0...65535).contains(lo) else {
                    throw Self.usage("invalid port/service `\(bounds[0])' specified")
                }
                var hi = lo
                if bounds.count == 2 {
                    guard let h = Int(bounds[1]), (0...65535).contains(h) else {
                        throw Self.usage("invalid port/service `\(bounds[1])' specified")
                    }
                    guard lo < h else { throw Self.usage("invalid portrange specified") }
                    hi = h
                }
                list.append(PortMatch(low: lo, high: hi))
            }
            let m: RuleMatch = w == "--ports" ? .multiportEither(ports: list, negated: neg)
                : .multiport(ports: list, source: w.hasPrefix("--s"), negated: neg)
            if let idx = multiportIndex { rule.matches[idx] = m } else { rule.matches.append(m); multiportIndex = rule.matches.count - 1 }
        }

        /// `-m conntrack` options (libxt_conntrack): state, original destination and its port.
        mutating func conntrackOption(_ w: String, negated neg: Bool) throws(CommandError) {
            try require("conntrack", for: w)
            switch w {
            case "--ctstate":
                let v = try value(of: w)
                var states = Set<String>()
                for s in v.uppercased().split(separator: ",") {
                    guard RuleMatch.ctstateOrder.contains(String(s)) else { throw .exit(.fail("\(version): Bad ctstate \"\(s)\"\n", code: 2)) }
                    states.insert(String(s))
                }
                conntrack.states = RuleMatch.ctstateOrder.filter(states.contains)
                conntrack.statesNegated = neg
            case "--ctorigdst":
                let v = try value(of: w)
                guard let s = parseAddress(v) else { throw Self.usage("host/network `\(v)' not found") }
                conntrack.destination = AddressMatch(s, negated: neg)
            case "--ctorigdstport":
                let v = try value(of: w)
                guard var pm = parsePorts(v) else { throw Self.usage("invalid port/service `\(v)' specified") }
                pm.negated = neg
                conntrack.destinationPort = pm
            default:
                throw .notSimulated("the iptables conntrack option \(w)")
            }
        }

        /// `-m addrtype --src-type|--dst-type TYPE` (libipt_addrtype).
        mutating func addrtype(_ w: String, negated neg: Bool) throws(CommandError) {
            try require("addrtype", for: w)
            let v = try value(of: w).uppercased()
            let known = ["UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"]
            guard known.contains(v) else { throw .exit(.fail("\(version): addrtype: invalid address type \"\(v)\"\n", code: 2)) }
            if let idx = rule.matches.lastIndex(where: { if case .addrtype = $0 { return true } else { return false } }),
               case .addrtype(var src, var srcNeg, var dst, var dstNeg) = rule.matches[idx] {
                if w == "--src-type" { src = v; srcNeg = neg } else { dst = v; dstNeg = neg }
                rule.matches[idx] = .addrtype(src: src, srcNegated: srcNeg, dst: dst, dstNegated: dstNeg)
            } else if w == "--src-type" {
                rule.matches.append(.addrtype(src: v, srcNegated: neg, dst: nil, dstNegated: false))
            } else {
                rule.matches.append(.addrtype(src: nil, srcNegated: false, dst: v, dstNegated: neg))
            }
        }

        /// The matches gathered over several words, then the target.
        mutating func finish(table: NetfilterTable) throws(CommandError) -> NetfilterRule {
            if let idx = conntrackIndex {
                if conntrack.destination == nil && conntrack.destinationPort == nil {
                    // Only `--ctstate` (or nothing): the match Docker's own rules use.
                    guard let states = conntrack.states else { throw Self.usage("conntrack: At least one option is required") }
                    rule.matches[idx] = .conntrack(states: states, negated: conntrack.statesNegated)
                } else {
                    rule.matches[idx] = .conntrackOriginal(conntrack)
                }
            }
            if let idx = commentIndex {
                guard let comment else { throw Self.usage("comment: option \"--comment\" must be specified\n") }
                rule.matches[idx] = .comment(comment)
            }
            if modules.contains("multiport") && multiportIndex == nil {
                throw Self.usage("multiport expection an option")
            }
            rule.target = try ruleTarget(table: table)
            return rule
        }

        /// `-j TARGET` and its options.
        func ruleTarget(table: NetfilterTable) throws(CommandError) -> RuleTarget {
            switch target {
            case nil: throw .notSimulated("an iptables rule without -j (counting only)")
            case "ACCEPT": return .accept
            case "DROP": return .drop
            case "RETURN": return .returnFromChain
            case "REJECT": return .reject(with: rejectWith ?? "icmp-port-unreachable")
            case "LOG": return .log(prefix: logPrefix)
            case "MASQUERADE":
                guard table == .nat else { throw .exit(.fail("iptables: Invalid argument. Run `dmesg' for more information.\n")) }
                return .masquerade
            case "DNAT":
                guard table == .nat else { throw .exit(.fail("iptables: Invalid argument. Run `dmesg' for more information.\n")) }
                guard let to = toDestination else { throw Self.usage("DNAT: you must specify --to-destination") }
                let parts = to.split(separator: ":", maxSplits: 1)
                guard let first = parts.first, let ip = IPv4Address(first) else { throw Self.usage("Bad IP address \"\(to)\"") }
                var port: Int?
                if parts.count == 2 {
                    guard let p = Int(parts[1]), p > 0, p <= 65535 else { throw Self.usage("Port `\(parts[1])' not valid") }
                    port = p
                }
                return .dnat(ip, port: port)
            case let t?:
                if t.hasPrefix("-") { throw Self.usage("option \"-j\" requires an argument") }
                if unsimulatedTargets.contains(t) { throw .notSimulated("the iptables target \(t)") }
                return .jump(t)
            }
        }
    }
}
