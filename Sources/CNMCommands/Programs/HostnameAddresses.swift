import CNMSim

/// `hostname -I` and `hostname -i`: Debian's `hostname` (the host and Debian-based images) prints
/// every address of the namespace but loopback and link-local (`-I`), or the addresses the hostname
/// resolves to (`-i`, `/etc/hosts` first), each followed by a space; busybox 1.36.1
/// (networking/hostname.c) has only `-i`, whose addresses are separated by spaces without a trailing one.
enum HostnameAddresses {
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let busybox = ctx.container.map { $0.image.tools.contains("busybox") } ?? false
        switch args {
        case ["-I"], ["--all-ip-addresses"]:
            if busybox { return NotSimulated.feature("busybox hostname -I (busybox's hostname has no -I; its usage text)") }
            guard let ns = IpProgram.namespace(ctx) else { return NotSimulated.feature("hostname -I here") }
            let ips = ns.interfaces.filter { $0.kind != .loopback }.flatMap { $0.addresses.map(\.address) }
            return .ok(ips.map { "\($0) " }.joined() + "\n")
        case ["-i"], ["--ip-address"]:
            let name = ctx.container?.hostname ?? ctx.engine.host.hostname
            let site = ctx.container?.id
            guard let ips = NameResolution.resolve(name: name, from: site, engine: &ctx.engine), !ips.isEmpty else {
                return .fail(busybox ? "hostname: \(name): Unknown host\n" : "hostname: Name or service not known\n")
            }
            if busybox { return .ok(ips.map(\.description).joined(separator: " ") + "\n") }
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
