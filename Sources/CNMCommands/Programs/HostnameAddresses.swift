import CNMSim

/// `hostname -I` (the host's addresses, every interface but lo) and
/// `hostname -i` (the addresses the container's own name resolves to in its
/// /etc/hosts: one per endpoint). Other options are not simulated.
enum HostnameAddresses {
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        switch args {
        case ["-I"], ["--all-ip-addresses"]:
            guard let ns = IpProgram.namespace(ctx) else { return NotSimulated.feature("hostname -I here") }
            if ctx.container != nil && ns.owner != .host { return NotSimulated.feature("hostname -I inside a container") }
            let ips = ns.interfaces.filter { $0.kind != .loopback }.flatMap { $0.addresses.map(\.address) }
            return .ok(ips.map { "\($0) " }.joined() + "\n")
        case ["-i"], ["--ip-address"]:
            guard let c = ctx.container, !c.sharesHostNetwork else { return NotSimulated.feature("hostname -i on the host (it reads the host's /etc/hosts)") }
            let ips = ctx.engine.endpoints(ofContainer: c).compactMap(\.ipv4)
            if ips.isEmpty { return .fail("hostname: bad address '\(c.hostname)'\n") }
            return .ok(ips.map { "\($0) " }.joined() + "\n")
        default:
            return NotSimulated.feature("hostname \(args.joined(separator: " "))")
        }
    }
}

/// `ifconfig` (busybox, inside containers): every interface with its address,
/// flags and MTU. Packet counters are not simulated and print as 0.
enum IfconfigProgram: SimulatedProgram {
    static let names = ["ifconfig"]
    /// The host's net-tools ifconfig is not installed on the simulated host.
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard let ns = IpProgram.namespace(ctx) else { return .fail("ifconfig: no namespace\n") }
        var list = ns.interfaces.filter { $0.kind != .loopback } + ns.interfaces.filter { $0.kind == .loopback }
        if let dev = args.first {
            guard args.count == 1 else { return NotSimulated.feature("ifconfig \(args.joined(separator: " "))") }
            list = list.filter { $0.name == dev }
            if list.isEmpty { return .fail("ifconfig: \(dev): error fetching interface information: Device not found\n") }
        }
        var out = ""
        for i in list {
            func pad(_ s: String) -> String { s.count >= 10 ? s + " " : s + String(repeating: " ", count: 10 - s.count) }
            if i.kind == .loopback {
                out += pad(i.name) + "Link encap:Local Loopback  \n"
            } else {
                out += pad(i.name) + "Link encap:Ethernet  HWaddr \(i.mac.description.uppercased())  \n"
            }
            for a in i.addresses {
                let sub = IPv4Subnet(address: a.address, prefixLength: a.prefixLength)
                out += "          inet addr:\(a.address)" + (i.kind == .loopback ? "" : "  Bcast:\(sub.broadcast)") + "  Mask:\(sub.netmask)\n"
            }
            for v6 in i.ipv6 {
                let parts = v6.split(separator: " ")
                out += "          inet6 addr: \(parts.first ?? "") Scope:\(parts.last.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "")\n"
            }
            out += i.kind == .loopback ? "          UP LOOPBACK RUNNING  MTU:\(i.mtu)  Metric:1\n" : "          UP BROADCAST RUNNING MULTICAST  MTU:\(i.mtu)  Metric:1\n"
            out += "          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n"
            out += "          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n"
            out += "          collisions:0 txqueuelen:\(i.kind == .loopback ? 1000 : 0) \n"
            out += "          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n"
        }
        return .ok(out)
    }
}
