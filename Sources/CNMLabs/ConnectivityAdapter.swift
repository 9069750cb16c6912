import CNMSim

/// The one place where lab checks meet the simulator's packet path
/// (reachability, netfilter) and embedded DNS.
///
/// `reachable`/`unreachable` go through `PacketPath.trace` (one machine) or
/// `ClusterPath.trace` (several: LAN, VXLAN, VIPs and the routing mesh),
/// `resolves` through `NameResolution.resolve` on the querying machine and
/// `iptables` through `Engine.currentRuleset`; `LabPlaces` says what a name means.
/// Those APIs belong to CNMSim and are young: when one changes, only this file
/// changes.
public enum ConnectivityAdapter {
    static func name(_ ref: String, _ roles: [String: String]) -> String {
        ref.hasPrefix("$") ? (roles[String(ref.dropFirst())] ?? ref) : ref
    }

    /// FROM → TO[:PORT] reaches (expect true) or does not (expect false), traced by `PacketPath`
    /// (one machine) or `ClusterPath` (several: the walk follows the packet over the LAN and VXLAN).
    ///
    /// FROM and TO are container names (or `$roles`), `host` or `remote`; with several machines
    /// also a machine name (its own stack), a container on any machine (docker-host first) and,
    /// for TO from a container, any name that container resolves (a service: its VIP). TO may be
    /// an IPv4 address. A container TO counts as reached when any of its addresses is (with several
    /// machines: when the packet arrives in that very container). Without a port the probe is a ping.
    static func reachable(_ p: ReachPredicate, expect: Bool, cluster: Cluster, machine: Int, roles: [String: String],
                          locale: LabLocale) -> CheckResult {
        let from = name(p.from, roles), to = name(p.to, roles)
        let port = p.port.flatMap { Int($0) }
        let proto = port == nil ? "icmp" : p.proto
        let target = to + (port.map { ":\($0)/\(proto)" } ?? " (ping)")
        let expected = (expect ? "" : "no path: ") + from + " -> " + target
        let multi = cluster.machines.count > 1
        let places = LabPlaces(cluster: cluster, machine: machine)
        guard let origin = places.origin(from) else {
            return CheckResult(name: "", passed: false, message: places.missingMessage(from, locale),
                               expected: expected, actual: "(no container \(from))")
        }
        guard let goal = places.target(to, from: origin) else {
            return CheckResult(name: "", passed: false, message: places.missingMessage(to, locale),
                               expected: expected, actual: "(no container \(to))")
        }
        var verdicts: [String] = []
        for address in goal.addresses {
            let result: PathResult
            if multi {
                result = ClusterPath(cluster: cluster, machine: origin.machine).trace(from: origin.site, to: address, proto: proto, port: port)
            } else {
                result = PacketPath(engine: cluster.machines[origin.machine].engine).trace(from: origin.site, to: address, proto: proto, port: port)
            }
            if result.verdict.isDelivered, goal.accepts(result, multi: multi) {
                if expect { return CheckResult(name: "", passed: true) }
                return CheckResult(name: "", passed: false, message: LabMessage.unreachFailed.format(locale, [from, target]),
                                   expected: expected, actual: "delivered to \(address)" + (result.servedOn.map { " on \($0)" } ?? ""))
            }
            verdicts.append("\(address): " + (result.verdict.isDelivered ? LabMessage.deliveredElsewhere.format(locale, []) : describe(result.verdict, locale)))
        }
        if !expect { return CheckResult(name: "", passed: true) }
        let why = verdicts.isEmpty ? LabMessage.noAddress.format(locale, [to]) : verdicts.joined(separator: "; ")
        return CheckResult(name: "", passed: false, message: LabMessage.reachFailed.format(locale, [from, target, why]),
                           expected: expected, actual: why)
    }

    /// A short reason for a packet's fate, in `locale`.
    static func describe(_ v: PathVerdict, _ locale: LabLocale = .en) -> String {
        func t(_ m: LabMessage, _ args: String...) -> String { m.format(locale, args) }
        switch v {
        case .delivered(_, let a, _): return t(.verdictDelivered, "\(a)")
        case .refused(_, let a): return t(.verdictRefused, "\(a)")
        case .proxyBackendFailed: return t(.verdictProxyFailed)
        case .networkUnreachable: return t(.verdictUnreachable)
        case .dropped(let rule): return rule.map { t(.verdictDroppedBy, $0) } ?? t(.verdictDropped)
        case .rejected(let rule): return t(.verdictRejected, rule)
        case .noHost(let a): return t(.verdictNoHost, "\(a)")
        case .handoff(.lan(_, let a, _, _)), .handoff(.overlay(_, _, let a, _, _)): return t(.verdictHandoff, "\(a)")
        }
    }

