import XCTest
import Foundation
@testable import CNMShell
import CNMCommands
import CNMEngineAPI
import CNMFileSystem
import CNMLabs
import CNMProgress

/// The Engine API inside the shell (`cnmlab shell --engine`, `engine`): a docker client's changes
/// run as command lines through the shell, so the lab checks, records and resumes them.
final class ShellEngineTests: XCTestCase {
    var labs: [Lab] = []
    var dir = ""

    override func setUpWithError() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        labs = LabCatalog.labs(paths: [root.appendingPathComponent("Labs/00-example.yaml").path], files: DiskFiles())
        dir = "/tmp/cnmlab-shell-engine-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir + "/config", withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func labShell() throws -> SharedShellSession {
        var s = ShellSession(language: .en, labs: labs, store: try ProgressStore(path: dir + "/p.sqlite"), learner: "kim")
        XCTAssertTrue(s.handle("lab start example-publish-port").stdout.contains("-- Step 1/3: "))
        return SharedShellSession(s)
    }

    /// A client's change completes a lab step, is committed to the progress store, and survives a resume.
    func testClientChangesCountForTheLab() throws {
        let shared = try labShell()
        let host = ShellEngineHost(shared)
        let solution = try XCTUnwrap(shared.session.labSession?.solutionTranscript)
        let out = host.withSession { $0.run(solution[0]) }
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertEqual(out.stdout.count, 65, "the network ID, without the lab's messages: \(out.stdout)")
        XCTAssertEqual(shared.session.labSession?.currentStep, 1)
        let notices = shared.takeNotices().map(\.text).joined()
        XCTAssertTrue(notices.hasPrefix("⇄ \(solution[0])\n"), notices)
        XCTAssertTrue(notices.contains("✔ Step 1 complete"), notices)
        XCTAssertTrue(notices.contains("-- Step 2/3: "), "the next step is shown to the learner: \(notices)")
        XCTAssertFalse(notices.contains(out.stdout), "the command's output goes to the client only")
        XCTAssertTrue(shared.takeNotices().isEmpty)

        // Forbidden by the lab's rules: refused, and nothing changes.
        let before = shared.session.engine.allNetworks.count
        let refused = host.withSession { $0.run("docker network prune -f") }
        XCTAssertEqual(refused.exitCode, 1)
        XCTAssertEqual(refused.stderr, "cnmlab: refused: this lab does not remove networks in bulk.\n")
        XCTAssertEqual(shared.session.engine.allNetworks.count, before)
        let refusal = try XCTUnwrap(shared.takeNotices().first)
        XCTAssertEqual(refusal.stdout, "⇄ (exit 1) docker network prune -f\n")
        XCTAssertEqual(refusal.stderr, refused.stderr, "the learner at the shell sees why too")

        var again = ShellSession(language: .en, labs: labs, store: try ProgressStore(path: dir + "/p.sqlite"), learner: "kim")
        XCTAssertTrue(again.handle("lab start example-publish-port").stdout.contains("Resuming"))
        XCTAssertEqual(again.labSession?.currentStep, 1)
    }

    /// `engine` is a command of the table: parsed by the session, done by the runner (which holds the server).
    func testEngineCommandIsDispatchedByTheTable() {
        var s = ShellSession(language: .en)
        XCTAssertEqual(s.handle("engine").engineRequest, .start(socket: nil))
        XCTAssertEqual(s.handle("engine start /tmp/x.sock").engineRequest, .start(socket: "/tmp/x.sock"))
        XCTAssertEqual(s.handle("engine stop").engineRequest, .stop)
        XCTAssertEqual(s.handle("engine status").engineRequest, .status)
        let bad = s.handle("engine restart")
        XCTAssertNil(bad.engineRequest)
        XCTAssertEqual(bad.stderr, "usage: engine [start [SOCKET]|stop|status]\n")
        XCTAssertTrue(s.handle("help").stdout.contains("  engine [start [SOCKET]|stop|status]  the Docker Engine API"))
        XCTAssertEqual(s.completer.candidates(words: ["engine", "st"], engine: s.engine), ["start", "status", "stop"])
        // Inside a container `engine` is the container's (busybox sh has no such program).
        _ = s.handle("docker run -d --name box busybox sleep 1000")
        _ = s.handle("docker exec -it box sh")
        let inside = s.handle("engine")
        XCTAssertNil(inside.engineRequest)
        XCTAssertTrue(inside.stderr.contains("engine: not found"), inside.stderr)
        _ = s.handle("exit")
        _ = s.handle("lang ko")
        XCTAssertTrue(s.handle("help").stdout.contains("다른 터미널의 실제 docker 클라이언트용 Docker Engine API"))
    }

    /// In the sandbox the client's line can be undone like a typed one, whatever nested prompt the learner is at.
    func testSandboxLinesRunOnTheHostAndUndo() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker run -d --name box busybox sleep 1000")
        XCTAssertTrue(s.handle("docker exec -it box sh").stdout.contains("box"))
        let shared = SharedShellSession(s)
        let host = ShellEngineHost(shared)
        XCTAssertEqual(host.withSession { $0.run("docker network create n1") }.exitCode, 0)
        XCTAssertNotNil(shared.session.engine.network(named: "n1"))
        XCTAssertNotNil(shared.session.attachedContainer, "the learner stays in the container")
        _ = shared.session.handle("exit")
        XCTAssertTrue(shared.session.handle("undo").stdout.contains("docker network create n1"))
        XCTAssertNil(shared.session.engine.network(named: "n1"))
    }

    /// The real docker CLI against the shell's engine (where docker 28.2 is installed).
    func testRealCLIAgainstTheShellsEngine() throws {
        let version = Spawn.run(["docker", "--version"], timeout: 10)
        guard version.status == 0, version.stdout.hasPrefix("Docker version 28.2.") else {
            print("CNMShellTests: shell engine test skipped: docker --version does not report 28.2.x")
            throw XCTSkip("docker 28.2 CLI not installed")
        }
        let shared = try labShell()
        let engine = ShellEngine(shared: shared)
        let socket = dir + "/d.sock"
        let started = engine.start(socket: socket, language: .en)
        XCTAssertTrue(started.stdout.hasSuffix("export DOCKER_HOST=unix://\(socket)\n"), started.stdout + started.stderr)
        defer { engine.shutdown() }
        func docker(_ args: String...) -> Spawn.Result {
            Spawn.run(["env", "DOCKER_HOST=unix://" + socket, "DOCKER_CONFIG=" + dir + "/config", "docker"] + args, timeout: 20)
        }
        let solution = try XCTUnwrap(shared.withLock { shared.session.labSession?.solutionTranscript })
        let create = docker("network", "create", String(solution[0].split(separator: " ").last ?? ""))
        XCTAssertEqual(create.status, 0, create.stderr)
        XCTAssertEqual(shared.withLock { shared.session.labSession?.currentStep }, 1)
        let ls = docker("network", "ls", "--format", "{{.Name}}")
        let typed = shared.withLock { shared.session.handle("docker network ls --format '{{.Name}}'") }
        XCTAssertEqual(ls.stdout, typed.stdout, "the client and the shell see the same world")
        XCTAssertTrue(engine.perform(.status, language: .en).stdout.contains(socket))
        XCTAssertTrue(engine.stop(language: .en).stdout.contains("stopped"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: socket))
    }
}
