import XCTest
@testable import CNMCommands
@testable import CNMSim

/// Issue 15 item 1: the views an engine keeps in step with each change (Docker's rules per
/// table and chain, the chains' lookup indexes, endpoints by address, DNS names, the host's
/// routing view) must always equal a rebuild from scratch.
///
/// One seeded generator draws random command sequences — networks (bridge, internal, ICC off),
/// containers started, stopped, removed, connected and disconnected, published ports, the
/// learner's iptables edits in Docker's chains and their own, traffic (ping, wget, nc, curl
/// through published ports, from `remote`), counters zeroed, time passing (`sleep N` containers
/// exit) and, on the four-machine LAN, a swarm with overlays and services. Each sequence runs on
/// two simulators with the same seed: one keeps its views incrementally, the other (`.rebuild`)
/// generates every rule and reads every chain in full for every question. After every command
/// both print the same bytes, hold the same rules and counters on every machine, and the
/// incremental one's views equal a build from scratch (`Engine.verifyViews`).
final class IncrementalViewsTests: XCTestCase {
    /// Seeds run on the one-machine LAN, and on the four-machine LAN with a swarm.
    static let singleHostSeeds: UInt64 = 2_000
    static let swarmSeeds: UInt64 = 60
    static let commandsPerSequence = 20

    func testIncrementalViewsEqualARebuildAfterEveryCommand() {
        for seed in 0..<Self.singleHostSeeds { run(seed: seed, swarm: false) }
    }

    func testIncrementalViewsEqualARebuildWithASwarm() {
        for seed in 0..<Self.swarmSeeds { run(seed: 10_000 + seed, swarm: true) }
    }

    /// The HAProxy containers, whose active checks run on every advance of the clock, are a view
    /// too: through loading, a reload, a refused reload, stop, start and removal it equals a rebuild,
    /// and the checks still mark a stopped server DOWN.
    func testHAProxyViewEqualsARebuild() {
        var sim = Simulator(seed: 7)
        let lines = [
            "docker network create app",
            "docker run -d --name web1 --network app traefik/whoami",
            "docker run -d --name web2 --network app traefik/whoami",
            "docker run -d --name plain nginx",
            "cat > haproxy.cfg <<'EOF'\ndefaults\n  mode http\n  timeout connect 5s\n  timeout client 30s\n  timeout server 30s\n"
                + "frontend fe\n  bind :80\n  default_backend be\nbackend be\n"
                + "  server web1 web1:80 check inter 2s rise 2 fall 3\n  server web2 web2:80 check inter 2s rise 2 fall 3\nEOF",
            "docker run -d --name lb --network app -v ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro haproxy",
            "docker stop web2", "sleep 8", "docker kill -s HUP lb", "docker stop lb", "docker start lb",
            "docker rm -f lb", "docker rm -f plain",
        ]
        var sawDown = false
        for line in lines {
            _ = sim.run(line: line)
            XCTAssertEqual(sim.engine.verifyViews(), [], line)
            if line == "sleep 8" { sawDown = sim.run(line: "docker logs lb").stderr.contains("web2 is DOWN") }
        }
        XCTAssertTrue(sawDown, "the checks ran and marked web2 DOWN")
        XCTAssertNil(sim.engine.containers.values.first { $0.name == "lb" })
    }

