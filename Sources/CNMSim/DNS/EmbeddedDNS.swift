/// Docker's embedded DNS server at 127.0.0.11 (moby `libnetwork/resolver.go`,
/// `Sandbox.ResolveName`), answering one container's queries.
///
/// It runs in a sandbox once the container has had an endpoint on a
/// user-defined network. It answers A/AAAA from the names of the networks the
/// container is attached to (scoped, case-insensitive, TTL 600, several
/// addresses shuffled on every response from `engine.rng`), PTR for their
/// addresses, and forwards everything else to the upstream servers; when none
/// of them gives a usable answer it replies SERVFAIL.
public enum EmbeddedDNS {
    public static let address = IPv4Address(127, 0, 0, 11)
    /// `respTTL` in resolver.go.
    public static let ttl = 600

    /// Whether the embedded server listens in the container's sandbox.
    public static func isRunning(in c: Container, engine: Engine) -> Bool {
        guard c.isRunning, !c.sharesHostNetwork, let sid = c.sandboxID, let sb = engine.sandboxes[sid] else { return false }
        return sb.embeddedResolver || engine.endpoints(ofContainer: c).contains { engine.networks[$0.networkID]?.isUserDefined ?? false }
    }

    /// One upstream server of the embedded resolver (`ExtServers`).
    public struct Upstream: Sendable, Hashable {
        public var address: String
        /// Read from the host's file: queried from the host's namespace (`host(...)`).
        public var hostLoopback: Bool
    }

    /// The upstream servers: `--dns` servers (queried from the container) or
    /// the host's nameservers (queried from the host's namespace).
    public static func upstreams(of c: Container, engine: Engine) -> [Upstream] {
        if !c.dns.isEmpty { return c.dns.map { Upstream(address: $0, hostLoopback: false) } }
        return engine.host.nameservers.map { Upstream(address: $0.description, hostLoopback: true) }
    }

    /// Link aliases of the container's endpoint on `network` (`--link name:alias`
    /// on a user-defined network), alias → target name.
    static func linkAliases(of c: Container, on network: Network) -> [String: String] {
        guard network.isUserDefined else { return [:] }
        var links = c.attachments.first { $0.networkID == network.id || $0.network == network.name }?.links ?? []
        if let first = c.attachments.first, first.networkID == network.id || first.network == network.name {
            links += c.links
        }
        var out: [String: String] = [:]
        for link in links {
            let parts = link.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            var target = parts[0]
            if target.hasPrefix("/") { target.removeFirst() }
            let alias = parts.count > 1 && !parts[1].isEmpty ? parts[1] : target
            if out[alias] == nil { out[alias] = target }
        }
        return out
    }

    /// The candidate (name, network) pairs for a query name: `a.b.c` is tried in
    /// every network, then `a.b` in network `c`, then `a` in network `b.c`.
    static func candidates(_ name: String) -> [(name: String, network: String?)] {
        var out: [(String, String?)] = [(name, nil)]
        var rest = Substring(name)
        while let dot = rest.lastIndex(of: ".") {
            let networkName = String(name[name.index(after: dot)...])
            rest = rest[..<dot]
            out.append((String(rest), networkName))
        }
        return out
    }

    /// What the sandbox knows locally about `name`: its addresses and the
    /// network that answered; nil when no attached network knows it.
    public static func lookupLocal(_ name: String, in c: Container, engine: Engine) -> (addresses: [IPv4Address], network: Network)? {
        var trimmed = name
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        guard !trimmed.isEmpty else { return nil }
        let eps = engine.endpointsInSandboxOrder(of: c)
        for (req, networkName) in candidates(trimmed) {
            for lookupAlias in [true, false] {
                for ep in eps {
                    guard let n = engine.networks[ep.networkID] else { continue }
                    if let wanted = networkName, wanted != n.name { continue }
                    let aliases = linkAliases(of: c, on: n)
                    var target = req
                    if lookupAlias {
                        guard let t = aliases[req] else { continue }
                        target = t
                    } else if aliases[req] != nil {
                        continue
                    }
                    if let ips = ServiceRecords.resolve(target, network: n, engine: engine) { return (ips, n) }
                }
            }
        }
        return nil
    }

