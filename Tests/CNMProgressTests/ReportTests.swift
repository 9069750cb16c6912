import CNMSim
import CNMCommands
import Foundation
import XCTest
@testable import CNMProgress

final class ReportTests: XCTestCase {
    /// ana: lab `bridges` finished 7/10 after an abandoned try; lab `dns` in progress. ben: `bridges` open.
    private func classroom(_ path: String, step: Int64 = 10_000) throws -> ProgressStore {
        let store = try Fixture.store(path, step: step)
        let first = try store.startAttempt(learner: "ana", labID: "bridges", labVersion: "1", seed: 1, stepsTotal: 3)
        try store.recordCommand(attempt: first.id, command: "docker ps", exitCode: 0, stateHash: "h")
        try store.abandonAttempt(first.id)
        var s = try RecordedSession.start(store: store, learner: "ana", labID: "bridges", labVersion: "2", seed: 2,
                                          stepsTotal: 3)
        for line in Fixture.commands.prefix(3) { _ = try s.run(line: line) }
        try store.recordHint(attempt: s.attempt.id, step: "one", tier: 1)
        try store.recordHint(attempt: s.attempt.id, step: "two", tier: 2)
        try store.completeStep(attempt: s.attempt.id, step: "one")
        try store.completeStep(attempt: s.attempt.id, step: "two")
        try store.recordSolutionShown(attempt: s.attempt.id, step: "two")
        try store.finishAttempt(s.attempt.id, score: 7, maxScore: 10)
        let dns = try store.startAttempt(learner: "ana", labID: "dns", labVersion: "1", seed: 3)
        try store.recordCommand(attempt: dns.id, command: "docker network ls", exitCode: 0, stateHash: "h")
        _ = try store.startAttempt(learner: "ben", labID: "bridges", labVersion: "2", seed: 4, stepsTotal: 3)
        return store
    }

    func testPerLabRowsPickTheCountingAttempt() throws {
        let dir = TempDir()
        let store = try classroom(dir.file("p.sqlite"))
        let rows = try store.labProgress()
        XCTAssertEqual(rows.map { "\($0.learner)/\($0.labID)" }, ["ana/bridges", "ana/dns", "ben/bridges"])
        let bridges = rows[0]
        XCTAssertEqual(bridges.status, .finished)
        XCTAssertEqual(bridges.labVersion, "2")
        XCTAssertEqual(bridges.attempts, 2)
        XCTAssertEqual(bridges.score, 7)
        XCTAssertEqual(bridges.maxScore, 10)
        XCTAssertEqual(bridges.stepsDone, 2)
        XCTAssertEqual(bridges.stepsTotal, 3)
        XCTAssertEqual(bridges.hints, 2)
        XCTAssertEqual(bridges.solutionsShown, 1)
        XCTAssertEqual(bridges.commands, 4)
        // Every clock read is 10 s later. Attempt 1: start 0, command 10, abandoned 20 (20 s).
        // Attempt 2: start 30, commands 40–60, steps done 70 and 80, finished 90 (60 s).
        XCTAssertEqual(bridges.timeSpentSeconds, 80)
        XCTAssertEqual(rows[1].status, .open)
        XCTAssertNil(rows[1].score)
        XCTAssertEqual(try store.labProgress(learner: "ben").map(\.labID), ["bridges"])
    }

    func testIdlePausesAreCapped() throws {
        let dir = TempDir()
        let store = try Fixture.store(dir.file("p.sqlite"), step: 3_600_000)
        let a = try store.startAttempt(learner: "ana", labID: "l", labVersion: "1", seed: 0)
        try store.recordCommand(attempt: a.id, command: "docker ps", exitCode: 0, stateHash: "h")
        XCTAssertEqual(try store.labProgress().first?.timeSpentSeconds, ProgressReport.idleCap)
    }

    func testFormats() throws {
        let dir = TempDir()
        let store = try classroom(dir.file("p.sqlite"))
        let rows = try store.labProgress(learner: "ana")
        let table = ProgressReport.render(rows, format: .table)
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("LEARNER   LAB       VERSION   STATUS"))
        XCTAssertTrue(lines[1].contains("finished"))
        XCTAssertTrue(lines[1].contains("7/10"))
        XCTAssertTrue(lines[1].contains("2/3"))
        XCTAssertTrue(lines[2].contains("in progress"))

