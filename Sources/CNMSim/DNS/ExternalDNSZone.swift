/// The simulated world outside the Docker host, as DNS sees it.
///
/// Two kinds of resolver answer queries: the LAN router `192.168.1.1` (the
/// host's nameserver, see `HostConfig`), which knows the LAN names (`nas.lan` …)
/// and resolves public names; and the public resolvers (8.8.8.8, 8.8.4.4,
/// 1.1.1.1, 1.0.0.1, 9.9.9.9), which know only public names. Any other
/// address never answers (the client times out).
///
/// The public name space is open: a fixed table holds well-known names
/// (and those Korean learners try first: naver.com, daum.net, kakao.com…),
/// and every other syntactically valid name under a real public suffix
/// resolves to addresses derived from the name itself, so the same name
/// always gets the same plausible public addresses. Reserved names (RFC 2606
/// and RFC 6761: `.test`, `.example`, `.invalid`, `.localhost`; `.local`,
/// `.internal`, `.onion`, `.alt`, `home.arpa`) and names a lab declares missing
/// answer NXDOMAIN; a lab may add names (`OutsideNames`).
///
/// **All addresses here are simulated**: fixed or derived, plausible values
/// chosen for the course, not live DNS data. Every answer is recursive, so not
/// authoritative, and carries a fixed TTL of 300.
public enum ExternalDNSZone {
    /// The TTL the simulated upstream servers give.
    public static let ttl = 300

    /// One name of the simulated outside world.
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let ipv4: [IPv4Address]
        /// IPv6 addresses in their canonical text form.
        public let ipv6: [String]
        /// Known only to the LAN router (`192.168.1.1`), not to public resolvers.
        public let lanOnly: Bool