    /// From FROM (a container, `host` or, with several machines, a machine name or a container on any
    /// machine), NAME resolves to the given containers/addresses/service tasks/VIP (or to nothing),
    /// through `NameResolution.resolve` on FROM's own machine (hosts file, then the embedded or host DNS).
    static func resolves(_ p: ResolvePredicate, cluster: Cluster, machine: Int, roles: [String: String],
                         locale: LabLocale) -> CheckResult {
        let from = name(p.from, roles)
        var wanted = p.to.map { name($0, roles) }
        if let t = p.tasks { wanted.append("tasks of " + t) }
        if let v = p.vip { wanted.append("VIP of " + v) }
        let wantedText = p.none ? "no answer" : wanted.joined(separator: ", ")
        let expected = "\(from): \(p.name) -> \(wantedText)"
        let places = LabPlaces(cluster: cluster, machine: machine)
        guard let origin = places.resolverOrigin(from) else {
            return CheckResult(name: "", passed: false, message: places.missingMessage(from, locale),
                               expected: expected, actual: "(no container \(from))")
        }
        var copy = cluster.machines[origin.machine].engine
        copy.countsTraffic = false  // a check's queries are not traffic: counters stay as the learner left them
        let answer = NameResolution.resolve(name: p.name, from: origin.containerID, engine: &copy) ?? []
        let actualText = answer.isEmpty ? "no answer" : answer.map(\.description).sorted().joined(separator: ", ")
        let differs = CheckResult(name: "", passed: false, message: LabMessage.resolveDiffers.format(locale, [from, p.name]),
                                  expected: expected, actual: actualText)
        if p.none { return answer.isEmpty ? CheckResult(name: "", passed: true) : differs }
        guard !answer.isEmpty else { return differs }
        // Every expected target contributes an answer and every answer belongs to a target.
        var allowed: Set<IPv4Address> = []
        for ref in p.to {
            let target = name(ref, roles)
            if let ip = IPv4Address(target) {
                guard answer.contains(ip) else { return differs }
                allowed.insert(ip)
                continue
            }
            guard let c = places.container(target) else { return differs }
            let ips = Set(cluster.machines[c.machine].engine.endpoints(ofContainer: c.container).compactMap(\.ipv4))
            guard !ips.isDisjoint(with: answer) else { return differs }
            allowed.formUnion(ips)
        }
        if let service = p.tasks {
            guard let groups = places.taskAddresses(service), !groups.isEmpty else { return differs }
            for ips in groups {
                guard !ips.isDisjoint(with: answer) else { return differs }
                allowed.formUnion(ips)
            }
        }
        if let service = p.vip {
            guard let vips = places.virtualIPs(service), !vips.isDisjoint(with: answer) else { return differs }
            allowed.formUnion(vips)
        }
        return answer.allSatisfy(allowed.contains) ? CheckResult(name: "", passed: true) : differs
    }

    /// A rule containing some text (as `iptables -S` prints it) is present (or absent) in TABLE/CHAIN.
    static func iptables(_ p: IptablesPredicate, engine: Engine, locale: LabLocale) -> CheckResult {
        let place = p.host.map { " on " + $0 } ?? ""
        let expected = "\(p.absent ? "no " : "")rule in \(p.table)/\(p.chain)\(place) containing '\(p.contains)'"
        guard let table = NetfilterTable(rawValue: p.table) else {
            return CheckResult(name: "", passed: false, message: LabMessage.invalidValue.format(locale, ["table", p.table]),
                               expected: expected, actual: "(no table \(p.table))")
        }
        let rules = engine.currentRuleset.chain(table, p.chain)?.rules.map(\.specification) ?? []
        let found = rules.contains { $0.contains(p.contains) }
        if found != p.absent { return CheckResult(name: "", passed: true) }
        return CheckResult(name: "", passed: false,
                           message: (p.absent ? "rule present: " : "no such rule: ") + p.contains,
                           expected: expected, actual: rules.isEmpty ? "(chain empty or missing)" : rules.joined(separator: " | "))
    }
}
