import CNMSim

/// `iptables` on the simulated host (iptables v1.8.10, nf_tables backend):
/// `[-t T] -S|-L [CHAIN] [-n] [-v [-x]] [--line-numbers]`, `-Z [CHAIN [N]]` (alone or after a
/// listing) and the changes `-A -I -D -R -F -N -X -P` (with `-c PKTS BYTES` where iptables takes
/// it), made to the host's netfilter rules (see `Firewall`). Counters count the simulated traffic.
enum IptablesProgram: SimulatedProgram {
    static let names = ["iptables"]

    /// The commands that change a table (`-A`, `-D`, `-F`, `-P`…; iptables v1.8.10 iptables/xshared.c).
    static let changingCommands: Set<String> = [
        "-A", "-I", "-D", "-R", "-F", "-N", "-X", "-P", "-Z", "-E", "--append", "--insert", "--delete", "--replace",
        "--flush", "--new-chain", "--delete-chain", "--policy", "--zero", "--rename-chain",
    ]

    static func mayChangeState(_ args: [String]) -> Bool { args.contains { changingCommands.contains($0) } }

    enum Command { case listSpecs, list, append, insert, delete, replace, flush, newChain, deleteChain, policy, check, zero }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        CommandError.catching { () throws(CommandError) in
            guard ctx.container == nil else {
                throw .exit(.fail("iptables v1.8.10 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n\n", code: 4))
            }
            let request = try Request(args)
            ctx.engine.syncFirewall()
            return try perform(request, on: &ctx.engine)
        }
    }

    /// What one command line asks, its options read as iptables v1.8.10 reads them (iptables/xshared.c
    /// `do_parse`) and checked against its command (`commands_v_options`).
    struct Request {
        var table = NetfilterTable.filter
        var command: Command = .zero
        var chain: String?
        var number: Int?
        var policyTarget: String?
        var numeric = false, verbose = false, lineNumbers = false, exact = false
        var zero = false, zeroNumber: Int?
        var presetCounters: PacketCounter?
        var ruleWords: [String] = []

        static func usage(_ message: String) -> CommandError { .exit(IptablesRuleParser.usage(message)) }

        init(_ args: [String]) throws(CommandError) {
            var reader = Reader(args: args)
            try reader.readAll(into: &self)
            if zero && reader.command != nil && reader.command != .list && reader.command != .listSpecs {
                throw Self.usage("Cannot use -Z with -\(letter(reader.command ?? .zero))")
            }
            guard let command = reader.command ?? (zero ? .zero : nil) else {
                throw .exit(.fail("iptables v1.8.10 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n", code: 2))
            }
            self.command = command
            // Options iptables refuses with the command (xshared.c `commands_v_options`).
            if exact && command != .list { throw Self.usage("Illegal option `-x' with this command") }
            if presetCounters != nil && ![.append, .insert, .replace, .policy].contains(command) {
                throw Self.usage("Illegal option `-c' with this command")
            }
            if presetCounters != nil && command == .policy { throw .notSimulated("iptables -P with -c (setting a policy's counters)") }
        }
    }

    /// Walks the arguments once, filling a request.
    struct Reader {
        let args: [String]
        var i = 0
        var command: Command?

        mutating func setCommand(_ c: Command) throws(CommandError) {
            if let command { throw Request.usage("Cannot use -\(letter(c)) with -\(letter(command))") }
            command = c
        }

        /// The next argument as the option's value, or iptables' complaint.
        mutating func value(of option: String, _ missing: String? = nil) throws(CommandError) -> String {
            guard i + 1 < args.count else { throw Request.usage(missing ?? "option \"\(option)\" requires an argument") }
            i += 1
            return args[i]
        }

        mutating func optionalChain() -> String? {
            guard i + 1 < args.count, !args[i + 1].hasPrefix("-"), args[i + 1] != "!" else { return nil }
            i += 1
            return args[i]
        }

        mutating func readAll(into r: inout Request) throws(CommandError) {
            while i < args.count {
                var a = args[i]
                // Clustered short flags such as -nvL.
                if a.count > 2, a.hasPrefix("-"), !a.hasPrefix("--"), a.dropFirst().allSatisfy({ "nvLSxZ".contains($0) }) {
                    let letters = Array(a.dropFirst())
                    for l in letters.dropLast() {
                        switch l {
                        case "n": r.numeric = true
                        case "v": r.verbose = true
                        case "x": r.exact = true
                        case "Z": r.zero = true
                        case "L": try setCommand(.list)
                        default: try setCommand(.listSpecs)
                        }
                    }
                    a = "-" + String(letters.last ?? "n")
                }
                try read(a, into: &r)
                i += 1
            }
        }

        mutating func read(_ a: String, into r: inout Request) throws(CommandError) {
            switch a {
            case "-t", "--table":
                let name = try value(of: a)
                guard let t = NetfilterTable(rawValue: name) else {
                    if ["mangle", "security"].contains(name) { throw .notSimulated("the iptables \(name) table") }
                    throw .exit(.fail("iptables v1.8.10 (nf_tables): table '\(name)' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n", code: 3))
                }
                r.table = t
            case "-S", "--list-rules":
                try setCommand(.listSpecs)
                if let c = optionalChain() { r.chain = c }
            case "-L", "--list":
                try setCommand(.list)
                if let c = optionalChain() { r.chain = c }
            case "-n", "--numeric": r.numeric = true
            case "-v", "--verbose": r.verbose = true
            case "-x", "--exact": r.exact = true
            case "-Z", "--zero":
                if r.zero { throw Request.usage("Cannot use -Z with -Z") }
                r.zero = true
                if let c = optionalChain() {
                    r.chain = c
                    if i + 1 < args.count, !args[i + 1].hasPrefix("-") {
                        i += 1
                        guard let n = Int(args[i]), n > 0 else { throw Request.usage("Invalid rule number `\(args[i])'") }
                        r.zeroNumber = n
                    }
                }
            case "-c", "--set-counters":
                var pieces = try value(of: a).split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                if pieces.count == 1 {
                    guard i + 1 < args.count, !args[i + 1].hasPrefix("-") else { throw Request.usage("-c requires packet and byte counter") }
                    i += 1
                    pieces.append(args[i])
                }
                guard let p = UInt64(pieces[0]) else { throw Request.usage("-c packet counter not numeric") }
                guard let b = UInt64(pieces[1]) else { throw Request.usage("-c byte counter not numeric") }
                r.presetCounters = PacketCounter(packets: p, bytes: b)
            case "--line-numbers": r.lineNumbers = true
            case "-A", "--append", "-I", "--insert", "-D", "--delete", "-R", "--replace", "-N", "--new-chain", "-P", "--policy", "-C", "--check":
                let c: Command = ["-A", "--append"].contains(a) ? .append : ["-I", "--insert"].contains(a) ? .insert
                    : ["-C", "--check"].contains(a) ? .check
                    : ["-D", "--delete"].contains(a) ? .delete : ["-R", "--replace"].contains(a) ? .replace
                    : ["-N", "--new-chain"].contains(a) ? .newChain : .policy
                try setCommand(c)
                r.chain = try value(of: a)
                if c == .insert || c == .delete || c == .replace, i + 1 < args.count, let n = Int(args[i + 1]) {
                    i += 1
                    r.number = n
                }
                if c == .policy { r.policyTarget = try value(of: a, "-P requires a chain and a policy") }
            case "-F", "--flush":
                try setCommand(.flush)
                if let c = optionalChain() { r.chain = c }
            case "-X", "--delete-chain":
                try setCommand(.deleteChain)
                if let c = optionalChain() { r.chain = c }
            case "-w", "--wait", "-W", "--wait-interval":
                // The nf_tables backend takes the xtables lock options and ignores them.
                if i + 1 < args.count, Int(args[i + 1]) != nil { i += 1 }
            case "-4", "--ipv4": break
            case "-6", "--ipv6", "-E", "--rename-chain":
                throw .notSimulated("iptables \(a)")
            case "-h", "--help", "-V", "--version":
                if a == "-V" || a == "--version" { throw .exit(.ok("iptables v1.8.10 (nf_tables)\n")) }
                throw .notSimulated("iptables --help")
            default:
                r.ruleWords.append(args[i])
            }
        }
    }

    /// Lists, or changes the host's rules.
    static func perform(_ r: Request, on engine: inout Engine) throws(CommandError) -> CommandOutput {
        let rs = engine.firewall.ruleset
        switch r.command {
        case .zero:
            return result(engine.applyFirewall(.zero(r.table, r.chain, r.zeroNumber)))
        case .listSpecs, .list:
            guard r.ruleWords.isEmpty else { throw Request.usage("Illegal option `\(r.ruleWords[0])' with this command") }
            let listing: String?
            if r.command == .listSpecs {
                if r.numeric { throw Request.usage("Illegal option `-n' with this command") }
                listing = IptablesListing.specs(rs, r.table, chain: r.chain, counters: r.verbose)
            } else {
                listing = IptablesListing.list(rs, r.table, chain: r.chain, numeric: r.numeric, verbose: r.verbose,
                                               lineNumbers: r.lineNumbers, exact: r.exact)
            }
            guard let text = listing else { throw .exit(.fail("iptables: No chain/target/match by that name.\n")) }
            // `-L -Z`/`-S -Z`: the listing shows the counters, then they are zeroed.
            if r.zero, let error = engine.applyFirewall(.zero(r.table, r.chain, r.zeroNumber)) { return result(error) }
            return .ok(text)
        case .flush, .newChain, .deleteChain, .policy:
            guard r.ruleWords.isEmpty else { throw Request.usage("Illegal option `\(r.ruleWords[0])' with this command") }
            let edit: FirewallEdit
            switch r.command {
            case .flush: edit = .flush(r.table, r.chain)
            case .newChain: edit = .newChain(r.table, r.chain ?? "")
            case .deleteChain: edit = .deleteChain(r.table, r.chain)
            default: edit = .policy(r.table, r.chain ?? "", r.policyTarget ?? "")
            }
            return result(engine.applyFirewall(edit))
        case .append, .insert, .delete, .replace, .check:
            return try changeRule(r, on: &engine)
        }
    }

    /// `-A -I -D -R -C` with a rule (or `-D CHAIN N`).
    static func changeRule(_ r: Request, on engine: inout Engine) throws(CommandError) -> CommandOutput {
        let rs = engine.firewall.ruleset
        let name = r.chain ?? ""
        if r.command == .delete, let n = r.number, r.ruleWords.isEmpty {
            return result(engine.applyFirewall(.deleteNumber(r.table, name, n)))
        }
        if r.command == .replace && r.number == nil { throw Request.usage("-R requires a rule number") }
        let rule = try IptablesRuleParser.parse(r.ruleWords, table: r.table)
        if let t = rule.target.jumpTarget, rs.chain(r.table, t) == nil || rs.chain(r.table, t)?.isBuiltin == true {
            throw .exit(.fail("iptables v1.8.10 (nf_tables): Chain '\(t)' does not exist\nTry `iptables -h' or 'iptables --help' for more information.\n", code: 2))
        }
        if r.command == .check {
            guard let c = rs.chain(r.table, name) else { throw .exit(.fail("iptables: No chain/target/match by that name.\n")) }
            return c.rules.contains(rule) ? .ok() : .fail("iptables: Bad rule (does a matching rule exist in that chain?).\n")
        }
        let edit: FirewallEdit
        switch r.command {
        case .append: edit = .append(r.table, name, rule)
        case .insert: edit = .insert(r.table, name, r.number ?? 1, rule)
        case .delete: edit = .deleteRule(r.table, name, rule)
        default: edit = .replace(r.table, name, r.number ?? 0, rule)
        }
        if let error = engine.applyFirewall(edit) { return result(error) }
        if let preset = r.presetCounters {
            let position = r.command == .append ? (engine.firewall.ruleset.chain(r.table, name)?.count ?? 1) : (r.number ?? 1)
            _ = engine.applyFirewall(.setCounters(r.table, name, position, preset))
        }
        return .ok()
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
