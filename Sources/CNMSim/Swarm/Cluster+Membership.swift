/// Joining and leaving the swarm: the two requests that need a second
/// machine (the manager a node joins through), so the cluster serves them.
extension Cluster {
    public static let joinTimeoutMessage = "Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the \"docker info\" command to see the current swarm status of your node."

    /// `docker swarm init` on machine `m`; returns the new node.
    public mutating func initSwarm(on m: Int, advertise: IPv4Address?) -> Result<SwarmNode, EngineError> {
        guard machines.indices.contains(m) else { return .failure(EngineError(.system, "no such machine")) }
        let address = advertise ?? machines[m].address
        let result = machines[m].engine.initSwarm(advertise: address)
        if case .success = result { reconcile(after: m) }
        return result
    }

    /// `docker swarm join --token T ADDR[:PORT]` on machine `m`; returns the role joined as.
    public mutating func join(on m: Int, token: String, remote: String) -> Result<SwarmNode.Role, EngineError> {
        guard machines.indices.contains(m) else { return .failure(EngineError(.system, "no such machine")) }
        machines[m].engine.tick(milliseconds: 800)
        if machines[m].engine.swarm != nil { return .failure(EngineError(.unavailable, Engine.swarmExistsMessage)) }
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "SWMTKN", parts[1] == "1" else {
            return .failure(EngineError(.invalidParameter, "invalid join token"))
        }
        let host = remote.split(separator: ":").first.map(String.init) ?? remote
        guard let ip = IPv4Address(host), let target = machineIndex(address: ip), target != m,
              let store = swarm, machines[target].engine.isSwarmManager else {
            return .failure(EngineError(.unavailable, Self.joinTimeoutMessage))
        }
        let role: SwarmNode.Role
        if token == store.workerToken { role = .worker } else if token == store.managerToken { role = .manager } else {
            return .failure(EngineError(.invalidParameter, "rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster"))
        }
        var s = store
        let engine = machines[m].engine
        var rng = machines[m].engine.rng
        let node = SwarmNode(id: rng.swarmID(), hostname: engine.host.hostname, address: engine.host.address, role: role,
                             leader: false, created: engine.clock, peerName: rng.hex(12))
        machines[m].engine.rng = rng
        s.nodes.append(node)
        s.touch()
        swarm = s
        machines[m].engine.adoptSwarm(s, nodeID: node.id, directory: OverlayDirectory())
        reconcile(after: m)
        return .success(role)
    }

    /// `docker swarm leave [--force]` on machine `m`.
    public mutating func leave(on m: Int, force: Bool) -> EngineError? {
        guard machines.indices.contains(m) else { return EngineError(.system, "no such machine") }
        machines[m].engine.tick(milliseconds: 300)
        guard let node = machines[m].engine.swarmNode, var s = swarm else {
            return EngineError(.unavailable, Engine.notInSwarmMessage)
        }
        if node.role == .manager && !force {
            let reachable = s.activeNodes.filter { $0.role == .manager }.count
            var msg = "You are attempting to leave the swarm on a node that is participating as a manager. "
            if reachable <= 1 {
                msg += "Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. "
                return EngineError(.forbidden, msg)
            }
            if reachable - 1 <= reachable / 2 {
                msg += "Removing this node leaves \(reachable - 1) managers out of \(reachable). Without a Raft quorum your swarm will be inaccessible. "
            }
            msg += "The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message."
            return EngineError(.forbidden, msg)
        }
        // The node's task containers go with it; the orchestrator places replacements elsewhere.
        for task in s.tasks where task.nodeID == node.id {
            machines[m].engine.removeTaskContainer(task.containerID)
        }
        s.tasks.removeAll { $0.nodeID == node.id }
        s.ingressAddresses.removeValue(forKey: node.id).map { ip in if let ing = s.ingress { s.releaseAddress(ip, on: ing.id) } }
        for key in s.loadBalancers.keys where key.hasPrefix(node.id + "/") {
            if let ip = s.loadBalancers.removeValue(forKey: key) { s.releaseAddress(ip, on: String(key.dropFirst(node.id.count + 1))) }
        }
        s.downNodes.insert(node.id)
        // A leader that leaves hands the leadership to another reachable manager (Raft elects one).
        if let i = s.nodes.firstIndex(where: { $0.id == node.id }), s.nodes[i].leader {
            s.nodes[i].leader = false
            if let next = s.nodes.firstIndex(where: { $0.role == .manager && !s.downNodes.contains($0.id) }) {
                s.nodes[next].leader = true
            }
        }
        s.touch()
        machines[m].engine.forgetSwarm()
        swarm = s
        reconcile(after: nil)
        return nil
    }
}
