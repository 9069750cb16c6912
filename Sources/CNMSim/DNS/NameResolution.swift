/// How a program's C library turns a name into IPv4 addresses (what `ping`,
/// `curl`, `wget`, `nc` and `getent` do before sending a packet).
///
/// `/etc/hosts` first, then DNS: the names to try come from `search` and
/// `ndots` of the site's resolv.conf, the servers from its `nameserver` lines,
/// each query carried by `DNSTransport` (so a container on a user-defined
/// network asks the embedded server, which shuffles shared aliases per query).
public enum NameResolution {
    /// The IPv4 addresses `name` resolves to from a container (its ID) or from
    /// the host (nil); nil when the name is unknown there. A literal address
    /// resolves to itself.
    public static func resolve(name: String, from site: String?, engine: inout Engine) -> [IPv4Address]? {
        if let ip = IPv4Address(name) { return [ip] }
        guard !name.isEmpty else { return nil }
        let fromFile = HostsFile.lookup(name, containerID: site, engine: engine)
        if !fromFile.isEmpty { return fromFile }
        let conf = resolvConf(site: site, engine: engine)
        for candidate in searchCandidates(name, conf: conf, hostname: hostname(site: site, engine: engine)) {
            switch queryServers(candidate, type: .a, conf: conf, from: site, engine: &engine) {
            case .response(let r) where r.rcode == .noError:
                let ips = r.ipv4Addresses
                if !ips.isEmpty { return ips }
            default:
                continue
            }
        }
        return nil
    }

    /// The resolv.conf a program at the site reads.
    public static func resolvConf(site: String?, engine: Engine) -> ResolvConf {
        if let id = site, let c = engine.containers[id] { return ResolvConf.forContainer(c, engine: engine) }
        return ResolvConf.parse(ResolvConf.hostFileText(engine.host))
    }

    static func hostname(site: String?, engine: Engine) -> String {
        if let id = site, let c = engine.containers[id] { return c.hostname }
        return engine.host.hostname
    }

    /// The names a stub resolver tries, in order: the name as given first when
    /// it has at least `ndots` dots, then with each search domain, then as given.
    /// A name ending in a dot is tried only as given.
    public static func searchCandidates(_ name: String, conf: ResolvConf, hostname: String) -> [String] {
        if name.hasSuffix(".") { return [String(name.dropLast())] }
        var domains = conf.search
        if domains.isEmpty, let dot = hostname.firstIndex(of: ".") {
            domains = [String(hostname[hostname.index(after: dot)...])]
        }
        let dots = name.filter { $0 == "." }.count
        let searched = domains.map { name + "." + $0 }
        return dots >= conf.ndots ? [name] + searched : searched + [name]
    }

    /// Sends `name` to the site's nameservers in order (at most three, as
    /// libc does) until one gives a response that is not SERVFAIL/REFUSED.
    /// Returns the last reply seen.
    public static func queryServers(_ name: String, type: DNSQueryType, conf: ResolvConf, from site: String?,
                                    engine: inout Engine) -> DNSServerReply {
        var last = DNSServerReply.timeout
        for ns in conf.nameservers.prefix(3) {
            guard let server = IPv4Address(ns) else { continue }
            let reply = DNSTransport.exchange(name, type: type, server: server, from: site, engine: &engine)
            last = reply
            if case .response(let r) = reply, r.rcode != .servFail, r.rcode != .refused { return reply }
        }
        return last
    }
}
