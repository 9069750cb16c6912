import CNMCommands
import CNMSim
import XCTest
@testable import CNMProgress

final class StateFingerprintTests: XCTestCase {
    func testSameCommandsSameSeedGiveTheSameHash() {
        var a = Simulator(seed: 7), b = Simulator(seed: 7)
        for line in Fixture.commands {
            _ = a.run(line: line)
            _ = b.run(line: line)
            XCTAssertEqual(StateFingerprint.hash(engine: a.engine), StateFingerprint.hash(engine: b.engine))
            XCTAssertEqual(StateFingerprint.hash(simulator: a), StateFingerprint.hash(simulator: b))
        }
        let hash = StateFingerprint.hash(simulator: a)
        XCTAssertTrue(hash.hasPrefix("cnmlab-state-v7:"), hash)
        XCTAssertEqual(hash.count, "cnmlab-state-v7:".count + 64)
    }

    func testNetworkingChangesChangeTheHashAndReadsDoNot() {
        var sim = Simulator(seed: 1)
        let h0 = StateFingerprint.hash(simulator: sim)
        _ = sim.run(line: "docker network create a")
        XCTAssertNotEqual(h0, StateFingerprint.hash(simulator: sim))
        // (A command that reads the rules first applies Docker's pending firewall changes, so it may
        // change the hash once; see `StateFingerprint.canonicalBytes(cluster:)`.)
        _ = sim.run(line: "iptables -S")
        let h1 = StateFingerprint.hash(simulator: sim)
        for read in ["docker network ls", "docker ps -a", "iptables -S", "iptables -t nat -L -n -v", "ip addr", "why host bridge",
                     "docker network inspect a", "sleep 5"] {
            _ = sim.run(line: read)
            XCTAssertEqual(StateFingerprint.hash(simulator: sim), h1, "\(read): a read-only command and the clock leave the hash alone")
        }
        _ = sim.run(line: "docker run -d --name w --network a -p 8080:80 nginx")
        let h2 = StateFingerprint.hash(simulator: sim)
        XCTAssertNotEqual(h1, h2)
        _ = sim.run(line: "docker stop w")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: sim), h2, "stopping releases the endpoint and ports")
    }

    /// Each part of the model, changed in turn from the same starting world, changes the hash —
    /// and two changes never give the same hash.
    func testEveryPartOfTheModelIsInTheHash() {
        var base = Simulator(seed: 5, hosts: [HostSpec(name: "worker1", address: IPv4Address(192, 168, 1, 102))])
        for line in ["docker network create --subnet 10.20.0.0/24 app",
                     "docker run -d --name web --network app -p 8080:80 nginx",
                     "docker run -d --name old busybox sleep 3600"] {
            XCTAssertEqual(base.run(line: line).exitCode, 0, line)
        }
        let changes: [(String, String)] = [
            ("a learner rule in DOCKER-USER", "iptables -I DOCKER-USER -j DROP"),
            ("a rule in a built-in chain", "iptables -A INPUT -p tcp --dport 22 -j ACCEPT"),
            ("a nat rule", "iptables -t nat -A POSTROUTING -s 10.9.0.0/24 -j MASQUERADE"),
            ("a user chain", "iptables -N AUDIT"),
            ("a chain policy", "iptables -P FORWARD ACCEPT"),
            ("a deleted Docker rule", "iptables -D FORWARD -j DOCKER-USER"),
            ("a flushed chain", "iptables -t nat -F DOCKER"),
            ("a network", "docker network create other"),
            ("a network label", "docker network create --label team=a labelled"),
            ("an internal network", "docker network create --internal inner"),
            ("a container", "docker create --name idle busybox"),
            ("a running container", "docker run -d --name cache redis"),
            ("a stopped container", "docker stop web"),
            ("a removed container", "docker rm -f old"),
            ("an alias", "docker network connect --alias api app old"),
            ("a link", "docker run -d --name client --link old:db busybox sleep 600"),
            ("a published port", "docker run -d --name web2 -p 9090:80 nginx"),
            ("a DNS setting", "docker run -d --name resolver --dns 9.9.9.9 busybox sleep 600"),
            ("an extra host entry", "docker run -d --name hosted --add-host db:10.0.0.9 busybox sleep 600"),
            ("a macvlan network and its parent link", "docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0.10 lan10"),
            ("the other machine", "ssh worker1 docker network create far"),
            ("the other machine's firewall", "ssh worker1 iptables -I DOCKER-USER -j DROP"),
            ("a swarm", "docker swarm init"),
        ]
        let start = StateFingerprint.hash(simulator: base)
        var seen: [String: String] = [start: "the starting world"]
        for (what, line) in changes {
            var sim = base
            let out = sim.run(line: line)
            XCTAssertEqual(out.exitCode, 0, "\(line): \(out.stderr)")
            let hash = StateFingerprint.hash(simulator: sim)
            XCTAssertNotEqual(hash, start, "\(what) (\(line)) must change the hash")
            if let other = seen[hash] { XCTFail("\(what) hashes like \(other)") }
            seen[hash] = what
        }
        // A swarm service (replicas, tasks, VIPs) on top of the swarm.
        var swarm = base
        _ = swarm.run(line: "docker swarm init")
        let before = StateFingerprint.hash(simulator: swarm)
        XCTAssertEqual(swarm.run(line: "docker service create --name api --replicas 2 nginx").exitCode, 0)
        let service = StateFingerprint.hash(simulator: swarm)
        XCTAssertNotEqual(service, before, "a service")
        _ = swarm.run(line: "docker service scale api=3")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: swarm), service, "a replica more")
    }

    /// The cache of the previous state gives the same bytes as a walk from scratch, after every
    /// kind of change (a value that changed is never taken from the cache).
    func testTheCacheNeverChangesTheBytes() {
        var sim = Simulator(seed: 4, hosts: [HostSpec(name: "worker1", address: IPv4Address(192, 168, 1, 102))])
        var cache = FingerprintCache()
        for line in ["docker network create a", "docker run -d --name w --network a -p 8080:80 nginx", "iptables -S",
                     "docker network connect --alias x bridge w", "docker stop w", "docker start w", "docker rename w v",
                     "iptables -I DOCKER-USER -j DROP", "iptables -R DOCKER-USER 1 -j ACCEPT", "docker rm -f v",
                     "ssh worker1 docker network create far", "docker swarm init", "docker service create --name s nginx",
                     "docker service scale s=2", "docker network rm a"] {
            _ = sim.run(line: line)
            XCTAssertEqual(StateFingerprint.canonicalBytes(cluster: sim.cluster, cache: &cache),
                           StateFingerprint.canonicalBytes(cluster: sim.cluster), line)
        }
        XCTAssertGreaterThan(cache.count, 0)
    }

    func testIptablesEditChangesTheHash() {
        var sim = Simulator(seed: 1)
        _ = sim.run(line: "iptables -S")
        let before = StateFingerprint.hash(simulator: sim)
        _ = sim.run(line: "iptables -I DOCKER-USER -j DROP")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: sim), before, "the firewall is part of the state")
        _ = sim.run(line: "iptables -D DOCKER-USER -j DROP")
        XCTAssertEqual(StateFingerprint.hash(simulator: sim), before, "the same rules again: the same hash")
    }

    func testSeedChangesTheHash() {
        var a = Simulator(seed: 1), b = Simulator(seed: 2)
        _ = a.run(line: "docker network create n")
        _ = b.run(line: "docker network create n")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: a), StateFingerprint.hash(simulator: b))
    }

    func testCanonicalBytesAreVersionedAndLeaveOutTheClockAndTheGenerator() {
        var sim = Simulator(seed: 3)
        _ = sim.run(line: "docker network create z")
        let text = StateFingerprint.canonicalText(cluster: sim.cluster)
        XCTAssertTrue(text.hasPrefix(StateFingerprint.formatVersion + "\n"))
        XCTAssertTrue(text.contains("s1:z"), "the network's name is in the bytes")
        XCTAssertFalse(text.contains("s3:nil"), "a missing optional is not the word nil")
        XCTAssertFalse(text.contains("Optional("))
        // Drawing from the generator or moving the clock changes nothing.
        var later = sim
        _ = later.engine.newID()
        later.engine.advance(seconds: 30)
        XCTAssertEqual(StateFingerprint.hash(simulator: later), StateFingerprint.hash(simulator: sim))
    }

    func testRecordedFormsOfOtherVersionsAreNotCompared() {
        XCTAssertTrue(StateFingerprint.isComparable(StateFingerprint.hash(simulator: Simulator(seed: 0))))
        XCTAssertFalse(StateFingerprint.isComparable(String(repeating: "ab", count: 32)), "a cnmlab-state-v1 hash")
        XCTAssertFalse(StateFingerprint.isComparable("cnmlab-state-v9:" + String(repeating: "0", count: 64)))
        XCTAssertTrue(StateFingerprint.isComparable("x"), "an edited value is compared (and differs)")
        XCTAssertTrue(StateFingerprint.isComparable(String(repeating: "AB", count: 32)), "not a hash this cnmlab ever wrote")
    }

    func testEveryExcludedFieldExists() {
        let sim = Simulator(seed: 0)
        XCTAssertEqual(StateFingerprint.staleExclusions(samples: [sim.engine, sim.engine.firewall]), [])
    }
}
