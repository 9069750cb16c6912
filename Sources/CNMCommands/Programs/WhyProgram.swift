import CNMSim

/// `why FROM TO[:PORT][/PROTO] [--cookie 'NAME=VALUE[; …]']`: the simulated packet's path hop by
/// hop — routes, bridge, every chain traversed with the rule that decided (as `iptables -S` prints
/// it), each NAT translation — and the verdict. Exit 0 when delivered. The cookie is the request's
/// (curl's `-b`/`--cookie` inline form): a proxy that keeps sessions by cookie picks by it.
enum WhyProgram: SimulatedProgram {
    static let names = ["why"]
    static let takesDestination = true

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard let (operands, cookie) = options(args), operands.count == 2 else { return usage(ctx.language) }
        if let out = fromOtherMachine(operands, &ctx, cookie: cookie) { return out }
        return walk(operands, &ctx, cookie: cookie)
    }

    /// The operands and the `Cookie` header given by `--cookie V`, `--cookie=V` or `-b V` (curl's
    /// spellings; only the inline `NAME=VALUE` form: a word without `=` would be a cookie file to curl,
    /// which is not simulated). Nil when malformed.
    static func options(_ args: [String]) -> (operands: [String], cookie: String?)? {
        var operands: [String] = []
        var cookie: String?
        var i = 0
        while i < args.count {
            let a = args[i]
            i += 1
            var value: String
            if a == "--cookie" || a == "-b" {
                guard i < args.count else { return nil }
                value = args[i]
                i += 1
            } else if a.hasPrefix("--cookie=") {
                value = String(a.dropFirst("--cookie=".count))
            } else {
                operands.append(a)
                continue
            }
            guard value.contains("=") else { return nil }
            if let earlier = cookie { value = earlier + "; " + value }
            cookie = value
        }
        return (operands, cookie)
    }

    /// `why MACHINE TO`, MACHINE another machine of the LAN (a lab's `hosts`, by name or address): the
    /// walk starts on that machine's own stack, as `ssh MACHINE why host TO` shows it, and `host` in TO
    /// still names the machine the learner typed on. Nil when FROM is no other machine.
    static func fromOtherMachine(_ args: [String], _ ctx: inout ProgramContext, cookie: String? = nil) -> CommandOutput? {
        guard let lan = LanContext.current else { return nil }
        let word = args[0].lowercased()
        guard let i = lan.others.firstIndex(where: { $0.name.lowercased() == word || $0.address.description == word })
        else { return nil }
        // The whole LAN in cluster order, then without the sender: the machines its walk may reach.
        var machines = lan.others
        let here = min(lan.index, machines.count)
        machines.insert(Machine(engine: ctx.engine), at: here)
        let senderIndex = i < here ? i : i + 1
        let sender = machines.remove(at: senderIndex)
        var to = args[1]
        if to == "host" || to.hasPrefix("host:") || to.hasPrefix("host/") {
            to = ctx.engine.host.address.description + to.dropFirst(4)
        }
        var there = ProgramContext(engine: sender.engine, site: .host, stdin: "", language: ctx.language, invokedAs: ctx.invokedAs)
        return LanContext.$current.withValue(LanView(others: machines, index: senderIndex, tally: lan.tally)) {
            walk(["host", to], &there, shownAs: sender.name, asked: args[1], cookie: cookie)
        }
    }

    /// The walk from FROM (`host`, `remote`, a container or an address) to TO, as the header and steps show it.
    static func walk(_ args: [String], _ ctx: inout ProgramContext, shownAs: String? = nil, asked: String? = nil,
                     cookie: String? = nil) -> CommandOutput {
        let lang = ctx.language
        // A diagnosis: the packets it walks (and the DNS queries it resolves names with) move no counters.
        let counting = ctx.engine.countsTraffic
        ctx.engine.countsTraffic = false
        defer { ctx.engine.countsTraffic = counting }
        ctx.engine.syncFirewall()
        let engine = ctx.engine
        let from: NetSite
        switch source(args[0], engine, lang) {
        case .failure(let refusal): return refusal.output
        case .success(let site): from = site
        }
        guard let (spec, proto, port) = destination(args[1]) else { return usage(lang) }
        guard let target = resolveTarget(spec, from: from, &ctx) else {
            var reason = ""
            if case .container(let id) = from {
                reason = NameDiagnosis.explain(name: spec, from: id, engine: ctx.engine, language: lang) + "\n"
            } else if case .host = from {
                reason = NameDiagnosis.explain(name: spec, from: nil, engine: ctx.engine, language: lang) + "\n"
            }
            return .fail(WhyMessages.text(lang, .unknownTarget, spec, shownAs ?? name(of: from, engine)) + "\n" + reason, code: 2)
        }
        let result = Connectivity.walk(ctx.engine, from: from, to: target, proto: proto, port: port)
        var lines = [WhyMessages.text(lang, .header, shownAs ?? name(of: from, engine), asked ?? args[1], target.description)]
        let (steps, verdict, delivered) = describe(result, engine: engine, lang: lang, proto: proto, port: port)
        lines += steps
        lines.append(verdict)
        // A proxy at the end: its pick and the second hop (WhyThroughProxy).
        if delivered, let more = WhyThroughProxy.lines(result, from: from, engine: ctx.engine, lang: lang, startStep: steps.count,
                                                                cookie: cookie) {
            lines += more.lines
            return CommandOutput(stdout: lines.joined(separator: "\n") + "\n", exitCode: more.delivered ? 0 : 1)
        }
        return CommandOutput(stdout: lines.joined(separator: "\n") + "\n", exitCode: delivered ? 0 : 1)
    }

    /// The numbered steps of a walk and its verdict line.
    static func describe(_ result: PathResult, engine: Engine, lang: String, proto: String, port: Int?) -> (steps: [String], verdict: String, delivered: Bool) {
        var lines: [String] = []
        var step = 0
        func add(_ s: String) { step += 1; lines.append(" \(step). " + s) }
        for e in result.events {
            switch e {
            case .route(let site, _, let dev, let gw, let src):
                add(gw.map { WhyMessages.text(lang, .routeVia, name(of: site, engine), src.description, dev, $0.description) }
                    ?? WhyMessages.text(lang, .routeConnected, name(of: site, engine), src.description, dev))
            case .noRoute(let site, let dst): add(WhyMessages.text(lang, .noRoute, name(of: site, engine), dst.description))
            case .local(let site, let dst): add(WhyMessages.text(lang, .local, name(of: site, engine), dst.description))
            case .bridged(let b): add(WhyMessages.text(lang, .bridged, b))
            case .bridgeNetfilter(let loaded, let active):
                add(WhyMessages.text(lang, active ? .bridgeNetfilterOn : loaded ? .bridgeNetfilterSwitchOff : .bridgeNetfilterOff))
            case .entersHost(let dev): add(WhyMessages.text(lang, .entersHost, dev))
            case .lanRouter: add(WhyMessages.text(lang, .lanRouter))
            case .chain(let v):
                if let rule = v.rule {
                    add(WhyMessages.text(lang, .chainRule, v.table.rawValue, v.chain, rule, v.outcome))
                } else if v.byPolicy {
                    add(WhyMessages.text(lang, .chainPolicy, v.table.rawValue, v.chain, v.outcome))
                } else {
                    add(WhyMessages.text(lang, .chainEnd, v.table.rawValue, v.chain))
                }
            case .dnat(let f, let fp, let t, let tp):
                add(WhyMessages.text(lang, .dnat, f.description + (fp.map { ":\($0)" } ?? ""), t.description + (tp.map { ":\($0)" } ?? "")))
            case .masquerade(let f, let t): add(WhyMessages.text(lang, .masquerade, f.description, t.description))
            case .hostRouting(let dst, let dev):
                add(dev.map { WhyMessages.text(lang, .hostForward, dst.description, $0) } ?? WhyMessages.text(lang, .hostLocal, dst.description))
            case .proxy(let listen, let to, let p): add(WhyMessages.text(lang, .proxy, listen, to.description, String(p)))
            case .reply: add(WhyMessages.text(lang, .reply))
            case .noReturnRoute: break
            case .childLink(let parent, let driver, let mode): add(WhyMessages.text(lang, .childLink, parent, driver, mode))
            case .parentSwitches(let parent): add(WhyMessages.text(lang, .parentSwitches, parent))
            case .childModeBlocks(let driver, let mode): add(WhyMessages.text(lang, .childModeBlocks, driver, mode))
            case .lanToChild(let parent): add(WhyMessages.text(lang, .lanToChild, parent))
            case .childIsolation(let parent): add(WhyMessages.text(lang, .childIsolation, parent))
            case .segmentEnd(let parent): add(WhyMessages.text(lang, .segmentEnd, parent))
            case .l3NoReturn(let source): add(WhyMessages.text(lang, .l3NoReturn, source.description))
            case .lanWire(let from, let to, let machine): add(WhyMessages.text(lang, .lanWire, from.description, to.description, machine))
            case .overlaySwitch(let network): add(WhyMessages.text(lang, .overlaySwitch, network))
            case .vxlan(let network, let vni, let from, let to, let encrypted):
                add(WhyMessages.text(lang, encrypted ? .vxlanEncrypted : .vxlan, network, String(vni), from.description, to.description))
            case .ipvs(let vip, let p, let backend, let count):
                add(WhyMessages.text(lang, .ipvs, vip.description + (p.map { ":\($0)" } ?? ""), backend.description, String(count)))
            case .ingressSandbox(let address): add(WhyMessages.text(lang, .ingressSandbox, address.description))
            case .privateUnrouted(let dst): add(WhyMessages.text(lang, .privateUnrouted, dst.description))
            }
        }
        let verdict: String
        var delivered = false
        switch result.verdict {
        case .delivered(.outside(let ip), _, _):
            verdict = WhyMessages.text(lang, .outside, ip.description); delivered = true
        case .delivered(let site, let ip, let service):
            delivered = true
            let here = endName(site, result, engine, lang)
            if let service {
                let program = Connectivity.server(result, engine)?.image.defaultProgram ?? service.kind.rawValue
                verdict = WhyMessages.text(lang, .deliveredService, here, ip.description, program, "\(service.port)/\(service.proto)")
            } else if proto == "icmp" {
                verdict = WhyMessages.text(lang, .deliveredPing, here, ip.description)
            } else {
                verdict = WhyMessages.text(lang, .deliveredHost, here, ip.description)
            }
        case .refused(let site, let ip): verdict = WhyMessages.text(lang, .refused, endName(site, result, engine, lang), ip.description, port.map(String.init) ?? "-")
        case .handoff(let h):
            switch h {
            case .lan(_, let ip, _, _), .overlay(_, _, let ip, _, _): verdict = WhyMessages.text(lang, .noHost, ip.description)
            }
        case .proxyBackendFailed: verdict = WhyMessages.text(lang, .proxyFailed)
        case .networkUnreachable: verdict = WhyMessages.text(lang, .unreachable)
        case .dropped(let rule):
            if case .noReturnRoute(let src)? = result.events.last {
                verdict = WhyMessages.text(lang, .unanswered, src.description)
            } else if case .privateUnrouted(let dst)? = result.events.last {
                verdict = WhyMessages.text(lang, .unroutedVerdict, dst.description)
            } else if case .l3NoReturn(let src)? = result.events.last {
                verdict = WhyMessages.text(lang, .l3Unanswered, src.description)
            } else {
                verdict = rule.map { WhyMessages.text(lang, .droppedRule, $0) } ?? WhyMessages.text(lang, .droppedPolicy)
            }
        case .rejected(let rule): verdict = WhyMessages.text(lang, .rejected, rule)
        case .noHost(let ip): verdict = WhyMessages.text(lang, .noHost, ip.description)
        }
        return (lines, verdict, delivered)
    }

    /// The usage line (exit 2).
    static func usage(_ lang: String) -> CommandOutput { .fail(WhyMessages.text(lang, .usage) + "\n", code: 2) }

    /// Why FROM names no place a packet can start from.
    struct Refusal: Error { let output: CommandOutput }

    /// FROM: `host`, `remote`, an address of one of them or of a container, or a running container
    /// (another machine of the LAN is taken by `fromOtherMachine` first).
    static func source(_ word: String, _ engine: Engine, _ lang: String) -> Result<NetSite, Refusal> {
        let bad = Refusal(output: .fail(WhyMessages.text(lang, .badFrom, word) + "\n", code: 2))
        switch word {
        case "host", engine.host.hostname: return .success(.host)
        case "remote": return .success(.remote)
        default:
            if let ip = IPv4Address(word) {
                if ip == engine.host.address || ip.isLoopback { return .success(.host) }
                if ip == KernelView.remoteAddress { return .success(.remote) }
                if let ep = engine.endpoints.values.first(where: { $0.ipv4 == ip }) { return .success(.container(ep.containerID)) }
                return .failure(bad)
            }
            guard case .success(let c) = engine.findContainer(word) else { return .failure(bad) }
            guard c.isRunning else { return .failure(Refusal(output: .fail(WhyMessages.text(lang, .notRunning, c.name) + "\n", code: 2))) }
            return .success(.container(c.id))
        }
    }

    /// TO[:PORT][/PROTO]: the name or address, the protocol (`icmp` without a port, `tcp` by default
    /// with one) and the port; nil when it is malformed.
    static func destination(_ word: String) -> (spec: String, proto: String, port: Int?)? {
        var spec = word
        var proto = "icmp"
        var port: Int?
        if let slash = spec.lastIndex(of: "/") {
            let p = spec[spec.index(after: slash)...].lowercased()
            guard p == "tcp" || p == "udp" else { return nil }
            proto = p
            spec = String(spec[..<slash])
        }
        if let colon = spec.lastIndex(of: ":") {
            guard let p = Int(spec[spec.index(after: colon)...]), p > 0, p <= 65535 else { return nil }
            port = p
            if proto == "icmp" { proto = "tcp" }
            spec = String(spec[..<colon])
        } else if proto != "icmp" {
            return nil
        }
        return (spec, proto, port)
    }

    /// Where a walk ended, named on the machine it ended on.
    static func endName(_ site: NetSite, _ r: PathResult, _ engine: Engine, _ lang: String) -> String {
        guard let on = r.servedOn, on != engine.host.hostname else { return name(of: site, engine) }
        switch site {
        case .container(let id):
            let c = Connectivity.server(r, engine)
            return WhyMessages.text(lang, .onMachine, c?.name ?? String(id.prefix(12)), on)
        case .host: return on
        default: return name(of: site, engine)
        }
    }

    static func name(of site: NetSite, _ engine: Engine) -> String {
        switch site {
        case .host: return "host"
        case .remote: return "remote"
        case .container(let id): return engine.containers[id]?.name ?? String(id.prefix(12))
        case .outside(let ip): return ip.description
        }
    }

    /// The address `spec` names for the sender, resolved on the sender's side:
    /// - a container uses its own resolver only (its `/etc/hosts` with legacy links, then the embedded
    ///   DNS of its networks or the upstream servers), as `ping` or `nc` in it would: a name it cannot
    ///   resolve stays unresolved, whatever other containers are called;
    /// - the host and `remote` know the LAN's machines by the names `hosts` and the prompt show (the
    ///   host's own name through its `/etc/hosts` on the host); a running container's name designates
    ///   that container (on a network shared with the sender if any); then their resolver (the LAN router).
    /// `host`, `remote` and `localhost` are cnmlab's names for those places.
    static func resolveTarget(_ spec: String, from: NetSite, _ ctx: inout ProgramContext) -> IPv4Address? {
        let engine = ctx.engine
        switch spec {
        case "host": return engine.host.address
        case "remote": return KernelView.remoteAddress
        case "localhost": return IPv4Address(127, 0, 0, 1)
        default: break
        }
        if let ip = IPv4Address(spec) { return ip }
        if case .container(let id) = from {
            return NameResolution.resolve(name: spec, from: id, engine: &ctx.engine)?.first
        }
        let wanted = spec.lowercased()
        if from == .host, let ip = HostsFile.lookup(spec, containerID: nil, engine: engine).first { return ip }
        if wanted == engine.host.hostname.lowercased() { return engine.host.address }
        if let machine = LanContext.current?.others.first(where: { $0.name.lowercased() == wanted }) { return machine.address }
        if case .success(let c) = engine.findContainer(spec), c.isRunning {
            let eps = engine.endpoints(ofContainer: c)
            return engine.gatewayEndpoint(of: c)?.ipv4 ?? eps.compactMap(\.ipv4).first
        }
        return NameResolution.resolve(name: spec, from: nil, engine: &ctx.engine)?.first
    }
}