    /// The PTR name of `ip` on the container's networks (`c1.mynet`).
    public static func reverseLocal(_ ip: IPv4Address, in c: Container, engine: Engine) -> String? {
        for ep in engine.endpointsInSandboxOrder(of: c) {
            guard let n = engine.networks[ep.networkID] else { continue }
            if let host = ServiceRecords.reverse(ip, network: n, engine: engine) { return host }
        }
        return nil
    }

    /// Whether the user set an `ndots` option (then single-label A/AAAA queries
    /// are not forwarded).
    static func ndotsSet(_ c: Container, engine: Engine) -> Bool {
        c.dnsOptions.contains { $0 == "ndots" || $0.hasPrefix("ndots:") }
    }

    /// Answers one query from the running container `containerID` as the server would.
    public static func query(_ name: String, type: DNSQueryType, from containerID: String, engine: inout Engine) -> DNSResponse {
        guard let c = engine.containers[containerID], isRunning(in: c, engine: engine) else { return .servFail }
        var bare = name
        if bare.hasSuffix(".") { bare.removeLast() }
        switch type {
        case .a, .aaaa:
            if let found = lookupLocal(bare, in: c, engine: engine) {
                guard type == .a else { return DNSResponse(rcode: .noError) }
                var ips = found.addresses
                if ips.count > 1 { shuffle(&ips, rng: &engine.rng) }
                return DNSResponse(rcode: .noError, answers: ips.map { DNSAnswer(name: bare, type: .a, ttl: ttl, data: $0.description) })
            }
            if ndotsSet(c, engine: engine) && !bare.contains(".") { return DNSResponse(rcode: .noError) }
        case .ptr:
            if let ip = ReverseName.address(bare), let host = reverseLocal(ip, in: c, engine: engine) {
                return DNSResponse(rcode: .noError, answers: [DNSAnswer(name: bare, type: .ptr, ttl: ttl, data: host)])
            }
        }
        return forward(bare, type: type, from: c, engine: &engine)
    }

    /// `forwardExtDNS`: the upstream servers in order; SERVFAIL/REFUSED or no
    /// reply tries the next; none left gives SERVFAIL.
    static func forward(_ name: String, type: DNSQueryType, from c: Container, engine: inout Engine) -> DNSResponse {
        let proxyDNS = engine.hasExternalAccess(containerID: c.id)
        for up in upstreams(of: c, engine: engine) {
            guard let server = IPv4Address(up.address) else { continue }
            // The resolver never uses its own address as an upstream (filterExtServers).
            if !up.hostLoopback && server == address { continue }
            // Without external access, host-namespace servers are skipped (proxyDNS off, internal
            // networks) and container-namespace ones cannot be reached (no route out).
            guard proxyDNS else { continue }
            guard let response = ExternalDNSZone.answer(name, type: type, server: server, names: engine.outsideNames, at: engine.clock) else { continue }
            // The query crosses the host's chains: from the host's namespace for its own servers,
            // from the container's otherwise; a lost one counts as no answer.
            let site: NetSite = up.hostLoopback ? .host : .container(c.id)
            guard let carried = DNSTraffic.carry(name, response: response, to: server, from: site, engine: &engine) else { continue }
            if carried.rcode == .servFail || carried.rcode == .refused { continue }
            return carried
        }
        return .servFail
    }

    /// Go's `shuffleAddr`: Fisher–Yates from the end, drawing from the seed.
    static func shuffle(_ items: inout [IPv4Address], rng: inout SeededGenerator) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let r = Int(rng.next() % UInt64(i + 1))
            items.swapAt(i, r)
        }
    }
}
