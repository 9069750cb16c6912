import CNMCommands
import CNMSim

/// The verdict of one check: PASS or FAIL, why, and the expected and actual
/// values, so a learner sees *what* differs, not only that something does.
public struct CheckResult: Sendable, Hashable, Encodable {
    public var name: String
    public var passed: Bool
    /// Points earned (this check's, plus nested checks' for all/any).
    public var points: Int
    public var maxPoints: Int
    /// The failure message (empty when passed).
    public var message: String
    public var expected: String?
    public var actual: String?
    public var children: [CheckResult]

    public init(name: String, passed: Bool, points: Int = 0, maxPoints: Int = 0, message: String = "",
                expected: String? = nil, actual: String? = nil, children: [CheckResult] = []) {
        self.name = name; self.passed = passed; self.points = points; self.maxPoints = maxPoints
        self.message = message; self.expected = expected; self.actual = actual
        self.children = children
    }

    /// `PASS name` or `FAIL name: message (expected …, actual …)`: words, never colour alone.
    public func line(_ locale: LabLocale = .en) -> String {
        if passed { return "PASS \(name)" }
        var s = "FAIL \(name): \(message)"
        if let expected { s += "\n       " + GradeText.expectedLabel.format(locale) + expected }
        if let actual { s += "\n       " + GradeText.actualLabel.format(locale) + actual }
        return s
    }
}

/// Evaluates checks against the simulated LAN and a command history, threading role
/// bindings (`bind: N` … `$N`) from one check to the next.
///
/// `network`, `container` and `iptables` checks look at one machine's engine (docker-host
/// unless the check names another with `host:`); connectivity checks walk across every
/// machine of the cluster; `swarm` and `service` read the managers' store.
public struct CheckEvaluator {
    /// The engine of the machine checks look at by default.
    public let engine: Engine
    /// Every machine of the LAN (one for a single-host lab) and their swarm.
    public let cluster: Cluster
    /// The index of `engine`'s machine in `cluster`.
    public let machine: Int
    public let history: CommandHistory
    public let locale: LabLocale
    /// Role → network or container name, as bound so far.
    public private(set) var roles: [String: String] = [:]
    /// The roles bound for the whole lab (their failures say so).
    var labRoleNames: Set<String> = []

    /// An evaluator for a lone engine (a one-machine cluster).
    public init(engine: Engine, history: CommandHistory, locale: LabLocale = .en) {
        self.init(cluster: Cluster(engine: engine), machine: 0, history: history, locale: locale)
    }

    /// An evaluator for a lone engine and a plain list of lines.
    public init(engine: Engine, history: [HistoryEntry], locale: LabLocale = .en) {
        self.init(engine: engine, history: CommandHistory(history), locale: locale)
    }

    /// An evaluator over a whole cluster, looking at machine `machine` by default (docker-host: 0).
    public init(cluster: Cluster, machine: Int = 0, history: CommandHistory, locale: LabLocale = .en) {
        let k = cluster.machines.indices.contains(machine) ? machine : 0
        self.cluster = cluster; self.machine = k; self.engine = cluster.machines[k].engine
        self.history = history; self.locale = locale
    }

    /// Runs `body` with an evaluator standing on the machine `host` names (nil: this one),
    /// sharing role bindings both ways; an unknown machine fails the check.
    mutating func onMachine(_ host: String?, _ body: (inout CheckEvaluator) -> CheckResult) -> CheckResult {
        guard let host, host != cluster.machines[machine].name else { return body(&self) }
        guard let k = cluster.machines.firstIndex(where: { $0.name == host }) else {
            return fail(.machineMissing, [host], expected: host, actual: cluster.machines.map(\.name).joined(separator: ", "))
        }
        var there = CheckEvaluator(cluster: cluster, machine: k, history: history, locale: locale)
        there.roles = roles
        there.labRoleNames = labRoleNames
        let r = body(&there)
        roles = there.roles
        return r
    }

    /// Evaluates `checks` in order (later checks see roles bound by earlier ones).
    public mutating func evaluate(_ checks: [Check]) -> [CheckResult] {
        checks.map { evaluate($0) }
    }

