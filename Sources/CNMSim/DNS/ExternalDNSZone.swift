/// The simulated world outside the Docker host, as DNS sees it.
///
/// Two kinds of resolver answer queries: the LAN router `192.168.1.1` (the
/// host's nameserver, reference §0), which knows the LAN names (`nas.lan` …)
/// and resolves public names; and the public resolvers (8.8.8.8, 8.8.4.4,
/// 1.1.1.1, 1.0.0.1, 9.9.9.9), which know only public names. Any other
/// address never answers (the client times out).
///
/// **All addresses here are simulated**: fixed, plausible values chosen for
/// the course, not live DNS data. Every answer is recursive, so not
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
    }

    private static func ip(_ s: String) -> IPv4Address { IPv4Address(s) ?? IPv4Address(0) }

    /// Simulated public and LAN names (lower case).
    public static let entries: [Entry] = [
        Entry(name: "example.com", ipv4: [ip("93.184.215.14")], ipv6: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"], lanOnly: false),
        Entry(name: "www.example.com", ipv4: [ip("93.184.215.14")], ipv6: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"], lanOnly: false),
        Entry(name: "docker.io", ipv4: [ip("54.227.20.253")], ipv6: [], lanOnly: false),
        Entry(name: "registry-1.docker.io", ipv4: [ip("54.236.113.205")], ipv6: [], lanOnly: false),
        Entry(name: "hub.docker.com", ipv4: [ip("44.219.3.189")], ipv6: [], lanOnly: false),
        Entry(name: "github.com", ipv4: [ip("140.82.121.4")], ipv6: [], lanOnly: false),
        Entry(name: "google.com", ipv4: [ip("142.250.185.78")], ipv6: ["2a00:1450:4001:82b::200e"], lanOnly: false),
        Entry(name: "www.google.com", ipv4: [ip("142.250.185.68")], ipv6: ["2a00:1450:4001:830::2004"], lanOnly: false),
        Entry(name: "cloudflare.com", ipv4: [ip("104.16.132.229"), ip("104.16.133.229")], ipv6: [], lanOnly: false),
        Entry(name: "deb.debian.org", ipv4: [ip("151.101.2.132")], ipv6: [], lanOnly: false),
        Entry(name: "dl-cdn.alpinelinux.org", ipv4: [ip("151.101.2.133")], ipv6: [], lanOnly: false),
        Entry(name: "dns.google", ipv4: [ip("8.8.8.8"), ip("8.8.4.4")], ipv6: [], lanOnly: false),
        Entry(name: "one.one.one.one", ipv4: [ip("1.1.1.1"), ip("1.0.0.1")], ipv6: [], lanOnly: false),
        Entry(name: "dns9.quad9.net", ipv4: [ip("9.9.9.9")], ipv6: [], lanOnly: false),
        Entry(name: "router.lan", ipv4: [ip("192.168.1.1")], ipv6: [], lanOnly: true),
        Entry(name: "docker-host.lan", ipv4: [ip("192.168.1.100")], ipv6: [], lanOnly: true),
        Entry(name: "nas.lan", ipv4: [ip("192.168.1.20")], ipv6: [], lanOnly: true),
        Entry(name: "printer.lan", ipv4: [ip("192.168.1.30")], ipv6: [], lanOnly: true),
    ]

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

    /// The entry for a name as `server` knows it (case-insensitive, final dot ignored).
    public static func entry(_ name: String, knownTo server: IPv4Address) -> Entry? {
        var n = name.lowercased()
        if n.hasSuffix(".") { n.removeLast() }
        guard let e = entries.first(where: { $0.name == n }) else { return nil }
        if e.lanOnly && server != lanResolver { return nil }
        return e
    }

    /// What `server` answers for a query; nil when no DNS server listens there.
    public static func answer(_ name: String, type: DNSQueryType, server: IPv4Address) -> DNSResponse? {
        guard isResolver(server) else { return nil }
        switch type {
        case .a, .aaaa:
            guard let e = entry(name, knownTo: server) else { return .nxDomain }
            let answers: [DNSAnswer] = type == .a
                ? e.ipv4.map { DNSAnswer(name: name, type: .a, ttl: ttl, data: $0.description) }
                : e.ipv6.map { DNSAnswer(name: name, type: .aaaa, ttl: ttl, data: $0) }
            return DNSResponse(rcode: .noError, answers: answers)
        case .ptr:
            guard let ip = ReverseName.address(name) else { return .nxDomain }
            let owner = entries.first { $0.ipv4.contains(ip) && (!$0.lanOnly || server == lanResolver) }
            guard let o = owner else { return .nxDomain }
            return DNSResponse(rcode: .noError, answers: [DNSAnswer(name: name, type: .ptr, ttl: ttl, data: o.name)])
        }
    }
}
