import XCTest
@testable import CNMSim

/// The swarm core (`Sources/CNMSim/Swarm`) through CNMSim's own API, no command line: membership,
/// overlay networks, services and their tasks, VIPs and IPVS, the ingress routing mesh, placement,
/// and the daemon's refusals with their error class.
final class SwarmCoreTests: XCTestCase {
    /// docker-host (0) and the course's manager1 (1), worker1 (2), worker2 (3).
    static let host = 0, manager = 1, worker1 = 2, worker2 = 3

    func lan(seed: UInt64 = 0) -> Cluster { Cluster(seed: seed, extraHosts: Cluster.courseHosts) }

    /// manager1 leads; worker1 and worker2 joined as workers.
    func swarm(seed: UInt64 = 0) throws -> Cluster {
        var c = lan(seed: seed)
        _ = try c.initSwarm(on: Self.manager, advertise: nil).get()
        let token = try XCTUnwrap(c.swarm?.workerToken)
        XCTAssertEqual(try c.join(on: Self.worker1, token: token, remote: "192.168.1.101:2377").get(), .worker)
        XCTAssertEqual(try c.join(on: Self.worker2, token: token, remote: "192.168.1.101").get(), .worker)
        return c
    }

    /// Runs `body` on machine `m`'s engine, then lets the cluster catch up (as the simulator does after a command).
    func on<T>(_ c: inout Cluster, _ m: Int, _ body: (inout Engine) -> T) -> T {
        let result = body(&c.machines[m].engine)
        c.reconcile(after: m)
        return result
    }

    func overlay(_ c: inout Cluster, _ name: String, attachable: Bool = false, subnet: IPv4Subnet? = nil) -> Result<SwarmNetwork, EngineError> {
        on(&c, Self.manager) { $0.createSwarmNetwork(NetworkCreateRequest(name: name, driver: "overlay", attachable: attachable),
                                                     subnet: subnet, gateway: nil) }
    }

    func service(_ c: inout Cluster, _ spec: ServiceSpec, on m: Int = manager) -> Result<SwarmService, EngineError> {
        on(&c, m) { $0.createService(spec) }
    }

    // MARK: init, join, leave

    func testInitMakesALeaderAnIngressNetworkAndTwoTokens() throws {
        var c = lan()
        XCTAssertNil(c.swarm)
        let node = try c.initSwarm(on: Self.manager, advertise: nil).get()
        let s = try XCTUnwrap(c.swarm)
        XCTAssertEqual(node.role, .manager)
        XCTAssertTrue(node.leader)
        XCTAssertEqual(node.hostname, "manager1")
        XCTAssertEqual(node.address, IPv4Address(192, 168, 1, 101), "advertised on its LAN address by default")
        XCTAssertEqual(s.nodes.map(\.id), [node.id])
        XCTAssertEqual(c.machines[Self.manager].engine.swarmNodeID, node.id)
        // The ingress network takes the first /24 of the global pool (10.0.0.0/8) and the first VNI.
        let ingress = try XCTUnwrap(s.ingress)
        XCTAssertEqual(ingress.name, "ingress")
        XCTAssertEqual(ingress.subnet.description, "10.0.0.0/24")
        XCTAssertEqual(ingress.gateway, IPv4Address(10, 0, 0, 1))
        XCTAssertEqual(ingress.vni, 4096)
        XCTAssertFalse(ingress.attachable)
        // Two distinct tokens, `SWMTKN-1-<CA digest>-<secret>`, sharing the CA digest.
        let w = s.workerToken.split(separator: "-"), m = s.managerToken.split(separator: "-")
        XCTAssertEqual(w.count, 4)
        XCTAssertEqual(Array(w[0...1]), ["SWMTKN", "1"])
        XCTAssertEqual(w[2], m[2])
        XCTAssertNotEqual(w[3], m[3])
        // The manager's agent has its ingress sandbox, with an address on ingress.
        XCTAssertEqual(c.machines[Self.manager].engine.ingressSandbox?.ingressAddress, s.ingressAddresses[node.id])
        XCTAssertNotNil(s.ingressAddresses[node.id])
        // A second init is refused.
        let again = c.initSwarm(on: Self.manager, advertise: nil)
        XCTAssertEqual(again.failureValue, EngineError(.unavailable, Engine.swarmExistsMessage))
    }

