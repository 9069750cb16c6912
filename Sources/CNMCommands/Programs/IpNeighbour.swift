import CNMSim

/// `ip neigh [show|list] [dev DEV]` with `-4`/`-6`: the namespace's neighbour table
/// (`Engine.neighbourEntries`), as iproute2 v6.8.0 `ip/ipneigh.c` `print_neigh` prints it on the
/// host — `ADDR dev DEV lladdr MAC STATE ` with a space after every field, `dev DEV` left out when
/// the listing is for one device, no `lladdr` for an unresolved entry — and as busybox 1.36.1
/// `networking/libiproute/ipneigh.c` prints it in the busybox images: `lladdr MAC` without a
/// trailing space, the state after one space, nothing after it. An unknown device answers
/// iproute2's `lib/utils.c` `nodev` (`Cannot find device "X"`, exit 1) or busybox's
/// `xll_name_to_index` (`ip: can't find device 'X'`).
enum IpNeighbour {
    static func run(_ words: [String], _ ctx: ProgramContext, style: IpStyle, family: Int?) -> CommandOutput {
        var rest = words
        if let verb = rest.first, ["add", "del", "delete", "change", "replace", "flush", "get"].contains(verb) {
            return NotSimulated.feature("ip neigh \(verb) (changing or querying single neighbour entries)")
        }
        if let verb = rest.first, ["show", "list", "ls", "lst"].contains(verb) { rest.removeFirst() }
        var device: String?
        while let w = rest.first {
            guard w == "dev", rest.count >= 2 else {
                return NotSimulated.feature("ip neigh \(words.joined(separator: " ")) (only dev DEV is simulated)")
            }
            device = rest[1]
            rest.removeFirst(2)
        }
        let owner = ctx.container.flatMap { $0.sharesHostNetwork ? nil : $0.id }
        let ns = owner == nil ? KernelView.host(ctx.engine) : ctx.container.flatMap { KernelView.namespace(of: $0, in: ctx.engine) }
        if let device, ns?.interface(named: device) == nil {
            return style == .iproute2 ? .fail("Cannot find device \"\(device)\"\n") : .fail("ip: can't find device '\(device)'\n")
        }
        // Only IPv4 neighbours are simulated.
        if family == 6 { return .ok() }
        let now = ctx.engine.clock
        var out = ""
        for e in ctx.engine.neighbourEntries(of: owner) where device == nil || e.device == device {
            let state = e.state(at: now)
            var line = "\(e.address) "
            if device == nil { line += "dev \(e.device) " }
            switch style {
            case .iproute2:
                if state.isComplete, let mac = e.lladdr { line += "lladdr \(mac) " }
                line += state.rawValue + " "
            case .busybox:
                if state.isComplete, let mac = e.lladdr { line += "lladdr \(mac)" }
                line += " " + state.rawValue
            }
            out += line + "\n"
        }
        return .ok(out)
    }
}