    private func run(seed: UInt64, swarm: Bool) {
        var rng = SeededGenerator(seed: seed)
        let hosts = swarm ? Cluster.courseHosts : []
        var fast = Simulator(seed: seed, hosts: hosts)
        var slow = Simulator(seed: seed, hosts: hosts)
        for k in slow.cluster.machines.indices { slow.cluster.machines[k].engine.setViewMode(.rebuild) }
        var lines: [String] = []
        if swarm {
            lines = ["docker swarm init",
                     "ssh worker1 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377",
                     "docker network create -d overlay --attachable ov"]
        }
        for _ in 0..<Self.commandsPerSequence { lines.append(Self.randomLine(&rng, swarm: swarm)) }
        for (n, line) in lines.enumerated() {
            let a = fast.run(line: line)
            let b = slow.run(line: line)
            let context = "seed \(seed), command \(n + 1): \(line)"
            XCTAssertEqual(a, b, context)
            var agree = a == b
            for k in fast.cluster.machines.indices {
                let f = fast.cluster.machines[k].engine, s = slow.cluster.machines[k].engine
                let rules = f.firewall.ruleset == s.firewall.ruleset
                let counts = Self.counters(f), slowCounts = Self.counters(s)
                let views = f.verifyViews()
                XCTAssertTrue(rules, "rules differ on machine \(k), " + context)
                XCTAssertEqual(counts.count, slowCounts.count, "rule count on machine \(k), " + context)
                let differing = zip(counts, slowCounts).filter { $0.0 != $0.1 }.map { "\($0.0) ≠ \($0.1)" }
                XCTAssertEqual(differing, [], "counters on machine \(k), " + context)
                XCTAssertEqual(views, [], "views on machine \(k), " + context)
                // Neighbour tables pruned only where a container changed equal tables pruned in full.
                let neighbours = f.neighbours == s.neighbours
                XCTAssertTrue(neighbours, "neighbour tables differ on machine \(k), " + context)
                agree = agree && rules && counts == slowCounts && views.isEmpty && neighbours
            }
            if !agree { return }
        }
    }

    /// Every rule's and policy's counters, in listing order.
    static func counters(_ e: Engine) -> [String] {
        var out: [String] = []
        for t in NetfilterTable.allCases {
            for c in e.firewall.ruleset.listedChains(t) {
                out.append("\(t.rawValue)/\(c.name) policy \(c.policyCounter.packets):\(c.policyCounter.bytes)")
                out += c.counted.map { "\(t.rawValue)/\(c.name) \($0.counter.packets):\($0.counter.bytes)" }
            }
        }
        return out
    }

    static func pick<T>(_ items: [T], _ rng: inout SeededGenerator) -> T { items[Int(rng.next() % UInt64(items.count))] }