    public mutating func evaluate(_ check: Check) -> CheckResult {
        var r = evaluateKind(check)
        r.name = check.name
        r.maxPoints = check.totalPoints
        if r.passed { r.points += check.points; r.message = "" }
        else if let custom = check.message { r.message = custom.resolve(locale) }
        return r
    }

    func text(_ m: LabMessage, _ args: String...) -> String { m.format(locale, args) }

    func fail(_ m: LabMessage, _ args: [String], expected: String? = nil, actual: String? = nil) -> CheckResult {
        CheckResult(name: "", passed: false, message: m.format(locale, args), expected: expected, actual: actual)
    }

    static let pass = CheckResult(name: "", passed: true)

    mutating func evaluateKind(_ check: Check) -> CheckResult {
        switch check.kind {
        case .network(let p): return onMachine(p.host) { $0.network(p) }
        case .container(let p): return onMachine(p.host) { $0.container(p) }
        case .history(let p): return historyCheck(p)
        case .all(let cs):
            let results = cs.map { evaluate($0) }
            let failed = results.filter { !$0.passed }
            var r = CheckResult(name: "", passed: failed.isEmpty, points: results.reduce(0) { $0 + $1.points },
                                children: results)
            if let first = failed.first {
                r.message = first.name + ": " + first.message
                r.expected = first.expected; r.actual = first.actual
            }
            return r
        case .any(let cs):
            var results: [CheckResult] = []
            let saved = roles
            for c in cs {
                let before = roles
                let res = evaluate(c)
                if !res.passed { roles = before }
                results.append(res)
            }
            let passed = results.contains { $0.passed }
            if !passed { roles = saved }
            var r = CheckResult(name: "", passed: passed, points: results.reduce(0) { $0 + $1.points }, children: results)
            if !passed {
                r.message = text(.anyFailed)
                r.actual = results.map { "\($0.name): \($0.message)" }.joined(separator: "; ")
            }
            return r
        case .not(let c):
            let saved = roles
            let inner = evaluate(c)
            roles = saved
            return inner.passed ? fail(.notHeld, [], expected: "not (\(c.name))", actual: c.name + " holds") : Self.pass
        case .reachable(let p):
            return ConnectivityAdapter.reachable(p, expect: true, cluster: cluster, machine: machine, roles: roles, locale: locale)
        case .unreachable(let p):
            return ConnectivityAdapter.reachable(p, expect: false, cluster: cluster, machine: machine, roles: roles, locale: locale)
        case .resolves(let p): return ConnectivityAdapter.resolves(p, cluster: cluster, machine: machine, roles: roles, locale: locale)
        case .iptables(let p):
            return onMachine(p.host) {
                p.hasPlace ? $0.iptablesPlace(p) : ConnectivityAdapter.iptables(p, engine: $0.engine, locale: $0.locale)
            }
        case .swarm(let p): return swarmCheck(p)
        case .service(let p): return serviceCheck(p)
        case .file(let p): return onMachine(p.host) { $0.fileCheck(p) }
        }
    }

    /// Binds the lab's roles (`roles:`), in order, before a step's checks: each to the first network
    /// or container, in creation order, that satisfies its predicate (none: it stays unbound).
    public mutating func bind(_ labRoles: [LabRole]) {
        for role in labRoles {
            labRoleNames.insert(role.name)
            switch role.kind {
            case .network(var p):
                p.bind = role.name; p.name = nil
                _ = onMachine(p.host) { $0.network(p) }
            case .container(var p):
                p.bind = role.name; p.name = nil
                _ = onMachine(p.host) { $0.container(p) }
            }
        }
    }

    /// The failure of a check that names a role nothing bound.
    func unbound(_ role: String) -> CheckResult {
        fail(labRoleNames.contains(role) ? .roleLabUnbound : .roleUnbound, [role])
    }

    /// Names for a failure's `actual`: all of them up to 20, else only how many there are (listing
    /// thousands would cost more than the check and help nobody).
    static func names(_ all: @autoclosure () -> [String], count: Int, none: String) -> String {
        if count == 0 { return none }
        if count > 20 { return "(\(count))" }
        return all().joined(separator: ", ")
    }

