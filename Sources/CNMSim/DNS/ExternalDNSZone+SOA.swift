/// The SOA record the simulated outside world puts in the authority section of a negative answer
/// (RFC 2308 §3), where the zone that answers can be established:
///
/// - **The root zone** answers NXDOMAIN for a name whose top-level domain does not exist: the
///   special-use names (`.test`, `.example`, `.invalid`, `.localhost`, `.local`, `.onion`, `.alt`,
///   `.internal`) and any label that is not a top-level domain of the Public Suffix List. Its SOA is
///   `. SOA a.root-servers.net. nstld.verisign-grs.com. YYYYMMDDNN 1800 900 604800 86400` (the root
///   zone file published by IANA, https://www.internic.net/domain/root.zone); the serial is the
///   simulated date with `00`, the first of the day's editions.
/// - **A domain the outside world invents** (the registrable name: one label in front of its public
///   suffix, `my-shop.com`, `foo.co.kr`, with no name of the fixed table in it) answers NODATA for a type it has no record of (an AAAA
///   query for a name without IPv6 addresses) and NXDOMAIN for a name a lab declares missing under
///   it. Its SOA is invented as its addresses are, deterministically from the name and marked as
///   simulated in `docs/dns.md`: `ns1.<zone>. hostmaster.<zone>.` (RFC 2142 §7), a serial dated
///   0-364 days before the simulated date from the name's hash, refresh, retry and expire as RIPE-203
///   recommends (86400 7200 3600000) and a minimum equal to the zone's TTL (300).
///
/// Anything else (the domains of the fixed table, `naver.com`, `github.com`…, whose real SOA cnmlab
/// cannot copy and would contradict; a top-level domain's own answer, the LAN router's `.lan` names, reverse zones,
/// `home.arpa`, names a lab adds outside the public suffixes) has no SOA here: dig's full output
/// answers "not simulated" for it.
///
/// The LAN router forwards (no DNS cookie, flags `qr rd ra` without `ad`: see `DigFullOutput`) and
/// hands on its upstream recursive server's TTLs. The TTL of the SOA is the negative-caching TTL of
/// a fresh answer: the SOA's own TTL or its minimum, whichever is lower (RFC 2308 §5), capped at
/// 10800 s, the default `max-ncache-ttl` of BIND 9.18 (isc-projects/bind9 v9.18.33
/// bin/named/config.c; lib/dns/ncache.c `addoptout` starts the TTL at that cap and lowers it to the
/// SOA's). A single-label name (`dig localhost`) gets no SOA: a router's forwarder
/// commonly answers those itself (dnsmasq's `domain-needed`, its own hosts file).
extension ExternalDNSZone {
    /// BIND 9.18's default `max-ncache-ttl`, the upstream server's cap on negative TTLs.
    static let maxNegativeTTL = 10800

    /// The root zone's SOA on the simulated date.
    public static func rootSOA(at time: SimTime) -> DNSSOA {
        let c = time.components
        let serial = UInt32(clamping: (c.year * 10_000 + c.month * 100 + c.day) * 100)
        return DNSSOA(zone: ".", ttl: min(86400, 86400, maxNegativeTTL), mname: "a.root-servers.net.",
                      rname: "nstld.verisign-grs.com.", serial: serial, refresh: 1800, retry: 900,
                      expire: 604_800, minimum: 86400)
    }

    /// The registrable domain of a public name (`www.naver.com` → `naver.com`, `a.b.co.kr` → `b.co.kr`),
    /// nil when the name is not under a public suffix.
    public static func registrableDomain(_ name: String) -> String? {
        let n = normalised(name)
        guard isPublicName(n) else { return nil }
        let labels = n.split(separator: ".").map(String.init)
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let count = PublicSuffixes.secondLevel.contains(lastTwo) ? 3 : 2
        guard labels.count >= count else { return nil }
        return labels.suffix(count).joined(separator: ".")
    }

    /// The invented SOA of a domain of the outside world.
    public static func zoneSOA(_ zone: String, at time: SimTime) -> DNSSOA {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in zone.utf8 { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let daysBefore = Int64(hash % 365)
        let c = SimTime(nanoseconds: time.nanoseconds - daysBefore * 86_400 * 1_000_000_000).components
        let serial = UInt32(clamping: (c.year * 10_000 + c.month * 100 + c.day) * 100 + 1)
        return DNSSOA(zone: zone + ".", ttl: min(ttl, ttl, maxNegativeTTL), mname: "ns1.\(zone).",
                      rname: "hostmaster.\(zone).", serial: serial, refresh: 86400, retry: 7200,
                      expire: 3_600_000, minimum: ttl)
    }

    /// The SOA of the zone that gives `rcode` without records for an A or AAAA query of `name`, or nil
    /// where that zone cannot be established (see the type's documentation).
    static func negativeSOA(_ name: String, rcode: DNSRcode, names: OutsideNames, server: IPv4Address,
                            at time: SimTime) -> DNSSOA? {
        let n = normalised(name)
        guard !n.isEmpty, n != "home.arpa", !n.hasSuffix(".home.arpa") else { return nil }
        guard n.contains(".") else { return nil }
        let tld = String(n.split(separator: ".").last ?? "")
        if rcode == .nxDomain {
            if reservedSuffixes.contains(tld) { return rootSOA(at: time) }
            // The LAN router serves `.lan` itself; other labels that are no top-level domain reach the root.
            if !PublicSuffixes.topLevel.contains(tld) {
                return tld == "lan" && server == lanResolver ? nil : rootSOA(at: time)
            }
        }
        guard rcode == .nxDomain || rcode == .noError, let zone = registrableDomain(n), zone != n || rcode == .noError,
              !isReserved(zone), entry(zone, knownTo: server, names: names) != nil,
              !entries.contains(where: { $0.name == zone || $0.name.hasSuffix("." + zone) }) else { return nil }
        return zoneSOA(zone, at: time)
    }
}
