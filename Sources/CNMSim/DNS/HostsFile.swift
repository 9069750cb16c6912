/// `/etc/hosts` of the host and of containers (moby v28.2.2 libnetwork/etchosts,
/// libnetwork/sandbox_dns_unix.go `buildHostsFile`, `addLegacyLinks`).
///
/// A container's file: `127.0.0.1 localhost`, the IPv6 defaults (containers
/// have `::1` on lo), then `--add-host` records and legacy `--link` records in
/// the order given, then one record per endpoint address in the order the
/// endpoints joined (a connect appends, a disconnect removes exactly those).
/// Peer containers are never listed: discovery is DNS only.
public enum HostsFile {
    /// One line: an address and its space-separated names.
    public struct Record: Sendable, Hashable {
        public var ip: String
        public var names: String
        public init(ip: String, names: String) { self.ip = ip; self.names = names }
        public var line: String { "\(ip)\t\(names)\n" }
    }

    static let defaults: [Record] = [
        Record(ip: "127.0.0.1", names: "localhost"),
        Record(ip: "::1", names: "localhost ip6-localhost ip6-loopback"),
        Record(ip: "fe00::", names: "ip6-localnet"),
        Record(ip: "ff00::", names: "ip6-mcastprefix"),
        Record(ip: "ff02::1", names: "ip6-allnodes"),
        Record(ip: "ff02::2", names: "ip6-allrouters"),
    ]

    /// The simulated host's own `/etc/hosts` (a Debian installer's default for `docker-host`).
    public static func hostFileText(_ host: HostConfig) -> String {
        "127.0.0.1\tlocalhost\n"
            + "127.0.1.1\t\(host.hostname)\n"
            + "\n"
            + "# The following lines are desirable for IPv6 capable hosts\n"
            + "::1     localhost ip6-localhost ip6-loopback\n"
            + "ff02::1 ip6-allnodes\n"
            + "ff02::2 ip6-allrouters\n"
    }

    /// The address `--add-host name:host-gateway` stands for: the default bridge's gateway.
    public static func hostGateway(_ engine: Engine) -> String {
        engine.network(named: "bridge")?.gateway?.description ?? "172.17.0.1"
    }

    /// `--add-host` entries (`name:ip`, `name:[v6]`) as records.
    static func extraHostRecords(_ c: Container, engine: Engine) -> [Record] {
        c.extraHosts.compactMap { entry in
            guard let sep = entry.firstIndex(of: ":") ?? entry.firstIndex(of: "=") else { return nil }
            let name = String(entry[..<sep])
            var ip = String(entry[entry.index(after: sep)...])
            if ip.hasPrefix("[") && ip.hasSuffix("]") { ip = String(ip.dropFirst().dropLast()) }
            if ip == "host-gateway" { ip = hostGateway(engine) }
            return Record(ip: ip.lowercased(), names: name)
        }
    }

    /// Legacy `--link name[:alias]` records of a default-bridge container, as written when it
    /// joined the default bridge and updated since (`Engine.addLegacyLinks`).
    static func legacyLinkRecords(_ c: Container, engine: Engine) -> [Record] {
        guard c.networkMode == "bridge" else { return [] }
        return c.legacyLinkRecords
    }

    /// The names of the container's own records: hostname, or FQDN and short name.
    static func ownNames(_ c: Container) -> String {
        var hosts = c.hostname
        if !c.domainname.isEmpty { hosts += "." + c.domainname }
        if let dot = hosts.firstIndex(of: ".") { hosts += " " + hosts[..<dot] }
        return hosts
    }

    /// The records of a container's file; nil when it is a copy of the host's file.
    public static func records(for c: Container, engine: Engine) -> [Record]? {
        let extra = extraHostRecords(c, engine: engine)
        if c.sharesHostNetwork {
            return extra.isEmpty ? nil : defaults + extra
        }
        // With IPv6 off in the container, moby builds the file with `etchosts.BuildNoIPv6` (moby v28.2.2
        // libnetwork/sandbox_dns_unix.go line 154, libnetwork/etchosts/etchosts.go line 80): no IPv6 defaults,
        // no IPv6 extra records.
        let base = c.ipv6Disabled ? Array(defaults.prefix(1)) : defaults
        let extras = c.ipv6Disabled ? extra.filter { !$0.ip.contains(":") } : extra
        var out = base + extras + legacyLinkRecords(c, engine: engine)
        let names = ownNames(c)
        for ep in engine.endpoints(ofContainer: c) {
            if let ip = ep.ipv4 { out.append(Record(ip: ip.description, names: names)) }
        }
        return out
    }

    /// The file's text for a container, or for the host when `containerID` is nil.
    public static func text(containerID: String?, engine: Engine) -> String {
        guard let id = containerID, let c = engine.containers[id], let recs = records(for: c, engine: engine) else {
            return hostFileText(engine.host)
        }
        return recs.map(\.line).joined()
    }

    /// The IPv4 addresses the file gives `name` (case-insensitive), in file order.
    public static func lookup(_ name: String, containerID: String?, engine: Engine) -> [IPv4Address] {
        let wanted = name.lowercased()
        var out: [IPv4Address] = []
        for raw in text(containerID: containerID, engine: engine).split(separator: "\n") {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let ip = IPv4Address(fields[0]) else { continue }
            if fields.dropFirst().contains(where: { $0.lowercased() == wanted }), !out.contains(ip) { out.append(ip) }
        }
        return out
    }
}
