import CNMSim

/// BIND 9's `host NAME` and `host ADDRESS` (bind9-dnsutils on the host, bin/dig/host.c): the A, AAAA
/// and MX answers from the first nameserver of /etc/resolv.conf (the simulated world has no mail
/// records), `NAME has address A` / `NAME has IPv6 address B`, `R domain name pointer N.` for an
/// address; `Host NAME not found: 3(NXDOMAIN)` (exit 1) when the name does not exist.
enum HostProgram: SimulatedProgram {
    static let names = ["host"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard args.count == 1, let name = args.first, !name.hasPrefix("-") else {
            return NotSimulated.feature("host \(args.joined(separator: " ")) (only host NAME is simulated)")
        }
        let site = ctx.container?.id
        let conf = NameResolution.resolvConf(site: site, engine: ctx.engine)
        guard let server = conf.nameservers.compactMap({ IPv4Address($0) }).first else {
            return .fail(";; connection timed out; no servers could be reached\n")
        }
        func ask(_ q: String, _ type: DNSQueryType) -> DNSServerReply {
            DNSTransport.exchange(q, type: type, server: server, from: site, engine: &ctx.engine)
        }
        if let ip = IPv4Address(name) {
            let ptr = ReverseName.of(ip)
            switch ask(ptr, .ptr) {
            case .response(let r) where r.rcode == .noError:
                return .ok(r.answers.map { "\(ptr) domain name pointer \($0.data).\n" }.joined())
            case .response(let r): return .fail("Host \(ptr). not found: \(r.rcode.rawValue)(\(r.rcode.text))\n")
            default: return .fail(";; connection timed out; no servers could be reached\n")
            }
        }
        let candidates = NameResolution.searchCandidates(name, conf: conf, hostname: ctx.engine.host.hostname)
        var last: DNSResponse?
        for candidate in candidates {
            switch ask(candidate, .a) {
            case .response(let a):
                last = a
                guard a.rcode == .noError else { continue }
                var out = a.answers.map { "\(candidate) has address \($0.data)\n" }.joined()
                if case .response(let aaaa) = ask(candidate, .aaaa) {
                    out += aaaa.answers.map { "\(candidate) has IPv6 address \($0.data)\n" }.joined()
                }
                return .ok(out)
            default:
                return .fail(";; connection timed out; no servers could be reached\n")
            }
        }
        let code = last?.rcode ?? .nxDomain
        return .fail("Host \(name) not found: \(code.rawValue)(\(code.text))\n")
    }
}
