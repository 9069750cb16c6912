import CNMCommands
import CNMSim

/// The multi-machine scenario: a swarm of docker-host and three more nodes, an
/// overlay, services placed over the nodes, VIP and routing-mesh connections
/// that cross machines, and the per-command cost of keeping the swarm in step.
func swarmScenario(services: Int, replicas: Int, connections: Int) {
    var sim = Simulator(seed: 3, hosts: Cluster.courseHosts)
    sim.secondsPerLine = 0
    var phases: [(String, Double, Int)] = []
    var t = now()
    precondition(sim.run(line: "docker swarm init").exitCode == 0)
    for m in ["manager1", "worker1", "worker2"] {
        let out = sim.run(line: "ssh \(m) docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377")
        precondition(out.exitCode == 0, out.stderr)
    }
    precondition(sim.run(line: "docker network create -d overlay --attachable appnet").exitCode == 0)
    phases.append(("swarm of 4 nodes", now() - t, 1)); t = now()
    for i in 0..<services {
        let r = sim.engine.createService(ServiceSpec(name: "svc\(i)", image: "nginx", replicas: replicas,
                                                     networks: [("appnet", [])],
                                                     ports: i < 10 ? [.init(proto: "tcp", published: 8000 + i, target: 80)] : []))
        precondition(r.successValue != nil, "\(r)")
        sim.cluster.reconcile(after: 0)
    }
    phases.append(("create a service", now() - t, services)); t = now()
    let client = sim.run(line: "docker run -d --name client --network appnet nginx:alpine")
    precondition(client.exitCode == 0, client.stderr)
    for i in 0..<connections {
        let out = sim.run(line: "docker exec client curl -s http://svc\(i % services)")
        _ = out
    }
    phases.append(("curl through a VIP", now() - t, connections)); t = now()
    for i in 0..<connections {
        _ = sim.run(line: "ssh remote curl -s http://192.168.1.10\(1 + i % 3):\(8000 + i % 10)/")
    }
    phases.append(("curl through the mesh", now() - t, connections)); t = now()
    for _ in 0..<connections { _ = sim.run(line: "docker network ls") }
    phases.append(("a command (reconcile)", now() - t, connections))
    let tasks = sim.cluster.swarm?.tasks.count ?? 0
    print("swarm scenario: 4 nodes, \(services) services × \(replicas) replicas (\(tasks) tasks)")
    for (name, seconds, ops) in phases {
        let per = ops > 0 ? seconds / Double(ops) * 1e3 : 0
        print("  \(name.padding(22)) \(format3(seconds)) s   \(format3(per)) ms/op")
    }
}
