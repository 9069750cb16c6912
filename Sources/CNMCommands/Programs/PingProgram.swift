import CNMSim

/// `ping [-c N] [-W S] HOST`: busybox's output inside containers, iputils' on
/// the host; the echo requests walk the simulated packet path.
enum PingProgram: SimulatedProgram {
    static let names = ["ping"]
    static let takesDestination = true

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        ping(args, &ctx, site: Connectivity.site(ctx), busybox: ctx.container != nil)
    }

    /// `busybox`: busybox's shapes; otherwise iputils'. Options (busybox 1.36.1 networking/ping.c
    /// `OPT_STRING`, iputils `ping -h`): `-c N`, `-w SECONDS` (deadline: that many probes at the default
    /// interval unless `-c` stops first), `-W SECONDS` (wait per probe), `-i SECONDS`, `-s SIZE`, `-q`
    /// (no per-reply lines), `-4`; short options cluster (`-qc1`).
    static func ping(_ args: [String], _ ctx: inout ProgramContext, site: NetSite, busybox: Bool) -> CommandOutput {
        var count: Int?
        var deadline: Int?
        var interval: Double = 1
        var size = 56
        var quiet = false
        var target: String?
        func invalid(_ v: String) -> CommandOutput {
            .fail(busybox ? "ping: invalid number '\(v)'\n" : "ping: invalid argument: '\(v)'\n", code: busybox ? 1 : 2)
        }
        var i = 0
        while i < args.count {
            let a = args[i]
            guard a.hasPrefix("-"), a.count > 1 else {
                if target != nil { return NotSimulated.feature("ping with several hosts") }
                target = a
                i += 1
                continue
            }
            var chars = Array(a.dropFirst())
            while !chars.isEmpty {
                let f = chars.removeFirst()
                switch f {
                case "q": quiet = true
                case "4", "n", "v": break
                case "c", "w", "W", "i", "s":
                    var value = String(chars)
                    chars = []
                    if value.isEmpty {
                        guard i + 1 < args.count else {
                            return busybox ? NotSimulated.feature("busybox ping's usage text")
                                : .fail("ping: option requires an argument -- '\(f)'\n", code: 2)
                        }
                        i += 1
                        value = args[i]
                    }
                    if f == "i" {
                        guard let d = Double(value), d > 0, d <= 3600 else { return invalid(value) }
                        interval = d
                    } else {
                        guard let n = Int(value), n >= (f == "s" ? 0 : 1), n <= (f == "s" ? 65500 : 10_000) else { return invalid(value) }
                        switch f {
                        case "c": count = n
                        case "w": deadline = n
                        case "s": size = n
                        default: break  // -W: how long a lost probe is waited for
                        }
                    }
                default:
                    return NotSimulated.feature("ping option -\(f)")
                }
            }
            i += 1
        }
        guard let target else {
            return busybox ? NotSimulated.feature("busybox ping's usage text")
                : .fail("ping: usage error: Destination address required\n", code: 1)
        }
        var out = CommandOutput()
        var n: Int
        if let count { n = count } else if let deadline { n = max(1, Int((Double(deadline) / interval).rounded(.up))) } else {
            n = 4
            out.stderr += "cnmlab: ping without -c runs until interrupted; showing 4 packets\n"
        }
        if let deadline { n = min(n, max(1, Int((Double(deadline) / interval).rounded(.up)))) }
        n = min(n, 10_000)
        guard let ip = Connectivity.resolve(target, &ctx, from: site) else {
            out.stderr += busybox ? "ping: bad address '\(target)'\n" : "ping: \(target): Name or service not known\n"
            out.exitCode = busybox ? 1 : 2
            return out
        }
        let r = Connectivity.trace(&ctx, to: ip, proto: "icmp", port: nil, from: site, exchange: .echo(count: n, payload: 56))
        var outside = false
        if case .delivered(.outside, _, _) = r.verdict { outside = true }
        if busybox {
            out.stdout += "PING \(target) (\(ip)): \(size) data bytes\n"
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
            out.stdout += "PING \(target) (\(ip)) \(size)(\(size + 28)) bytes of data.\n"
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
                if !quiet { out.stdout += "From \(source) icmp_seq=\(seq + 1) Destination Host Unreachable\n" }
                continue
            }
            guard r.verdict.isDelivered else { continue }
            let t = Connectivity.rtt(&ctx, hops: r.hops, outside: outside)
            times.append(t)
            let ttl = Connectivity.ttl(r)
            if quiet { continue }
            out.stdout += busybox ? "\(size + 8) bytes from \(ip): seq=\(seq) ttl=\(ttl) time=\(Connectivity.ms(t)) ms\n"
                : "\(size + 8) bytes from \(from): icmp_seq=\(seq + 1) ttl=\(ttl) time=\(Connectivity.ms(t)) ms\n"
        }
        let elapsedNanos = Int64(Double(n) * interval * 1_000_000_000)
        ctx.engine.advance(seconds: elapsedNanos / 1_000_000_000, nanoseconds: elapsedNanos % 1_000_000_000)
        let received = times.count
        let loss = (n - received) * 100 / n
        out.stdout += "\n--- \(target) ping statistics ---\n"
        let minT = times.min() ?? 0, maxT = times.max() ?? 0
        let avg = times.isEmpty ? 0 : times.reduce(0, +) / Double(times.count)
        if busybox {
            out.stdout += "\(n) packets transmitted, \(received) packets received, \(loss)% packet loss\n"
            if received > 0 { out.stdout += "round-trip min/avg/max = \(Connectivity.ms(minT))/\(Connectivity.ms(avg))/\(Connectivity.ms(maxT)) ms\n" }
        } else {
            let elapsed = Int(Double(n - 1) * interval * 1000) + (n - 1) * 2
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
