import CNMSim

/// What the names in a `reachable`, `unreachable` or `resolves` check stand for on
/// the simulated LAN: `host`, `remote`, a machine, a container on some machine, a
/// swarm service.
///
/// Why one type: the connectivity checks must agree on how a name is looked up.
/// With one machine the lookups are exactly the historical ones (`host`, `remote`,
/// then a container of docker-host), so single-machine labs grade as before; with
/// several, machine names come first, then containers on any machine (the
/// evaluator's own machine first, then in cluster order), then services.
struct LabPlaces {
    let cluster: Cluster
    /// The machine the evaluator stands on (docker-host unless a check says otherwise).
    let machine: Int

    var multi: Bool { cluster.machines.count > 1 }

    /// Where a probe starts: a network site on one machine.
    struct Origin {
        var site: NetSite
        var machine: Int
        var containerID: String?
    }

    /// What a probe aims at: addresses, and the container that must answer (several machines only).
    struct Target {
        var addresses: [IPv4Address]
        var containerID: String?

        /// Whether a delivered walk reached this target: with several machines a container target
        /// must be the one that answered (its `docker_gwbridge` address exists on other nodes too).
        func accepts(_ r: PathResult, multi: Bool) -> Bool {
            guard multi, let id = containerID else { return true }
            if case .delivered(.container(let got), _, _) = r.verdict { return got == id }
            return false
        }
    }

    /// The evaluator's machine first, then the others in cluster order.
    var searchOrder: [Int] {
        guard multi else { return [machine] }
        return [machine] + cluster.machines.indices.filter { $0 != machine }
    }

    /// A machine by its hostname (several machines only).
    func machineIndex(named name: String) -> Int? {
        guard multi else { return nil }
        return cluster.machines.firstIndex { $0.name == name }
    }

    /// A container by name, on the first machine (in search order) that has one.
    func container(_ name: String) -> (container: Container, machine: Int)? {
        for k in searchOrder where cluster.machines.indices.contains(k) {
            if let c = cluster.machines[k].engine.allContainers.first(where: { $0.name == name }) { return (c, k) }
        }
        return nil
    }

    func origin(_ from: String) -> Origin? {
        switch from {
        case "host": return Origin(site: .host, machine: multi ? 0 : machine)
        case "remote": return Origin(site: .remote, machine: multi ? 0 : machine)
        default:
            if let k = machineIndex(named: from) { return Origin(site: .host, machine: k) }
            guard let (c, k) = container(from) else { return nil }
            return Origin(site: .container(c.id), machine: k, containerID: c.id)
        }
    }

    func target(_ to: String, from origin: Origin) -> Target? {
        if to == "host" { return Target(addresses: [cluster.machines[multi ? 0 : machine].engine.host.address]) }
        if let k = machineIndex(named: to) { return Target(addresses: [cluster.machines[k].address]) }
        if let ip = IPv4Address(to) { return Target(addresses: [ip]) }
        if let (c, k) = container(to) {
            return Target(addresses: cluster.machines[k].engine.endpoints(ofContainer: c).compactMap(\.ipv4), containerID: c.id)
        }
        // A name the sending container resolves: a service (its VIP, or its tasks in dnsrr mode), an alias.
        guard multi, let id = origin.containerID else { return nil }
        var copy = cluster.machines[origin.machine].engine
        guard let answer = NameResolution.resolve(name: to, from: id, engine: &copy), !answer.isEmpty else { return nil }
        return Target(addresses: answer)
    }

    /// Where a name is resolved from: a machine's own resolver (no container) or a container's.
    func resolverOrigin(_ from: String) -> (machine: Int, containerID: String?)? {
        if from == "host" { return (multi ? 0 : machine, nil) }
        if let k = machineIndex(named: from) { return (k, nil) }
        guard let (c, k) = container(from) else { return nil }
        return (k, c.id)
    }

    /// Each running task's addresses on the service's networks (ingress left out: it registers no names).
    func taskAddresses(_ service: String) -> [Set<IPv4Address>]? {
        guard let s = SwarmView.managerStore(cluster), let svc = s.services.first(where: { $0.name == service }) else { return nil }
        let ingress = s.ingress?.id
        return s.tasks(of: svc.id).map { t in Set(t.addresses.filter { $0.key != ingress }.map(\.value)) }
    }

    /// The service's virtual IPs (ingress left out).
    func virtualIPs(_ service: String) -> Set<IPv4Address>? {
        guard let s = SwarmView.managerStore(cluster), let svc = s.services.first(where: { $0.name == service }) else { return nil }
        let ingress = s.ingress?.id
        return Set(svc.vips.filter { $0.key != ingress }.map(\.value))
    }

    /// "no container named X" with one machine; with several, any kind of place.
    func missingMessage(_ name: String, _ locale: LabLocale) -> String {
        multi ? LabMessage.placeMissing.format(locale, [name]) : LabMessage.containerMissing.format(locale, [name])
    }
}
