import XCTest
@testable import CNMSim
import CNMCommands

/// The fingerprint cache's places (`CanonicalWriter.slotted`): a part of the world equal to the one
/// the previous walk met at the same place is copied, not walked. These tests require the cached
/// bytes to equal the reflective walk's whatever the cache last saw: after every command of random
/// sequences, after undoing to an older world, and when one cache alternates between two worlds.
final class FingerprintSlotTests: XCTestCase {
    private func world(seed: UInt64, lines: Int, swarm: Bool) -> [Simulator] {
        var rng = SeededGenerator(seed: 900 + seed)
        var sim = Simulator(seed: seed, hosts: swarm ? Cluster.courseHosts : [])
        var states: [Simulator] = []
        var script: [String] = swarm ? ["docker swarm init", "docker network create -d overlay --attachable ov"] : []
        for _ in 0..<lines { script.append(IncrementalViewsTests.randomLine(&rng, swarm: swarm)) }
        for line in script {
            _ = sim.run(line: line)
            states.append(sim)
        }
        return states
    }

    func testCachedBytesEqualTheReflectiveWalkAfterEveryCommand() {
        var compared = 0
        for seed in 0..<UInt64(16) {
            let states = world(seed: seed, lines: 25, swarm: seed % 4 == 1)
            var cache = FingerprintCache()
            for (n, sim) in states.enumerated() {
                let reference = StateFingerprint.reflectiveBytes(cluster: sim.cluster)
                guard StateFingerprint.canonicalBytes(cluster: sim.cluster, cache: &cache) == reference else {
                    return XCTFail("seed \(seed), state \(n + 1)")
                }
                compared += 1
            }
            XCTAssertFalse(cache.slots.isEmpty, "the places were used")
        }
        XCTAssertGreaterThan(compared, 300)
    }

    /// Undo goes back to an older world; one cache alternating between two worlds of other seeds.
    func testACacheThatSawOtherWorldsStillWritesTheRightBytes() {
        let a = world(seed: 3, lines: 20, swarm: false)
        let b = world(seed: 5, lines: 20, swarm: true)
        var cache = FingerprintCache()
        var order: [Simulator] = []
        for i in 0..<20 { order.append(a[i]); order.append(b[i]) }
        order += a.reversed()
        var distinct = Set<[UInt8]>()
        for (n, sim) in order.enumerated() {
            let reference = StateFingerprint.reflectiveBytes(cluster: sim.cluster)
            let cached = StateFingerprint.canonicalBytes(cluster: sim.cluster, cache: &cache)
            guard cached == reference else { return XCTFail("walk \(n + 1)") }
            distinct.insert(cached)
        }
        XCTAssertGreaterThanOrEqual(distinct.count, 10, "the worlds differ, so a wrong copy would show")
    }
}
