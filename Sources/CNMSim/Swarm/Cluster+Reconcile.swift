/// After every command: what swarmkit's replication, orchestrator, scheduler
/// and each node's agent would have done by the time the prompt returns.
extension Cluster {
    /// The machine each swarm node runs on.
    func machineIndex(ofNode nodeID: String) -> Int? {
        machines.firstIndex { $0.engine.swarmNodeID == nodeID }
    }

    /// Brings every node in line with the newest store, after a command ran on machine `m`.
    public mutating func reconcile(after m: Int?) {
        if let m, machines.indices.contains(m), let local = machines[m].engine.swarm {
            if let current = swarm, current.id == local.id {
                if local.revision > current.revision { swarm = local }
            } else if swarm == nil || machines[m].engine.swarmNodeID.flatMap({ local.node($0) })?.leader == true {
                swarm = local
            }
        }
        guard var s = swarm else { return }
        // Without a manager no orchestrator runs: tasks stay as they are.
        if s.activeNodes.contains(where: { $0.role == .manager }) { placeTasks(&s) }
        plumbNodes(&s)
        swarm = s
        let directory = buildDirectory(s)
        for k in machines.indices {
            guard let nodeID = machines[k].engine.swarmNodeID, machines[k].engine.swarm?.id == s.id, !s.isDown(nodeID) else { continue }
            machines[k].engine.adoptSwarm(s, nodeID: nodeID, directory: directory)
        }
    }

    /// Runs `body` on machine `k`'s engine holding the store `s`, and takes the store back.
    private mutating func onNode(_ k: Int, _ s: inout Swarm, _ body: (inout Engine) -> Void) {
        let nodeID = machines[k].engine.swarmNodeID
        machines[k].engine.adoptSwarm(s, nodeID: nodeID, directory: machines[k].engine.overlayDirectory)
        body(&machines[k].engine)
        if let back = machines[k].engine.swarm { s = back }
    }

    /// The orchestrator and scheduler: as many running tasks per service as it wants, spread over the nodes.
    private mutating func placeTasks(_ s: inout Swarm) {
        // A task whose container was stopped or removed by hand has ended: its slot is filled again below.
        let ended = s.tasks.filter { t in
            guard let k = machineIndex(ofNode: t.nodeID) else { return false }
            return machines[k].engine.containers[t.containerID]?.isRunning != true
        }
        for task in ended {
            if let k = machineIndex(ofNode: task.nodeID), machines[k].engine.containers[task.containerID] != nil {
                onNode(k, &s) { $0.removeTaskContainer(task.containerID) }
            }
            s.tasks.removeAll { $0.id == task.id }
            s.touch()
        }
        // Tasks of removed services, and tasks above the replica count (highest slots first), stop.
        var doomed: [SwarmTask] = s.tasks.filter { t in !s.services.contains { $0.id == t.serviceID } }
        for svc in s.services {
            let running = s.tasks(of: svc.id)
            if running.count > svc.replicas { doomed += running.suffix(running.count - svc.replicas) }
        }
        for task in doomed {
            if let k = machineIndex(ofNode: task.nodeID) {
                onNode(k, &s) { $0.removeTaskContainer(task.containerID) }
            }
            s.tasks.removeAll { $0.id == task.id }
            s.touch()
        }
        // Missing replicas start on the least loaded nodes.
        for svc in s.services {
            var running = s.tasks(of: svc.id)
            guard running.count < svc.replicas else { continue }
            var slot = 1
            while running.count < svc.replicas {
                while running.contains(where: { $0.slot == slot }) { slot += 1 }
                let candidates = s.activeNodes.filter { machineIndex(ofNode: $0.id) != nil }
                guard !candidates.isEmpty else { return }
                let order = candidates.enumerated().min { a, b in
                    let ka = (s.tasks.filter { $0.serviceID == svc.id && $0.nodeID == a.element.id }.count,
                              s.tasks.filter { $0.nodeID == a.element.id }.count, a.offset)
                    let kb = (s.tasks.filter { $0.serviceID == svc.id && $0.nodeID == b.element.id }.count,
                              s.tasks.filter { $0.nodeID == b.element.id }.count, b.offset)
                    return ka < kb
                }
                guard let node = order?.element, let k = machineIndex(ofNode: node.id) else { return }
                guard let task = startTask(svc, slot: slot, node: node, machine: k, &s) else { return }
                s.tasks.append(task)
                s.touch()
                running.append(task)
            }
        }
    }