    /// A name or `$role` → the bound name (nil when the role is unbound).
    func resolve(_ ref: String) -> String? {
        ref.hasPrefix("$") ? roles[String(ref.dropFirst())] : ref
    }

    // MARK: Networks

    struct Mismatch { var field: String; var expected: String; var actual: String }

    func networkMismatches(_ n: Network, _ p: NetworkPredicate) -> [Mismatch] {
        var out: [Mismatch] = []
        if let d = p.driver, n.driver.rawValue != d { out.append(Mismatch(field: "driver", expected: d, actual: n.driver.rawValue)) }
        let subnetText = n.subnet?.description ?? text(.valueNone)
        if let s = p.subnet, IPv4Subnet(s)?.canonical != n.subnet?.canonical || n.subnet == nil {
            out.append(Mismatch(field: "subnet", expected: s, actual: subnetText))
        }
        if let w = p.subnetWithin {
            let ok = IPv4Subnet(w).flatMap { range in n.subnet.map { range.contains($0.canonical) } } ?? false
            if !ok { out.append(Mismatch(field: "subnet", expected: text(.valueWithin, w), actual: subnetText)) }
        }
        if let g = p.gateway, n.gateway?.description != g {
            out.append(Mismatch(field: "gateway", expected: g, actual: n.gateway?.description ?? text(.valueNone)))
        }
        if let i = p.isInternal, n.isInternal != i { out.append(Mismatch(field: "internal", expected: "\(i)", actual: "\(n.isInternal)")) }
        if let a = p.attachable, n.attachable != a { out.append(Mismatch(field: "attachable", expected: "\(a)", actual: "\(n.attachable)")) }
        if let u = p.userDefined, n.isUserDefined != u {
            out.append(Mismatch(field: "user_defined", expected: "\(u)", actual: "\(n.isUserDefined)"))
        }
        for (k, v) in p.options.sorted(by: { $0.key < $1.key }) where n.options[k] != v {
            out.append(Mismatch(field: "options." + k, expected: v, actual: n.options[k] ?? "(unset)"))
        }
        for (k, v) in p.labels.sorted(by: { $0.key < $1.key }) where n.labels[k] != v {
            out.append(Mismatch(field: "labels." + k, expected: v, actual: n.labels[k] ?? "(unset)"))
        }
        if !p.holds.isEmpty {
            let members = engine.endpoints(onNetwork: n.id).compactMap { engine.containers[$0.containerID]?.name }
            let wanted = p.holds.map { resolve($0) ?? $0 }
            let missing = wanted.filter { !members.contains($0) }
            if !missing.isEmpty {
                out.append(Mismatch(field: "containers", expected: wanted.joined(separator: ", "),
                                    actual: members.isEmpty ? text(.valueNone) : members.joined(separator: ", ")))
            }
        }
        return out
    }

    func summarize(_ ms: [Mismatch]) -> (String, String, String) {
        (ms.map(\.field).joined(separator: ", "),
         ms.map { "\($0.field)=\($0.expected)" }.joined(separator: ", "),
         ms.map { "\($0.field)=\($0.actual)" }.joined(separator: ", "))
    }

    /// The first `$role` among `refs` that no earlier check bound.
    func unboundRole(_ refs: [String]) -> String? {
        refs.first { $0.hasPrefix("$") && roles[String($0.dropFirst())] == nil }.map { String($0.dropFirst()) }
    }

