import CNMSim

/// BIND 9.18's `dig NAME [A|AAAA]` and `dig -x ADDRESS` without `+short` (bind9-dnsutils
/// 1:9.18.33-1~deb12u2 of Debian 12 on the host; bin/dig/dig.c `printmessage`, lib/dns/message.c
/// section headers, lib/dns/masterdump.c columns): the header, the flags and counts, the OPT
/// pseudo-section, the question, the answers, then query time, server, date and size.
///
/// The simulated LAN router answers as a recursive resolver (flags `qr rd ra`) with EDNS0 and a
/// 1232-byte UDP size (the DNS flag day 2020 default of dnsmasq and unbound), no DNS cookie. The
/// message ID and the query time (a LAN round trip, 1-9 ms) are drawn from the name and the
/// simulated clock, so a transcript replays identically; `WHEN` is the simulated clock in the
/// host's zone (UTC). An answer without records (NXDOMAIN, NODATA) prints its zone's SOA in an
/// AUTHORITY SECTION (lib/dns/message.c `dns_message_sectiontotext` prints no header for an empty
/// section, so there is no ANSWER SECTION then); where the simulated world cannot say which zone
/// answered (`ExternalDNSZone.negativeSOA`) the response has no SOA and the output is not simulated.
enum DigFullOutput {
    static let version = "9.18.33-1~deb12u2-Debian"

    /// Columns of dig's records: TTL at 24, class at 32, type at 40, data at 48 (tabs of 8).
    /// A question has no TTL: its class goes to column 32 (`stops` 32, 40).
    static func columns(_ fields: [String], stops: [Int] = [24, 32, 40, 48]) -> String {
        var line = fields[0]
        var col = line.count
        for (i, f) in fields.dropFirst().enumerated() {
            let to = stops[min(i, stops.count - 1)]
            if col >= to {
                line += " "
                col += 1
            } else {
                while col < to {
                    line += "\t"
                    col = (col / 8 + 1) * 8
                }
            }
            line += f
            col += f.count
        }
        return line
    }

    /// The whole output for a response with answers, or without but with its zone's SOA; nil for
    /// one without either (not simulated).
    static func render(args: [String], query: String, type: DNSQueryType, server: IPv4Address,
                       response: DNSResponse, at time: SimTime) -> String? {
        let soa = response.answers.isEmpty ? response.authority : nil
        guard (response.rcode == .noError && !response.answers.isEmpty) || soa != nil else { return nil }
        let fqdn = query.hasSuffix(".") ? query : query + "."
        var seed: UInt64 = 1469598103934665603
        for b in (fqdn + type.rawValue + String(time.nanoseconds)).utf8 { seed = (seed ^ UInt64(b)) &* 1099511628211 }
        let id = Int(seed % 65536)
        let msec = 1 + Int((seed >> 16) % 9)
        var out = "\n; <<>> DiG \(version) <<>> \(args.joined(separator: " "))\n"
        out += ";; global options: +cmd\n;; Got answer:\n"
        out += ";; ->>HEADER<<- opcode: QUERY, status: \(response.rcode.text), id: \(id)\n"
        out += ";; flags: qr rd ra; QUERY: 1, ANSWER: \(response.answers.count), AUTHORITY: \(soa == nil ? 0 : 1), ADDITIONAL: 1\n\n"
        out += ";; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n"
        out += ";; QUESTION SECTION:\n" + columns([";" + fqdn, "IN", type.rawValue], stops: [32, 40]) + "\n\n"
        if let soa {
            out += ";; AUTHORITY SECTION:\n"
            out += columns([soa.zone, String(soa.ttl), "IN", "SOA", soa.dataText]) + "\n"
        } else {
            out += ";; ANSWER SECTION:\n"
            for a in response.answers {
                let owner = a.name.hasSuffix(".") ? a.name : a.name + "."
                let data = a.type == .ptr ? a.data + "." : a.data
                out += columns([owner, String(a.ttl), "IN", a.type.rawValue, data]) + "\n"
            }
        }
        // The message: header, question, answers or SOA with compressed names, and the OPT record (11 bytes).
        let size = DNSTraffic.responseSize(query, response) + 11
        out += "\n;; Query time: \(msec) msec\n"
        out += ";; SERVER: \(server)#53(\(server)) (UDP)\n"
        out += ";; WHEN: \(when(time))\n"
        out += ";; MSG SIZE  rcvd: \(size)\n\n"
        return out
    }

    /// `%a %b %d %H:%M:%S %Z %Y` of the simulated clock in UTC (`Sun Jun 01 10:00:25 UTC 2025`).
    static func when(_ t: SimTime) -> String {
        let p = IptablesListing.ctime(t).split(separator: " ", omittingEmptySubsequences: true)
        guard p.count == 5 else { return IptablesListing.ctime(t) }
        let day = p[2].count == 1 ? "0" + p[2] : String(p[2])
        return "\(p[0]) \(p[1]) \(day) \(p[3]) UTC \(p[4])"
    }
}
