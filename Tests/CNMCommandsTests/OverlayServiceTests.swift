import XCTest
@testable import CNMCommands
import CNMSim

/// Overlay networks and services across the course's machines: the VXLAN hop,
/// service DNS (VIP, dnsrr, tasks.), IPVS round robin through the VIP, and the
/// routing mesh through DOCKER-INGRESS on every node.
final class OverlayServiceTests: XCTestCase {
    /// docker-host manager + worker1 and worker2, an encrypted attachable overlay `appnet`.
    func swarm() -> Simulator {
        var sim = Simulator(seed: 7, hosts: Cluster.courseHosts)
        _ = sim.run(line: "docker swarm init")
        for w in ["worker1", "worker2"] {
            let out = sim.run(line: "ssh \(w) docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377")
            XCTAssertEqual(out.stdout, "This node joined a swarm as a worker.\n", out.stderr)
        }
        XCTAssertEqual(sim.run(line: "docker network create -d overlay --attachable --opt encrypted appnet").exitCode, 0)
        return sim
    }

    /// Creates a service through the manager's engine (as `docker service create` does) and lets the swarm place it.
    func createService(_ sim: inout Simulator, _ spec: ServiceSpec) -> SwarmService? {
        let r = sim.engine.createService(spec)
        sim.cluster.reconcile(after: sim.machine)
        return r.successValue
    }

    func testTasksSpreadOverTheNodesAndGetOverlayAddresses() throws {
        var sim = swarm()
        let svc = try XCTUnwrap(createService(&sim, ServiceSpec(name: "web", image: "nginx", replicas: 3, networks: [("appnet", [])])))
        let store = try XCTUnwrap(sim.cluster.swarm)
        let tasks = store.tasks(of: svc.id)
        XCTAssertEqual(tasks.count, 3)
        XCTAssertEqual(Set(tasks.map(\.nodeID)).count, 3, "one task per node")
        XCTAssertEqual(svc.vips.values.map(\.description), ["10.0.1.2"], "the VIP is the first address after the gateway")
        for t in tasks {
            let ip = try XCTUnwrap(t.addresses.values.first)
            XCTAssertTrue(ip.description.hasPrefix("10.0.1."))
        }
        // The worker's engine runs its task as a container named web.<slot>.<task id>.
        let ps = sim.run(line: "ssh worker1 docker ps --format '{{.Names}}'")
        XCTAssertTrue(ps.stdout.hasPrefix("web."), ps.stdout + ps.stderr + sim.run(line: "ssh worker1 docker ps -a").stdout)
    }

    func testServiceNameResolvesToTheVIPAndTasksNameToEveryTask() throws {
        var sim = swarm()
        _ = try XCTUnwrap(createService(&sim, ServiceSpec(name: "web", image: "nginx", replicas: 3, networks: [("appnet", [])])))
        XCTAssertEqual(sim.run(line: "ssh worker2 docker run -d --name client --network appnet busybox sleep 3600").exitCode, 0)
        let vip = sim.run(line: "ssh worker2 docker exec client nslookup web").stdout
        XCTAssertTrue(vip.contains("Name:\tweb\nAddress: 10.0.1.2\n"), vip)
        let tasks = sim.run(line: "ssh worker2 docker exec client nslookup tasks.web").stdout
        XCTAssertEqual(tasks.components(separatedBy: "Address: 10.0.1.").count - 1, 3, tasks)
        XCTAssertFalse(tasks.contains("Address: 10.0.1.2\n"), "tasks.web lists the tasks, not the VIP")
    }