    func testJoinAsWorkerOrManagerAndEveryNodeHoldsTheNewestStore() throws {
        var c = lan()
        _ = try c.initSwarm(on: Self.manager, advertise: nil).get()
        let s0 = try XCTUnwrap(c.swarm)
        XCTAssertEqual(try c.join(on: Self.worker1, token: s0.workerToken, remote: "192.168.1.101:2377").get(), .worker)
        XCTAssertEqual(try c.join(on: Self.worker2, token: s0.managerToken, remote: "192.168.1.101").get(), .manager)
        let s = try XCTUnwrap(c.swarm)
        XCTAssertEqual(s.nodes.map(\.hostname), ["manager1", "worker1", "worker2"])
        XCTAssertEqual(s.nodes.map(\.managerStatus), ["Leader", "", "Reachable"])
        XCTAssertEqual(s.activeNodes.count, 3)
        for k in [Self.manager, Self.worker1, Self.worker2] {
            XCTAssertEqual(c.machines[k].engine.swarm, s, "machine \(k) holds the replicated store")
            XCTAssertNotNil(c.machines[k].engine.ingressSandbox, "machine \(k) has an ingress sandbox")
        }
        XCTAssertNil(c.machines[Self.host].engine.swarm, "docker-host stays outside")
        // Every node has its own ingress address.
        XCTAssertEqual(Set(s.ingressAddresses.values).count, 3)
    }

    func testJoinRefusals() throws {
        var c = lan()
        _ = try c.initSwarm(on: Self.manager, advertise: nil).get()
        let s = try XCTUnwrap(c.swarm)
        XCTAssertEqual(c.join(on: Self.worker1, token: "nonsense", remote: "192.168.1.101").failureValue,
                       EngineError(.invalidParameter, "invalid join token"))
        XCTAssertEqual(c.join(on: Self.worker1, token: "SWMTKN-1-abc-def", remote: "192.168.1.101").failureValue,
                       EngineError(.invalidParameter, "rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster"))
        // No manager at that address: Docker keeps trying in the background.
        XCTAssertEqual(c.join(on: Self.worker1, token: s.workerToken, remote: "192.168.1.102").failureValue,
                       EngineError(.unavailable, Cluster.joinTimeoutMessage))
        XCTAssertEqual(c.join(on: Self.manager, token: s.workerToken, remote: "192.168.1.101").failureValue,
                       EngineError(.unavailable, Engine.swarmExistsMessage))
        XCTAssertEqual(c.swarm?.nodes.count, 1, "no refused join adds a node")
    }

    func testLeaveMarksTheNodeDownAndTheLastManagerNeedsForce() throws {
        var c = try swarm()
        let workerID = try XCTUnwrap(c.machines[Self.worker1].engine.swarmNodeID)
        XCTAssertNil(c.leave(on: Self.worker1, force: false))
        XCTAssertNil(c.machines[Self.worker1].engine.swarm)
        XCTAssertNil(c.machines[Self.worker1].engine.swarmNodeID)
        XCTAssertNil(c.machines[Self.worker1].engine.ingressSandbox)
        XCTAssertEqual(c.swarm?.downNodes, [workerID])
        XCTAssertEqual(c.swarm?.nodes.count, 3, "a node that left stays listed, Down")
        XCTAssertEqual(c.swarm?.activeNodes.map(\.hostname), ["manager1", "worker2"])
        XCTAssertEqual(c.leave(on: Self.worker1, force: false), EngineError(.unavailable, Engine.notInSwarmMessage))
        XCTAssertEqual(c.leave(on: Self.host, force: false), EngineError(.unavailable, Engine.notInSwarmMessage))
        let refusal = try XCTUnwrap(c.leave(on: Self.manager, force: false))
        XCTAssertEqual(refusal.kind, .forbidden)
        XCTAssertTrue(refusal.message.contains("Removing the last manager erases all current state of the swarm."), refusal.message)
        XCTAssertNotNil(c.machines[Self.manager].engine.swarm, "a refused leave changes nothing")
    }

    func testTheLeadershipMovesWhenTheLeaderLeaves() throws {
        var c = lan()
        _ = try c.initSwarm(on: Self.manager, advertise: nil).get()
        let token = try XCTUnwrap(c.swarm?.managerToken)
        _ = try c.join(on: Self.worker1, token: token, remote: "192.168.1.101").get()
        XCTAssertNil(c.leave(on: Self.manager, force: true))
        let s = try XCTUnwrap(c.swarm)
        XCTAssertEqual(s.nodes.filter(\.leader).map(\.hostname), ["worker1"])
        XCTAssertEqual(c.machines[Self.worker1].engine.swarmNode?.managerStatus, "Leader")
    }

    // MARK: overlay networks

