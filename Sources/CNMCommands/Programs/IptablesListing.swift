import CNMSim

/// Renders a ruleset the way iptables v1.8.10 prints it: `-S` specifications,
/// `-L` tables (with `-n`, `-v`, `--line-numbers`) and `iptables-save`.
enum IptablesListing {
    /// The one chain asked for (nil when the table has no such chain), or every chain the table lists.
    static func chains(_ rs: Ruleset, _ table: NetfilterTable, chain: String?) -> [NetfilterChain]? {
        guard let chain else { return rs.listedChains(table) }
        return rs.chain(table, chain).map { [$0] }
    }

    /// `iptables [-t T] -S [CHAIN] [-v]`; nil when the chain does not exist. With `counters`
    /// (`-v`), policies end in `-c PKTS BYTES` and every rule has `-c PKTS BYTES` before its `-j`
    /// (iptables v1.8.10 `nft_rule_list_chain_save`, `save_matches_and_target` with `FMT_C_COUNTS`).
    static func specs(_ rs: Ruleset, _ table: NetfilterTable, chain: String?, counters: Bool = false) -> String? {
        guard let chains = chains(rs, table, chain: chain) else { return nil }
        var out = ""
        for c in chains {
            if let p = c.policy {
                out += "-P \(c.name) \(p)" + (counters ? " -c \(c.policyCounter.packets) \(c.policyCounter.bytes)" : "") + "\n"
            } else {
                out += "-N \(c.name)\n"
            }
        }
        for c in chains {
            for (r, n) in c.counted { out += "-A \(c.name) \(r.specification(counters: counters ? n : nil))\n" }
        }
        return out
    }

    /// A counter as `iptables -L -v` prints it (`xtables_print_num`): exact in 8 columns with `-x`,
    /// else up to 99999 in 5 columns, then rounded to K, M, G or T in 4 columns plus the unit.
    static func number(_ n: UInt64, exact: Bool) -> String {
        if exact { return padLeft(String(n), 8) + " " }
        if n <= 99_999 { return padLeft(String(n), 5) + " " }
        var v = n
        for unit in ["K", "M", "G"] {
            v = (v + 500) / 1000
            if v <= 9999 { return padLeft(String(v), 4) + unit + " " }
        }
        v = (v + 500) / 1000
        return padLeft(String(v), 4) + "T "
    }

    /// A policy's counter in the chain header (`FMT_NOTABLE`: no padding).
    static func headerNumber(_ n: UInt64, exact: Bool) -> String {
        number(n, exact: exact).drop(while: { $0 == " " }).description
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func padLeft(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    static func address(_ m: AddressMatch?, numeric: Bool) -> String {
        guard let m else { return numeric ? "0.0.0.0/0" : "anywhere" }
        let s = m.subnet
        if !numeric && s.prefixLength == 0 { return "anywhere" }
        if s.prefixLength == 32 {
            if !numeric && s.address == IPv4Address(127, 0, 0, 1) { return "localhost" }
            return s.address.description
        }
        return s.description
    }

    /// `iptables [-t T] -L [CHAIN] [-n] [-v [-x]] [--line-numbers]`; nil when the chain does not exist
    /// (iptables v1.8.10 `print_header`, `print_rule_details`).
    static func list(_ rs: Ruleset, _ table: NetfilterTable, chain: String?, numeric: Bool, verbose: Bool, lineNumbers: Bool,
                     exact: Bool = false) -> String? {
        guard let chains = chains(rs, table, chain: chain) else { return nil }
        var out = ""
        for (n, c) in chains.enumerated() {
            if n > 0 { out += "\n" }
            if let p = c.policy {
                let counts = " " + headerNumber(c.policyCounter.packets, exact: exact) + "packets, "
                    + headerNumber(c.policyCounter.bytes, exact: exact) + "bytes"
                out += "Chain \(c.name) (policy \(p)" + (verbose ? counts : "") + ")\n"
            } else {
                out += "Chain \(c.name) (\(rs.references(table, to: c.name)) references)\n"
            }
            if lineNumbers { out += pad("num", 4) + " " }
            if verbose { out += exact ? padLeft("pkts", 8) + " " + padLeft("bytes", 10) + " " : padLeft("pkts", 5) + " " + padLeft("bytes", 5) + " " }
            out += pad("target", 9) + " " + " prot " + "opt"
            if verbose { out += " " + pad("in", 6) + " " + pad("out", 6) + " " }
            out += " " + pad("source", 19) + " " + " " + pad("destination", 19) + " " + "\n"
            for (i, (r, counter)) in c.counted.enumerated() {
                var line = ""
                if lineNumbers { line += pad(String(i + 1), 4) + " " }
                if verbose { line += number(counter.packets, exact: exact) + number(counter.bytes, exact: exact) }
                line += pad(r.target.name, 9) + " "
                line += r.protoNegated ? "!" : " "
                line += pad(numeric ? r.protoNumber : (r.proto ?? "all"), 5)
                line += "-- "
                if verbose {
                    let inName = (r.inInterface?.negated == true ? "!" : "") + (r.inInterface?.name ?? "*")
                    let outName = (r.outInterface?.negated == true ? "!" : "") + (r.outInterface?.name ?? "*")
                    line += " " + pad(inName, 6) + " " + pad(outName, 6) + " "
                }
                line += (r.source?.negated == true ? "!" : " ") + pad(address(r.source, numeric: numeric), 19) + " "
                line += (r.destination?.negated == true ? "!" : " ") + pad(address(r.destination, numeric: numeric), 19) + " "
                for m in r.matches { line += m.listText(numeric: numeric) }
                line += r.target.listText
                out += line + "\n"
            }
        }
        return out
    }

    /// `Sun Jun  1 10:00:00 2025`, as ctime(3) prints it.
    static func ctime(_ t: SimTime) -> String {
        let c = t.components
        let secs = t.nanoseconds / 1_000_000_000
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let weekday = Int(((days % 7) + 11) % 7)
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let day = c.day < 10 ? " \(c.day)" : "\(c.day)"
        let month = (1...12).contains(c.month) ? months[c.month - 1] : "Jan"
        return "\(names[weekday]) \(month) \(day) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) \(c.year)"
    }

    /// `iptables-save [-t T] [-c]`: chains with their counters (always, as xtables-save prints
    /// them), rules prefixed with `[PKTS:BYTES]` when `counters` (`-c`).
    static func save(_ rs: Ruleset, tables: [NetfilterTable], at time: SimTime, counters: Bool = false) -> String {
        var out = ""
        let stamp = ctime(time)
        for t in tables {
            out += "# Generated by iptables-save v1.8.10 (nf_tables) on \(stamp)\n*\(t.rawValue)\n"
            let chains = rs.listedChains(t)
            for c in chains { out += ":\(c.name) \(c.policy ?? "-") [\(c.policyCounter.packets):\(c.policyCounter.bytes)]\n" }
            for c in chains {
                for (r, n) in c.counted {
                    out += (counters ? "[\(n.packets):\(n.bytes)] " : "") + "-A \(c.name) \(r.specification)\n"
                }
            }
            out += "COMMIT\n# Completed on \(stamp)\n"
        }
        return out
    }
}
