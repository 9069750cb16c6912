import XCTest
@testable import CNMCommands
import CNMSim

/// Runs each `Golden/*.txt` script with seed 0 and compares the JSON Lines
/// transcript byte for byte with `Golden/*.golden` (regenerate with
/// `CNMLAB_UPDATE_GOLDEN=1 swift test --filter GoldenTests`, then review the diff).
final class GoldenTests: XCTestCase {
    /// A script whose first line is `# hosts` runs on a LAN with manager1, worker1 and worker2 too.
    /// Its header (the comment lines at the top that cite the sources it follows, `# source: …`)
    /// is not part of the transcript.
    func transcript(_ script: String) -> String {
        var sim = script.hasPrefix("# hosts\n") ? Simulator(seed: 0, hosts: Cluster.courseHosts) : Simulator(seed: 0)
        var out = ""
        for line in LineSplitter.commandLines(Array(script.utf8)) where !Self.isHeader(line) {
            let result = sim.run(bytes: line)
            out += JSONLine.encode(command: String(decoding: line, as: UTF8.self), output: result) + "\n"
        }
        return out
    }

    /// `# source: …` and other comment lines of a script's header (`# hosts` stays a command line).
    static func isHeader(_ line: [UInt8]) -> Bool {
        line.first == UInt8(ascii: "#") && line != Array("# hosts".utf8)
    }

    /// Every `Golden/NAME.txt` script must reproduce `Golden/NAME.golden` exactly.
    func testEveryScriptMatchesItsGolden() throws {
        let dir = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Golden")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(scripts.count, 7)
        let update = ProcessInfo.processInfo.environment["CNMLAB_UPDATE_GOLDEN"] == "1"
        let sourceDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        for script in scripts {
            let name = String(script.dropLast(4))
            let text = try String(contentsOf: dir.appendingPathComponent(script), encoding: .utf8)
            let actual = transcript(text)
            if update {
                try actual.write(to: sourceDir.appendingPathComponent(name + ".golden"), atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: dir.appendingPathComponent(name + ".golden"), encoding: .utf8)
            XCTAssertEqual(actual, expected, "transcript of \(script) differs from \(name).golden")
        }
    }

    func testDefaultNetworkTableHasDockerPadding() {
        var sim = Simulator(seed: 0)
        let out = sim.run(line: "docker network ls")
        let lines = out.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "NETWORK ID     NAME      DRIVER    SCOPE")
        XCTAssertTrue(lines[1].hasSuffix("   bridge    bridge    local"))
    }

    func testSameSeedSameOutput() {
        XCTAssertEqual(transcript("docker network create a\ndocker run -d --name w --network a nginx\ndocker network inspect a"),
                       transcript("docker network create a\ndocker run -d --name w --network a nginx\ndocker network inspect a"))
    }

    func testRandomLinesNeverCrash() {
        var rng = SystemRandomNumberGeneratorSeeded(seed: 3)
        let pieces = ["docker", "network", "create", "run", "-d", "--subnet", "999.1.1.1/99", "'", "\"", "\\", ";", "&&",
                      "|", "$(", ")", "-p", "8080:80:90", "--ip", "x", "nginx", "busybox", "--format", "{{", "}}", "\u{FFFD}", "-"]
        var sim = Simulator(seed: 1)
        for _ in 0..<2000 {
            let n = Int(rng.next() % 8) + 1
            let line = (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: " ")
            let out = sim.run(line: line)
            XCTAssertTrue(out.exitCode >= 0)
        }
        let binary = (0..<4096).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        XCTAssertNotEqual(sim.run(bytes: binary).exitCode, 0, "random bytes are not a valid command")
    }

    func testOneMebibyteLinesGetAnAnswer() {
        var sim = Simulator(seed: 0)
        let long = "docker network create " + String(repeating: "a", count: 1 << 20)
        let out = sim.run(line: long)
        XCTAssertEqual(out.exitCode, 0, "Docker accepts long free-form names")
        let quotes = String(repeating: "'x' \"y\" ", count: 100_000)
        XCTAssertEqual(sim.run(line: "echo " + quotes).exitCode, 0)
        let invalid: [UInt8] = Array("docker network create ".utf8) + [0xff, 0xfe, 0x00, 0xc3]
        let bad = sim.run(bytes: invalid)
        XCTAssertTrue(bad.exitCode == 0 || !bad.stderr.isEmpty)
        let absurd = sim.run(line: "docker network create --subnet 999.1.1.1/99 x")
        XCTAssertEqual(absurd.stderr, "Error response from daemon: invalid network config:\ninvalid subnet 999.1.1.1/99: invalid CIDR block notation\n")
        XCTAssertEqual(absurd.exitCode, 1)
    }
}

/// A tiny deterministic generator for the fuzz test.
struct SystemRandomNumberGeneratorSeeded: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
