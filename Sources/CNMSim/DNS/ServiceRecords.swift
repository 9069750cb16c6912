/// The names a user-defined network registers for its running endpoints
/// (moby `Network.addSvcRecords`, `ResolveName`, `ResolveIP`).
///
/// Each endpoint registers its `dnsNames` (container name, aliases, short ID,
/// hostname), stored lower-cased; only the first of them is the PTR name.
/// Endpoints exist only while their container runs, so stopped containers
/// have no records. Predefined networks register nothing.
public enum ServiceRecords {
    /// The IPv4 addresses registered under `name` on `network` (case-insensitive,
    /// final dot ignored, duplicates removed, in join order); nil when the name
    /// is not registered there.
    public static func resolve(_ name: String, network: Network, engine: Engine) -> [IPv4Address]? {
        guard network.isUserDefined, !network.ingress else { return nil }
        var wanted = name.lowercased()
        if wanted.hasSuffix(".") { wanted.removeLast() }
        var found = false
        var out: [IPv4Address] = []
        // The network's name index (`EngineViews.names`): the endpoints carrying the name, in join order.
        for id in engine.currentViews.names[network.id]?[wanted] ?? [] {
            guard let ep = engine.endpoints[id], isLive(ep, engine) else { continue }
            found = true
            if let ip = ep.ipv4, !out.contains(ip) { out.append(ip) }
        }
        if network.isSwarmScoped {
            let directory = engine.overlayDirectory
            // Endpoints of the other nodes, learnt through NetworkDB.
            for m in directory.members[network.id] ?? [] where m.nodeID != engine.swarmNodeID {
                guard m.dnsNames.contains(where: { $0.lowercased() == wanted }) else { continue }
                found = true
                if !out.contains(m.ip) { out.append(m.ip) }
            }
            // Services: the name (and its aliases) → the VIP, or the tasks in dnsrr mode; tasks.<name> → the tasks.
            for svc in directory.services[network.id] ?? [] {
                let names = ([svc.name] + svc.aliases).map { $0.lowercased() }
                var answer: [IPv4Address]?
                if names.contains(wanted) { answer = svc.vip.map { [$0] } ?? svc.backends }
                if names.contains(where: { "tasks." + $0 == wanted }) { answer = svc.backends }
                guard let answer else { continue }
                found = true
                for ip in answer where !out.contains(ip) { out.append(ip) }
            }
        }
        return found ? out : nil
    }

    /// The PTR answer for `ip` on `network`: `<first DNS name>.<network name>`.
    public static func reverse(_ ip: IPv4Address, network: Network, engine: Engine) -> String? {
        guard network.isUserDefined, !network.ingress else { return nil }
        if let id = engine.currentViews.endpointAt[network.id]?[ip], let ep = engine.endpoints[id], isLive(ep, engine),
           let first = ep.dnsNames.first {
            return first + "." + network.name
        }
        if network.isSwarmScoped, let m = engine.overlayDirectory.member(ip, on: network.id), let first = m.dnsNames.first {
            return first + "." + network.name
        }
        return nil
    }

    /// Every (network, endpoint) pair that carries `name`, on any network (for diagnosis).
    public static func carriers(of name: String, engine: Engine) -> [(network: Network, endpoint: Endpoint)] {
        let wanted = name.lowercased()
        var out: [(Network, Endpoint)] = []
        for n in engine.allNetworks where n.isUserDefined {
            for ep in engine.endpoints(onNetwork: n.id) where isLive(ep, engine) {
                if ep.dnsNames.contains(where: { $0.lowercased() == wanted }) { out.append((n, ep)) }
            }
        }
        return out
    }

    private static func isLive(_ ep: Endpoint, _ engine: Engine) -> Bool {
        engine.containers[ep.containerID]?.isRunning ?? false
    }
}
