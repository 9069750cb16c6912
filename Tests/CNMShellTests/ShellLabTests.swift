import XCTest
import Foundation
@testable import CNMShell
import CNMLabs
import CNMProgress

/// The shell running a lab: steps shown, checks, hints, the solution (asked first),
/// completion, resume from the progress store, undo and reset inside a lab.
final class ShellLabTests: XCTestCase {
    var labs: [Lab] = []
    var dbPath = ""

    override func setUpWithError() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        labs = LabCatalog.labs(paths: [root.appendingPathComponent("Labs/00-example.yaml").path])
        XCTAssertEqual(labs.map(\.id), ["example-publish-port"])
        dbPath = NSTemporaryDirectory() + "cnmlab-shell-\(getpid())-\(UUID().uuidString)/p.sqlite"
    }

    func session(_ lang: Language = .en) throws -> ShellSession {
        ShellSession(language: lang, labs: labs, store: try ProgressStore(path: dbPath), learner: "kim")
    }

    func testALabFromStartToFinishIsRecordedAndResumable() throws {
        var s = try session()
        let start = s.handle("lab start example-publish-port")
        XCTAssertTrue(start.stdout.contains("-- Step 1/3: "))
        XCTAssertTrue(s.prompt.hasPrefix("[example-publish-port · 1/3] docker-host$"))
        XCTAssertTrue(s.handle("check").stdout.contains("FAIL "))
        XCTAssertTrue(s.handle("hint").stdout.hasPrefix("Hint [nudge]: "))
        XCTAssertEqual(s.handle("solution").stdout, "")
        XCTAssertEqual(s.prompt, "Show the solution? It is recorded and may cost points. [y/N] ")
        XCTAssertEqual(s.handle("n").stdout, "Solution not shown.\n")
        let solution = try XCTUnwrap(s.labSession?.solutionTranscript)
        XCTAssertEqual(solution.count, 3)
        let created = s.handle(solution[0])
        XCTAssertTrue(created.stdout.contains("✔ Step 1 complete"))
        XCTAssertTrue(created.stdout.contains("-- Step 2/3: "))

        // A new shell on the same database resumes where the learner stopped.
        var again = try session()
        let resumed = again.handle("lab start example-publish-port")
        XCTAssertTrue(resumed.stdout.contains("Resuming your attempt (2 logged commands replayed)."), resumed.stdout)
        XCTAssertTrue(again.prompt.hasPrefix("[example-publish-port · 2/3]"))
        XCTAssertNotNil(again.engine.network(named: String(solution[0].split(separator: " ").last ?? "")))
        _ = again.handle(solution[1])
        let done = again.handle(solution[2])
        XCTAssertTrue(done.stdout.contains("Lab finished: "), done.stdout)
        let rows = try ProgressStore(path: dbPath).labProgress(learner: "kim")
        XCTAssertEqual(rows.first?.status, .finished)
    }

    func testUndoAndResetStepInsideALab() throws {
        var s = try session(.ko)
        _ = s.handle("lab start example-publish-port")
        let solution = try XCTUnwrap(s.labSession?.solutionTranscript)
        let net = String(solution[0].split(separator: " ").last ?? "")
        _ = s.handle(solution[0])
        XCTAssertTrue(s.prompt.hasPrefix("[example-publish-port · 2/3]"))
        _ = s.handle("docker network create extra")
        XCTAssertNotNil(s.engine.network(named: "extra"))
        XCTAssertEqual(s.handle("undo").stdout, "되돌림: docker network create extra\n")
        XCTAssertNil(s.engine.network(named: "extra"))
        XCTAssertNotNil(s.engine.network(named: net))
        _ = s.handle("docker run -d --name other busybox sleep 600")
        _ = s.handle("hint")
        let reset = s.handle("reset step")
        XCTAssertTrue(reset.stdout.hasPrefix("처음 상태로 되돌렸습니다"))
        XCTAssertNil(try? s.engine.findContainer("other").get())
        XCTAssertEqual(s.labSession?.progress[1].hintsShown.count, 1, "hints shown survive a reset")
    }

    func testNestedShellLinesAreRecordedAsExecCommands() throws {
        var s = try session()
        _ = s.handle("lab start example-publish-port")
        _ = s.handle("docker run -d --name box busybox sleep 600")
        _ = s.handle("docker exec -it box sh")
        XCTAssertEqual(s.handle("echo inside").stdout, "inside\n")
        XCTAssertEqual(s.labSession?.history.last?.command, "docker exec box sh -c 'echo inside'")
    }

    func testUnknownLabAndLabCommandsOutsideALab() throws {
        var s = try session()
        XCTAssertEqual(s.handle("lab start nope").stderr, "No such lab: nope (see labs)\n")
        XCTAssertEqual(s.handle("check").stderr, "This command works inside a lab. List the labs with labs.\n")
        XCTAssertTrue(s.handle("labs").stdout.contains("example-publish-port"))
    }
}
