import XCTest
@testable import CNMCommands
@testable import CNMSim

/// `docker logs` shows both streams in the order they were logged (moby v28.2.2 daemon/logs.go reads
/// one list of entries, each with its stream), `--tail N` takes the last N entries of both together,
/// and a process's lines reach the log in the order it wrote them (daemon/logger/copier.go).
final class LogsOrderTests: XCTestCase {
    /// The terminal's pieces of one command: `("o", text)` for stdout, `("e", text)` for stderr.
    private func pieces(_ out: CommandOutput) -> [String] {
        out.segments.map { ($0.stream == .stdout ? "o:" : "e:") + $0.text }
    }

    func testTailTakesTheLastEntriesOfBothStreamsInTimeOrder() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "docker run -d --name web -p 8080:80 nginx").exitCode, 0)
        XCTAssertEqual(sim.run(line: "curl -s -o page http://localhost:8080/").exitCode, 0)
        let out = sim.run(line: "docker logs --tail 2 web")
        let p = pieces(out)
        XCTAssertEqual(p.count, 2, "\(p)")
        // nginx's last start-up notice (stderr), then the later access-log line (stdout).
        XCTAssertTrue(p.first?.hasPrefix("e:") == true && p.first?.contains("[notice] 1#1: start worker process") == true, "\(p)")
        XCTAssertTrue(p.last?.hasPrefix("o:") == true && p.last?.contains("\"GET / HTTP/1.1\" 200") == true, "\(p)")
        // --json keeps each stream's whole text.
        XCTAssertTrue(out.stdout.contains("GET / HTTP/1.1") && !out.stdout.contains("[notice]"))
        XCTAssertTrue(out.stderr.contains("[notice]") && !out.stderr.contains("GET /"))
        // -t: the same order, each line after its time.
        let stamped = pieces(sim.run(line: "docker logs -t --tail 2 web"))
        XCTAssertTrue(stamped.first?.hasPrefix("e:2025-06-01T10:00:02.") == true, "\(stamped)")
        XCTAssertTrue(stamped.last?.hasPrefix("o:2025-06-01T10:00:04.") == true, "\(stamped)")
    }

    func testAProcessesInterleavedStreamsAreLoggedAndShownInWrittenOrder() {
        var sim = Simulator(seed: 0)
        let run = sim.run(line: #"docker run --name t alpine sh -c "echo a; ls /nosuch; echo c""#)
        XCTAssertEqual(pieces(run), ["o:a\n", "e:ls: /nosuch: No such file or directory\n", "o:c\n"])
        XCTAssertEqual(pieces(sim.run(line: "docker logs t")), ["o:a\n", "e:ls: /nosuch: No such file or directory\n", "o:c\n"])
        XCTAssertEqual(pieces(sim.run(line: "docker logs --tail 2 t")), ["e:ls: /nosuch: No such file or directory\n", "o:c\n"])
    }

    func testEachStreamKeepsItsUnfinishedLineUntilItsNewline() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "docker create --name box alpine").exitCode, 0)
        let id = sim.engine.containers.values.first { $0.name == "box" }!.id
        sim.engine.appendLog(id, pieces: [(.stdout, "par"), (.stderr, "warn\n"), (.stdout, "tial\nnext"), (.stderr, "")])
        XCTAssertEqual(sim.engine.containers[id]?.logs.map { "\($0.stream.rawValue):\($0.text)" },
                       ["stderr:warn", "stdout:partial", "stdout:next"])
    }
}
