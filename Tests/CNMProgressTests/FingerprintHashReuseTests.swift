import CNMCommands
import CNMSim
import XCTest
@testable import CNMProgress

/// A line that changed nothing gives the same canonical bytes; their hash is taken from the cache.
final class FingerprintHashReuseTests: XCTestCase {
    func testAReusedHashIsOnlyEverTheHashOfTheSameBytes() {
        var sim = Simulator(seed: 9)
        var cache = FingerprintCache()
        for line in ["docker network create a", "docker network ls", "docker ps", "docker network create b",
                     "docker network ls", "docker run -d --name w --network a busybox sleep 60", "docker ps"] {
            _ = sim.run(line: line)
            XCTAssertEqual(StateFingerprint.hash(simulator: sim, cache: &cache), StateFingerprint.hash(simulator: sim), line)
        }
        let last = try? XCTUnwrap(cache.lastHashed)
        XCTAssertEqual(last?.hash, StateFingerprint.hash(simulator: sim))
        // The reuse path is taken for equal bytes (a marked entry comes back) and never for others.
        cache.lastHashed = (last?.bytes ?? [], "marked")
        XCTAssertEqual(StateFingerprint.hash(simulator: sim, cache: &cache), "marked")
        _ = sim.run(line: "docker network create c")
        XCTAssertEqual(StateFingerprint.hash(simulator: sim, cache: &cache), StateFingerprint.hash(simulator: sim))
        XCTAssertTrue(StateFingerprint.sameBytes([], []))
        XCTAssertFalse(StateFingerprint.sameBytes([1, 2], [1, 3]))
        XCTAssertFalse(StateFingerprint.sameBytes([1], [1, 2]))
    }
}
