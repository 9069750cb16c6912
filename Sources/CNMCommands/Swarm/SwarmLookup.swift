import CNMSim

/// The lookups the swarm commands share: the manager's copy of the store
/// (or the daemon's refusal), and name resolution the way the daemon does it.
enum SwarmLookup {
    /// The store a manager answers from, or the daemon's "not a swarm manager" error
    /// (moby `lockedManagerAction` / `errNoManager`).
    static func managerStore(_ engine: Engine) -> Result<Swarm, EngineError> {
        if let refusal = engine.managerRequired { return .failure(refusal) }
        guard let s = engine.swarm else { return .failure(EngineError(.unavailable, Engine.notInSwarmManagerMessage)) }
        return .success(s)
    }

    /// `GET /networks/{term}?scope=swarm`, as the CLI resolves `--network` before
    /// creating a service (cli/command/service/opts.go `resolveNetworkID`): the
    /// node's own swarm-scoped networks, then — on a manager — the store's;
    /// otherwise libnetwork's `network X not found`.
    static func swarmNetworkID(_ term: String, engine: Engine) -> Result<String, EngineError> {
        let local = engine.allNetworks.filter { $0.isSwarmScoped }
        if let n = local.first(where: { $0.id == term }) { return .success(n.id) }
        if engine.isSwarmManager, let s = engine.swarm, let def = s.findNetwork(term) { return .success(def.id) }
        if let n = local.first(where: { $0.name == term }) { return .success(n.id) }
        let prefixed = term.isEmpty ? [] : local.filter { $0.id.hasPrefix(term) }
        if prefixed.count == 1, let n = prefixed.first { return .success(n.id) }
        return .failure(EngineError(.notFound, "network \(term) not found"))
    }

    /// `getService` (moby v28.2.2 daemon/cluster/helpers.go): full ID, full name, then a unique ID prefix.
    static func service(_ term: String, in s: Swarm) -> Result<SwarmService, EngineError> {
        if let found = s.findService(term) { return .success(found) }
        let matches = term.isEmpty ? [] : s.services.filter { $0.id.hasPrefix(term) }
        if matches.count > 1 {
            return .failure(EngineError(.invalidParameter, "service \(term) is ambiguous (\(matches.count) matches found)"))
        }
        return .failure(EngineError(.notFound, "service \(term) not found"))
    }

    /// `getNode`: full ID, hostname, then a unique ID prefix.
    static func node(_ term: String, in s: Swarm) -> Result<SwarmNode, EngineError> {
        if let found = s.findNode(term) { return .success(found) }
        let matches = term.isEmpty ? [] : s.nodes.filter { $0.id.hasPrefix(term) }
        if matches.count > 1 {
            return .failure(EngineError(.invalidParameter, "node \(term) is ambiguous (\(matches.count) matches found)"))
        }
        return .failure(EngineError(.notFound, "node \(term) not found"))
    }

    /// The running tasks of a service on nodes that are not down (what `RunningTasks` counts).
    static func runningTasks(of service: SwarmService, in s: Swarm) -> [SwarmTask] {
        s.tasks(of: service.id).filter { !s.isDown($0.nodeID) }
    }

    /// swarmkit `isValidDNSName` (`^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$`) and the 63-character limit.
    static func serviceNameError(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        func alnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        let valid = !bytes.isEmpty && alnum(bytes[0]) && bytes.last.map(alnum) == true
            && bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        if !valid { return "rpc error: code = InvalidArgument desc = name must be valid as a DNS name component" }
        if bytes.count > 63 { return "rpc error: code = InvalidArgument desc = name must be 63 characters or fewer" }
        return nil
    }
}
