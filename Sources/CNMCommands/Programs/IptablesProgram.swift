import CNMSim

/// `iptables` on the simulated host (iptables v1.8.10, nf_tables backend):
/// `[-t T] -S|-L [CHAIN] [-n] [-v] [--line-numbers]` and the changes
/// `-A -I -D -R -F -N -X -P`, made to the host's netfilter rules (see `Firewall`).
enum IptablesProgram: SimulatedProgram {
    static let names = ["iptables"]

    enum Command { case listSpecs, list, append, insert, delete, replace, flush, newChain, deleteChain, policy, check }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard ctx.container == nil else {
            return .fail("iptables v1.8.10 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n\n", code: 4)
        }
        var table = NetfilterTable.filter
        var command: Command?
        var chain: String?
        var number: Int?
        var policyTarget: String?
        var numeric = false, verbose = false, lineNumbers = false
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
            if a.count > 2, a.hasPrefix("-"), !a.hasPrefix("--"), a.dropFirst().allSatisfy({ "nvLSx".contains($0) }) {
                let letters = Array(a.dropFirst())
                for l in letters.dropLast() {
                    switch l {
                    case "n": numeric = true
                    case "v": verbose = true
                    case "x": break
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
            case "-x", "--exact": break
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
            case "-h", "--help", "-V", "--version":
                if a == "-V" || a == "--version" { return .ok("iptables v1.8.10 (nf_tables)\n") }
                return NotSimulated.feature("iptables --help")
            default:
                ruleWords.append(args[i])
            }
            i += 1
        }
        guard let command else {
            return .fail("iptables v1.8.10 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n", code: 2)
        }
        ctx.engine.syncFirewall()
        let rs = ctx.engine.firewall.ruleset
        switch command {
        case .listSpecs:
            guard ruleWords.isEmpty else { return IptablesRuleParser.usage("Illegal option `\(ruleWords[0])' with this command") }
            guard let text = IptablesListing.specs(rs, table, chain: chain) else { return .fail("iptables: No chain/target/match by that name.\n") }
            return .ok(text)
        case .list:
            guard ruleWords.isEmpty else { return IptablesRuleParser.usage("Illegal option `\(ruleWords[0])' with this command") }
            guard let text = IptablesListing.list(rs, table, chain: chain, numeric: numeric, verbose: verbose, lineNumbers: lineNumbers) else {
                return .fail("iptables: No chain/target/match by that name.\n")
            }
            return .ok(text)
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
            return result(ctx.engine.applyFirewall(edit))
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
        }
    }
}

/// `iptables-save [-t TABLE]`: every table (raw, filter, nat) in restore format.
enum IptablesSaveProgram: SimulatedProgram {
    static let names = ["iptables-save"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard ctx.container == nil else { return NotSimulated.feature("iptables-save inside a container") }
        var tables = NetfilterTable.saveOrder
        var i = 0
        while i < args.count {
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
        return .ok(IptablesListing.save(ctx.engine.firewall.ruleset, tables: tables, at: ctx.engine.clock))
    }
}