    /// Creates and starts one task's container on machine `k`.
    private mutating func startTask(_ svc: SwarmService, slot: Int, node: SwarmNode, machine k: Int, _ s: inout Swarm) -> SwarmTask? {
        var task: SwarmTask?
        let store = s
        onNode(k, &s) { engine in
            let taskID = engine.rng.swarmID()
            let names = svc.networkIDs.compactMap { store.network($0)?.name }
            let attachments = svc.networkIDs.map { nid in
                NetworkAttachment(network: store.network(nid)?.name ?? nid, networkID: nid)
            }
            let labels = [
                "com.docker.swarm.node.id": node.id,
                "com.docker.swarm.service.id": svc.id,
                "com.docker.swarm.service.name": svc.name,
                "com.docker.swarm.task": "",
                Engine.swarmTaskLabel: taskID,
                "com.docker.swarm.task.name": "\(svc.name).\(slot).\(taskID)",
            ]
            let request = ContainerCreateRequest(name: "\(svc.name).\(slot).\(taskID)", image: svc.imageReference,
                                                 cmd: svc.command.isEmpty ? nil : svc.command, labels: labels,
                                                 networkMode: names.first ?? "default", attachments: attachments)
            guard case .success(let c) = engine.createContainer(request) else { return }
            _ = engine.startContainer(c.id)
            var addresses: [String: IPv4Address] = [:]
            if let started = engine.containers[c.id] {
                for ep in engine.endpoints(ofContainer: started) where svc.networkIDs.contains(ep.networkID) {
                    if let ip = ep.ipv4 { addresses[ep.networkID] = ip }
                }
            }
            task = SwarmTask(id: taskID, serviceID: svc.id, slot: slot, nodeID: node.id, containerID: c.id,
                             addresses: addresses, created: engine.clock)
        }
        return task
    }

    /// Each node's agent: overlay instances, the ingress sandbox, load-balancer endpoints.
    private mutating func plumbNodes(_ s: inout Swarm) {
        for k in machines.indices {
            guard let nodeID = machines[k].engine.swarmNodeID, let node = s.node(nodeID), !s.isDown(nodeID) else { continue }
            let store = s
            if let ingress = s.ingress {
                var address = s.ingressAddresses[nodeID]
                if address == nil, let ip = s.allocateAddress(on: ingress.id) {
                    s.ingressAddresses[nodeID] = ip
                    s.touch()
                    address = ip
                }
                if let address {
                    onNode(k, &s) { engine in
                        engine.instantiate(ingress)
                        engine.ensureIngressSandbox(ingressAddress: address)
                    }
                }
            }
            // Load balancers: one per network where a vip-mode service has a task on this node.
            var wanted: Set<String> = []
            for task in store.tasks where task.nodeID == nodeID && task.running {
                guard let svc = store.services.first(where: { $0.id == task.serviceID }), svc.endpointMode == .vip else { continue }
                for nid in svc.networkIDs where store.network(nid)?.ingress == false { wanted.insert(nid) }
            }
            for nid in wanted.sorted() where s.loadBalancers[nodeID + "/" + nid] == nil {
                if let ip = s.allocateAddress(on: nid) { s.loadBalancers[nodeID + "/" + nid] = ip; s.touch() }
            }
            for key in s.loadBalancers.keys.sorted() where key.hasPrefix(nodeID + "/") {
                let nid = String(key.dropFirst(nodeID.count + 1))
                if !wanted.contains(nid), let ip = s.loadBalancers.removeValue(forKey: key) {
                    s.releaseAddress(ip, on: nid)
                    s.touch()
                }
            }
            let lbs = s.loadBalancers
            let defs = s.networks
            onNode(k, &s) { engine in
                for def in defs where node.role == .manager || wanted.contains(def.id) { engine.instantiate(def) }
                for n in engine.allNetworks where n.isSwarmScoped {
                    guard let def = defs.first(where: { $0.id == n.id }) else {
                        if engine.endpoints(onNetwork: n.id).isEmpty { engine.dropInstance(n.id) }
                        continue
                    }
                    engine.setLoadBalancer(n.id, address: def.ingress ? nil : lbs[nodeID + "/" + n.id])
                    if node.role != .manager && !def.ingress && engine.loadBalancers[n.id] == nil {
                        engine.dropInstance(n.id)
                    }
                }
            }
        }
    }

    /// What every node learns through NetworkDB: all overlay endpoints, peers, service records.
    private func buildDirectory(_ s: Swarm) -> OverlayDirectory {
        var d = OverlayDirectory()
        for machine in machines {
            let engine = machine.engine
            guard let nodeID = engine.swarmNodeID, let node = s.node(nodeID), !s.isDown(nodeID) else { continue }
            for n in engine.allNetworks where n.isSwarmScoped {
                let eps = engine.endpoints(onNetwork: n.id)
                if !eps.isEmpty || engine.loadBalancers[n.id] != nil || n.ingress {
                    d.peers[n.id, default: []].append(node)
                }
                for ep in eps {
                    guard let c = engine.containers[ep.containerID], c.isRunning, let ip = ep.ipv4 else { continue }
                    d.members[n.id, default: []].append(OverlayDirectory.Member(
                        networkID: n.id, nodeID: nodeID, nodeAddress: node.address, containerID: c.id, ip: ip,
                        dnsNames: ep.dnsNames, attachmentTask: engine.overlayAttachments[ep.id]))
                }
            }
        }
        for svc in s.services {
            let tasks = s.tasks(of: svc.id)
            for nid in svc.networkIDs {
                let backends = tasks.compactMap { $0.addresses[nid] }
                d.services[nid, default: []].append(OverlayDirectory.ServiceEntry(
                    serviceID: svc.id, name: svc.name, aliases: svc.aliases[nid] ?? [], vip: svc.vips[nid], backends: backends))
            }
            if let ingress = s.ingress {
                for p in svc.ports {
                    d.meshPorts.append(OverlayDirectory.MeshPort(proto: p.proto, published: p.published, target: p.target,
                                                                 serviceID: svc.id, serviceName: svc.name,
                                                                 backends: tasks.compactMap { $0.addresses[ingress.id] }))
                }
            }
        }
        return d
    }
}
