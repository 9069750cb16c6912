import CNMSim

/// How the kernel view is printed: iproute2 (`ip` on the host) or busybox
/// (`ip` inside the busybox/Alpine-based images).
enum IpStyle { case iproute2, busybox }

/// `ip addr|a [show [dev] X]`, `ip link [show [dev] X]`, `ip route|r [show]`:
/// the namespace the program runs in, iproute2 shapes on the host and busybox
/// shapes in containers (reference §4.1–§4.2).
enum IpProgram: SimulatedProgram {
    static let names = ["ip"]

    /// The namespace a program runs in (the host's for host-network containers).
    static func namespace(_ ctx: ProgramContext) -> NetNamespace? {
        if let c = ctx.container { return KernelView.namespace(of: c, in: ctx.engine) }
        return KernelView.host(ctx.engine)
    }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let style: IpStyle = ctx.container == nil ? .iproute2 : .busybox
        guard let ns = namespace(ctx) else { return .fail("ip: can't find network namespace\n") }
        var words = args
        var v4only = false
        if let first = words.first, first == "-4" { words.removeFirst(); v4only = true }
        guard let object = words.first else {
            return NotSimulated.feature("ip without an object (usage text)")
        }
        var rest = Array(words.dropFirst())
        if rest.first == "show" || rest.first == "list" || rest.first == "ls" { rest.removeFirst() }
        if rest.first == "dev" { rest.removeFirst() }
        switch object {
        case "a", "ad", "add", "addr", "address":
            return interfaces(ns, device: rest.first, style: style, withAddresses: true, extra: rest.dropFirst(), v4only: v4only)
        case "l", "li", "lin", "link":
            // Changing links (e.g. the macvlan shim that lets the host reach its macvlan containers) is not modelled.
            if let verb = words.dropFirst().first, ["add", "delete", "del", "set"].contains(verb) {
                return NotSimulated.feature("ip link \(verb) (changing the host's links, e.g. a macvlan shim)")
            }
            return interfaces(ns, device: rest.first, style: style, withAddresses: false, extra: rest.dropFirst())
        case "r", "ro", "rou", "rout", "route":
            guard rest.isEmpty else { return NotSimulated.feature("ip route \(rest.joined(separator: " "))") }
            return .ok(routes(ns, style: style))
        default:
            return NotSimulated.feature("ip \(object)")
        }
    }

    static func interfaces(_ ns: NetNamespace, device: String?, style: IpStyle, withAddresses: Bool, extra: ArraySlice<String>,
                           v4only: Bool = false) -> CommandOutput {
        guard extra.isEmpty else { return NotSimulated.feature("ip options \(extra.joined(separator: " "))") }
        var list = ns.interfaces
        if let device {
            list = list.filter { $0.name == device }
            if list.isEmpty {
                return style == .iproute2 ? .fail("Device \"\(device)\" does not exist.\n") : .fail("ip: can't find device '\(device)'\n")
            }
        }
        var out = ""
        for i in list {
            // `ip -4 addr` lists only interfaces with an IPv4 address, and only those lines.
            if v4only {
                guard !i.addresses.isEmpty else { continue }
                out += header(i, style: style, linkLine: false)
                var copy = i
                copy.ipv6 = []
                out += addressLines(copy, style: style, owner: ns.owner)
                continue
            }
            out += header(i, style: style)
            if withAddresses { out += addressLines(i, style: style, owner: ns.owner) }
        }
        return .ok(out)
    }

    static func flags(_ i: KernelInterface, style: IpStyle) -> String {
        switch i.kind {
        case .loopback: return "LOOPBACK,UP,LOWER_UP"
        case .bridge: return i.carrier ? "BROADCAST,MULTICAST,UP,LOWER_UP" : "NO-CARRIER,BROADCAST,MULTICAST,UP"
        case .ethernet: return "BROADCAST,MULTICAST,UP,LOWER_UP"
        case .veth, .macvlan, .ipvlan:
            // Inside a container the link's peer/parent index is in another namespace: M-DOWN.
            return i.master == nil && style == .busybox ? "BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN" : "BROADCAST,MULTICAST,UP,LOWER_UP"
        case .vlan: return "BROADCAST,MULTICAST,UP,LOWER_UP"
        case .dummy: return "BROADCAST,NOARP,UP,LOWER_UP"
        }
    }

    static func header(_ i: KernelInterface, style: IpStyle, linkLine: Bool = true) -> String {
        var line = "\(i.index): \(i.displayName): <\(flags(i, style: style))> mtu \(i.mtu) qdisc "
        let qdisc = i.kind == .ethernet ? "fq_codel" : "noqueue"
        switch style {
        case .iproute2:
            line += qdisc + " "
            if let m = i.master { line += "master \(m) " }
            let state: String
            switch i.kind {
            case .loopback, .dummy: state = "UNKNOWN"
            case .bridge: state = i.carrier ? "UP" : "DOWN"
            default: state = "UP"
            }
            line += "state \(state) group default"
            line += [.loopback, .ethernet, .vlan, .dummy].contains(i.kind) ? " qlen 1000" : " "
        case .busybox:
            line += qdisc + " "
            if let m = i.master { line += "master \(m) " }
            if i.kind == .loopback || i.kind == .ethernet { line += "qlen 1000" }
        }
        var out = line + "\n"
        if !linkLine { return out }
        if i.kind == .loopback {
            out += "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
        } else {
            out += "    link/ether \(i.mac) brd ff:ff:ff:ff:ff:ff"
            if style == .iproute2, let id = i.linkNetnsID { out += " link-netnsid \(id)" }
            out += "\n"
        }
        return out
    }

    static func addressLines(_ i: KernelInterface, style: IpStyle, owner: NetNamespace.Owner) -> String {
        var out = ""
        for a in i.addresses {
            let scope = i.kind == .loopback ? "host" : "global"
            out += "    inet \(a.address)/\(a.prefixLength) "
            if i.kind != .loopback { out += "brd \(a.broadcast) " }
            out += "scope \(scope) \(i.name)\n       valid_lft forever preferred_lft forever\n"
        }
        for v6 in i.ipv6 {
            let extra = style == .iproute2 && i.kind == .loopback ? " noprefixroute" : ""
            out += "    inet6 \(v6)\(extra) \n       valid_lft forever preferred_lft forever\n"
        }
        return out
    }

    static func routes(_ ns: NetNamespace, style: IpStyle) -> String {
        var out = ""
        for r in ns.routes {
            var line = r.destination.map { $0.description } ?? "default"
            if let gw = r.gateway { line += " via \(gw)" }
            line += " dev \(r.device) "
            switch style {
            case .iproute2:
                line += "proto \(r.proto) "
                if r.gateway == nil {
                    line += "scope link "
                    if let src = r.source { line += "src \(src) " }
                }
                if r.linkDown { line += "linkdown " }
            case .busybox:
                if r.gateway == nil {
                    line += "scope link "
                    if let src = r.source { line += " src \(src) " }
                }
            }
            out += line + "\n"
        }
        return out
    }
}
