import XCTest
@testable import CNMCommands
import CNMSim
import CNMTestSupport

/// Golden transcripts of traffic through a proxy (issue 19 item 7). Each `ProxyGolden/NAME.script`
/// runs like a `Golden/` scenario (seed 0, same layout), except that its line `# install` installs the
/// configuration `configs[NAME]` on the container `lb` (`Engine.setProxyConfig`), as the proxy would
/// (and `# lang ko` switches `why` to Korean)
/// after reading its file: the scenarios test balancing, health, persistence and TLS apart from the
/// configuration parsers. `CNMLAB_UPDATE_GOLDEN=1` (`make golden`) rewrites the `.golden` files.
final class ProxyGoldenTests: XCTestCase {
    static func whoami(_ n: Int, weights: [Int] = [], backup: Set<Int> = [], check: Bool = false, cookies: Bool = false,
                       nginxNames: Bool = false) -> [ProxyServer] {
        (1...n).map { i in
            ProxyServer(name: nginxNames ? "web\(i):80" : "web\(i)", host: "web\(i)", port: 80,
                        weight: i - 1 < weights.count ? weights[i - 1] : 1, backup: backup.contains(i),
                        check: check ? ProxyHealthCheck(intervalMilliseconds: 2000, rise: 2, fall: 3) : nil,
                        cookie: cookies ? "s\(i)" : nil)
        }
    }

    static let configs: [String: ProxyConfig] = [
        "lb-roundrobin-nginx": ProxyWorld.config(.nginx, servers: whoami(3, weights: [2, 1, 1], nginxNames: true), forwardedFor: true),
        "lb-leastconn-haproxy": ProxyWorld.config(.haproxy, algorithm: .leastConnections, servers: whoami(3)),
        "lb-iphash-nginx": ProxyWorld.config(.nginx, algorithm: .source, servers: whoami(3, nginxNames: true)),
        "lb-uri-haproxy": ProxyWorld.config(.haproxy, algorithm: .uri, servers: whoami(3)),
        "lb-health-haproxy": ProxyWorld.config(.haproxy, servers: whoami(2, check: true)),
        "lb-backup-haproxy": ProxyWorld.config(.haproxy, servers: whoami(3, backup: [3], check: true)),
        "lb-persistence-haproxy": ProxyWorld.config(.haproxy, servers: whoami(2, cookies: true),
                                                    cookie: ProxyCookie(name: "SERVERID", indirect: true, nocache: true)),
        "lb-passive-nginx": ProxyWorld.config(.nginx, servers: whoami(2, nginxNames: true)),
        "lb-tls-nginx": {
            var c = ProxyWorld.config(.nginx, servers: whoami(2, nginxNames: true), tls: true, port: 443)
            c.frontends.append(ProxyFrontend(name: "server:80", port: 80, backend: "be"))
            return c
        }(),
        "lb-why": ProxyWorld.config(.haproxy, servers: whoami(2, check: true)),
    ]

    static var dir: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ProxyGolden") }

    func records(_ name: String, _ script: String) -> [GoldenRecord] {
        var sim = Simulator(seed: 0)
        var out: [GoldenRecord] = []
        for line in LineSplitter.commandLines(Array(script.utf8)) {
            let text = String(decoding: line, as: UTF8.self)
            if text == "# install" {
                if let config = Self.configs[name] { ProxyWorld.install(&sim, config) } else { XCTFail("no configuration for \(name)") }
                continue
            }
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