    func testOverlayNetworksTakeTheNextSubnetAndVNIAndAreInstantiatedWhereUsed() throws {
        var c = try swarm()
        let ov = try overlay(&c, "ov", attachable: true).get()
        XCTAssertEqual(ov.subnet.description, "10.0.1.0/24")
        XCTAssertEqual(ov.gateway, IPv4Address(10, 0, 1, 1))
        XCTAssertEqual(ov.vni, 4097)
        XCTAssertTrue(ov.attachable)
        XCTAssertEqual(ov.driverOptions["com.docker.network.driver.overlay.vxlanid_list"], "4097")
        XCTAssertEqual(c.swarm?.findNetwork("ov")?.id, ov.id)
        XCTAssertEqual(c.swarm?.findNetwork(String(ov.id.prefix(6)))?.id, ov.id, "a unique ID prefix finds it")
        // Instantiated on the manager that created it; a worker has it only once something there uses it.
        XCTAssertEqual(c.machines[Self.manager].engine.networks[ov.id]?.driver, .overlay)
        XCTAssertNil(c.machines[Self.worker1].engine.networks[ov.id])
        let user = try overlay(&c, "mine", subnet: IPv4Subnet("10.20.0.0/24")).get()
        XCTAssertTrue(user.userSubnet)
        XCTAssertEqual(user.gateway, IPv4Address(10, 20, 0, 1))
        XCTAssertEqual(try overlay(&c, "next").get().subnet.description, "10.0.2.0/24", "the user's subnet takes no pool /24")
    }

    func testOverlayNetworkRefusals() throws {
        var c = try swarm()
        _ = try overlay(&c, "ov").get()
        XCTAssertEqual(overlay(&c, "ov").failureValue, EngineError(.conflict, "network with name ov already exists"))
        XCTAssertEqual(overlay(&c, "again", subnet: IPv4Subnet("10.0.1.0/24")).failureValue?.kind, .notSimulated,
                       "swarmkit fails an overlapping subnet later, in the background")
        let fromWorker = on(&c, Self.worker1) {
            $0.createSwarmNetwork(NetworkCreateRequest(name: "w", driver: "overlay"), subnet: nil, gateway: nil)
        }
        XCTAssertEqual(fromWorker.failureValue,
                       EngineError(.forbidden, "Cannot create a multi-host network from a worker node. Please create the network from a manager node."))
        let secondIngress = on(&c, Self.manager) {
            $0.createSwarmNetwork(NetworkCreateRequest(name: "ing2", driver: "overlay", ingress: true), subnet: nil, gateway: nil)
        }
        XCTAssertEqual(secondIngress.failureValue?.kind, .conflict)
        XCTAssertEqual(c.swarm?.networks.map(\.name), ["ingress", "ov"])
    }

    // MARK: services, tasks, VIPs

    func testAServiceGetsItsVIPAndItsTasksSpreadOverTheNodes() throws {
        var c = try swarm()
        let ov = try overlay(&c, "ov").get()
        let web = try service(&c, ServiceSpec(name: "web", image: "nginx", replicas: 3, networks: [("ov", ["www"])])).get()
        XCTAssertEqual(web.vips[ov.id], IPv4Address(10, 0, 1, 2), "the VIP is the first address after the gateway")
        XCTAssertEqual(web.networkIDs, [ov.id])
        XCTAssertEqual(web.aliases[ov.id], ["www"])
        XCTAssertEqual(web.imageReference, "nginx:latest")
        let s = try XCTUnwrap(c.swarm)
        let tasks = s.tasks(of: web.id)
        XCTAssertEqual(tasks.map(\.slot), [1, 2, 3])
        XCTAssertEqual(Set(tasks.map(\.nodeID)).count, 3, "one task per node")
        let addresses = tasks.compactMap { $0.addresses[ov.id] }
        XCTAssertEqual(addresses.count, 3)
        XCTAssertEqual(Set(addresses).count, 3)
        XCTAssertFalse(addresses.contains(IPv4Address(10, 0, 1, 2)))
        XCTAssertTrue(addresses.allSatisfy { ov.subnet.contains($0) })
        for t in tasks {
            let k = try XCTUnwrap(c.machines.firstIndex { $0.engine.swarmNodeID == t.nodeID })
            let container = try XCTUnwrap(c.machines[k].engine.containers[t.containerID], "task \(t.slot) has its container")
            XCTAssertTrue(container.isRunning)
            XCTAssertEqual(container.name, "web.\(t.slot).\(t.id)")
            XCTAssertEqual(container.labels["com.docker.swarm.service.name"], "web")
            XCTAssertNotNil(c.machines[k].engine.networks[ov.id], "the node with a task instantiates the overlay")
            // Each node with a vip-mode task has a load-balancer endpoint on the network.
            XCTAssertEqual(c.machines[k].engine.loadBalancers[ov.id]?.address, s.loadBalancers[t.nodeID + "/" + ov.id])
        }
        // The directory every node holds lists the service with its VIP and its backends.
        let entry = try XCTUnwrap(c.machines[Self.worker2].engine.overlayDirectory.services[ov.id]?.first { $0.name == "web" })
        XCTAssertEqual(entry.vip, IPv4Address(10, 0, 1, 2))
        XCTAssertEqual(Set(entry.backends), Set(addresses))
        XCTAssertEqual(c.machines[Self.worker2].engine.overlayDirectory.service(withVIP: IPv4Address(10, 0, 1, 2), on: ov.id)?.name, "web")
    }

