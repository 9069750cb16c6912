import XCTest
@testable import CNMCommands
import CNMSim
import CNMTestSupport

/// Golden transcripts of traffic through a proxy (issue 19 item 7). Each `ProxyGolden/NAME.script`
/// runs like a `Golden/` scenario (seed 0, same layout): it writes the proxy's configuration with a
/// here-document, mounts it, and sends traffic; a line `# lang ko` switches `why` to Korean.
/// `CNMLAB_UPDATE_GOLDEN=1` (`make golden`) rewrites the `.golden` files.
final class ProxyGoldenTests: XCTestCase {
    static var dir: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ProxyGolden") }

    func records(_ name: String, _ script: String) -> [GoldenRecord] {
        var sim = Simulator(seed: 0)
        var out: [GoldenRecord] = []
        for line in LineSplitter.commandLines(Array(script.utf8)) {
            let text = String(decoding: line, as: UTF8.self)
            if text == "# lang ko" { sim.language = "ko"; continue }
            if GoldenTests.isHeader(line) { continue }
            let r = sim.run(bytes: line)
            out.append(GoldenRecord(command: text, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr))
        }
        return out
    }

    func testEveryProxyScenarioMatchesItsGolden() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.dir.path).filter { $0.hasSuffix(".script") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 9)
        let update = ProcessInfo.processInfo.environment["CNMLAB_UPDATE_GOLDEN"] == "1"
        for file in files {
            let name = String(file.dropLast(".script".count))
            let script = try String(contentsOf: Self.dir.appendingPathComponent(file), encoding: .utf8)
            let rendered = GoldenTranscript.render(records(name, script))
            let goldenURL = Self.dir.appendingPathComponent(name + ".golden")
            if update {
                try rendered.write(to: goldenURL, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: goldenURL, encoding: .utf8) else {
                XCTFail("\(name).golden is missing: run `make golden` and review it"); continue
            }
            if rendered != expected {
                XCTFail("\(file) differs from \(name).golden:\n" + GoldenTests.firstDifference(expected: expected, actual: rendered))
            }
        }
    }
}
