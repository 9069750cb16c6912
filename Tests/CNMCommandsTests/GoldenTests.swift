import XCTest
@testable import CNMCommands
import CNMSim
import CNMTestSupport

/// Runs each `Golden/NAME.script` with seed 0 and compares what the terminal shows, command by command,
/// with `Golden/NAME.golden` (`GoldenTranscript` gives its layout). `make golden` rewrites every
/// `.golden` from the simulator; review its diff before committing (docs/testing.md).
final class GoldenTests: XCTestCase {
    /// What each command line of a script shows. A script whose first line is `# hosts` runs on a LAN
    /// with manager1, worker1 and worker2 too. Its header (the comment lines at the top that cite the
    /// sources it follows, `# source: …`) is not part of the transcript.
    func records(_ script: String) -> [GoldenRecord] {
        var sim = script.hasPrefix("# hosts\n") ? Simulator(seed: 0, hosts: Cluster.courseHosts) : Simulator(seed: 0)
        return LineSplitter.commandLines(Array(script.utf8)).filter { !Self.isHeader($0) }.map { line in
            let result = sim.run(bytes: line)
            return GoldenRecord(command: String(decoding: line, as: UTF8.self), exitCode: result.exitCode,
                                stdout: result.stdout, stderr: result.stderr)
        }
    }

    func transcript(_ script: String) -> String { GoldenTranscript.render(records(script)) }

    /// `# source: …` and other comment lines of a script's header (`# hosts` stays a command line).
    static func isHeader(_ line: [UInt8]) -> Bool {
        line.first == UInt8(ascii: "#") && line != Array("# hosts".utf8)
    }

