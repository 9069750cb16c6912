import CNMSim

/// glibc `getent hosts KEY…`: each key through the `hosts: files dns` NSS
/// chain, as `gethostbyname2(AF_INET6)` then `gethostbyname2(AF_INET)` (or
/// `gethostbyaddr` for an address). Prints `%-15s %s` (address, canonical name,
/// then aliases) per address; exit 2 when a key is not found. Other databases
/// are not simulated.
enum GetentProgram: SimulatedProgram {
    static let names = ["getent"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard let database = args.first else { return NotSimulated.feature("getent without a database") }
        guard database == "hosts" else { return NotSimulated.feature("getent \(database)") }
        let keys = Array(args.dropFirst())
        guard !keys.isEmpty else { return NotSimulated.feature("getent hosts without a key (listing the whole database)") }
        var out = CommandOutput()
        for key in keys {
            let lines = lookup(key, &ctx)
            if lines.isEmpty { out.exitCode = 2 } else { out.stdout += lines.joined() }
        }
        return out
    }

    static func line(_ address: String, _ names: [String]) -> String {
        let padded = address.count < 15 ? address + String(repeating: " ", count: 15 - address.count) : address
        return padded + " " + names.joined(separator: " ") + "\n"
    }

    /// The lines printed for one key; empty when it is not found.
    static func lookup(_ key: String, _ ctx: inout ProgramContext) -> [String] {
        let site = ctx.container?.id
        let records = fileRecords(site: site, engine: ctx.engine)
        if let ip = IPv4Address(key) {
            if let r = records.first(where: { $0.ip == ip.description }) { return [line(r.ip, r.names)] }
            if case .response(let resp) = dnsLookup(ReverseName.of(ip), type: .ptr, search: false, &ctx),
               let ptr = resp.answers.first(where: { $0.type == .ptr }) {
                return [line(ip.description, [ptr.data])]
            }
            return []
        }
        let wanted = key.lowercased()
        // AF_INET6 first: IPv6 lines of the file, then AAAA records.
        let v6 = records.filter { $0.ip.contains(":") && $0.names.contains { $0.lowercased() == wanted } }
        if let first = v6.first { return v6.map { line($0.ip, first.names) } }
        if case .response(let resp) = dnsLookup(key, type: .aaaa, search: true, &ctx) {
            let answers = resp.answers.filter { $0.type == .aaaa }
            if let first = answers.first { return answers.map { line($0.data, [first.name]) } }
        }
        // Then AF_INET.
        let v4 = records.filter { !$0.ip.contains(":") && $0.names.contains { $0.lowercased() == wanted } }
        if let first = v4.first { return v4.map { line($0.ip, first.names) } }
        if case .response(let resp) = dnsLookup(key, type: .a, search: true, &ctx) {
            let answers = resp.answers.filter { $0.type == .a }
            if let first = answers.first { return answers.map { line($0.data, [first.name]) } }
        }
        return []
    }

    /// The site's /etc/hosts as (address, names) pairs, in file order.
    static func fileRecords(site: String?, engine: Engine) -> [(ip: String, names: [String])] {
        let text = ResolutionFiles.read("/etc/hosts", site: site, engine: engine) ?? ""
        var out: [(String, [String])] = []
        for raw in text.split(separator: "\n") {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 2 else { continue }
            out.append((fields[0], Array(fields.dropFirst())))
        }
        return out
    }

    /// The first usable DNS reply for `name`, trying the search list when asked.
    static func dnsLookup(_ name: String, type: DNSQueryType, search: Bool, _ ctx: inout ProgramContext) -> DNSServerReply {
        let site = ctx.container?.id
        let conf = NameResolution.resolvConf(site: site, engine: ctx.engine)
        let hostname = ctx.container?.hostname ?? ctx.engine.host.hostname
        let candidates = search ? NameResolution.searchCandidates(name, conf: conf, hostname: hostname) : [name]
        var last = DNSServerReply.timeout
        for candidate in candidates {
            let reply = NameResolution.queryServers(candidate, type: type, conf: conf, from: site, engine: &ctx.engine)
            last = reply
            if case .response(let r) = reply, r.rcode == .noError, !r.answers.isEmpty { return reply }
        }
        return last
    }
}
