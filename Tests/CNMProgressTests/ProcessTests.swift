import CNMCommands
import Foundation
import XCTest
@testable import CNMProgress

/// Tests that run the built `cnmlab` binary: several processes on one file, `kill -9`, and the CLI.
final class ProcessTests: XCTestCase {
    /// A script of `count` network commands, each changing the state.
    private func script(_ dir: TempDir, name: String, count: Int) throws -> (String, [String]) {
        let lines = (0..<count).map { i in
            i % 2 == 0 ? "docker network create \(name)-\(i / 2)" : "docker network rm \(name)-\(i / 2)"
        }
        let path = dir.file(name + ".txt")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (path, lines)
    }

    func testFourProcessesWritingAtOnce() throws {
        let dir = TempDir()
        let db = dir.file("class.sqlite")
        let perProcess = 150
        var processes: [Process] = []
        var scripts: [[String]] = []
        for i in 0..<4 {
            let (file, lines) = try script(dir, name: "p\(i)", count: perProcess)
            scripts.append(lines)
            let p = try Binary.process(["progress", "record", "--learner", "learner\(i)", "--lab", "concurrency",
                                        "--seed", String(i), "--db", db, file])
            processes.append(p)
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus), [0, 0, 0, 0], "no process saw SQLITE_BUSY or another error")
        let store = try ProgressStore(path: db, mode: .readOnly)
        XCTAssertTrue(try store.quickCheck())
        let report = try store.verifyChain()
        XCTAssertEqual(report, ChainReport(rows: 4 * perProcess, problem: nil))
        for i in 0..<4 {
            let point = try XCTUnwrap(try store.resumePoint(learner: "learner\(i)", labID: "concurrency"))
            XCTAssertEqual(point.commands.map(\.commandText), scripts[i])
            XCTAssertEqual(point.commands.map(\.sequence), Array(1...perProcess))
            // Hashes written by another process (its own hash seed) replay in this one.
            let replay = Replay.run(point)
            XCTAssertNil(replay.mismatch, "learner\(i): \(replay.message.text)")
        }
    }

    func testKillDashNineNeverCorruptsTheFile() throws {
        let dir = TempDir()
        let db = dir.file("p.sqlite")
        let (file, lines) = try script(dir, name: "k", count: 3000)
        var before = 0
        for round in 0..<3 {
            let p = try Binary.process(["progress", "record", "--learner", "ana", "--lab", "crash", "--db", db, file])
            try p.run()
            // Wait until this round has written something, then kill at an arbitrary moment.
            let deadline = Date().addingTimeInterval(30)
            var seen = 0
            while Date() < deadline, p.isRunning {
                if let store = try? ProgressStore(path: db, mode: .readOnly),
                   let point = try? store.resumePoint(learner: "ana", labID: "crash") {
                    seen = point.commands.count
                    if seen >= before + 40 { break }
                }
                usleep(20_000)
            }
            usleep(UInt32(3_000 + round * 7_000))
            XCTAssertTrue(p.isRunning, "round \(round): the recorder should still be writing when killed")
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationReason, .uncaughtSignal)

            let store = try ProgressStore(path: db)
            XCTAssertTrue(try store.quickCheck(), "round \(round)")
            XCTAssertTrue(try store.verifyChain().isIntact, "round \(round)")
            let point = try XCTUnwrap(try store.resumePoint(learner: "ana", labID: "crash"))
            XCTAssertGreaterThanOrEqual(point.commands.count, seen)
            // What was committed is an unbroken prefix of what the learner typed.
            XCTAssertEqual(point.commands.map(\.sequence), Array(1...point.commands.count))
            XCTAssertGreaterThan(point.commands.count, before, "round \(round) recorded commands")
            let typed = point.commands.dropFirst(before).map(\.commandText)
            XCTAssertEqual(typed, Array(lines.prefix(typed.count)), "round \(round)")
            XCTAssertNil(Replay.run(point).mismatch, "round \(round)")
            // The next round resumes the same attempt and types the script from the top again.
            before = point.commands.count
        }
    }

    func testKillDuringCreationLeavesAUsableFile() throws {
        let dir = TempDir()
        let (file, _) = try script(dir, name: "e", count: 200)
        var checked = 0
        // Opening a new file takes a few tens of milliseconds: kill all along that window.
        for (i, delay) in stride(from: 0, through: 60_000, by: 3_000).enumerated() {
            let db = dir.file("early\(i).sqlite")
            let p = try Binary.process(["progress", "record", "--learner", "ana", "--lab", "early", "--db", db, file])
            try p.run()
            usleep(UInt32(delay))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            guard FileManager.default.fileExists(atPath: db) else { continue }
            // A reader (verify, report) first, then a writer (the next shell).
            XCTAssertTrue(try ProgressStore(path: db, mode: .readOnly).verifyChain().isIntact)
            let store = try ProgressStore(path: db)
            XCTAssertTrue(try store.quickCheck(), "killed after \(delay) µs")
            XCTAssertTrue(try store.verifyChain().isIntact, "killed after \(delay) µs")
            XCTAssertEqual(try store.schemaVersion(), ProgressSchema.version)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0, "at least the later kills leave a file to check")
    }

    func testCommandLine() throws {
        let dir = TempDir()
        let db = dir.file("p.sqlite")
        let (file, lines) = try script(dir, name: "c", count: 4)
        let record = try Binary.run(["progress", "record", "--learner", "ana", "--lab", "cli", "--seed", "5",
                                     "--db", db, file], in: dir)
        XCTAssertEqual(record.status, 0, record.stderr)
        XCTAssertEqual(record.stdout.split(separator: "\n").count, 4, "network create and rm print one line each")

        let show = try Binary.run(["progress", "--format", "csv", "--db", db], in: dir)
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("\r\nana,cli,1,open,,,0,,0,0,4,"), show.stdout)

        let unknown = try Binary.run(["progress", "--learner", "zed", "--db", db], in: dir)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "cnmlab: no learner named \"zed\"\n")

        let export = try Binary.run(["progress", "export", "--learner", "ana", "--lab", "cli", "--db", db], in: dir)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.hasPrefix("# cnmlab transcript\n# learner: ana\n"))
        XCTAssertEqual(export.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init), lines)

        let ok = try Binary.run(["progress", "verify", "--db", db], in: dir)
        XCTAssertEqual(ok.status, 0)
        XCTAssertEqual(ok.stdout, "command log intact: 4 rows, chain verified\n"
                       + "note: attempt 1 (ana, cli) cannot be verified: lab cli not found (--labs)\n"
                       + "attempts: 0 verified, 0 mismatched, 1 not verifiable\n")

        try Fixture.raw(db).write { db in try db.execute(sql: "UPDATE command_log SET exit_code = 9 WHERE id = 2") }
        let broken = try Binary.run(["progress", "verify", "--db", db], in: dir)
        XCTAssertEqual(broken.status, 1)
        XCTAssertEqual(broken.stderr, "cnmlab: command log row 2 (attempt #1, command 2) was changed after it was written\n")

        let resumeFails = try Binary.run(["progress", "record", "--learner", "ana", "--lab", "cli", "--db", db, file], in: dir)
        XCTAssertEqual(resumeFails.status, 1, "the edited exit code no longer replays")
        XCTAssertTrue(resumeFails.stderr.contains("replaying command 2"), resumeFails.stderr)

        let junk = dir.file("junk.sqlite")
        try "junk".write(toFile: junk, atomically: true, encoding: .utf8)
        let refused = try Binary.run(["progress", "verify", "--db", junk], in: dir)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "cnmlab: \(junk) is not an SQLite database; it was left untouched\n")
    }

    func testReportMergesDatabases() throws {
        let dir = TempDir()
        let one = dir.file("one.sqlite"), two = dir.file("two.sqlite")
        let a = try Fixture.store(one)
        let attempt = try a.startAttempt(learner: "ana", labID: "l1", labVersion: "1", seed: 0)
        try a.finishAttempt(attempt.id, score: 3, maxScore: 4)
        let b = try Fixture.store(two)
        _ = try b.startAttempt(learner: "ben", labID: "l1", labVersion: "1", seed: 0)
        let csv = try Binary.run(["report", one, two, dir.path + "/./one.sqlite"], in: dir)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[1].hasPrefix("ana,l1,1,finished,3,4,"))
        // The last column says whether the rows agree with a replay (l1 is no lab: unknown).
        XCTAssertTrue(lines[0].hasSuffix(",last_activity,verified"), lines[0])
        XCTAssertTrue(lines[1].hasSuffix(",1,2026-01-01T00:00:01Z,unknown"), "one.sqlite named twice counts once: \(lines[1])")
        XCTAssertTrue(lines[2].hasPrefix("ben,l1,1,open,"))

        let json = try Binary.run(["report", "--format", "json", one, two, dir.file("missing.sqlite")], in: dir)
        XCTAssertEqual(json.status, 1, "a missing file is reported")
        XCTAssertTrue(json.stderr.contains("missing.sqlite"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.map { $0["learner"] as? String }, ["ana", "ben"])
    }
}
