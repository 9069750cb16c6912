import XCTest
import CNMSim
@testable import CNMCommands

/// `docker service …` and `docker node …` on the course's LAN: docker-host as
/// the leader, worker1 and worker2 joined as workers.
final class SwarmCommandTests: XCTestCase {
    static let notManager = "Error response from daemon: This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.\n"
    static let worker = "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n"

    /// A three-node swarm: docker-host (leader), worker1, worker2.
    func swarm() -> Simulator {
        var sim = Simulator(seed: 1, hosts: Cluster.courseHosts)
        XCTAssertEqual(sim.run(line: "docker swarm init").exitCode, 0)
        for w in ["worker1", "worker2"] {
            let join = sim.run(line: "ssh \(w) docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377")
            XCTAssertEqual(join.stdout, "This node joined a swarm as a worker.\n")
        }
        return sim
    }

    /// The swarm with `web`: 3 replicas of nginx publishing 8080→80, created detached. Returns its ID.
    func swarmWithWeb() -> (Simulator, String) {
        var sim = swarm()
        let out = sim.run(line: "docker service create -d --name web --replicas 3 -p 8080:80 nginx")
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let id = out.stdout.trimmingCharacters(in: .newlines)
        XCTAssertEqual(id.count, 25)
        XCTAssertEqual(out.stdout, id + "\n", "-d prints only the ID")
        return (sim, id)
    }

