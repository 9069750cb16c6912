import CNMSim

/// BIND 9's `dig +short NAME [A|AAAA]` and `dig +short -x ADDRESS` (bind9-dnsutils on the host): only
/// the answers' data, one per line (a PTR target with its final dot). dig's full output carries a
/// query ID, timings and message sizes, which are not simulated.
enum DigProgram: SimulatedProgram {
    static let names = ["dig"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard args.contains("+short") else { return NotSimulated.feature("dig's full output (use dig +short NAME)") }
        var words = args.filter { $0 != "+short" }
        var type = DNSQueryType.a
        var reverse = false
        if words.first == "-x" { reverse = true; words.removeFirst() }
        if words.count == 2, let t = DNSQueryType(rawValue: words[1].uppercased()), t != .ptr { type = t; words.removeLast() }
        guard words.count == 1, let name = words.first, !name.hasPrefix("-"), !name.hasPrefix("+"), !name.hasPrefix("@") else {
            return NotSimulated.feature("dig \(args.joined(separator: " "))")
        }
        let site = ctx.container?.id
        let conf = NameResolution.resolvConf(site: site, engine: ctx.engine)
        guard let server = conf.nameservers.compactMap({ IPv4Address($0) }).first else {
            return .fail(";; connection timed out; no servers could be reached\n", code: 9)
        }
        var query = name
        if reverse {
            guard let ip = IPv4Address(name) else { return NotSimulated.feature("dig -x \(name)") }
            query = ReverseName.of(ip)
            type = .ptr
        }
        switch DNSTransport.exchange(query, type: type, server: server, from: site, engine: &ctx.engine) {
        case .response(let r):
            return .ok(r.answers.map { ($0.type == .ptr ? $0.data + "." : $0.data) + "\n" }.joined())
        default:
            return .fail(";; connection timed out; no servers could be reached\n", code: 9)
        }
    }
}
