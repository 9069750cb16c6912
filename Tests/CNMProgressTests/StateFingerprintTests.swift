import CNMCommands
import XCTest
@testable import CNMProgress

final class StateFingerprintTests: XCTestCase {
    func testSameCommandsSameSeedGiveTheSameHash() {
        var a = Simulator(seed: 7), b = Simulator(seed: 7)
        for line in Fixture.commands {
            _ = a.run(line: line)
            _ = b.run(line: line)
            XCTAssertEqual(StateFingerprint.hash(engine: a.engine), StateFingerprint.hash(engine: b.engine))
        }
        XCTAssertEqual(StateFingerprint.hash(engine: a.engine).count, 64)
    }

    func testNetworkingChangesChangeTheHashAndReadsDoNot() {
        var sim = Simulator(seed: 1)
        let h0 = StateFingerprint.hash(simulator: sim)
        _ = sim.run(line: "docker network create a")
        let h1 = StateFingerprint.hash(simulator: sim)
        XCTAssertNotEqual(h0, h1)
        _ = sim.run(line: "docker network ls")
        XCTAssertEqual(StateFingerprint.hash(simulator: sim), h1, "a read-only command and the clock leave the hash alone")
        _ = sim.run(line: "docker run -d --name w --network a -p 8080:80 nginx")
        let h2 = StateFingerprint.hash(simulator: sim)
        XCTAssertNotEqual(h1, h2)
        _ = sim.run(line: "docker stop w")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: sim), h2, "stopping releases the endpoint and ports")
    }

    func testSeedChangesTheHash() {
        var a = Simulator(seed: 1), b = Simulator(seed: 2)
        _ = a.run(line: "docker network create n")
        _ = b.run(line: "docker network create n")
        XCTAssertNotEqual(StateFingerprint.hash(simulator: a), StateFingerprint.hash(simulator: b))
    }

    func testCanonicalTextIsSortedAndVersioned() {
        var sim = Simulator(seed: 3)
        _ = sim.run(line: "docker network create z")
        let lines = StateFingerprint.canonicalText(engine: sim.engine).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, StateFingerprint.formatVersion)
        XCTAssertEqual(Array(lines.dropFirst()), lines.dropFirst().sorted())
        XCTAssertEqual(lines.filter { $0.hasPrefix("network ") }.count, 4)
    }
}
