import CNMSim

/// The swarm exists (or not) with so many nodes, as its managers' store says.
///
/// Counts leave out nodes that are `Down` (they left): `docker node ls` still lists
/// them, but they take no tasks, so a lab that asks for "three nodes" means three live ones.
public struct SwarmPredicate: Sendable, Hashable {
    public var nodes: Int?
    public var managers: Int?
    public var workers: Int?
    public var absent: Bool

    public init(nodes: Int? = nil, managers: Int? = nil, workers: Int? = nil, absent: Bool = false) {
        self.nodes = nodes; self.managers = managers; self.workers = workers; self.absent = absent
    }
}

/// A swarm service exists (or not) with its desired state and its tasks where they should be.
public struct ServicePredicate: Sendable, Hashable {
    public var name: String
    public var absent: Bool
    /// Running tasks.
    public var replicas: Int?
    /// Networks (names) the service must be attached to.
    public var networks: [String]
    /// Ports published through the routing mesh: `PUBLISHED:TARGET[/proto]` or `TARGET[/proto]`.
    public var published: [String]
    /// `vip` or `dnsrr`.
    public var endpointMode: String?
    /// Running tasks on at least this many distinct nodes.
    public var spread: Int?

    public init(name: String, absent: Bool = false, replicas: Int? = nil, networks: [String] = [], published: [String] = [],
                endpointMode: String? = nil, spread: Int? = nil) {
        self.name = name; self.absent = absent; self.replicas = replicas; self.networks = networks
        self.published = published; self.endpointMode = endpointMode; self.spread = spread
    }
}

/// Where the swarm checks read the swarm: the store as a manager holds it.
enum SwarmView {
    /// The store as a manager of the cluster's swarm holds it (else the first manager's, in
    /// cluster order); nil when no machine is a manager.
    static func managerStore(_ cluster: Cluster) -> Swarm? {
        let managers = cluster.machines.filter { $0.engine.isSwarmManager }
        if let current = cluster.swarm, let m = managers.first(where: { $0.engine.swarm?.id == current.id }) {
            return m.engine.swarm
        }
        return managers.first?.engine.swarm
    }

    /// Live (not Down) nodes of a store.
    static func liveNodes(_ s: Swarm) -> [SwarmNode] { s.activeNodes }
}

extension CheckEvaluator {
    // MARK: swarm

    func swarmCheck(_ p: SwarmPredicate) -> CheckResult {
        guard let s = SwarmView.managerStore(cluster) else {
            if p.absent { return Self.pass }
            return fail(.swarmMissing, [], expected: expectedSwarm(p), actual: "(no swarm manager)")
        }
        let nodes = SwarmView.liveNodes(s)
        let managers = nodes.filter { $0.role == .manager }
        let workers = nodes.filter { $0.role == .worker }
        if p.absent {
            return fail(.swarmPresent, [], expected: text(.valueAbsent),
                        actual: text(.valuePresent, "\(nodes.count) nodes: \(nodes.map(\.hostname).joined(separator: ", "))"))
        }
        var ms: [Mismatch] = []
        if let n = p.nodes, nodes.count != n { ms.append(Mismatch(field: "nodes", expected: "\(n)", actual: "\(nodes.count)")) }
        if let n = p.managers, managers.count != n {
            ms.append(Mismatch(field: "managers", expected: "\(n)", actual: "\(managers.count)"))
        }
        if let n = p.workers, workers.count != n {
            ms.append(Mismatch(field: "workers", expected: "\(n)", actual: "\(workers.count)"))
        }
        if ms.isEmpty { return Self.pass }
        let (fields, e, a) = summarize(ms)
        let who = nodes.map { "\($0.hostname) (\($0.role.rawValue))" }.joined(separator: ", ")
        return fail(ms.count > 1 ? .swarmFieldsDiffer : .swarmFieldDiffers, [fields], expected: e, actual: a + "; " + who)
    }

    func expectedSwarm(_ p: SwarmPredicate) -> String {
        var parts: [String] = []
        if let n = p.nodes { parts.append("nodes=\(n)") }
        if let n = p.managers { parts.append("managers=\(n)") }
        if let n = p.workers { parts.append("workers=\(n)") }
        return parts.isEmpty ? "a swarm" : parts.joined(separator: ", ")
    }

    // MARK: service

    func serviceCheck(_ p: ServicePredicate) -> CheckResult {
        guard let s = SwarmView.managerStore(cluster) else {
            if p.absent { return Self.pass }
            return fail(.serviceMissing, [p.name], expected: p.name, actual: "(no swarm manager)")
        }
        guard let svc = s.services.first(where: { $0.name == p.name }) else {
            if p.absent { return Self.pass }
            let names = s.services.map(\.name)
            return fail(.serviceMissing, [p.name], expected: p.name,
                        actual: names.isEmpty ? "(no services)" : names.joined(separator: ", "))
        }
        let tasks = s.tasks(of: svc.id)
        if p.absent {
            return fail(.servicePresent, [p.name], expected: text(.valueAbsent), actual: text(.valuePresent, "\(tasks.count) running tasks"))
        }
        let ms = serviceMismatches(svc, tasks, s, p)
        if ms.isEmpty { return Self.pass }
        let (fields, e, a) = summarize(ms)
        return fail(ms.count > 1 ? .serviceFieldsDiffer : .serviceFieldDiffers, [p.name, fields], expected: e, actual: a)
    }

    func serviceMismatches(_ svc: SwarmService, _ tasks: [SwarmTask], _ s: Swarm, _ p: ServicePredicate) -> [Mismatch] {
        var out: [Mismatch] = []
        if let r = p.replicas, tasks.count != r {
            out.append(Mismatch(field: "replicas", expected: "\(r)", actual: "\(tasks.count) running (wants \(svc.replicas))"))
        }
        let names = svc.networkIDs.map { s.network($0)?.name ?? $0 }
        let shown = names.isEmpty ? text(.valueNone) : names.joined(separator: ", ")
        for n in p.networks where !names.contains(n) {
            out.append(Mismatch(field: "networks", expected: "includes " + n, actual: shown))
        }
        if !p.published.isEmpty {
            let ports = svc.ports.map { "\($0.published):\($0.target)/\($0.proto)" }
            let shownPorts = ports.isEmpty ? text(.valueNone) : ports.joined(separator: ", ")
            for spec in p.published {
                let ok = PublishedSpec(spec).map { want in
                    svc.ports.contains { port in
                        port.target == want.port && port.proto == want.proto && (want.hostPort ?? port.published) == port.published
                    }
                } ?? false
                if !ok { out.append(Mismatch(field: "published", expected: spec, actual: shownPorts)) }
            }
        }
        if let m = p.endpointMode, svc.endpointMode.rawValue != m {
            out.append(Mismatch(field: "endpoint_mode", expected: m, actual: svc.endpointMode.rawValue))
        }
        if let n = p.spread {
            let nodes = Set(tasks.map(\.nodeID))
            if nodes.count < n {
                let hosts = nodes.map { s.node($0)?.hostname ?? $0 }.sorted()
                out.append(Mismatch(field: "spread", expected: "tasks on at least \(n) nodes",
                                    actual: "\(nodes.count) (\(hosts.isEmpty ? "none" : hosts.joined(separator: ", ")))"))
            }
        }
        return out
    }
}