    /// The scenarios in `dir`: `NAME.script`, and `NAME.txt` as the first layout named them.
    static func scenarios(in dir: URL) throws -> [(name: String, script: String)] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().compactMap { file in
            for ext in [".script", ".txt"] where file.hasSuffix(ext) { return (String(file.dropLast(ext.count)), file) }
            return nil
        }
    }

    static var sourceDir: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden") }

    /// Every `Golden/NAME.script` must reproduce `Golden/NAME.golden` exactly. With `CNMLAB_UPDATE_GOLDEN=1`
    /// (`make golden`) it writes each `.golden` instead, in the source tree: a missing one is created, one in
    /// the JSON Lines layout is converted (after saying which of its commands now answer differently), and a
    /// `NAME.txt` script is renamed `NAME.script`.
    func testEveryScriptMatchesItsGolden() throws {
        if ProcessInfo.processInfo.environment["CNMLAB_UPDATE_GOLDEN"] == "1" { return try update(Self.sourceDir) }
        let dir = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Golden")
        let scenarios = try Self.scenarios(in: dir)
        XCTAssertGreaterThanOrEqual(scenarios.count, 25)
        for (name, script) in scenarios {
            let text = try String(contentsOf: dir.appendingPathComponent(script), encoding: .utf8)
            guard let expectedText = try? String(contentsOf: dir.appendingPathComponent(name + ".golden"), encoding: .utf8) else {
                XCTFail("\(name).golden is missing: run `make golden` and review it")
                continue
            }
            let actual = records(text)
            if GoldenTranscript.isJSONLines(expectedText) {
                XCTAssertEqual(actual, try GoldenTranscript.parseJSONLines(expectedText), "\(name).golden (JSON Lines layout)")
                continue
            }
            let rendered = GoldenTranscript.render(actual)
            if rendered != expectedText {
                XCTFail("\(script) differs from \(name).golden:\n" + Self.firstDifference(expected: expectedText, actual: rendered))
            }
        }
    }

    /// Old-layout files (JSON Lines, `.txt` scripts) are converted by `make golden`; none may stay.
    func testEveryGoldenIsInTheReadableLayout() throws {
        let dir = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Golden")
        for (name, script) in try Self.scenarios(in: dir) {
            XCTAssertTrue(script.hasSuffix(".script"), "\(script): run `make golden` to rename it \(name).script")
            let text = (try? String(contentsOf: dir.appendingPathComponent(name + ".golden"), encoding: .utf8)) ?? ""
            XCTAssertFalse(GoldenTranscript.isJSONLines(text), "\(name).golden is JSON Lines: run `make golden` to convert it")
        }
        let goldens = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".golden") }
        let scripts = Set(try Self.scenarios(in: dir).map(\.name))
        for golden in goldens { XCTAssertTrue(scripts.contains(String(golden.dropLast(7))), "\(golden) has no script") }
    }

    /// `make golden`: writes every scenario's transcript into `dir` and says what it did to each file.
    func update(_ dir: URL) throws {
        let fm = FileManager.default
        for (name, script) in try Self.scenarios(in: dir) {
            var scriptURL = dir.appendingPathComponent(script)
            if script.hasSuffix(".txt") {
                let renamed = dir.appendingPathComponent(name + ".script")
                guard !fm.fileExists(atPath: renamed.path) else {
                    XCTFail("both \(script) and \(name).script exist: keep one")
                    continue
                }
                try fm.moveItem(at: scriptURL, to: renamed)
                scriptURL = renamed
                print("golden: \(script) renamed \(name).script")
            }
            let actual = records(try String(contentsOf: scriptURL, encoding: .utf8))
            let goldenURL = dir.appendingPathComponent(name + ".golden")
            let old = try? String(contentsOf: goldenURL, encoding: .utf8)
            let rendered = GoldenTranscript.render(actual)
            switch old {
            case nil:
                print("golden: \(name).golden created (\(actual.count) command\(actual.count == 1 ? "" : "s")): review all of it")
            case let text? where GoldenTranscript.isJSONLines(text):
                let before = (try? GoldenTranscript.parseJSONLines(text)) ?? []
                let changed = Self.changedCommands(before: before, after: actual)
                print("golden: \(name).golden converted from JSON Lines; "
                      + (changed.isEmpty ? "every command answers as before" : "answers that changed: " + changed.joined(separator: "; ")))
            case let text? where text != rendered:
                print("golden: \(name).golden changed: review `git diff`")
            default:
                continue
            }
            try Data(rendered.utf8).write(to: goldenURL)
        }
    }

    /// The commands whose answer differs between two runs of a scenario (by position).
    static func changedCommands(before: [GoldenRecord], after: [GoldenRecord]) -> [String] {
        var changed: [String] = []
        for i in 0..<max(before.count, after.count) where before.indices.contains(i) != after.indices.contains(i)
            || before.indices.contains(i) && before[i] != after[i] {
            changed.append("#\(i + 1) " + (after.indices.contains(i) ? after[i].command : before[i].command))
        }
        return changed
    }

    /// The first line where two transcripts part, with a little context, for a failure message.
    static func firstDifference(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let from = max(0, i - 3)
        return "line \(i + 1)\n--- expected\n" + e[from..<min(e.count, i + 3)].joined(separator: "\n")
            + "\n+++ actual\n" + a[from..<min(a.count, i + 3)].joined(separator: "\n")
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
        var rng = seededGenerator(default: 3)
        let pieces = ["docker", "network", "create", "run", "-d", "--subnet", "999.1.1.1/99", "'", "\"", "\\", ";", "&&",
                      "|", "$(", ")", "-p", "8080:80:90", "--ip", "x", "nginx", "busybox", "--format", "{{", "}}", "\u{FFFD}", "-"]
        var sim = Simulator(seed: 1)
        for _ in 0..<2000 {
            let n = Int(rng.next() % 8) + 1
            let line = (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: " ")
            let out = sim.run(line: line)
            // A process status (0...255), and a failure says why.
            XCTAssertTrue((0...255).contains(out.exitCode), "status \(out.exitCode): \(line)")
            if out.exitCode != 0 { XCTAssertFalse((out.stdout + out.stderr).isEmpty, "fails without a word: \(line)") }
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
        // Invalid UTF-8 and a NUL still make a name: the network is created and its ID printed.
        XCTAssertEqual(bad.exitCode, 0, bad.stderr)
        XCTAssertEqual(bad.stderr, "")
        XCTAssertTrue(bad.stdout.utf8.count == 65 && bad.stdout.utf8.dropLast().allSatisfy { (48...57).contains($0) || (97...102).contains($0) }, bad.stdout)
        let absurd = sim.run(line: "docker network create --subnet 999.1.1.1/99 x")
        XCTAssertEqual(absurd.stderr, "Error response from daemon: invalid network config:\ninvalid subnet 999.1.1.1/99: invalid CIDR block notation\n")
        XCTAssertEqual(absurd.exitCode, 1)
    }
}