    static func randomLine(_ rng: inout SeededGenerator, swarm: Bool) -> String {
        let net = "n\(rng.next() % 3)", c = "c\(rng.next() % 5)", other = "c\(rng.next() % 5)"
        let port = 8080 + Int(rng.next() % 3)
        let image = pick(["nginx:alpine", "nginx:alpine", "busybox sleep 3600", "busybox sleep 7", "nginx", "redis"], &rng)
        // Addresses the first containers of the first networks get, to reach across networks.
        let address = pick(["172.17.0.2", "172.17.0.3", "172.18.0.2", "172.18.0.3", "172.19.0.2", "172.20.0.2",
                            "10.10.0.2", "10.11.0.2", "10.12.0.3", "192.168.1.50", "192.168.1.100", "8.8.8.8"], &rng)
        let netFlag = pick(["", "--network \(net)", "--network \(net)", "--network bridge", "--network host", "--network none"], &rng)
        let publish = pick(["", "", "-p \(port):80", "-p 127.0.0.1:\(port):80"], &rng)
        let source = "10.\(rng.next() % 3).0.0/16"
        var candidates = [
            "docker network create \(net)",
            "docker network create --internal \(net)",
            "docker network create -o com.docker.network.bridge.enable_icc=false \(net)",
            "docker network create --subnet 10.\(rng.next() % 3 + 10).0.0/24 \(net)",
            "docker network create -o com.docker.network.bridge.enable_ip_masquerade=false \(net)",
            "docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed \(net)",
            "docker network create -o com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected \(net)",
            "docker network create --internal -o com.docker.network.bridge.gateway_mode_ipv4=isolated \(net)",
            "docker network rm \(net)",
            "docker run -d --name \(c) \(netFlag) \(publish) \(image)",
            "docker run -d --name \(c) \(netFlag) --network-alias web \(publish) \(image)",
            "docker start \(c)", "docker stop \(c)", "docker restart \(c)", "docker rm -f \(c)",
            "docker network connect \(net) \(c)", "docker network disconnect \(net) \(c)",
            "docker network connect --alias web \(net) \(c)",
            "iptables -I DOCKER-USER -s \(source) -j DROP",
            "iptables -A DOCKER-USER -p icmp -j ACCEPT",
            "iptables -I DOCKER-USER -p tcp --dport 80 -j REJECT",
            "iptables -D DOCKER-USER 1",
            "iptables -F DOCKER-USER",
            "iptables -I DOCKER 1 -p icmp -j ACCEPT",
            "iptables -I DOCKER 2 -p tcp --dport 80 -j ACCEPT",
            "iptables -D DOCKER 1",
            "iptables -t raw -F PREROUTING",
            "iptables -t nat -F DOCKER",
            "iptables -R DOCKER-USER 1 -j RETURN",
            "iptables -I DOCKER-USER -p tcp -m conntrack --ctorigdstport \(port) -j DROP",
            "iptables -I DOCKER-USER -p tcp -m conntrack ! --ctorigdst 192.168.1.100 --ctstate NEW -j REJECT",
            "iptables -A DOCKER-USER -p tcp -m multiport --dports 80,6379 -m comment --comment lab -j LOG",
            "iptables -I DOCKER-USER -p udp -m multiport --ports 53 -j DROP",
            "iptables -N MINE", "iptables -A MINE -j LOG", "iptables -I FORWARD -j MINE", "iptables -D FORWARD -j MINE",
            "iptables -X MINE", "iptables -P FORWARD ACCEPT", "iptables -P FORWARD DROP",
            "iptables -Z", "iptables -Z FORWARD", "iptables -t nat -Z",
            "iptables -L -n -v", "iptables -t nat -L -n -v -x", "iptables -S -v", "iptables-save -c",
            "docker exec \(c) ping -c 2 \(other)", "docker exec \(c) ping -c 1 web",
            "docker exec \(c) wget -qO- http://\(other)", "docker exec \(c) nc -zv \(other) 80",
            "docker exec \(c) ping -c 1 \(address)", "docker exec \(c) ping -c 3 \(address)",
            "docker exec \(c) wget -qO- http://\(address)", "docker exec \(c) wget -qO- http://\(address):\(port)",
            "docker exec \(c) nc -zv \(address) 6379", "ssh remote ping -c 1 \(address)", "ping -c 1 \(address)",
            "why \(c) \(address):80", "why remote \(c):80", "why \(c) \(other)",
            "curl -s localhost:\(port)", "curl -s 192.168.1.100:\(port)", "ssh remote curl -s http://192.168.1.100:\(port)/",
            "ping -c 1 \(other)", "docker exec \(c) ping -c 1 192.168.1.50",
            "sleep 5", "docker ps -a -q", "ip route",
        ]
        if swarm {
            candidates += [
                "docker service create -d --name s\(rng.next() % 2) --replicas \(rng.next() % 3) --network ov -p \(9000 + Int(rng.next() % 2)):80 nginx",
                "docker service rm s\(rng.next() % 2)",
                "docker service scale -d s\(rng.next() % 2)=\(rng.next() % 3)",
                "ssh worker1 docker run -d --name w\(rng.next() % 2) --network ov busybox sleep 600",
                "docker run -d --name \(c) --network ov nginx",
                "docker exec \(c) ping -c 1 s0", "ssh remote curl -s http://192.168.1.101:9000/",
                "ssh worker1 docker swarm leave", "ssh worker1 iptables -L -n -v",
                "ssh worker1 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.100:2377",
            ]
        }
        return pick(candidates, &rng)
    }
}