        public init(name: String, ipv4: [IPv4Address], ipv6: [String] = [], lanOnly: Bool = false) {
            self.name = name; self.ipv4 = ipv4; self.ipv6 = ipv6; self.lanOnly = lanOnly
        }
    }

    private static func ip(_ s: String) -> IPv4Address { IPv4Address(s) ?? IPv4Address(0) }

    /// Simulated public and LAN names with fixed addresses (lower case).
    public static let entries: [Entry] = [
        Entry(name: "example.com", ipv4: [ip("93.184.215.14")], ipv6: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"], lanOnly: false),
        Entry(name: "www.example.com", ipv4: [ip("93.184.215.14")], ipv6: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"], lanOnly: false),
        Entry(name: "example.net", ipv4: [ip("93.184.215.14")], ipv6: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"], lanOnly: false),
        Entry(name: "example.org", ipv4: [ip("93.184.215.14")], ipv6: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"], lanOnly: false),
        Entry(name: "docker.io", ipv4: [ip("54.227.20.253")], ipv6: [], lanOnly: false),
        Entry(name: "registry-1.docker.io", ipv4: [ip("54.236.113.205")], ipv6: [], lanOnly: false),
        Entry(name: "hub.docker.com", ipv4: [ip("44.219.3.189")], ipv6: [], lanOnly: false),
        Entry(name: "docker.com", ipv4: [ip("141.193.213.10"), ip("141.193.213.11")], ipv6: [], lanOnly: false),
        Entry(name: "www.docker.com", ipv4: [ip("141.193.213.10"), ip("141.193.213.11")], ipv6: [], lanOnly: false),
        Entry(name: "docs.docker.com", ipv4: [ip("18.165.122.41")], ipv6: [], lanOnly: false),
        Entry(name: "github.com", ipv4: [ip("140.82.121.4")], ipv6: [], lanOnly: false),
        Entry(name: "google.com", ipv4: [ip("142.250.185.78")], ipv6: ["2a00:1450:4001:82b::200e"], lanOnly: false),
        Entry(name: "www.google.com", ipv4: [ip("142.250.185.68")], ipv6: ["2a00:1450:4001:830::2004"], lanOnly: false),
        Entry(name: "google.co.kr", ipv4: [ip("142.250.206.227")], ipv6: ["2404:6800:400a:80a::2003"], lanOnly: false),
        Entry(name: "www.google.co.kr", ipv4: [ip("142.250.206.227")], ipv6: ["2404:6800:400a:80a::2003"], lanOnly: false),
        Entry(name: "youtube.com", ipv4: [ip("142.250.206.238")], ipv6: ["2404:6800:400a:80c::200e"], lanOnly: false),
        Entry(name: "cloudflare.com", ipv4: [ip("104.16.132.229"), ip("104.16.133.229")], ipv6: [], lanOnly: false),
        Entry(name: "naver.com", ipv4: [ip("223.130.200.236"), ip("223.130.192.247")], ipv6: [], lanOnly: false),
        Entry(name: "www.naver.com", ipv4: [ip("223.130.200.219"), ip("223.130.192.248")], ipv6: [], lanOnly: false),
        Entry(name: "daum.net", ipv4: [ip("121.53.105.193")], ipv6: [], lanOnly: false),
        Entry(name: "www.daum.net", ipv4: [ip("121.53.105.193")], ipv6: [], lanOnly: false),
        Entry(name: "kakao.com", ipv4: [ip("211.249.220.24")], ipv6: [], lanOnly: false),
        Entry(name: "www.kakao.com", ipv4: [ip("211.249.220.24")], ipv6: [], lanOnly: false),
        Entry(name: "nate.com", ipv4: [ip("120.50.131.112")], ipv6: [], lanOnly: false),
        Entry(name: "deb.debian.org", ipv4: [ip("151.101.2.132")], ipv6: [], lanOnly: false),
        Entry(name: "archive.ubuntu.com", ipv4: [ip("185.125.190.81")], ipv6: [], lanOnly: false),
        Entry(name: "dl-cdn.alpinelinux.org", ipv4: [ip("151.101.2.133")], ipv6: [], lanOnly: false),
        Entry(name: "dns.google", ipv4: [ip("8.8.8.8"), ip("8.8.4.4")], ipv6: [], lanOnly: false),
        Entry(name: "one.one.one.one", ipv4: [ip("1.1.1.1"), ip("1.0.0.1")], ipv6: [], lanOnly: false),
        Entry(name: "dns9.quad9.net", ipv4: [ip("9.9.9.9")], ipv6: [], lanOnly: false),
        Entry(name: "router.lan", ipv4: [ip("192.168.1.1")], ipv6: [], lanOnly: true),
        Entry(name: "docker-host.lan", ipv4: [ip("192.168.1.100")], ipv6: [], lanOnly: true),
        Entry(name: "nas.lan", ipv4: [ip("192.168.1.20")], ipv6: [], lanOnly: true),
        Entry(name: "printer.lan", ipv4: [ip("192.168.1.30")], ipv6: [], lanOnly: true),
    ]

    /// Special-use names that no public resolver answers (RFC 2606, RFC 6761, RFC 6762, RFC 7686,
    /// RFC 8375, RFC 9476, ICANN's `.internal`): NXDOMAIN.
    public static let reservedSuffixes = ["test", "example", "invalid", "localhost", "local", "onion", "alt",
                                          "internal", "home.arpa"]

    /// First octets of the derived addresses: long-allocated, routed unicast /8s (no private,
    /// shared, loopback, link-local, documentation, benchmark or multicast space).
    static let derivedFirstOctets: [UInt8] = [3, 13, 18, 23, 34, 35, 44, 52, 54, 63, 64, 66, 69, 74, 76, 104, 107,
                                              108, 130, 138, 141, 143, 146, 151, 157, 162, 185, 188, 193, 194, 195,
                                              199, 204, 208, 209, 211, 212, 213, 216, 217]

    /// The simulated LAN router and resolver.
    public static let lanResolver = IPv4Address(192, 168, 1, 1)

    /// Public resolvers that answer from anywhere with a way out.
    public static let publicResolvers: [IPv4Address] = [
        IPv4Address(8, 8, 8, 8), IPv4Address(8, 8, 4, 4), IPv4Address(1, 1, 1, 1), IPv4Address(1, 0, 0, 1),
        IPv4Address(9, 9, 9, 9),
    ]

    /// Whether a DNS server listens at this address in the simulated world.
    public static func isResolver(_ server: IPv4Address) -> Bool {
        server == lanResolver || publicResolvers.contains(server)
    }

    /// `name` lower-cased, without its final dot.
    static func normalised(_ name: String) -> String {
        var n = name.lowercased()
        if n.hasSuffix(".") { n.removeLast() }
        return n
    }

    /// Whether `name` is a special-use name (or under one) that answers NXDOMAIN.
    public static func isReserved(_ name: String) -> Bool {
        let n = normalised(name)
        return reservedSuffixes.contains { n == $0 || n.hasSuffix("." + $0) }
    }

    /// Whether `name` is a host name under a real public suffix: letters, digits and hyphens in labels
    /// of 1-63 characters (no hyphen at either end), at most 253 characters, and at least one label in
    /// front of the public suffix (`naver.com`, `foo.co.kr`; not `com` or `co.kr`).
    public static func isPublicName(_ name: String) -> Bool {
        let n = normalised(name)
        guard !n.isEmpty, n.utf8.count <= 253 else { return false }
        let labels = n.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            let bytes = Array(label.utf8)
            guard !bytes.isEmpty, bytes.count <= 63, bytes.first != 45, bytes.last != 45 else { return false }
            guard bytes.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else { return false }
        }
        guard let tld = labels.last.map(String.init), PublicSuffixes.topLevel.contains(tld), tld != "arpa" else { return false }
        return !PublicSuffixes.secondLevel.contains(n)
    }

    /// The addresses a public name without a fixed entry resolves to: one or two, derived from an
    /// FNV-1a hash of the name, in long-allocated public unicast space.
    public static func derivedAddresses(_ name: String) -> [IPv4Address] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in normalised(name).utf8 { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        func address(_ h: UInt64) -> IPv4Address {
            let first = derivedFirstOctets[Int(h % UInt64(derivedFirstOctets.count))]
            return IPv4Address(first, UInt8(truncatingIfNeeded: h >> 8), UInt8(truncatingIfNeeded: h >> 16),
                               UInt8(truncatingIfNeeded: (h >> 24) % 254 + 1))
        }
        let one = address(hash)
        guard (hash >> 40) & 3 == 0 else { return [one] }
        let two = address(hash >> 32 | hash << 32)
        return two == one ? [one] : [one, two]
    }

    /// The entry for a name as `server` knows it (case-insensitive, final dot ignored), with a lab's
    /// additions and removals applied; nil for NXDOMAIN.
    public static func entry(_ name: String, knownTo server: IPv4Address, names: OutsideNames = OutsideNames()) -> Entry? {
        let n = normalised(name)
        if names.missing.contains(n) { return nil }
        if let added = names.added[n] { return Entry(name: n, ipv4: added) }
        if let e = entries.first(where: { $0.name == n }) {
            if e.lanOnly && server != lanResolver { return nil }
            return e
        }
        guard !isReserved(n), isPublicName(n) else { return nil }
        return Entry(name: n, ipv4: derivedAddresses(n))
    }

    /// What `server` answers for a query at `time` (the root's SOA serial is dated); nil when no DNS
    /// server listens there. A negative A/AAAA answer carries its zone's SOA where it can be established
    /// (`negativeSOA`).
    public static func answer(_ name: String, type: DNSQueryType, server: IPv4Address,
                              names: OutsideNames = OutsideNames(), at time: SimTime = .epoch) -> DNSResponse? {
        guard isResolver(server) else { return nil }
        switch type {
        case .a, .aaaa:
            guard let e = entry(name, knownTo: server, names: names) else {
                return DNSResponse(rcode: .nxDomain,
                                   authority: negativeSOA(name, rcode: .nxDomain, names: names, server: server, at: time))
            }
            let answers: [DNSAnswer] = type == .a
                ? e.ipv4.map { DNSAnswer(name: name, type: .a, ttl: ttl, data: $0.description) }
                : e.ipv6.map { DNSAnswer(name: name, type: .aaaa, ttl: ttl, data: $0) }
            let soa = answers.isEmpty ? negativeSOA(name, rcode: .noError, names: names, server: server, at: time) : nil
            return DNSResponse(rcode: .noError, answers: answers, authority: soa)
        case .ptr:
            guard let ip = ReverseName.address(name) else { return .nxDomain }
            if let added = names.added.sorted(by: { $0.key < $1.key }).first(where: { $0.value.contains(ip) }) {
                return DNSResponse(rcode: .noError, answers: [DNSAnswer(name: name, type: .ptr, ttl: ttl, data: added.key)])
            }
            let owner = entries.first { $0.ipv4.contains(ip) && (!$0.lanOnly || server == lanResolver) }
            guard let o = owner, !names.missing.contains(o.name) else { return .nxDomain }
            return DNSResponse(rcode: .noError, answers: [DNSAnswer(name: name, type: .ptr, ttl: ttl, data: o.name)])
        }
    }
}

/// A lab's changes to the simulated outside world: names it adds (with their IPv4 addresses) and
/// names it declares missing (NXDOMAIN). Part of the engine's state, so a snapshot keeps them.
public struct OutsideNames: Sendable, Hashable {
    public var added: [String: [IPv4Address]]
    public var missing: Set<String>

    public init(added: [String: [IPv4Address]] = [:], missing: Set<String> = []) {
        self.added = [:]
        self.missing = []
        for (name, ips) in added { add(name, ips) }
        for name in missing { remove(name) }
    }

    /// Adds `name` (any case, final dot ignored) with `addresses`; it no longer counts as missing.
    public mutating func add(_ name: String, _ addresses: [IPv4Address]) {
        let n = ExternalDNSZone.normalised(name)
        added[n] = addresses
        missing.remove(n)
    }

    /// Makes `name` answer NXDOMAIN.
    public mutating func remove(_ name: String) {
        let n = ExternalDNSZone.normalised(name)
        added.removeValue(forKey: n)
        missing.insert(n)
    }
}