    func testConnectionsThroughTheVIPGoToEachTaskInTurn() throws {
        var sim = swarm()
        _ = try XCTUnwrap(createService(&sim, ServiceSpec(name: "web", image: "traefik/whoami", replicas: 3, networks: [("appnet", [])])))
        XCTAssertEqual(sim.run(line: "docker run -d --name client --network appnet nginx:alpine").exitCode, 0)
        var servers: [String] = []
        for _ in 0..<6 {
            let out = sim.run(line: "docker exec client curl -s http://web")
            let line = out.stdout.split(separator: "\n").first { $0.hasPrefix("Hostname: ") }.map(String.init)
            servers.append(String(try XCTUnwrap(line, out.stdout + out.stderr)))
        }
        XCTAssertEqual(Set(servers).count, 3, "three tasks answer: \(servers)")
        XCTAssertEqual(Array(servers[0..<3]), Array(servers[3..<6]), "round robin repeats in the same order")
        let why = sim.run(line: "why client web:80").stdout
        XCTAssertTrue(why.contains("IPVS (round robin) for 10.0.1.2:80"), why)
    }

    func testDnsrrNameListsTheTasksAndHasNoVIP() throws {
        var sim = swarm()
        let svc = try XCTUnwrap(createService(&sim, ServiceSpec(name: "db", image: "redis", replicas: 2, networks: [("appnet", [])],
                                                                 endpointMode: .dnsrr)))
        XCTAssertTrue(svc.vips.isEmpty)
        _ = sim.run(line: "docker run -d --name client --network appnet busybox sleep 3600")
        let out = sim.run(line: "docker exec client nslookup db").stdout
        XCTAssertEqual(out.components(separatedBy: "Address: 10.0.1.").count - 1, 2, out)
        let refused = sim.engine.createService(ServiceSpec(name: "x", image: "nginx", ports: [.init(proto: "tcp", published: 8081, target: 80)],
                                                           endpointMode: .dnsrr))
        XCTAssertEqual(refused.failureValue?.message,
                       "rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode")
    }

    func testRoutingMeshAnswersOnEveryNodeThroughDockerIngress() throws {
        var sim = swarm()
        _ = try XCTUnwrap(createService(&sim, ServiceSpec(name: "web", image: "nginx", replicas: 1,
                                                           ports: [.init(proto: "tcp", published: 8080, target: 80)])))
        let store = try XCTUnwrap(sim.cluster.swarm)
        let taskNode = try XCTUnwrap(store.tasks.first?.nodeID)
        // A node without the task answers too: the mesh forwards over the ingress overlay.
        let other = try XCTUnwrap(store.nodes.first { $0.id != taskNode })
        let out = sim.run(line: "ssh remote curl -s http://\(other.address):8080/")
        XCTAssertTrue(out.stdout.contains("<title>Welcome to nginx!</title>"), out.stdout + out.stderr)
        let nat = sim.run(line: "ssh \(other.hostname) iptables -t nat -S DOCKER-INGRESS").stdout
        XCTAssertEqual(nat, "-N DOCKER-INGRESS\n-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:8080\n-A DOCKER-INGRESS -j RETURN\n")
        let filter = sim.run(line: "iptables -S DOCKER-INGRESS").stdout
        XCTAssertEqual(filter, "-N DOCKER-INGRESS\n-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j ACCEPT\n-A DOCKER-INGRESS -p tcp -m tcp --sport 8080 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A DOCKER-INGRESS -j RETURN\n")
        let forward = sim.run(line: "iptables -S DOCKER-FORWARD").stdout
        XCTAssertTrue(forward.hasPrefix("-N DOCKER-FORWARD\n-A DOCKER-FORWARD -j DOCKER-INGRESS\n-A DOCKER-FORWARD -j DOCKER-CT\n"), forward)
        let why = sim.run(line: "why remote \(other.address):8080").stdout
        XCTAssertTrue(why.contains("DNAT: destination \(other.address):8080 becomes 172.18.0.2:8080"), why)
        XCTAssertTrue(why.contains("ingress sandbox"), why)
        XCTAssertTrue(why.contains("VXLAN"), why)
        // A DOCKER-USER rule on that node cuts the mesh there.
        _ = sim.run(line: "ssh \(other.hostname) iptables -I DOCKER-USER -p tcp --dport 8080 -j DROP")
        let blocked = sim.run(line: "ssh remote curl -s -m 2 http://\(other.address):8080/")
        XCTAssertNotEqual(blocked.exitCode, 0)
    }

