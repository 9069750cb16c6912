import CNMSim

/// Near misses for firewall rules and probes: a rule appended where it had to be inserted (or
/// the reverse), a DROP put in the raw table instead of the filter chain asked for, a URL with the
/// wrong port; and the undoing of a step, to test the invariants it introduces.
extension MutantGenerator {
    /// `iptables [-t TABLE] (-I CHAIN [N] | -A CHAIN) RULE…` (possibly behind `ssh HOST` or `sudo`):
    /// where each part sits in the words.
    struct RuleWords {
        var start: Int
        var table: String
        var verb: String
        var verbIndex: Int
        var chain: String
        /// The index of `N` after `-I CHAIN`, when given.
        var positionIndex: Int?
        /// Index of the first word of the rule itself.
        var ruleStart: Int
    }

    static func ruleWords(_ w: [String]) -> RuleWords? {
        var o = dockerStart(w)
        if o < w.count, w[o] == "sudo" { o += 1 }
        guard o < w.count, w[o] == "iptables" else { return nil }
        var table = "filter"
        var k = o + 1
        if k + 1 < w.count, w[k] == "-t" || w[k] == "--table" {
            table = w[k + 1]
            k += 2
        }
        guard k + 1 < w.count, ["-I", "-A", "--insert", "--append"].contains(w[k]) else { return nil }
        let verb = w[k].hasPrefix("--") ? (w[k] == "--insert" ? "-I" : "-A") : w[k]
        var rule = k + 2
        var positionIndex: Int?
        if verb == "-I", rule < w.count, Int(w[rule]) != nil {
            positionIndex = rule
            rule += 1
        }
        return RuleWords(start: o, table: table, verb: verb, verbIndex: k, chain: w[k + 1],
                         positionIndex: positionIndex, ruleStart: rule)
    }

    /// Calls `add` with the iptables near misses of one solution line: `-A` for `-I` (and back)
    /// when the chain already holds rules, so the place matters; a DROP of a filter chain put in
    /// raw/PREROUTING instead (it drops the same packets, but not where the lab asks).
    static func iptablesMutants(_ w: [String], line i: Int, engine: Engine, _ add: (LabText, [String]) -> Void) {
        guard let r = ruleWords(w) else { return }
        let n = String(i + 1)
        let existing = NetfilterTable(rawValue: r.table).flatMap { engine.currentRuleset.chain($0, r.chain)?.rules.count } ?? 0
        if existing > 0 {
            var nw = w
            if r.verb == "-I" {
                if let p = r.positionIndex { nw.remove(at: p) }
                nw[r.verbIndex] = "-A"
                add(LabText.phrase(.mutantAppend, n), nw)
            } else {
                nw[r.verbIndex] = "-I"
                add(LabText.phrase(.mutantInsert, n), nw)
            }
        }
        let rule = Array(w[r.ruleStart...])
        if r.table == "filter", ["DOCKER-USER", "FORWARD", "INPUT"].contains(r.chain),
           let j = rule.firstIndex(where: { $0 == "-j" || $0 == "--jump" }), j + 1 < rule.count, rule[j + 1] == "DROP" {
            // raw/PREROUTING knows no output interface: leave `-o IF` out.
            var kept: [String] = []
            var skip = false
            for word in rule {
                if skip { skip = false; continue }
                if word == "-o" || word == "--out-interface" { skip = true; continue }
                kept.append(word)
            }
            let nw = Array(w[..<r.start]) + ["iptables", "-t", "raw", "-I", "PREROUTING"] + kept
            add(LabText.phrase(.mutantRawTable, r.table, r.chain, n), nw)
        }
    }

    /// `curl http://HOST:PORT/…` (or wget, any word holding a URL with a port): the port next to it.
    static func urlPortMutants(_ w: [String], line i: Int, _ add: (LabText, [String]) -> Void) {
        for (k, word) in w.enumerated() {
            guard let scheme = word.range(of: "://") else { continue }
            let rest = word[scheme.upperBound...]
            guard let colon = rest.firstIndex(of: ":") else { continue }
            let digits = rest[rest.index(after: colon)...].prefix { $0.isNumber }
            guard let port = Int(digits), (1...65535).contains(port) else { continue }
            let wrong = port == 65535 ? port - 1 : port + 1
            var nw = w
            nw[k] = String(word[..<rest.index(after: colon)]) + String(wrong)
                + String(rest[rest.index(after: colon)...].dropFirst(digits.count))
            add(LabText.phrase(.mutantURLPort, String(wrong), String(port), String(i + 1)), nw)
        }
    }

    /// The lines that undo a step's solution, last command first: an inserted or appended rule
    /// deleted, a connect disconnected (and back), a stop started (and back), a created network
    /// removed, a named container removed. Lines that cannot be undone are left out.
    public static func undo(_ solution: [String]) -> [String] {
        var out: [String] = []
        for line in solution.reversed() {
            guard let w = simpleWords(line) else { continue }
            let o = dockerStart(w)
            let prefix = Array(w[..<o])
            if let r = ruleWords(w) {
                out.append(render(Array(w[..<r.verbIndex]) + ["-D", r.chain] + Array(w[r.ruleStart...])))
                continue
            }
            guard w.count > o + 2, w[o] == "docker" else { continue }
            let verb = Array(w[(o + 1)...])
            switch (verb[0], verb.count > 1 ? verb[1] : "") {
            case ("network", "connect"), ("network", "disconnect"):
                let args = positionals(Array(verb.dropFirst(2)))
                guard args.count == 2 else { continue }
                let opposite = verb[1] == "connect" ? "disconnect" : "connect"
                out.append(render(prefix + ["docker", "network", opposite, args[0], args[1]]))
            case ("network", "create"):
                if let name = createdNetwork(w) { out.append(render(prefix + ["docker", "network", "rm", name])) }
            case ("stop", _), ("start", _):
                let names = verb.dropFirst().filter { !$0.hasPrefix("-") }
                guard !names.isEmpty else { continue }
                out.append(render(prefix + ["docker", verb[0] == "stop" ? "start" : "stop"] + names))
            case ("run", _):
                guard let k = verb.firstIndex(where: { $0 == "--name" || $0.hasPrefix("--name=") }) else { continue }
                let name = verb[k].hasPrefix("--name=") ? String(verb[k].dropFirst("--name=".count))
                    : (k + 1 < verb.count ? verb[k + 1] : "")
                if !name.isEmpty { out.append(render(prefix + ["docker", "rm", "-f", name])) }
            default:
                continue
            }
        }
        return out
    }
}
