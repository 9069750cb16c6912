import CNMSim

/// `ping [-c N] [-W S] HOST`: busybox's output inside containers, iputils' on
/// the host; the echo requests walk the simulated packet path.
enum PingProgram: SimulatedProgram {
    static let names = ["ping"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        ping(args, &ctx, site: Connectivity.site(ctx), busybox: ctx.container != nil)
    }

    /// `busybox`: busybox's shapes; otherwise iputils'.
    static func ping(_ args: [String], _ ctx: inout ProgramContext, site: NetSite, busybox: Bool) -> CommandOutput {
        var count: Int?
        var target: String?
        var i = 0
        while i < args.count {
            let a = args[i]
            if (a == "-c" || a == "-W" || a == "-w"), i + 1 < args.count {
                guard let n = Int(args[i + 1]), n > 0, n <= 1000 else {
                    return .fail(busybox ? "ping: invalid number '\(args[i + 1])'\n" : "ping: invalid argument: '\(args[i + 1])'\n", code: busybox ? 1 : 2)
                }
                if a == "-c" { count = n }
                i += 2
                continue
            }
            if a.hasPrefix("-c"), let n = Int(a.dropFirst(2)), n > 0, n <= 1000 { count = n; i += 1; continue }
            if a.hasPrefix("-"), a != "-" { return NotSimulated.feature("ping option \(a)") }
            if target != nil { return NotSimulated.feature("ping with several hosts") }
            target = a
            i += 1
        }
        guard let target else {
            return busybox ? NotSimulated.feature("busybox ping's usage text")
                : .fail("ping: usage error: Destination address required\n", code: 1)
        }
        var out = CommandOutput()
        let n: Int
        if let count { n = count } else {
            n = 4
            out.stderr += "cnmlab: ping without -c runs until interrupted; showing 4 packets\n"
        }
        guard let ip = Connectivity.resolve(target, &ctx, from: site) else {
            out.stderr += busybox ? "ping: bad address '\(target)'\n" : "ping: \(target): Name or service not known\n"
            out.exitCode = busybox ? 1 : 2
            return out
        }
        let r = Connectivity.trace(&ctx, to: ip, proto: "icmp", port: nil, from: site, exchange: .echo(count: n, payload: 56))
        var outside = false
        if case .delivered(.outside, _, _) = r.verdict { outside = true }
        if busybox {
            out.stdout += "PING \(target) (\(ip)): 56 data bytes\n"
            if r.verdict == .networkUnreachable {
                out.stderr += "ping: sendto: Network is unreachable\n"
                out.exitCode = 1
                return out
            }
        } else {
            if r.verdict == .networkUnreachable {
                out.stderr += "ping: connect: Network is unreachable\n"
                out.exitCode = 2
                return out
            }
            out.stdout += "PING \(target) (\(ip)) 56(84) bytes of data.\n"
        }
        var times: [Double] = []
        var errors = 0
        var source = site == .remote ? KernelView.remoteAddress : ctx.engine.host.address
        for e in r.events { if case .route(_, _, _, _, let src) = e { source = src; break } }
        // iputils names the replier by reverse lookup: only localhost has a name the simulation knows.
        let from = IPv4Address(target) != nil ? "\(ip)" : (ip.isLoopback ? "localhost (\(ip))" : "\(ip) (\(ip))")
        for seq in 0..<n {
            if !busybox, case .noHost = r.verdict {
                // iputils reports the failed neighbour resolution for each probe.
                errors += 1
                out.stdout += "From \(source) icmp_seq=\(seq + 1) Destination Host Unreachable\n"
                continue
            }
            guard r.verdict.isDelivered else { continue }
            let t = Connectivity.rtt(&ctx, hops: r.hops, outside: outside)
            times.append(t)
            let ttl = Connectivity.ttl(r)
            out.stdout += busybox ? "64 bytes from \(ip): seq=\(seq) ttl=\(ttl) time=\(Connectivity.ms(t)) ms\n"
                : "64 bytes from \(from): icmp_seq=\(seq + 1) ttl=\(ttl) time=\(Connectivity.ms(t)) ms\n"
        }
        ctx.engine.advance(seconds: Int64(n))
        let received = times.count
        let loss = (n - received) * 100 / n
        out.stdout += "\n--- \(target) ping statistics ---\n"
        let minT = times.min() ?? 0, maxT = times.max() ?? 0
        let avg = times.isEmpty ? 0 : times.reduce(0, +) / Double(times.count)
        if busybox {
            out.stdout += "\(n) packets transmitted, \(received) packets received, \(loss)% packet loss\n"
            if received > 0 { out.stdout += "round-trip min/avg/max = \(Connectivity.ms(minT))/\(Connectivity.ms(avg))/\(Connectivity.ms(maxT)) ms\n" }
        } else {
            let elapsed = (n - 1) * 1000 + (n - 1) * 2
            let errorText = errors > 0 ? " +\(errors) errors," : ""
            out.stdout += "\(n) packets transmitted, \(received) received,\(errorText) \(loss)% packet loss, time \(elapsed)ms\n"
            if received > 0 {
                let variance = times.reduce(0) { $0 + ($1 - avg) * ($1 - avg) } / Double(times.count)
                var mdev = variance
                // Square root by Newton's method (no Foundation in the simulation path).
                if variance > 0 { var x = variance; for _ in 0..<20 { x = (x + variance / x) / 2 }; mdev = x }
                out.stdout += "rtt min/avg/max/mdev = \(Connectivity.ms(minT))/\(Connectivity.ms(avg))/\(Connectivity.ms(maxT))/\(Connectivity.ms(mdev)) ms\n"
            }
        }
        out.exitCode = received > 0 ? 0 : 1
        return out
    }
}
