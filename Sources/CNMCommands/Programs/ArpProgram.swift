import CNMSim

/// busybox 1.36.1 `arp [-n] [-a] [-i IF] [HOST]` (networking/arp.c `arp_show`, `arp_disp`): the
/// namespace's neighbour table as `/proc/net/arp` holds it, one line per entry —
/// `NAME (ADDR) at MAC [ether]  on DEV`, or `<incomplete>` for an unresolved entry (no `ATF_COM`);
/// NAME is `?` with `-n` or when the address has no name (`/etc/hosts`, then a PTR query to the
/// first nameserver). A filter that matches nothing prints `No match found in N entries`.
/// Only the busybox images carry `arp`: Debian-based images and the host have no net-tools.
enum ArpProgram: SimulatedProgram {
    static let names = ["arp"]
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var numeric = false
        var device: String?
        var host: String?
        var i = 0
        while i < args.count {
            let a = args[i]
            i += 1
            guard a.hasPrefix("-"), a.count > 1 else {
                if host == nil { host = a }
                continue
            }
            var chars = Array(a.dropFirst())
            while !chars.isEmpty {
                let f = chars.removeFirst()
                switch f {
                case "n": numeric = true
                case "a", "v": break
                case "i":
                    var value = String(chars)
                    chars = []
                    if value.isEmpty {
                        guard i < args.count else { return NotSimulated.feature("busybox arp's usage text") }
                        value = args[i]
                        i += 1
                    }
                    device = value
                case "d", "s": return NotSimulated.feature("arp -\(f) (changing the ARP table)")
                default: return NotSimulated.feature("arp option -\(f)")
                }
            }
        }
        let owner = ctx.container.flatMap { $0.sharesHostNetwork ? nil : $0.id }
        let entries = ctx.engine.neighbourEntries(of: owner)
        var wanted: IPv4Address?
        if let host {
            guard let ip = IPv4Address(host) ?? Connectivity.resolve(host, &ctx) else {
                return .fail("arp: \(host): Unknown host\n")
            }
            wanted = ip
        }
        let now = ctx.engine.clock
        var out = ""
        var shown = 0
        for e in entries {
            if let wanted, e.address != wanted { continue }
            if let device, e.device != device { continue }
            shown += 1
            let state = e.state(at: now)
            let name = numeric ? "?" : reverseName(e.address, &ctx) ?? "?"
            out += "\(name) (\(e.address)) at "
            if state.isComplete, let mac = e.lladdr { out += "\(mac) [ether] " } else { out += "<incomplete> " }
            out += " on \(e.device)\n"
        }
        if shown == 0 && (wanted != nil || device != nil) { out += "No match found in \(entries.count) entries\n" }
        return .ok(out)
    }

    /// What `gethostbyaddr` gives: the container's `/etc/hosts`, then a PTR answer of its first nameserver.
    static func reverseName(_ ip: IPv4Address, _ ctx: inout ProgramContext) -> String? {
        let site = ctx.container?.id
        for raw in HostsFile.text(containerID: site, engine: ctx.engine).split(separator: "\n") {
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 2, IPv4Address(fields[0]) == ip { return String(fields[1]) }
        }
        let conf = NameResolution.resolvConf(site: site, engine: ctx.engine)
        guard let server = conf.nameservers.compactMap({ IPv4Address($0) }).first,
              case .response(let r) = DNSTransport.exchange(ReverseName.of(ip), type: .ptr, server: server, from: site, engine: &ctx.engine),
              let name = r.answers.first?.data else { return nil }
        return name.hasSuffix(".") ? String(name.dropLast()) : name
    }
}