    func testScaleAndRemoveChangeTheTasksAndTheirContainers() throws {
        var c = try swarm()
        _ = try overlay(&c, "ov").get()
        let web = try service(&c, ServiceSpec(name: "web", image: "nginx", replicas: 3, networks: [("ov", [])])).get()
        let removedSlots = try XCTUnwrap(c.swarm?.tasks(of: web.id).filter { $0.slot > 1 })
        let scaled = try on(&c, Self.manager) { $0.scaleService("web", replicas: 1) }.get()
        XCTAssertEqual(scaled.replicas, 1)
        XCTAssertEqual(scaled.previousReplicas, 3)
        XCTAssertEqual(scaled.version, 2)
        XCTAssertEqual(c.swarm?.tasks(of: web.id).map(\.slot), [1], "the highest slots stop first")
        for t in removedSlots {
            XCTAssertFalse(c.machines.contains { $0.engine.containers[t.containerID] != nil }, "slot \(t.slot)'s container is gone")
        }
        _ = try on(&c, Self.manager) { $0.scaleService(String(web.id.prefix(5)), replicas: 5) }.get()
        XCTAssertEqual(c.swarm?.tasks(of: web.id).map(\.slot), [1, 2, 3, 4, 5])
        let removed = try on(&c, Self.manager) { $0.removeService("web") }.get()
        XCTAssertEqual(removed.id, web.id)
        XCTAssertEqual(c.swarm?.services.count, 0)
        XCTAssertEqual(c.swarm?.tasks.count, 0)
        for m in c.machines {
            XCTAssertFalse(m.engine.containers.values.contains { $0.name.hasPrefix("web.") }, m.name)
        }
    }

    func testDnsrrServicesHaveNoVIP() throws {
        var c = try swarm()
        let ov = try overlay(&c, "ov").get()
        let db = try service(&c, ServiceSpec(name: "db", image: "redis", replicas: 2, networks: [("ov", [])], endpointMode: .dnsrr)).get()
        XCTAssertEqual(db.vips, [:])
        XCTAssertEqual(c.swarm?.tasks(of: db.id).count, 2)
        XCTAssertTrue(c.machines.allSatisfy { $0.engine.loadBalancers[ov.id] == nil }, "no load balancer without a vip-mode task")
    }

    /// The same seed and the same requests give the same swarm, byte for byte: IDs, tokens, placement, addresses.
    func testPlacementAndIDsAreDeterministic() throws {
        func build() throws -> Cluster {
            var c = try swarm(seed: 42)
            _ = try overlay(&c, "ov").get()
            _ = try service(&c, ServiceSpec(name: "web", image: "nginx", replicas: 6, networks: [("ov", [])])).get()
            _ = try service(&c, ServiceSpec(name: "api", image: "nginx", replicas: 2, ports: [.init(proto: "tcp", published: 8080, target: 80)])).get()
            return c
        }
        let a = try build(), b = try build()
        XCTAssertEqual(a.swarm, b.swarm)
        XCTAssertEqual(a.machines.map(\.engine.containers), b.machines.map(\.engine.containers))
        let s = try XCTUnwrap(a.swarm)
        let web = try XCTUnwrap(s.findService("web"))
        // Six replicas over three nodes: two each (the least loaded node first).
        let perNode = Dictionary(grouping: s.tasks(of: web.id), by: \.nodeID).mapValues(\.count)
        XCTAssertEqual(perNode.values.sorted(), [2, 2, 2])
        XCTAssertNotEqual(try swarm(seed: 43).swarm?.workerToken, s.workerToken, "another seed, another swarm")
    }

    // MARK: the ingress routing mesh

