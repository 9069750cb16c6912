import CNMSim

/// `traceroute HOST` (busybox, inside containers): one line per router the UDP
/// probes cross, from the simulated packet path. Hops beyond the LAN router are
/// not simulated and say so.
enum TracerouteProgram: SimulatedProgram {
    static let names = ["traceroute"]
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard args.count == 1, let target = args.first, !target.hasPrefix("-") else {
            return NotSimulated.feature("traceroute options")
        }
        guard let ip = Connectivity.resolve(target, &ctx) else { return .fail("traceroute: bad address '\(target)'\n") }
        let r = Connectivity.trace(&ctx, to: ip, proto: "udp", port: 33434, exchange: .udp(query: 18, response: 0))
        var out = CommandOutput(stdout: "traceroute to \(target) (\(ip)), 30 hops max, 46 byte packets\n")
        if r.verdict == .networkUnreachable {
            out.stderr = "traceroute: sendto: Network is unreachable\n"
            out.exitCode = 1
            return out
        }
        func times() -> String {
            (0..<3).map { _ in "  " + Connectivity.ms(Connectivity.rtt(&ctx, hops: 0, outside: false)) + " ms" }.joined()
        }
        var hop = 0
        func num(_ n: Int) -> String { n < 10 ? " \(n)" : "\(n)" }
        func line(_ addr: IPv4Address) { hop += 1; out.stdout += num(hop) + "  \(addr) (\(addr))" + times() + "\n" }
        // The host as router answers hop 1 if the probe got past PREROUTING.
        let droppedEarly = r.events.contains {
            if case .chain(let v) = $0, v.chain == "PREROUTING", v.outcome == "DROP" { return true }
            return false
        }
        var gateway: IPv4Address?
        for e in r.events { if case .route(_, _, _, let gw, _) = e, gateway == nil { gateway = gw } }
        let reached: Bool
        switch r.verdict {
        case .delivered, .refused: reached = true
        default: reached = false
        }
        if let gateway, gateway != ip, !droppedEarly { line(gateway) }
        if case .delivered(.outside(let far), _, _) = r.verdict, !ctx.engine.host.lan.contains(far) {
            line(ctx.engine.host.gateway)
            out.stderr += "cnmlab: traceroute hops beyond the LAN router are not simulated\n"
            ctx.engine.advance(seconds: 1)
            return out
        }
        if reached {
            line(ip)
        } else {
            while hop < 30 { hop += 1; out.stdout += num(hop) + "  *  *  *\n" }
            ctx.engine.advance(seconds: 450)
        }
        return out
    }
}
