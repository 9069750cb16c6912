import CNMSim

/// Renders a ruleset the way iptables v1.8.10 prints it: `-S` specifications,
/// `-L` tables (with `-n`, `-v`, `--line-numbers`) and `iptables-save`.
enum IptablesListing {
    /// `iptables [-t T] -S [CHAIN]`; nil when the chain does not exist.
    static func specs(_ rs: Ruleset, _ table: NetfilterTable, chain: String?) -> String? {
        let chains: [NetfilterChain]
        if let chain {
            guard let c = rs.chain(table, chain) else { return nil }
            chains = [c]
        } else {
            chains = rs.listedChains(table)
        }
        var out = ""
        for c in chains {
            if let p = c.policy { out += "-P \(c.name) \(p)\n" } else { out += "-N \(c.name)\n" }
        }
        for c in chains {
            for r in c.rules { out += "-A \(c.name) \(r.specification)\n" }
        }
        return out
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

    /// `iptables [-t T] -L [CHAIN] [-n] [-v] [--line-numbers]`; nil when the chain does not exist.
    static func list(_ rs: Ruleset, _ table: NetfilterTable, chain: String?, numeric: Bool, verbose: Bool, lineNumbers: Bool) -> String? {
        let chains: [NetfilterChain]
        if let chain {
            guard let c = rs.chain(table, chain) else { return nil }
            chains = [c]
        } else {
            chains = rs.listedChains(table)
        }
        var out = ""
        for (n, c) in chains.enumerated() {
            if n > 0 { out += "\n" }
            if let p = c.policy {
                out += "Chain \(c.name) (policy \(p)" + (verbose ? " 0 packets, 0 bytes)\n" : ")\n")
            } else {
                out += "Chain \(c.name) (\(rs.references(table, to: c.name)) references)\n"
            }
            if lineNumbers { out += pad("num", 4) + " " }
            if verbose { out += padLeft("pkts", 5) + " " + padLeft("bytes", 5) + " " }
            out += pad("target", 9) + " " + " prot " + "opt"
            if verbose { out += " " + pad("in", 6) + " " + pad("out", 6) + " " }
            out += " " + pad("source", 19) + " " + " " + pad("destination", 19) + " " + "\n"
            for (i, r) in c.rules.enumerated() {
                var line = ""
                if lineNumbers { line += pad(String(i + 1), 4) + " " }
                if verbose { line += padLeft("0", 5) + " " + padLeft("0", 5) + " " }
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

    /// `iptables-save [-t T]`.
    static func save(_ rs: Ruleset, tables: [NetfilterTable], at time: SimTime) -> String {
        var out = ""
        let stamp = ctime(time)
        for t in tables {
            out += "# Generated by iptables-save v1.8.10 (nf_tables) on \(stamp)\n*\(t.rawValue)\n"
            let chains = rs.listedChains(t)
            for c in chains { out += ":\(c.name) \(c.policy ?? "-") [0:0]\n" }
            for c in chains { for r in c.rules { out += "-A \(c.name) \(r.specification)\n" } }
            out += "COMMIT\n# Completed on \(stamp)\n"
        }
        return out
    }
}
