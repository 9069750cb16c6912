import XCTest
@testable import CNMSim

/// The canonical bytes of the model: derived fields, the clock and the generator are left out;
/// everything else counts.
final class CanonicalBytesTests: XCTestCase {
    func testDerivedIndexesTheClockAndTheGeneratorAreLeftOut() {
        let base = Engine(seed: 1)
        let bytes = StateFingerprint.canonicalBytes(engine: base)
        var e = base
        e.networkIDByName["ghost"] = "nothing"
        e.containerIDByName["ghost"] = "nothing"
        e.hostNetworkContainers.insert("ghost")
        e.rng = SeededGenerator(seed: 99)
        e.advance(seconds: 3600)
        XCTAssertEqual(StateFingerprint.canonicalBytes(engine: e), bytes)
    }

    func testStoredFieldsCount() {
        let base = Engine(seed: 1)
        let bytes = StateFingerprint.canonicalBytes(engine: base)
        var a = base
        a.nextInterfaceIndex += 1
        XCTAssertNotEqual(StateFingerprint.canonicalBytes(engine: a), bytes, "a counter that shapes the next object")
        var b = base
        b.ipvsTurns["10.0.0.2:80"] = 1
        XCTAssertNotEqual(StateFingerprint.canonicalBytes(engine: b), bytes, "an IPVS position")
        var c = base
        c.creationSequence[c.networks.keys.sorted()[0]] = 99
        XCTAssertNotEqual(StateFingerprint.canonicalBytes(engine: c), bytes, "the order objects were created in")
    }

    func testEveryExcludedFieldNamesAStoredField() {
        let e = Engine(seed: 0)
        XCTAssertEqual(StateFingerprint.staleExclusions(samples: [e, e.firewall]), [])
    }

    func testTheCacheGivesTheSameBytes() {
        var cache = FingerprintCache()
        var e = Engine(seed: 2)
        let cluster = { (e: Engine) in Cluster(engine: e) }
        XCTAssertEqual(StateFingerprint.canonicalBytes(cluster: cluster(e), cache: &cache), StateFingerprint.canonicalBytes(cluster: cluster(e)))
        e.nextInterfaceIndex += 5
        XCTAssertEqual(StateFingerprint.canonicalBytes(cluster: cluster(e), cache: &cache), StateFingerprint.canonicalBytes(cluster: cluster(e)))
        XCTAssertGreaterThan(cache.count, 0)
    }
}