    func testAPublishedPortJoinsIngressAndEveryNodeForwardsItToATask() throws {
        var c = try swarm()
        let web = try service(&c, ServiceSpec(name: "web", image: "nginx", replicas: 2, ports: [.init(proto: "tcp", published: 8080, target: 80)])).get()
        let s = try XCTUnwrap(c.swarm)
        let ingress = try XCTUnwrap(s.ingress)
        XCTAssertEqual(web.networkIDs, [ingress.id], "publishing attaches the service to ingress")
        XCTAssertEqual(web.ports.map(\.published), [8080])
        XCTAssertNotNil(web.vips[ingress.id])
        let backends = Set(s.tasks(of: web.id).compactMap { $0.addresses[ingress.id] })
        XCTAssertEqual(backends.count, 2)
        for k in [Self.manager, Self.worker1, Self.worker2] {
            let mesh = c.machines[k].engine.overlayDirectory.meshPorts
            XCTAssertEqual(mesh.map(\.published), [8080], "machine \(k)")
            XCTAssertEqual(Set(mesh.first?.backends ?? []), backends, "machine \(k)")
        }
        // From the LAN, port 8080 of any node reaches a task through IPVS in the ingress sandbox, in turn.
        for node in s.nodes {
            var picked: Set<IPv4Address> = []
            var turns: [String: Int] = [:]
            for _ in 0..<2 {
                let r = ClusterPath(cluster: c, machine: Self.host, turns: turns).trace(from: .remote, to: node.address, proto: "tcp", port: 8080)
                guard case .delivered = r.verdict else { return XCTFail("\(node.hostname): \(r.verdict)") }
                for case .ipvs(_, let port, let backend, let of) in r.events {
                    XCTAssertEqual(port, 8080)
                    XCTAssertEqual(of, 2)
                    picked.insert(backend)
                }
                for key in r.ipvsKeys { turns[key, default: 0] += 1 }
            }
            XCTAssertEqual(picked, backends, "\(node.hostname): round robin over both tasks")
        }
    }

    func testPublishedPortRefusalsAndDynamicPorts() throws {
        var c = try swarm()
        _ = try service(&c, ServiceSpec(name: "web", image: "nginx", ports: [.init(proto: "tcp", published: 8080, target: 80)])).get()
        let clash = service(&c, ServiceSpec(name: "web2", image: "nginx", ports: [.init(proto: "tcp", published: 8080, target: 80)]))
        XCTAssertEqual(clash.failureValue?.kind, .invalidParameter)
        XCTAssertTrue(clash.failureValue?.message.contains("port '8080' is already in use by service 'web'") == true)
        let dynamic = try service(&c, ServiceSpec(name: "auto", image: "nginx", ports: [.init(proto: "tcp", published: 0, target: 80)])).get()
        XCTAssertEqual(dynamic.ports.map(\.published), [30000], "swarm picks from 30000 up")
        XCTAssertEqual(dynamic.ports.map(\.dynamic), [true])
    }

    // MARK: errors

    func testServiceRequestsAreRefusedWithTheDaemonsErrorClass() throws {
        var c = try swarm()
        _ = try overlay(&c, "ov").get()
        _ = try service(&c, ServiceSpec(name: "web", image: "nginx", networks: [("ov", [])])).get()
        XCTAssertEqual(service(&c, ServiceSpec(name: "web", image: "nginx")).failureValue?.kind, .conflict)
        XCTAssertEqual(service(&c, ServiceSpec(name: "x", image: "nginx", networks: [("nope", [])])).failureValue,
                       EngineError(.notFound, "network nope not found"))
        XCTAssertEqual(service(&c, ServiceSpec(name: "x", image: "nginx", networks: [("ingress", [])])).failureValue?.kind, .invalidParameter)
        XCTAssertEqual(service(&c, ServiceSpec(name: "x", image: "nginx", ports: [.init(proto: "tcp", published: 81, target: 80)],
                                               endpointMode: .dnsrr)).failureValue?.kind, .invalidParameter)
        XCTAssertEqual(service(&c, ServiceSpec(name: "x", image: "no-such-image")).failureValue?.kind, .notSimulated)
        XCTAssertEqual(service(&c, ServiceSpec(name: "x", image: "nginx"), on: Self.worker1).failureValue,
                       EngineError(.unavailable, Engine.workerNodeMessage))
        XCTAssertEqual(service(&c, ServiceSpec(name: "x", image: "nginx"), on: Self.host).failureValue,
                       EngineError(.unavailable, Engine.notInSwarmManagerMessage))
        XCTAssertEqual(on(&c, Self.manager) { $0.scaleService("nope", replicas: 2) }.failureValue,
                       EngineError(.notFound, "service nope not found"))
        XCTAssertEqual(on(&c, Self.manager) { $0.removeService("nope") }.failureValue,
                       EngineError(.notFound, "service nope not found"))
        XCTAssertEqual(c.swarm?.services.map(\.name), ["web"], "no refused request changed the store")
    }
}
