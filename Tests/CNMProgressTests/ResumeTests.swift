import CNMSim
import CNMCommands
import GRDB
import XCTest
@testable import CNMProgress

final class ResumeTests: XCTestCase {
    /// Records the fixture commands for `ana` at lab `l` and returns the live session.
    private func recorded(_ store: ProgressStore, seed: UInt64 = 42) throws -> RecordedSession {
        var session = try RecordedSession.start(store: store, learner: "ana", labID: "l", labVersion: "1", seed: seed)
        for line in Fixture.commands { _ = try session.run(line: line) }
        return session
    }

    func testResumeByReplayReproducesEveryStateHash() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let live = try recorded(try Fixture.store(path))
        // Tomorrow: a new process opens the file.
        let store = try Fixture.store(path)
        let point = try XCTUnwrap(try store.resumePoint(learner: "ana"))
        XCTAssertEqual(point.attempt.id, live.attempt.id)
        XCTAssertEqual(point.commands.map(\.commandText), Fixture.commands)
        let result = Replay.run(point)
        XCTAssertNil(result.mismatch)
        XCTAssertEqual(result.matched, Fixture.commands.count)
        XCTAssertEqual(result.message, .replayMatched(commands: Fixture.commands.count))
        XCTAssertEqual(StateFingerprint.hash(simulator: result.simulator), StateFingerprint.hash(simulator: live.simulator))
        XCTAssertEqual(result.simulator.engine.network(named: "back")?.id, live.simulator.engine.network(named: "back")?.id)

        // The resumed session goes on appending to the same attempt.
        var (session, _) = RecordedSession.resume(store: store, point: point)
        _ = try session.run(line: "docker network rm back")
        let log = try store.commands(attempt: point.attempt.id)
        XCTAssertEqual(log.count, Fixture.commands.count + 1)
        XCTAssertEqual(log.last?.sequence, Fixture.commands.count + 1)
        XCTAssertTrue(try store.verifyChain().isIntact)
    }

    func testChangedLabIsReportedAtTheFirstDifferentCommand() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        _ = try recorded(store)
        let point = try XCTUnwrap(try store.resumePoint(learner: "ana", labID: "l"))
        // The lab's setup now creates a network first: the very first state differs.
        var changedSetup = Simulator(seed: 42)
        _ = changedSetup.run(line: "docker network create extra")
        let result = Replay.run(point.commands, from: changedSetup)
        XCTAssertEqual(result.matched, 0)
        XCTAssertEqual(result.mismatch?.sequence, 1)
        XCTAssertEqual(result.message, .replayMismatch(sequence: 1, command: Fixture.commands[0]))
        XCTAssertEqual(StateFingerprint.hash(simulator: result.simulator), StateFingerprint.hash(simulator: changedSetup),
                       "the simulator stays at the last matching state")
    }

    func testMismatchInTheMiddleStopsThereAndRestartKeepsTheGoodPart() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let store = try Fixture.store(path)
        let live = try recorded(store)
        // The simulation of command 4 "changed": its recorded state no longer comes out.
        try Fixture.raw(path).write { db in
            try db.execute(sql: "UPDATE command_log SET state_hash = ? WHERE attempt_id = ? AND sequence = 4",
                           arguments: [StateFingerprint.hashPrefix + String(repeating: "a", count: 64), live.attempt.id])
        }
        let point = try XCTUnwrap(try store.resumePoint(learner: "ana"))
        let result = Replay.run(point)
        XCTAssertEqual(result.matched, 3)
        XCTAssertEqual(result.mismatch?.sequence, 4)
        XCTAssertEqual(result.mismatch?.command, Fixture.commands[3])
        var expected = Simulator(seed: 42)
        for line in Fixture.commands.prefix(4) { _ = expected.run(line: line) }
        XCTAssertEqual(result.mismatch?.replayedHash, StateFingerprint.hash(simulator: expected))
        XCTAssertNotEqual(result.mismatch?.recordedHash, result.mismatch?.replayedHash)

        let restarted = try RecordedSession.restart(store: store, point: point, result: result)
        XCTAssertNotEqual(restarted.attempt.id, point.attempt.id)
        XCTAssertEqual(try store.attempt(id: point.attempt.id)?.status, .abandoned)
        XCTAssertEqual(try store.commands(attempt: restarted.attempt.id).map(\.commandText), Array(Fixture.commands.prefix(3)))
        let again = try XCTUnwrap(try store.resumePoint(learner: "ana"))
        XCTAssertEqual(again.attempt.id, restarted.attempt.id)
        XCTAssertNil(Replay.run(again).mismatch)
    }

    func testExitCodeDifferenceIsAMismatchToo() throws {
        let dir = TempDir()
        let path = dir.file("p.sqlite")
        let live = try recorded(try Fixture.store(path))
        try Fixture.raw(path).write { db in
            try db.execute(sql: "UPDATE command_log SET exit_code = 3 WHERE attempt_id = ? AND sequence = 5",
                           arguments: [live.attempt.id])
        }
        let store = try Fixture.store(path)
        let result = Replay.run(try XCTUnwrap(try store.resumePoint(learner: "ana")))
        XCTAssertEqual(result.mismatch?.sequence, 5)
        XCTAssertEqual(result.message, .replayExitMismatch(sequence: 5, command: Fixture.commands[4], recorded: 3, now: 0))
    }

    func testGenericReplayRunsThroughAnyRunner() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        let live = try recorded(store)
        let log = try store.commands(attempt: live.attempt.id)
        // A runner that wraps the simulator (as a lab session would) and counts the lines it saw.
        struct Wrapped { var sim: Simulator; var lines = 0 }
        let outcome = Replay.run(log, from: Wrapped(sim: Simulator(seed: 42))) { state, line, _ in
            state.lines += 1
            let out = state.sim.run(bytes: line)
            return (out.exitCode, StateFingerprint.hash(simulator: state.sim))
        }
        XCTAssertNil(outcome.mismatch)
        XCTAssertEqual(outcome.matched, log.count)
        XCTAssertEqual(outcome.state.lines, log.count)
        let wrong = Replay.run(log, from: 0) { (n: inout Int, _, _) in n += 1; return (0, "nope") }
        XCTAssertEqual(wrong.state, 0, "the state before the mismatching command is returned")
        XCTAssertEqual(wrong.mismatch?.sequence, 1)
    }

    func testNoResumePointWithoutAnOpenAttempt() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"))
        XCTAssertNil(try store.resumePoint(learner: "nobody"))
        let live = try recorded(store)
        try store.finishAttempt(live.attempt.id, score: 5, maxScore: 5)
        XCTAssertNil(try store.resumePoint(learner: "ana"))
    }
}
