import CNMSim

/// How the kernel view is printed: iproute2 (`ip` on the host) or busybox
/// (`ip` inside the busybox/Alpine-based images).
enum IpStyle { case iproute2, busybox }

/// `ip addr|a [show [dev] X]`, `ip link [show [dev] X]`, `ip route|r [show]`:
/// the namespace the program runs in, iproute2 shapes on the host and busybox
/// shapes in containers (iproute2 ip/ipaddress.c and ip/iproute.c; busybox 1.36.1 networking/libiproute).
enum IpProgram: SimulatedProgram {
    static let names = ["ip"]
    static func mayChangeState(_ args: [String]) -> Bool { LinkChangeVerbs.appear(in: args) }

    /// The namespace a program runs in (the host's for host-network containers).
    static func namespace(_ ctx: ProgramContext) -> NetNamespace? {
        if let c = ctx.container { return KernelView.namespace(of: c, in: ctx.engine) }
        return KernelView.host(ctx.engine)
    }

    /// `ip`'s global options: `-4`/`-6` (one family), `-o`/`-oneline` (one line per record, line breaks
    /// shown as `\`), `-br`/`-brief` (iproute2 only: name, state and addresses in columns).
    struct Options {
        var family: Int? = nil  // 4 or 6
        var oneline = false
        var brief = false
    }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let style: IpStyle = ctx.container == nil ? .iproute2 : .busybox
        guard let ns = namespace(ctx) else { return .fail("ip: can't find network namespace\n") }
        var words = args
        var options = Options()
        while let first = words.first, first.hasPrefix("-"), first.count > 1 {
            switch first {
            case "-4": options.family = 4
            case "-6": options.family = 6
            case "-o", "-oneline", "-0": options.oneline = first != "-0" || options.oneline
            case "-br", "-brief":
                guard style == .iproute2 else { return NotSimulated.feature("busybox ip \(first) (busybox's ip has no brief mode)") }
                options.brief = true
            default: return NotSimulated.feature("ip option \(first)")
            }
            words.removeFirst()
        }
        guard let object = words.first else {
            return NotSimulated.feature("ip without an object (usage text)")
        }
        var rest = Array(words.dropFirst())
        if rest.first == "show" || rest.first == "list" || rest.first == "ls" || rest.first == "lst" { rest.removeFirst() }
        switch object {
        case "a", "ad", "add", "addr", "addre", "addres", "address":
            if rest.first == "dev" { rest.removeFirst() }
            return interfaces(ns, device: rest.first, style: style, withAddresses: true, extra: rest.dropFirst(), options: options)
        case "l", "li", "lin", "link":
            // Changing links (e.g. the macvlan shim that lets the host reach its macvlan containers) is not modelled.
            if let verb = words.dropFirst().first, ["add", "delete", "del", "set"].contains(verb) {
                return NotSimulated.feature("ip link \(verb) (changing the host's links, e.g. a macvlan shim)")
            }
            var kind: KernelInterface.Kind?
            if rest.count >= 2, rest[0] == "type" {
                guard style == .iproute2 else { return NotSimulated.feature("busybox ip link show type") }
                switch rest[1] {
                case "bridge": kind = .bridge
                case "veth": kind = .veth
                case "vlan": kind = .vlan
                case "dummy": kind = .dummy
                case "macvlan": kind = .macvlan
                case "ipvlan": kind = .ipvlan
                default: return NotSimulated.feature("ip link show type \(rest[1])")
                }
                rest.removeFirst(2)
            }
            if rest.first == "dev" { rest.removeFirst() }
            return interfaces(ns, device: rest.first, style: style, withAddresses: false, extra: rest.dropFirst(),
                              options: options, kind: kind)
        case "r", "ro", "rou", "rout", "route":
            guard rest.isEmpty else { return NotSimulated.feature("ip route \(rest.joined(separator: " "))") }
            if options.family == 6 { return .ok() }
            return .ok(routes(ns, style: style))
        case "n", "ne", "nei", "neig", "neigh", "neighbor", "neighbour":
            if options.brief { return NotSimulated.feature("ip -br neigh") }
            return IpNeighbour.run(Array(words.dropFirst()), ctx, style: style, family: options.family)
        default:
            return NotSimulated.feature("ip \(object)")
        }
    }

    static func interfaces(_ ns: NetNamespace, device: String?, style: IpStyle, withAddresses: Bool, extra: ArraySlice<String>,
                           options: Options = Options(), kind: KernelInterface.Kind? = nil) -> CommandOutput {
        guard extra.isEmpty else { return NotSimulated.feature("ip options \(extra.joined(separator: " "))") }
        var list = ns.interfaces
        if let device {
            list = list.filter { $0.name == device }
            if list.isEmpty {
                return style == .iproute2 ? .fail("Device \"\(device)\" does not exist.\n") : .fail("ip: can't find device '\(device)'\n")
            }
        }
        if let kind { list = list.filter { $0.kind == kind } }
        var out = ""
        for i in list {
            var copy = i
            if options.family == 4 { copy.ipv6 = [] }
            if options.family == 6 { copy.addresses = [] }
            // With a family, `ip addr` lists only interfaces with an address of it, and only those lines.
            let familyOnly = withAddresses && options.family != nil
            if familyOnly && copy.addresses.isEmpty && copy.ipv6.isEmpty { continue }
            if options.brief {
                out += brief(copy, withAddresses: withAddresses)
                continue
            }
            if options.oneline {
                if withAddresses {
                    out += onelineAddresses(copy, style: style)
                } else {
                    out += header(copy, style: style, linkMode: true).replacingNewlines(keepingLast: true)
                }
                continue
            }
            out += header(copy, style: style, linkLine: !familyOnly, linkMode: !withAddresses)
            if withAddresses { out += addressLines(copy, style: style, owner: ns.owner) }
        }
        return .ok(out)
    }

    /// `ip -o addr`: one line per address, `N: name` first, the lifetime line joined with `\`
    /// (iproute2 ip/ipaddress.c `print_addrinfo`; busybox networking/libiproute/ipaddress.c).
    static func onelineAddresses(_ i: KernelInterface, style: IpStyle) -> String {
        let lines = addressLines(i, style: style, owner: .host).split(separator: "\n").map(String.init)
        var out = ""
        var k = 0
        while k + 1 < lines.count {
            out += "\(i.index): \(i.name)" + lines[k] + "\\" + lines[k + 1] + "\n"
            k += 2
        }
        return out
    }

    /// `ip -br link|addr` (iproute2 `print_linkinfo_brief`): name (`%-16s `), state (`%-14s `), then the
    /// MAC and flags for links, or each address as `A/N ` for addresses.
    static func brief(_ i: KernelInterface, withAddresses: Bool) -> String {
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count) + " " }
        var line = pad(i.displayName, 16) + pad(operState(i), 14)
        if withAddresses {
            for a in i.addresses { line += "\(a.address)/\(a.prefixLength) " }
            for v6 in i.ipv6 { line += String(v6.split(separator: " ").first ?? "") + " " }
        } else {
            line += (i.kind == .loopback ? "00:00:00:00:00:00" : i.mac.description) + " <\(flags(i, style: .iproute2))> "
        }
        return line + "\n"
    }

    static func operState(_ i: KernelInterface) -> String {
        switch i.kind {
        case .loopback, .dummy: return "UNKNOWN"
        case .bridge: return i.carrier ? "UP" : "DOWN"
        default: return "UP"
        }
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

    /// `linkMode`: `ip link` prints the link mode after the state (`mode DEFAULT`, `print_linkmode`).
    static func header(_ i: KernelInterface, style: IpStyle, linkLine: Bool = true, linkMode: Bool = false) -> String {
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
            line += "state \(state) " + (linkMode ? "mode DEFAULT " : "") + "group default"
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

extension String {
    /// The text on one line: every newline but the last becomes `\` (ip's oneline `_SL_`).
    func replacingNewlines(keepingLast: Bool) -> String {
        var body = self
        let hadNewline = body.hasSuffix("\n")
        if hadNewline { body.removeLast() }
        return body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\") + (hadNewline && keepingLast ? "\n" : "")
    }
}