    mutating func network(_ p: NetworkPredicate) -> CheckResult {
        if let role = unboundRole(p.holds) { return unbound(role) }
        if let bind = p.bind {
            var best: (Network, [Mismatch])?
            for n in engine.allNetworks {
                let ms = networkMismatches(n, p)
                if ms.isEmpty {
                    roles[bind] = n.name
                    return Self.pass
                }
                if best == nil || ms.count < best!.1.count { best = (n, ms) }
            }
            guard let (n, ms) = best else { return fail(.noNetworkMatches, [bind], actual: text(.valueNoNetworks)) }
            let (_, e, a) = summarize(ms)
            return fail(.noNetworkMatches, [bind], expected: e, actual: text(.closestCandidate, n.name, a))
        }
        guard let ref = p.name else { return fail(.invalidValue, ["network", "no name"]) }
        guard let name = resolve(ref) else { return unbound(String(ref.dropFirst())) }
        guard let n = engine.network(named: name) else {
            if p.absent { return Self.pass }
            return fail(.networkMissing, [name], expected: name,
                        actual: Self.names(engine.allNetworks.map(\.name), count: engine.networks.count, none: text(.valueNoNetworks)))
        }
        if p.absent { return fail(.networkPresent, [name], expected: text(.valueAbsent), actual: text(.valuePresent, n.driver.rawValue)) }
        let ms = networkMismatches(n, p)
        if ms.isEmpty { return Self.pass }
        let (fields, e, a) = summarize(ms)
        return fail(ms.count > 1 ? .networkFieldsDiffer : .networkFieldDiffers, [name, fields], expected: e, actual: a)
    }

    // MARK: Containers

    /// Network ID → (network name, aliases) for a container: live endpoints when it runs, its configuration otherwise.
    func attachments(_ c: Container) -> [(name: String, aliases: [String], ip: IPv4Address?)] {
        if c.isRunning {
            return engine.endpoints(ofContainer: c).map {
                (engine.networks[$0.networkID]?.name ?? $0.networkID, $0.aliases, $0.ipv4)
            }
        }
        return c.attachments.map { a in
            let name = a.networkID.flatMap { engine.networks[$0]?.name } ?? a.network
            return (name, a.aliases, nil)
        }
    }

    func imageMatches(_ c: Container, _ wanted: String) -> Bool {
        if c.imageReference == wanted || c.image.reference == wanted { return true }
        return !wanted.contains(":") && c.image.reference == wanted + ":latest"
    }

    func containerMismatches(_ c: Container, _ p: ContainerPredicate) -> [Mismatch] {
        var out: [Mismatch] = []
        if let r = p.running, c.isRunning != r {
            out.append(Mismatch(field: "running", expected: "\(r)", actual: "\(c.isRunning) (\(c.state.status))"))
        }
        if let i = p.image, !imageMatches(c, i) { out.append(Mismatch(field: "image", expected: i, actual: c.imageReference)) }
        let att = attachments(c)
        let names = att.map(\.name)
        let shown = names.isEmpty ? text(.valueNone) : names.joined(separator: ", ")
        for ref in p.networks {
            let n = resolve(ref) ?? ref
            if !names.contains(n) { out.append(Mismatch(field: "networks", expected: "includes " + n, actual: shown)) }
        }
        for ref in p.notNetworks {
            let n = resolve(ref) ?? ref
            if names.contains(n) { out.append(Mismatch(field: "networks", expected: "excludes " + n, actual: shown)) }
        }
        let ips = att.compactMap(\.ip)
        let ipShown = ips.isEmpty ? text(.valueNone) : ips.map(\.description).joined(separator: ", ")
        if let ip = p.ip, !ips.contains(where: { $0.description == ip }) {
            out.append(Mismatch(field: "ip", expected: ip, actual: ipShown))
        }
        if let w = p.ipWithin {
            let range = IPv4Subnet(w)
            if !ips.contains(where: { range?.contains($0) ?? false }) {
                out.append(Mismatch(field: "ip", expected: text(.valueWithin, w), actual: ipShown))
            }
        }
        for (ref, wanted) in p.aliases.sorted(by: { $0.key < $1.key }) {
            let n = resolve(ref) ?? ref
            let have = att.first { $0.name == n }?.aliases ?? []
            let missing = wanted.filter { !have.contains($0) }
            if !missing.isEmpty {
                out.append(Mismatch(field: "aliases." + n, expected: wanted.joined(separator: ", "),
                                    actual: have.isEmpty ? text(.valueNone) : have.joined(separator: ", ")))
            }
        }
        if !p.published.isEmpty {
            let maps = c.portMappings
            let shownPorts = maps.isEmpty ? text(.valueNone) : maps.map { "\($0.hostIP):\($0.hostPort)->\($0.containerPort)" }.joined(separator: ", ")
            for spec in p.published {
                guard let s = PublishedSpec(spec) else {
                    out.append(Mismatch(field: "published", expected: spec, actual: shownPorts)); continue
                }
                let ok = maps.contains { m in
                    m.containerPort.port == s.port && m.containerPort.proto == s.proto
                        && (s.hostPort.map { $0 == m.hostPort } ?? true) && (s.hostIP.map { $0 == m.hostIP } ?? true)
                }
                if !ok { out.append(Mismatch(field: "published", expected: spec, actual: shownPorts)) }
            }
        }
        if let m = p.networkMode, c.networkMode != m {
            out.append(Mismatch(field: "network_mode", expected: m, actual: c.networkMode))
        }
        return out
    }

