import XCTest
@testable import CNMSim
import CNMCommands

/// The model types that write their own canonical bytes (`CanonicalEncodable`) write exactly what
/// the reflective walk writes, after every command of varied worlds; so a stored field added to one
/// of them and forgotten in its fast form fails here rather than leaving the state fingerprint.
final class FingerprintFastFormTests: XCTestCase {
    /// Lines that give every field of the fast types a value other than its default.
    static let rich = [
        "docker network create --subnet 10.30.0.0/24 --gateway 10.30.0.254 --ip-range 10.30.0.128/25 "
            + "--label team=red -o com.docker.network.bridge.name=br-lab --ipam-opt foo=bar lab",
        "docker network create --internal --attachable back",
        "docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 mv",
        "docker run -d --name web --network lab --ip 10.30.0.200 --mac-address 02:42:0a:1e:00:c8 --network-alias www "
            + "-p 127.0.0.1:8080:80 -p 8443:443/tcp --expose 9000 -e A=1 -l tier=front --hostname webhost "
            + "--domainname example.org --dns 1.1.1.1 --dns-search corp --dns-option ndots:2 --add-host db.local:10.0.0.9 "
            + "--sysctl net.ipv4.ip_forward=1 -t -i nginx",
        "docker run -d --name old --link web:w busybox sleep 1",
        "docker run -d --rm --name gone busybox sleep 2",
        "docker run -d --name tmp -P --network back redis",
        "docker network connect --alias cache --ip 10.30.0.201 lab tmp",
        "sleep 5",
        "docker stop tmp",
        "docker exec web ping -c 1 www",
        "iptables -I DOCKER-USER -s 10.9.0.0/16 -j DROP",
        "docker restart web",
    ]

    func testFastFormsWriteWhatTheReflectiveWalkWrites() {
        var sim = Simulator(seed: 7)
        var cache = FingerprintCache()
        for line in Self.rich {
            _ = sim.run(line: line)
            let reference = StateFingerprint.reflectiveBytes(cluster: sim.cluster)
            XCTAssertTrue(StateFingerprint.canonicalBytes(cluster: sim.cluster) == reference, "after: \(line)")
            XCTAssertTrue(StateFingerprint.canonicalBytes(cluster: sim.cluster, cache: &cache) == reference, "cached, after: \(line)")
        }
        // The lines above did reach the fields they are meant to (a check that this test tests something).
        let web = sim.engine.containers.values.first { $0.name == "web" }
        XCTAssertEqual(web?.attachments.first?.aliases, ["www"])
        XCTAssertFalse(web?.portMappings.isEmpty ?? true)
        XCTAssertFalse(web?.logs.isEmpty ?? true)
        XCTAssertTrue(sim.engine.networks.values.contains { $0.ipamConfig != nil && $0.ipamOptions != nil })
    }

    func testFastFormsOverRandomSequences() {
        for seed in 0..<UInt64(12) {
            var rng = SeededGenerator(seed: 500 + seed)
            let swarm = seed % 4 == 3
            var sim = Simulator(seed: seed, hosts: swarm ? Cluster.courseHosts : [])
            var lines: [String] = swarm ? ["docker swarm init", "docker network create -d overlay --attachable ov"] : []
            for _ in 0..<20 { lines.append(IncrementalViewsTests.randomLine(&rng, swarm: swarm)) }
            var cache = FingerprintCache()
            for (n, line) in lines.enumerated() {
                _ = sim.run(line: line)
                let reference = StateFingerprint.reflectiveBytes(cluster: sim.cluster)
                let fast = StateFingerprint.canonicalBytes(cluster: sim.cluster, cache: &cache)
                if fast != reference {
                    XCTFail("seed \(seed), command \(n + 1): \(line)")
                    return
                }
            }
        }
    }
}