        let csv = ProgressReport.render(rows, format: .csv)
        let csvLines = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(csvLines[0], ProgressReport.keys.joined(separator: ","))
        XCTAssertTrue(csvLines[1].hasPrefix("ana,bridges,2,finished,7,10,2,3,2,1,4,"))
        XCTAssertTrue(csvLines[2].hasPrefix("ana,dns,1,open,,,0,,0,0,1,"))

        let json = ProgressReport.render(rows, format: .json)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.count, 2)
        XCTAssertEqual(parsed?[0]["score"] as? Int, 7)
        XCTAssertEqual(parsed?[0]["status"] as? String, "finished")
        XCTAssertTrue(parsed?[1]["score"] is NSNull)
    }

    func testCSVQuotingAndFormulaGuard() {
        XCTAssertEqual(ProgressReport.csvField("a,b"), "\"a,b\"")
        XCTAssertEqual(ProgressReport.csvField("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(ProgressReport.csvField("=SUM(A1)"), "'=SUM(A1)")
        XCTAssertEqual(ProgressReport.csvField("plain"), "plain")
    }

    func testMergeCombinesTheSameLearnerAcrossFiles() throws {
        let dir = TempDir()
        let one = try classroom(dir.file("one.sqlite")).labProgress()
        let other = try Fixture.store(dir.file("two.sqlite"))
        let a = try other.startAttempt(learner: "ana", labID: "dns", labVersion: "1", seed: 3)
        try other.finishAttempt(a.id, score: 5, maxScore: 5)
        _ = try other.startAttempt(learner: "cy", labID: "dns", labVersion: "1", seed: 3)
        let merged = ProgressReport.merge([one, try other.labProgress()])
        XCTAssertEqual(merged.map { "\($0.learner)/\($0.labID)" }, ["ana/bridges", "ana/dns", "ben/bridges", "cy/dns"])
        XCTAssertEqual(merged[1].status, .finished, "the finished attempt from the second file counts")
        XCTAssertEqual(merged[1].score, 5)
        XCTAssertEqual(merged[1].attempts, 2)
        XCTAssertEqual(merged[1].commands, 1)
    }

    func testTranscriptHasAHeaderAndOneCommandPerLine() throws {
        let dir = TempDir()
        let store = try classroom(dir.file("p.sqlite"))
        let t = try store.transcript(learner: "ana", labID: "bridges")
        let text = String(decoding: t.render(), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "# cnmlab transcript")
        XCTAssertEqual(lines[1], "# learner: ana")
        XCTAssertEqual(lines[2], "# lab: bridges (version 2)")
        XCTAssertEqual(lines[3], "# seed: 2")
        XCTAssertTrue(lines.contains("# score: 7/10"))
        XCTAssertEqual(lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }, Array(Fixture.commands.prefix(3)))
        // The transcript replays on the simulator to the recorded state.
        var sim = Simulator(seed: t.attempt.seed)
        for line in LineSplitter.commandLines(t.render()) { _ = sim.run(bytes: line) }
        XCTAssertEqual(StateFingerprint.hash(simulator: sim), t.commands.last?.stateHash)
        XCTAssertThrowsError(try store.transcript(learner: "ana", labID: "nope")) {
            XCTAssertEqual($0 as? ProgressError, ProgressError(.noAttempt(learner: "ana", lab: "nope")))
        }
        XCTAssertEqual(try store.transcript(learner: "ana", labID: "bridges", attemptID: 1).commands.map(\.commandText),
                       ["docker ps"])
    }
}

final class ProgressLanguageTests: XCTestCase {
    func testKoreanHeadingsStatusAndMessages() {
        let row = LabProgress(learner: "민수", labID: "lab-a", labVersion: "1", status: .open, attempts: 1,
                              score: nil, maxScore: nil, stepsDone: 1, stepsTotal: 5, hints: 0, solutionsShown: 0,
                              commands: 1, timeSpentSeconds: 0, lastActivity: 0)
        let table = ProgressReport.render([row], format: .table, language: "ko")
        XCTAssertTrue(table.hasPrefix("학습자   실습    버전   상태      "), table)
        XCTAssertTrue(table.contains("진행 중"))
        XCTAssertEqual(ProgressMessage.chainIntact(rows: 3).text("ko"), "명령 기록 이상 없음: 3행, 해시 체인 확인됨")
        XCTAssertEqual(ProgressMessage.chainIntact(rows: 3).text("en"), "command log intact: 3 rows, chain verified")
    }
}