    func testScalingDownRemovesTheHighestSlotsAndRemoveStopsEveryTask() throws {
        var sim = swarm()
        let svc = try XCTUnwrap(createService(&sim, ServiceSpec(name: "web", image: "nginx", replicas: 3, networks: [("appnet", [])])))
        _ = sim.engine.scaleService("web", replicas: 1)
        sim.cluster.reconcile(after: 0)
        XCTAssertEqual(sim.cluster.swarm?.tasks(of: svc.id).map(\.slot), [1])
        _ = sim.engine.removeService("web")
        sim.cluster.reconcile(after: 0)
        XCTAssertEqual(sim.cluster.swarm?.tasks.count, 0)
        for m in sim.cluster.machines {
            XCTAssertFalse(m.engine.containers.values.contains { $0.name.hasPrefix("web.") }, m.name)
        }
    }

    func testWorkerOnlyInstantiatesNetworksItUses() throws {
        var sim = swarm()
        XCTAssertFalse(sim.run(line: "ssh worker1 docker network ls").stdout.contains("appnet"))
        _ = sim.run(line: "ssh worker1 docker run -d --name c --network appnet busybox sleep 3600")
        XCTAssertTrue(sim.run(line: "ssh worker1 docker network ls").stdout.contains("appnet"))
        _ = sim.run(line: "ssh worker1 docker rm -f c")
        XCTAssertFalse(sim.run(line: "ssh worker1 docker network ls").stdout.contains("appnet"))
        // A manager lists every swarm network.
        XCTAssertTrue(sim.run(line: "docker network ls").stdout.contains("appnet"))
    }

    func testSwarmErrors() {
        var sim = Simulator(seed: 1, hosts: Cluster.courseHosts)
        XCTAssertEqual(sim.run(line: "docker swarm join-token worker").stderr,
                       "Error response from daemon: This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.\n")
        XCTAssertEqual(sim.run(line: "docker swarm leave").stderr, "Error response from daemon: This node is not part of a swarm\n")
        _ = sim.run(line: "docker swarm init")
        XCTAssertEqual(sim.run(line: "docker swarm leave").stderr,
                       "Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.\n")
        XCTAssertEqual(sim.run(line: "ssh worker1 docker swarm join --token SWMTKN-1-abc-def 192.168.1.100:2377").stderr,
                       "Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster\n")
        XCTAssertEqual(sim.run(line: "ssh worker1 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.77:2377").stderr,
                       "Error response from daemon: " + Cluster.joinTimeoutMessage + "\n")
        XCTAssertEqual(sim.run(line: "docker swarm leave --force").stdout, "Node left the swarm.\n")
        XCTAssertFalse(sim.run(line: "docker network ls").stdout.contains("ingress"))
    }
}

final class OverlayRemovalTests: XCTestCase {
    func testRemovingASwarmNetworkRespectsItsUsersAndReachesEveryNode() throws {
        var sim = Simulator(seed: 4, hosts: Cluster.courseHosts)
        _ = sim.run(line: "docker swarm init")
        _ = sim.run(line: "ssh worker2 docker swarm join --token $(docker swarm join-token -q manager) 192.168.1.100:2377")
        _ = sim.run(line: "ssh worker1 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377")
        let id = sim.run(line: "docker network create -d overlay --attachable appnet").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(id.count, 25)
        _ = sim.run(line: "ssh worker1 docker run -d --name c --network appnet busybox sleep 600")
        let inUse = sim.run(line: "docker network rm appnet").stderr
        XCTAssertTrue(inUse.hasPrefix("Error response from daemon: rpc error: code = FailedPrecondition desc = network \(id) is in use by task "), inUse)
        XCTAssertTrue(inUse.hasSuffix("\nexit status 1\n"), inUse)
        XCTAssertEqual(sim.run(line: "ssh worker1 docker network rm appnet").stderr,
                       "Error response from daemon: " + Engine.workerNodeMessage + "\nexit status 1\n")
        _ = sim.run(line: "ssh worker1 docker rm -f c")
        XCTAssertEqual(sim.run(line: "docker network rm appnet").stdout, "appnet\n")
        XCTAssertFalse(sim.run(line: "ssh worker2 docker network ls").stdout.contains("appnet"), "gone from the other manager too")
        XCTAssertEqual(sim.run(line: "docker network create -d overlay appnet").exitCode, 0, "the name is free again")
    }
}

