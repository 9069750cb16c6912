import XCTest
@testable import CNMShell
@testable import CNMCommands

/// Standard error and standard output reach the terminal in the order a command wrote them (docker/cli
/// v28.2.2 cli/command/container/run.go prints the host-mode WARNING before the daemon creates the
/// container, then the ID); `--json` keeps its two keys.
final class OutputOrderTests: XCTestCase {
    func testTheHostModeWarningComesBeforeTheContainerID() {
        var s = ShellSession(language: .en)
        let reply = s.handle("docker run -d --network host -p 8038:80 nginx")
        XCTAssertEqual(reply.chunks.map(\.stream), [.stderr, .stdout])
        XCTAssertEqual(reply.chunks.first?.text, "WARNING: Published ports are discarded when using host network mode\n")
        XCTAssertEqual(reply.chunks.last?.text.count, 65)
    }

    func testSegmentsFollowTheWritesAndJSONKeepsBothStreams() {
        var out = CommandOutput()
        out.stdout += "a\n"
        out.stderr += "e1\n"
        out.stderr += "e2\n"
        out.stdout += "b\n"
        XCTAssertEqual(out.segments.map(\.text), ["a\n", "e1\ne2\n", "b\n"])
        XCTAssertEqual(out.terminalText, "a\ne1\ne2\nb\n")
        var total = CommandOutput(stderr: "first\n")
        total.append(out)
        XCTAssertEqual(total.segments.map(\.stream), [.stderr, .stdout, .stderr, .stdout])
        XCTAssertEqual(total, CommandOutput(stdout: "a\nb\n", stderr: "first\ne1\ne2\n"))
        let json = JSONLine.encode(command: "x", output: total)
        XCTAssertEqual(json, #"{"command":"x","exitCode":0,"stdout":"a\nb\n","stderr":"first\ne1\ne2\n"}"#)
    }

    func testARewrittenStreamKeepsItsWholeText() {
        var out = CommandOutput(stdout: "old\n", stderr: "err\n")
        out.stdout = "new text\n"
        // An assignment (not an append) keeps each stream's whole text; only its place among the pieces is approximate.
        XCTAssertEqual(out.segments.filter { $0.stream == .stdout }.map(\.text).joined(), "new text\n")
        XCTAssertEqual(out.segments.filter { $0.stream == .stderr }.map(\.text).joined(), "err\n")
        out.mapStderr { $0.uppercased() }
        XCTAssertEqual(out.stderr, "ERR\n")
        XCTAssertEqual(out.stdout, "new text\n")
    }

    func testAPipelineKeepsTheOrderOfItsLastCommand() {
        var sim = Simulator(seed: 0)
        let out = sim.run(line: "sysctl net.bridge.bridge-nf-call-iptables net.ipv4.ip_forward")
        XCTAssertEqual(out.segments.map(\.stream), [.stderr, .stdout])
    }
}
