import CNMSim

/// `iptables` on the simulated host (iptables v1.8.10, nf_tables backend):
/// `[-t T] -S|-L [CHAIN] [-n] [-v [-x]] [--line-numbers]`, `-Z [CHAIN [N]]` (alone or after a
/// listing) and the changes `-A -I -D -R -F -N -X -P` (with `-c PKTS BYTES` where iptables takes
/// it), made to the host's netfilter rules (see `Firewall`). Counters count the simulated traffic.
enum IptablesProgram: SimulatedProgram {
    static let names = ["iptables"]

    enum Command { case listSpecs, list, append, insert, delete, replace, flush, newChain, deleteChain, policy, check, zero }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard ctx.container == nil else {
            return .fail("iptables v1.8.10 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n\n", code: 4)
        }
        var table = NetfilterTable.filter
        var command: Command?
        var chain: String?
        var number: Int?
        var policyTarget: String?
        var numeric = false, verbose = false, lineNumbers = false, exact = false
        var zero = false, zeroNumber: Int?
        var presetCounters: PacketCounter?
        var ruleWords: [String] = []
        var i = 0
        func setCommand(_ c: Command) -> CommandOutput? {
            if command != nil { return IptablesRuleParser.usage("Cannot use -\(letter(c)) with -\(letter(command ?? c))") }
            command = c
            return nil
        }
        func optionalChain() {
            if i + 1 < args.count, !args[i + 1].hasPrefix("-"), args[i + 1] != "!" { i += 1; chain = args[i] }
        }
        func optionalNumber() {
            if i + 1 < args.count, let n = Int(args[i + 1]) { i += 1; number = n }
        }
        while i < args.count {
            var a = args[i]
            // Clustered short flags such as -nvL.
            if a.count > 2, a.hasPrefix("-"), !a.hasPrefix("--"), a.dropFirst().allSatisfy({ "nvLSxZ".contains($0) }) {
                let letters = Array(a.dropFirst())
                for l in letters.dropLast() {
                    switch l {
                    case "n": numeric = true
                    case "v": verbose = true
                    case "x": exact = true
                    case "Z": zero = true
                    case "L": if let e = setCommand(.list) { return e }
                    default: if let e = setCommand(.listSpecs) { return e }
                    }
                }
                a = "-" + String(letters.last ?? "n")
            }
            switch a {
            case "-t", "--table":
                guard i + 1 < args.count else { return IptablesRuleParser.usage("option \"\(a)\" requires an argument") }
                i += 1
                guard let t = NetfilterTable(rawValue: args[i]) else {
                    if ["mangle", "security"].contains(args[i]) { return NotSimulated.feature("the iptables \(args[i]) table") }
                    return .fail("iptables v1.8.10 (nf_tables): table '\(args[i])' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n", code: 3)
                }
                table = t
            case "-S", "--list-rules":
                if let e = setCommand(.listSpecs) { return e }
                optionalChain()
            case "-L", "--list":
                if let e = setCommand(.list) { return e }
                optionalChain()
            case "-n", "--numeric": numeric = true
            case "-v", "--verbose": verbose = true
            case "-x", "--exact": exact = true
            case "-Z", "--zero":
                if zero { return IptablesRuleParser.usage("Cannot use -Z with -Z") }
                zero = true
                if i + 1 < args.count, !args[i + 1].hasPrefix("-"), args[i + 1] != "!" {
                    i += 1
                    chain = args[i]
                    if i + 1 < args.count, !args[i + 1].hasPrefix("-") {
                        i += 1
                        guard let n = Int(args[i]), n > 0 else { return IptablesRuleParser.usage("Invalid rule number `\(args[i])'") }
                        zeroNumber = n
                    }
                }
            case "-c", "--set-counters":
                guard i + 1 < args.count else { return IptablesRuleParser.usage("option \"\(a)\" requires an argument") }
                i += 1
                var pieces = args[i].split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                if pieces.count == 1 {
                    guard i + 1 < args.count, !args[i + 1].hasPrefix("-") else {
                        return IptablesRuleParser.usage("-c requires packet and byte counter")
                    }
                    i += 1
                    pieces.append(args[i])
                }
                guard let p = UInt64(pieces[0]) else { return IptablesRuleParser.usage("-c packet counter not numeric") }
                guard let b = UInt64(pieces[1]) else { return IptablesRuleParser.usage("-c byte counter not numeric") }
                presetCounters = PacketCounter(packets: p, bytes: b)
            case "--line-numbers": lineNumbers = true
            case "-A", "--append", "-I", "--insert", "-D", "--delete", "-R", "--replace", "-N", "--new-chain", "-P", "--policy", "-C", "--check":
                let c: Command = ["-A", "--append"].contains(a) ? .append : ["-I", "--insert"].contains(a) ? .insert
                    : ["-C", "--check"].contains(a) ? .check
                    : ["-D", "--delete"].contains(a) ? .delete : ["-R", "--replace"].contains(a) ? .replace
                    : ["-N", "--new-chain"].contains(a) ? .newChain : .policy
                if let e = setCommand(c) { return e }
                guard i + 1 < args.count else { return IptablesRuleParser.usage("option \"\(a)\" requires an argument") }
                i += 1
                chain = args[i]
                if c == .insert || c == .delete || c == .replace { optionalNumber() }
                if c == .policy {
                    guard i + 1 < args.count else { return IptablesRuleParser.usage("-P requires a chain and a policy") }
                    i += 1
                    policyTarget = args[i]
                }
            case "-F", "--flush":
                if let e = setCommand(.flush) { return e }
                optionalChain()
            case "-X", "--delete-chain":
                if let e = setCommand(.deleteChain) { return e }
                optionalChain()
            case "-w", "--wait", "-W", "--wait-interval":
                // The nf_tables backend takes the xtables lock options and ignores them.
                if i + 1 < args.count, Int(args[i + 1]) != nil { i += 1 }
            case "-4", "--ipv4": break
            case "-6", "--ipv6", "-E", "--rename-chain":
                return NotSimulated.feature("iptables \(a)")
            case "-h", "--help", "-V", "--version":
                if a == "-V" || a == "--version" { return .ok("iptables v1.8.10 (nf_tables)\n") }
                return NotSimulated.feature("iptables --help")
            default:
                ruleWords.append(args[i])
            }
            i += 1
        }
        if zero && command != nil && command != .list && command != .listSpecs {
            return IptablesRuleParser.usage("Cannot use -Z with -\(letter(command ?? .zero))")
        }
        if zero && command == nil { command = .zero }
        guard let command else {
            return .fail("iptables v1.8.10 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n", code: 2)
        }
        // Options iptables refuses with the command (xshared.c `commands_v_options`).
        if exact && command != .list { return IptablesRuleParser.usage("Illegal option `-x' with this command") }
        if presetCounters != nil && ![.append, .insert, .replace, .policy].contains(command) {
            return IptablesRuleParser.usage("Illegal option `-c' with this command")
        }
        if presetCounters != nil && command == .policy { return NotSimulated.feature("iptables -P with -c (setting a policy's counters)") }
        ctx.engine.syncFirewall()
        let rs = ctx.engine.firewall.ruleset
        /// `-L -Z`/`-S -Z`: the listing shows the counters, then they are zeroed.
        func zeroAfterListing(_ listing: String) -> CommandOutput {
            guard zero else { return .ok(listing) }
            if let error = ctx.engine.applyFirewall(.zero(table, chain, zeroNumber)) { return result(error) }
            return .ok(listing)
        }
        switch command {
        case .zero:
            return result(ctx.engine.applyFirewall(.zero(table, chain, zeroNumber)))
        case .listSpecs:
            guard ruleWords.isEmpty else { return IptablesRuleParser.usage("Illegal option `\(ruleWords[0])' with this command") }
            if numeric { return IptablesRuleParser.usage("Illegal option `-n' with this command") }
            guard let text = IptablesListing.specs(rs, table, chain: chain, counters: verbose) else { return .fail("iptables: No chain/target/match by that name.\n") }
            return zeroAfterListing(text)
        case .list:
            guard ruleWords.isEmpty else { return IptablesRuleParser.usage("Illegal option `\(ruleWords[0])' with this command") }
            guard let text = IptablesListing.list(rs, table, chain: chain, numeric: numeric, verbose: verbose, lineNumbers: lineNumbers,
                                                  exact: exact) else {
                return .fail("iptables: No chain/target/match by that name.\n")
            }
            return zeroAfterListing(text)
        case .flush, .newChain, .deleteChain, .policy:
            guard ruleWords.isEmpty else { return IptablesRuleParser.usage("Illegal option `\(ruleWords[0])' with this command") }
            let edit: FirewallEdit
            switch command {
            case .flush: edit = .flush(table, chain)
            case .newChain: edit = .newChain(table, chain ?? "")
            case .deleteChain: edit = .deleteChain(table, chain)
            default: edit = .policy(table, chain ?? "", policyTarget ?? "")
            }
            return result(ctx.engine.applyFirewall(edit))
        case .append, .insert, .delete, .replace, .check:
            let name = chain ?? ""
            if command == .delete, number != nil, ruleWords.isEmpty {
                return result(ctx.engine.applyFirewall(.deleteNumber(table, name, number ?? 0)))
            }
            if command == .replace && number == nil { return IptablesRuleParser.usage("-R requires a rule number") }
            let rule: NetfilterRule
            switch IptablesRuleParser.parse(ruleWords, table: table) {
            case .failure(let out): return out
            case .success(let r): rule = r
            }
            if let t = rule.target.jumpTarget, rs.chain(table, t) == nil || rs.chain(table, t)?.isBuiltin == true {
                return .fail("iptables v1.8.10 (nf_tables): Chain '\(t)' does not exist\nTry `iptables -h' or 'iptables --help' for more information.\n", code: 2)
            }
            if command == .check {
                guard let c = rs.chain(table, name) else { return .fail("iptables: No chain/target/match by that name.\n") }
                return c.rules.contains(rule) ? .ok() : .fail("iptables: Bad rule (does a matching rule exist in that chain?).\n")
            }
            let edit: FirewallEdit
            switch command {
            case .append: edit = .append(table, name, rule)
            case .insert: edit = .insert(table, name, number ?? 1, rule)
            case .delete: edit = .deleteRule(table, name, rule)
            default: edit = .replace(table, name, number ?? 0, rule)
            }
            if let error = ctx.engine.applyFirewall(edit) { return result(error) }
            if let preset = presetCounters {
                let position = command == .append ? (ctx.engine.firewall.ruleset.chain(table, name)?.count ?? 1) : (number ?? 1)
                _ = ctx.engine.applyFirewall(.setCounters(table, name, position, preset))
            }
            return .ok()
        }
    }

    static func result(_ error: NetfilterError?) -> CommandOutput {
        guard let error else { return .ok() }
        return .fail(error.message + "\n", code: error.exitCode)
    }

    static func letter(_ c: Command) -> String {
        switch c {
        case .listSpecs: return "S"
        case .list: return "L"
        case .append: return "A"
        case .insert: return "I"
        case .delete: return "D"
        case .replace: return "R"
        case .flush: return "F"
        case .newChain: return "N"
        case .deleteChain: return "X"
        case .policy: return "P"
        case .check: return "C"
        case .zero: return "Z"
        }
    }
}

/// `iptables-save [-t TABLE] [-c]`: every table (raw, filter, nat) in restore format; `-c` puts
/// each rule's `[PKTS:BYTES]` in front of it (xtables-save.c).
enum IptablesSaveProgram: SimulatedProgram {
    static let names = ["iptables-save"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard ctx.container == nil else { return NotSimulated.feature("iptables-save inside a container") }
        var tables = NetfilterTable.saveOrder
        var counters = false
        var i = 0
        while i < args.count {
            if args[i] == "-c" || args[i] == "--counters" {
                counters = true
                i += 1
                continue
            }
            if args[i] == "-t" || args[i] == "--table", i + 1 < args.count {
                guard let t = NetfilterTable(rawValue: args[i + 1]) else {
                    return .fail("iptables-save v1.8.10 (nf_tables): table '\(args[i + 1])' does not exist\n")
                }
                tables = [t]
                i += 2
                continue
            }
            return NotSimulated.feature("iptables-save \(args[i])")
        }
        ctx.engine.syncFirewall()
        return .ok(IptablesListing.save(ctx.engine.firewall.ruleset, tables: tables, at: ctx.engine.clock, counters: counters))
    }
}