    func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast() }

    // MARK: tables

    func testNodeLsMarksSelfAndLeader() {
        var sim = swarm()
        let out = sim.run(line: "docker node ls")
        XCTAssertEqual(out.exitCode, 0)
        let rows = lines(out.stdout)
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows[0], "ID                            HOSTNAME      STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION")
        let selfID = sim.engine.swarmNode?.id ?? "?"
        XCTAssertEqual(rows[1], "\(selfID) *   docker-host   Ready     Active         Leader           28.2.2")
        XCTAssertTrue(rows[2].hasSuffix("     worker1       Ready     Active                          28.2.2"), rows[2])
        XCTAssertTrue(rows[3].hasSuffix("     worker2       Ready     Active                          28.2.2"), rows[3])
        XCTAssertFalse(rows[2].contains("*"))
        XCTAssertEqual(rows[2].prefix(25).count, 25)
        // On worker1 itself the node list is refused.
        XCTAssertEqual(sim.run(line: "ssh worker1 docker node ls").stderr, Self.worker)
    }

    func testServiceLsAndPsAfterCreatingThreeReplicas() {
        var (sim, id) = swarmWithWeb()
        let ls = sim.run(line: "docker service ls")
        XCTAssertEqual(ls.stdout, """
            ID             NAME      MODE         REPLICAS   IMAGE          PORTS
            \(id.prefix(12))   web       replicated   3/3        nginx:latest   *:8080->80/tcp

            """)
        let ps = sim.run(line: "docker service ps web")
        let rows = lines(ps.stdout)
        XCTAssertEqual(rows.first, "ID             NAME      IMAGE          NODE          DESIRED STATE   CURRENT STATE           ERROR     PORTS")
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows.dropFirst().map { String($0.dropFirst(15).prefix(5)) }, ["web.1", "web.2", "web.3"])
        let nodes = Set(rows.dropFirst().compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).first.map(String.init) })
        XCTAssertEqual(nodes, ["docker-host", "worker1", "worker2"], "one task per node")
        for row in rows.dropFirst() {
            XCTAssertTrue(row.contains("   Running         Running "), row)
            XCTAssertTrue(row.contains(" seconds ago"), row)
        }
        // The tasks are containers on their nodes.
        XCTAssertTrue(sim.run(line: "ssh worker1 docker ps --format '{{.Names}}'").stdout.hasPrefix("web."))
    }

    func testCreateWithoutDetachPrintsTheNonTerminalProgress() {
        var sim = swarm()
        let out = sim.run(line: "docker service create --name web --replicas 3 nginx")
        let rows = lines(out.stdout)
        let id = rows.first ?? ""
        XCTAssertEqual(id.count, 25)
        XCTAssertEqual(Array(rows.dropFirst().prefix(7)), [
            "overall progress: 0 out of 3 tasks", "1/3:  ", "2/3:  ", "3/3:  ",
            "overall progress: 0 out of 3 tasks", "overall progress: 3 out of 3 tasks",
            "verify: Waiting 5 seconds to verify that tasks are stable...",
        ])
        XCTAssertEqual(rows.filter { $0.hasPrefix("verify: Waiting ") }.count, 25)
        XCTAssertEqual(rows.last, "verify: Service \(id) converged")
        XCTAssertEqual(sim.run(line: "docker service create -q --name quiet nginx").stdout.count, 26, "-q: the ID only")
    }

    // MARK: errors

    func testOffSwarmAndOnWorkersTheDaemonRefuses() {
        var sim = Simulator(seed: 1, hosts: Cluster.courseHosts)
        for line in ["docker service ls", "docker node ls", "docker service create nginx", "docker service ps web", "docker node ps"] {
            let out = sim.run(line: line)
            XCTAssertEqual(out.stderr, Self.notManager, line)
            XCTAssertEqual(out.exitCode, 1, line)
        }
        _ = sim.run(line: "docker swarm init")
        _ = sim.run(line: "ssh worker1 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377")
        for line in ["docker service ls", "docker service create nginx", "docker service rm web", "docker node ps", "docker service scale web=2"] {
            let out = sim.run(line: "ssh worker1 " + line)
            XCTAssertTrue(out.stderr.hasSuffix(Self.worker), line + ": " + out.stderr)
            XCTAssertEqual(out.exitCode, 1, line)
        }
    }

    func testNameConflictAndDnsrrWithPublishedPort() {
        var (sim, _) = swarmWithWeb()
        let again = sim.run(line: "docker service create --name web nginx")
        XCTAssertEqual(again.stderr, "Error response from daemon: rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists\n")
        XCTAssertEqual(again.exitCode, 1)
        XCTAssertEqual(again.stdout, "")
        let dnsrr = sim.run(line: "docker service create --endpoint-mode dnsrr -p 8081:80 nginx")
        XCTAssertEqual(dnsrr.stderr, "Error response from daemon: rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode\n")
        XCTAssertEqual(sim.run(line: "docker service create -d --endpoint-mode dnsrr --name db nginx").exitCode, 0, "dnsrr without ports is fine")
    }

    func testFlagAndArgumentErrors() {
        var sim = swarm()
        let bad = sim.run(line: "docker service create --replicas x nginx")
        XCTAssertEqual(bad.exitCode, 125)
        XCTAssertTrue(bad.stderr.hasPrefix("invalid argument \"x\" for \"--replicas\" flag: strconv.ParseUint: parsing \"x\": invalid syntax\n\nUsage:  docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]"))
        XCTAssertEqual(sim.run(line: "docker service create").exitCode, 1)
        XCTAssertEqual(sim.run(line: "docker service create -d --network nosuch nginx").stderr, "Error response from daemon: network nosuch not found\n")
        XCTAssertEqual(sim.run(line: "docker service create -d -p 1.2.3.4:80:80 nginx").exitCode, 125)
        XCTAssertEqual(sim.run(line: "docker service scale web").stderr.components(separatedBy: "\n").first, "invalid scale specifier 'web'.")
        XCTAssertTrue(sim.run(line: "docker service nope").stderr.hasPrefix("docker: unknown command: docker service nope\n"))
        let env = sim.run(line: "docker service create -e A=1 nginx")
        XCTAssertEqual(env.stderr, "cnmlab: docker service create --env is not simulated\n")
        XCTAssertEqual(env.exitCode, 127)
    }

    // MARK: scale, update, rm

    func testScaleChangesReplicasAndTasks() {
        var (sim, _) = swarmWithWeb()
        let up = sim.run(line: "docker service scale web=5")
        XCTAssertTrue(up.stdout.hasPrefix("web scaled to 5\noverall progress: 0 out of 5 tasks\n1/5:  \n"), up.stdout)
        XCTAssertTrue(up.stdout.contains("overall progress: 3 out of 5 tasks\noverall progress: 5 out of 5 tasks\nverify: Waiting 5 seconds"))
        XCTAssertTrue(up.stdout.hasSuffix("verify: Service web converged\n"))
        XCTAssertTrue(sim.run(line: "docker service ls").stdout.contains("   5/5   "))
        XCTAssertEqual(lines(sim.run(line: "docker service ps -q web").stdout).count, 5)

        let down = sim.run(line: "docker service scale -d web=1")
        XCTAssertEqual(down.stdout, "web scaled to 1\n")
        XCTAssertTrue(sim.run(line: "docker service ls").stdout.contains("   1/1   "))
        XCTAssertEqual(lines(sim.run(line: "docker service ps --format '{{.Name}}' web").stdout), ["web.1"])

        let mixed = sim.run(line: "docker service scale -d web=x nosuch=2")
        XCTAssertEqual(mixed.stderr, "web: invalid replicas value x: strconv.ParseUint: parsing \"x\": invalid syntax\nnosuch: Error response from daemon: service nosuch not found\n")
        XCTAssertEqual(mixed.exitCode, 1)
    }

    func testUpdateReplicasPrintsTheName() {
        var (sim, _) = swarmWithWeb()
        XCTAssertEqual(sim.run(line: "docker service update -d --replicas 2 web").stdout, "web\n")
        XCTAssertTrue(sim.run(line: "docker service ls").stdout.contains("   2/2   "))
        let full = sim.run(line: "docker service update --replicas 2 web")
        XCTAssertTrue(full.stdout.hasPrefix("web\noverall progress: 0 out of 2 tasks\n1/2:  \n2/2:  \noverall progress: 2 out of 2 tasks\nverify:"))
        XCTAssertEqual(sim.run(line: "docker service update --image busybox web").stderr, "cnmlab: docker service update --image is not simulated\n")
    }

    func testRmRemovesTheServiceAndItsTasks() {
        var (sim, _) = swarmWithWeb()
        let rm = sim.run(line: "docker service rm web nosuch")
        XCTAssertEqual(rm.stdout, "web\n")
        XCTAssertEqual(rm.stderr, "Error response from daemon: service nosuch not found\n")
        XCTAssertEqual(rm.exitCode, 1)
        XCTAssertEqual(lines(sim.run(line: "docker service ls").stdout).count, 1, "header only")
        XCTAssertEqual(sim.run(line: "docker service ps web").stderr, "no such service: web\n")
        XCTAssertEqual(sim.run(line: "ssh worker1 docker ps -q").stdout, "", "the task containers are gone")
    }

    // MARK: -q and --format

    func testQuietOutputs() {
        var (sim, id) = swarmWithWeb()
        XCTAssertEqual(sim.run(line: "docker service ls -q").stdout, String(id.prefix(12)) + "\n")
        let tasks = lines(sim.run(line: "docker service ps -q web").stdout)
        XCTAssertEqual(tasks.count, 3)
        XCTAssertTrue(tasks.allSatisfy { $0.count == 25 }, "-q implies --no-trunc")
        let nodes = lines(sim.run(line: "docker node ls -q").stdout)
        XCTAssertEqual(nodes.count, 3)
        XCTAssertTrue(nodes.allSatisfy { $0.count == 25 && !$0.contains("*") })
    }

    func testFormatTemplates() {
        var (sim, _) = swarmWithWeb()
        XCTAssertEqual(sim.run(line: "docker service ls --format '{{.Name}} {{.Mode}} {{.Replicas}} {{.Ports}}'").stdout,
                       "web replicated 3/3 *:8080->80/tcp\n")
        XCTAssertEqual(sim.run(line: "docker node ls --format '{{.Hostname}} {{.Self}} {{.ManagerStatus}}'").stdout,
                       "docker-host true Leader\nworker1 false \nworker2 false \n")
        XCTAssertEqual(sim.run(line: "docker service ps --format '{{.Name}} {{.DesiredState}}' web").stdout,
                       "web.1 Running\nweb.2 Running\nweb.3 Running\n")
        XCTAssertEqual(sim.run(line: "docker service ls --format 'table {{.Name}}\t{{.Replicas}}'").stdout,
                       "NAME      REPLICAS\nweb       3/3\n")
        let json = sim.run(line: "docker node ls --format json --filter role=manager").stdout
        XCTAssertTrue(json.hasPrefix("{\"Availability\":\"Active\",\"EngineVersion\":\"28.2.2\",\"Hostname\":\"docker-host\","), json)
        XCTAssertEqual(sim.run(line: "docker service ls --filter foo=bar").stderr, "Error response from daemon: invalid filter 'foo'\n")
    }

    // MARK: inspect

    func testServiceInspect() throws {
        var sim = swarm()
        XCTAssertEqual(sim.run(line: "docker network create -d overlay ov").exitCode, 0)
        let id = sim.run(line: "docker service create -d --name web --network ov -p 8080:80 nginx").stdout.trimmingCharacters(in: .newlines)
        let fmt = sim.run(line: "docker service inspect --format '{{.Spec.Name}} {{.Spec.Mode.Replicated.Replicas}} {{.Spec.EndpointSpec.Mode}} {{len .Endpoint.VirtualIPs}}' web")
        XCTAssertEqual(fmt.stdout, "web 1 vip 2\n")
        let raw = sim.run(line: "docker service inspect web")
        XCTAssertEqual(raw.exitCode, 0, raw.stderr)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(raw.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(parsed.first?["ID"] as? String, id)
        let spec = try XCTUnwrap(parsed.first?["Spec"] as? [String: Any])
        let task = try XCTUnwrap(spec["TaskTemplate"] as? [String: Any])
        let container = try XCTUnwrap(task["ContainerSpec"] as? [String: Any])
        XCTAssertEqual(container["Image"] as? String, "nginx:latest")
        XCTAssertEqual(container["StopGracePeriod"] as? Int, 10_000_000_000)
        XCTAssertEqual(container["Init"] as? Bool, false)
        XCTAssertTrue(raw.stdout.contains("\"Ports\": [\n                    {\n                        \"Protocol\": \"tcp\",\n                        \"TargetPort\": 80,\n                        \"PublishedPort\": 8080,\n                        \"PublishMode\": \"ingress\"\n"))
        let endpoint = try XCTUnwrap(parsed.first?["Endpoint"] as? [String: Any])
        let vips = try XCTUnwrap(endpoint["VirtualIPs"] as? [[String: Any]])
        XCTAssertTrue(vips.allSatisfy { ($0["Addr"] as? String)?.hasSuffix("/24") == true })
        let pretty = sim.run(line: "docker service inspect --pretty web").stdout
        XCTAssertTrue(pretty.hasPrefix("\nID:\t\t\(id)\nName:\t\tweb\nService Mode:\tReplicated\n Replicas:\t1\n"), pretty)
        XCTAssertTrue(pretty.contains("Networks: ov \nEndpoint Mode:\tvip\nPorts:\n PublishedPort = 8080\n"))
        let missing = sim.run(line: "docker service inspect nosuch")
        XCTAssertEqual(missing.stdout, "[]\n")
        XCTAssertEqual(missing.stderr, "Error: no such service: nosuch\n")
        // After an update, PreviousSpec holds the replica count before it.
        _ = sim.run(line: "docker service scale -d web=2")
        XCTAssertEqual(sim.run(line: "docker service inspect web").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker service inspect -f '{{.Spec.Mode.Replicated.Replicas}} {{.PreviousSpec.Mode.Replicated.Replicas}}' web").stdout, "2 1\n")
    }

    func testNodeInspectAndNodePs() {
        var (sim, _) = swarmWithWeb()
        XCTAssertEqual(sim.run(line: "docker node inspect -f '{{.Description.Hostname}} {{.Spec.Role}} {{.Status.Addr}} {{.ManagerStatus.Leader}}' self").stdout,
                       "docker-host manager 192.168.1.100 true\n")
        XCTAssertEqual(sim.run(line: "docker node inspect -f '{{.Status.State}} {{.ManagerStatus}}' worker1").stdout, "ready <nil>\n")
        XCTAssertEqual(sim.run(line: "docker node inspect self").exitCode, 127, "platform, resources and TLS are not simulated")
        XCTAssertEqual(sim.run(line: "docker node inspect nosuch").stderr, "Error response from daemon: node nosuch not found\n")
        let ps = lines(sim.run(line: "docker node ps --format '{{.Node}}' worker1").stdout)
        XCTAssertEqual(ps, ["worker1"])
        XCTAssertEqual(sim.run(line: "ssh worker1 docker node ps").stderr, Self.worker)
    }
}
