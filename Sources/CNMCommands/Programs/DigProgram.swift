import CNMSim

/// BIND 9's `dig [+short] NAME [A|AAAA]` and `dig [+short] -x ADDRESS` (bind9-dnsutils on the host):
/// with `+short` only the answers' data, one per line (a PTR target with its final dot); without it
/// the full output of `DigFullOutput`. An answer without records prints nothing with `+short`
/// (bin/dig/dig.c `short_answer` walks the empty answer section) and exits 0.
enum DigProgram: SimulatedProgram {
    static let names = ["dig"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let short = args.contains("+short")
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
        case .response(let r) where short:
            return .ok(r.answers.map { ($0.type == .ptr ? $0.data + "." : $0.data) + "\n" }.joined())
        case .response(let r):
            guard ctx.container == nil, let text = DigFullOutput.render(args: args, query: query, type: type, server: server,
                                                                       response: r, at: ctx.engine.clock) else {
                return NotSimulated.feature("dig's full output for an answer without records from a zone cnmlab does not model (use dig +short NAME)")
            }
            return .ok(text)
        default:
            return .fail(";; connection timed out; no servers could be reached\n", code: 9)
        }
    }
}