final class OverlayVerboseInspectTests: XCTestCase {
    func testVerboseInspectOfASwarmNetworkSaysItIsNotSimulated() {
        var sim = Simulator(seed: 5)
        _ = sim.run(line: "docker swarm init")
        _ = sim.run(line: "docker network create -d overlay ov")
        let out = sim.run(line: "docker network inspect -v ov")
        XCTAssertEqual(out.exitCode, 127)
        XCTAssertEqual(out.stdout, "")
        XCTAssertTrue(out.stderr.contains("not simulated"), out.stderr)
        XCTAssertEqual(sim.run(line: "docker network inspect -v bridge").exitCode, 0, "local networks have no Services section")
    }
}

final class TaskReplacementTests: XCTestCase {
    func testATaskContainerStoppedOrRemovedByHandIsReplacedInItsSlot() throws {
        var sim = Simulator(seed: 6, hosts: Cluster.courseHosts)
        _ = sim.run(line: "docker swarm init")
        _ = sim.run(line: "ssh worker1 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377")
        _ = sim.run(line: "docker service create -d --name web --replicas 2 nginx")
        let before = try XCTUnwrap(sim.cluster.swarm).tasks.sorted { $0.slot < $1.slot }
        XCTAssertEqual(before.map(\.slot), [1, 2])
        let onWorker = try XCTUnwrap(before.first { $0.nodeID != sim.engine.swarmNodeID })
        _ = sim.run(line: "ssh worker1 docker rm -f \(onWorker.containerID)")
        let after = try XCTUnwrap(sim.cluster.swarm).tasks.sorted { $0.slot < $1.slot }
        XCTAssertEqual(after.map(\.slot), [1, 2], "the slot is filled again")
        XCTAssertFalse(after.contains { $0.id == onWorker.id }, "by a new task")
        let local = try XCTUnwrap(after.first { $0.nodeID == sim.engine.swarmNodeID })
        _ = sim.run(line: "docker stop \(local.containerID)")
        XCTAssertEqual(sim.cluster.swarm?.tasks.count, 2)
        XCTAssertFalse(sim.cluster.swarm?.tasks.contains { $0.id == local.id } ?? true)
        XCTAssertEqual(sim.run(line: "docker service ls --format '{{.Replicas}}'").stdout, "2/2\n")
    }
}

final class LeaderLeavesTests: XCTestCase {
    func testAnotherManagerLeadsWhenTheLeaderLeavesAndTheSwarmGoesOn() {
        var sim = Simulator(seed: 8, hosts: Cluster.courseHosts)
        _ = sim.run(line: "docker swarm init")
        _ = sim.run(line: "ssh manager1 docker swarm join --token $(docker swarm join-token -q manager) 192.168.1.100:2377")
        _ = sim.run(line: "ssh worker1 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377")
        _ = sim.run(line: "docker service create -d --name web --replicas 3 nginx")
        XCTAssertEqual(sim.run(line: "docker swarm leave --force").stdout, "Node left the swarm.\n")
        let nodes = sim.run(line: "ssh manager1 \"docker node ls --format '{{.Hostname}} {{.Status}} {{.ManagerStatus}}'\"").stdout
        XCTAssertTrue(nodes.contains("manager1 Ready Leader"), nodes)
        XCTAssertTrue(nodes.contains("docker-host Down"), nodes)
        // The orchestrator on manager1 keeps three tasks running, on the remaining nodes.
        XCTAssertEqual(sim.run(line: "ssh manager1 docker service ls --format '{{.Replicas}}'").stdout, "3/3\n")
    }
}
