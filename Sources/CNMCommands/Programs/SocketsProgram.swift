import CNMSim

/// `ss -ltn` (iproute2 6.1) and `netstat -tln` (net-tools) on the simulated host: the
/// listening TCP sockets. The host runs no daemon of its own that listens on TCP, so
/// what is listed is what Docker puts there: the sockets the daemon binds for published
/// ports (backlog somaxconn = 4096, the IPv6 one with IPV6_V6ONLY; moby
/// port_mapping_linux.go) and nginx in host-network containers (`listen 80; listen [::]:80;`,
/// backlog 511). ss is rendered as when its output is not a terminal (compact columns).
/// Other forms, and other servers on the host network, answer that they are not simulated.
enum SocketsProgram: SimulatedProgram {
    static let names = ["ss", "netstat"]

    struct Listener: Comparable {
        var v6: Bool
        var address: String
        var port: Int
        var backlog: Int

        static func < (a: Listener, b: Listener) -> Bool {
            (a.v6 ? 1 : 0, a.port, a.address) < (b.v6 ? 1 : 0, b.port, b.address)
        }
    }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard ctx.container == nil else { return NotSimulated.feature("listing sockets inside a container") }
        let flags = Set(args.flatMap { $0.hasPrefix("-") && !$0.hasPrefix("--") ? $0.dropFirst().map { String($0) } : [$0] })
        guard flags == ["l", "t", "n"] else {
            return NotSimulated.feature("this form of the socket listing (only -ltn / -tln are simulated)")
        }
        guard let listeners = listeners(ctx.engine) else {
            return NotSimulated.feature("listing the sockets of servers in host-network containers other than nginx")
        }
        return .ok(ctx.invokedAs == "netstat" ? netstat(listeners) : ss(listeners))
    }

    static func listeners(_ engine: Engine) -> [Listener]? {
        var out: [Listener] = []
        for c in engine.allContainers where c.isRunning {
            for m in c.portMappings where m.containerPort.proto == "tcp" {
                out.append(Listener(v6: m.hostIP.contains(":"), address: m.hostIP, port: m.hostPort, backlog: 4096))
            }
            if c.sharesHostNetwork && !c.cmdOverridden {
                for s in c.image.services where s.proto == "tcp" {
                    guard c.image.repository == "nginx" else { return nil }
                    out.append(Listener(v6: false, address: "0.0.0.0", port: s.port, backlog: 511))
                    out.append(Listener(v6: true, address: "::", port: s.port, backlog: 511))
                }
            }
        }
        return out.sorted()
    }

    /// iproute2's column renderer in compact mode: a token per column per line, widths from the
    /// longest token (plus the column's left delimiter), right-aligned address columns.
    static func ss(_ listeners: [Listener]) -> String {
        struct Column { let right: Bool; let header: String; let delim: String }
        let columns = [
            Column(right: false, header: "State", delim: " "), Column(right: false, header: "Recv-Q", delim: " "),
            Column(right: false, header: "Send-Q", delim: " "), Column(right: true, header: "Local Address:", delim: " "),
            Column(right: false, header: "Port", delim: ""), Column(right: true, header: "Peer Address:", delim: " "),
            Column(right: false, header: "Port", delim: ""), Column(right: false, header: "Process", delim: ""),
            Column(right: false, header: "", delim: ""),
        ]
        func padLeft(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        // Tokens: the header row stops before the last column; each socket row fills State…Port.
        var rows: [[String]] = [columns.dropLast().map(\.header)]
        for l in listeners {
            let addr = l.v6 ? "[\(l.address)]" : l.address
            rows.append(["LISTEN", padLeft("0", 6), padLeft(String(l.backlog), 6), addr + ":", String(l.port),
                         (l.v6 ? "[::]" : "0.0.0.0") + ":", "*"])
        }
        // Every row but the last gets the remaining (empty) tokens when the next row starts.
        for i in rows.indices.dropLast() {
            while rows[i].count < columns.count { rows[i].append("") }
        }
        var widths = columns.indices.map { i in rows.map { $0.count > i ? $0[i].count : 0 }.max() ?? 0 }
        var first = true
        for i in columns.indices {
            if !first && widths[i] > 0 { widths[i] += columns[i].delim.count }
            if widths[i] > 0 { first = false }
        }
        var out = ""
        for row in rows {
            for (i, token) in row.enumerated() {
                var printed = 0
                if i > 0 { out += columns[i].delim; printed += columns[i].delim.count }
                if columns[i].right, widths[i] > 0 {
                    let s = widths[i] - token.count - printed
                    if s > 0 { out += String(repeating: " ", count: s); printed += s }
                }
                out += token
                printed += token.count
                if !columns[i].right, widths[i] > 0, widths[i] - printed > 0 {
                    out += String(repeating: " ", count: widths[i] - printed)
                }
            }
            out += "\n"
        }
        return out
    }

    /// net-tools `netstat -tln`.
    static func netstat(_ listeners: [Listener]) -> String {
        func field(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        var out = "Active Internet connections (only servers)\n"
        out += "Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n"
        for l in listeners {
            let local = l.v6 ? "\(l.address == "::" ? "::" : l.address):\(l.port)" : "\(l.address):\(l.port)"
            let remote = l.v6 ? ":::*" : "0.0.0.0:*"
            let proto = l.v6 ? "tcp6" : "tcp"
            out += field(proto, 4) + "  " + String(repeating: " ", count: 5) + "0" + " " + String(repeating: " ", count: 5) + "0 "
            out += field(local, 23) + " " + field(remote, 23) + " " + field("LISTEN", 11) + "\n"
        }
        return out
    }
}
