import XCTest
@testable import CNMCommands
import CNMSim
import CNMTestSupport

/// Random command lines over the swarm, overlay, service and ssh vocabulary on
/// the four-machine LAN: none may crash, every answer has an exit code, and
/// the swarm's invariants hold after each line.
final class SwarmFuzzTests: XCTestCase {
    static let pieces = [
        "docker", "swarm", "init", "join", "leave", "--force", "join-token", "-q", "worker", "manager", "--token",
        "$(docker swarm join-token -q worker)", "192.168.1.100:2377", "192.168.1.101:2377", "service", "create", "scale",
        "rm", "ls", "ps", "inspect", "update", "--replicas", "0", "3", "100", "-1", "99999999999999999999", "web", "web=2",
        "web=-4", "--name", "--network", "ov", "-p", "8080:80", "80", "published=8081,target=80", "--endpoint-mode",
        "dnsrr", "vip", "nginx", "busybox", "sleep", "600", "network", "create", "-d", "overlay", "--attachable",
        "--opt", "encrypted", "--subnet", "10.0.9.0/24", "node", "ssh", "worker1", "worker2", "manager1", "remote",
        "run", "exec", "ping", "-c1", "curl", "why", "tasks.web", "web:80", "10.0.1.2", "hosts", "-d", ";", "&&",
    ]

    func testRandomSwarmLinesNeverCrashAndKeepTheInvariants() {
        var rng = seededGenerator(default: 11)
        var sim = Simulator(seed: 9, hosts: Cluster.courseHosts)
        let setup = ["docker swarm init", "ssh worker1 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377",
                     "ssh worker2 docker swarm join --token $(docker swarm join-token -q manager) 192.168.1.100:2377",
                     "docker network create -d overlay --attachable ov",
                     "docker service create -d --name web --replicas 3 --network ov -p 8080:80 nginx"]
        for line in setup { XCTAssertEqual(sim.run(line: line).exitCode, 0, line) }
        var succeeded = 0
        for _ in 0..<1500 {
            // Half the lines are plausible commands with random values, half random words after a command word.
            let k = Int(rng.next() % 4), w = Int(rng.next() % 2) + 1, r = Int(rng.next() % 7)
            let plausible = [
                "docker service scale -d web=\(r)", "docker service create -d --name s\(k) --replicas \(r) --network ov nginx",
                "docker service rm s\(k)", "ssh worker\(w) docker run -d --name c\(k) --network ov busybox sleep 600",
                "ssh worker\(w) docker rm -f c\(k)", "ssh worker\(w) docker swarm leave",
                "ssh worker\(w) docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377",
                "docker network create -d overlay --attachable n\(k)", "docker network rm n\(k)",
                "ssh remote curl -s http://192.168.1.10\(w):8080/", "docker service create -d --name m\(k) -p \(9000 + k):80 nginx",
            ]
            let line: String
            if rng.next() % 2 == 0 {
                line = plausible[Int(rng.next() % UInt64(plausible.count))]
            } else {
                var words = [["docker", "ssh worker1 docker", "ssh worker2 docker", "docker service", "docker network"][Int(rng.next() % 5)]]
                for _ in 0..<(Int(rng.next() % 7) + 1) { words.append(Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]) }
                line = words.joined(separator: " ")
            }
            let out = sim.run(line: line)
            // A process status (0...255), and a failure says why (only `curl -s` fails silently, as curl does).
            XCTAssertTrue((0...255).contains(out.exitCode), "status \(out.exitCode): \(line)")
            if out.exitCode != 0 && !line.contains("curl -s") {
                XCTAssertFalse((out.stdout + out.stderr).isEmpty, "fails without a word: \(line)")
            }
            if out.exitCode == 0 { succeeded += 1 }
            guard let s = sim.cluster.swarm else { continue }
            // Every running task's container exists on its node, and no service runs more tasks than it wants.
            for svc in s.services {
                XCTAssertLessThanOrEqual(s.tasks(of: svc.id).count, svc.replicas, line)
            }
            for t in s.tasks where !s.isDown(t.nodeID) {
                guard let m = sim.cluster.machines.first(where: { $0.engine.swarmNodeID == t.nodeID }) else { continue }
                XCTAssertNotNil(m.engine.containers[t.containerID], "task \(t.id) after: \(line)")
            }
            // Overlay addresses are never handed out twice on one network.
            for net in s.networks {
                var seen = Set<IPv4Address>()
                for m in sim.cluster.machines where m.engine.swarm?.id == s.id {
                    for ep in m.engine.endpoints(onNetwork: net.id) {
                        if let ip = ep.ipv4 { XCTAssertTrue(seen.insert(ip).inserted, "\(ip) twice on \(net.name) after: \(line)") }
                    }
                }
            }
        }
        XCTAssertGreaterThan(succeeded, 300, "the random lines exercise working commands too")
    }
}