    mutating func container(_ p: ContainerPredicate) -> CheckResult {
        if let role = unboundRole(p.networks + p.notNetworks + Array(p.aliases.keys)) { return unbound(role) }
        if let bind = p.bind {
            var best: (Container, [Mismatch])?
            for c in engine.allContainers {
                let ms = containerMismatches(c, p)
                if ms.isEmpty {
                    roles[bind] = c.name
                    return Self.pass
                }
                if best == nil || ms.count < best!.1.count { best = (c, ms) }
            }
            guard let (c, ms) = best else { return fail(.noContainerMatches, [bind], actual: text(.valueNoContainers)) }
            let (_, e, a) = summarize(ms)
            return fail(.noContainerMatches, [bind], expected: e, actual: text(.closestCandidate, c.name, a))
        }
        guard let ref = p.name else { return fail(.invalidValue, ["container", "no name"]) }
        guard let name = resolve(ref) else { return unbound(String(ref.dropFirst())) }
        guard case .success(let c) = engine.findContainer(name), c.name == name else {
            if p.absent { return Self.pass }
            return fail(.containerMissing, [name], expected: name, actual: Self.names(engine.allContainers.map(\.name),
                                                                                    count: engine.containers.count, none: text(.valueNoContainers)))
        }
        if p.absent { return fail(.containerPresent, [name], expected: text(.valueAbsent), actual: text(.valuePresent, c.state.status)) }
        let ms = containerMismatches(c, p)
        if ms.isEmpty { return Self.pass }
        let (fields, e, a) = summarize(ms)
        return fail(ms.count > 1 ? .containerFieldsDiffer : .containerFieldDiffers, [name, fields], expected: e, actual: a)
    }

    // MARK: History

    func historyCheck(_ p: HistoryPredicate) -> CheckResult {
        if history.firstMatch(p) != nil { return Self.pass }
        var expected = p.pattern
        switch p.success {
        case .succeeded: break
        case .failed: expected += " " + text(.historyFailedTag)
        case .any: expected += " " + text(.historyAnyTag)
        }
        if let o = p.output { expected += " " + text(.historyOutputTag, o) }
        let message: LabMessage
        switch (p.success, p.output != nil) {
        case (.succeeded, false): message = .historyMissing
        case (.failed, false): message = .historyMissingFailed
        case (.any, false): message = .historyMissingAny
        case (_, true): message = .historyMissingOutput
        }
        // The nearest miss: a command that matches the words but ended otherwise, else the last one.
        let loose = HistoryPredicate(pattern: p.pattern, success: .any)
        if loose != p, let near = history.firstMatch(loose) {
            return fail(message, [p.pattern], expected: expected, actual: text(.matchingCommand, describe(near.command)))
        }
        let last = history.reversed().lazy.filter { !$0.refused }.compactMap { $0.commands.last(where: \.ran) }.first
        return fail(message, [p.pattern], expected: expected, actual: text(.lastCommand, last.map(describe) ?? text(.valueNone)))
    }

    /// `docker ps (exit 0)`.
    func describe(_ run: SimpleCommandRun) -> String {
        run.text + (run.exitCode.map { " (" + text(.exitStatus, String($0)) + ")" } ?? "")
    }
}
