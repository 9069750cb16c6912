import CNMFileSystem
import XCTest
@testable import CNMLabs
import CNMSim
import CNMTestSupport

/// The grader: replays through `LabSession`, full marks for reference solutions, partial credit,
/// the transcript markers, the pass mark and hostile input.
final class GradeTests: XCTestCase {
    func submission(_ text: String) throws -> Submission {
        try Submission.parse(Array(text.utf8)).get()
    }

    func testEveryShippedLabsReferenceSolutionGetsFullMarks() throws {
        let labs = LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles())
        XCTAssertFalse(labs.isEmpty, "no shipped labs found in \(Fixture.labsDirectory.path)")
        for lab in labs {
            for learner in [nil, "alice", "bob"] as [String?] {
                let lines = LabSession(lab: lab, learner: learner).solutionTranscript
                let report = Grader.grade(lab: lab, learner: learner, submission: try submission(lines.joined(separator: "\n")))
                let who = "\(lab.id) \(learner ?? "-")"
                XCTAssertTrue(report.passed, who)
                XCTAssertGreaterThanOrEqual(report.score, report.max, who)
                XCTAssertEqual(report.steps.map(\.status), Array(repeating: .passed, count: lab.steps.count), who)
                XCTAssertEqual(report.commands, lines.count, who)
                XCTAssertEqual(report.refused, 0, who)
                XCTAssertEqual(report.learner, learner, who)
                // Same verdict as the session the shell runs.
                let (_, score) = LabSession.grade(lab: lab, learner: learner, transcript: lines)
                XCTAssertEqual(report.score, score.earned, who)
                XCTAssertEqual(report.seed, score.seed, who)
            }
        }
    }

    func testPartialTranscriptGetsPartialCredit() throws {
        let labs = LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles())
        let lab = try XCTUnwrap(labs.first { lab in
            lab.steps.count >= 3 && !lab.steps[0].optional && lab.steps[0].quiz == nil && lab.steps[0].maxPoints > 0
                && !lab.steps[1].optional
        })
        let first = LabSession(lab: lab).lab.steps[0].transcriptLines
        let report = Grader.grade(lab: lab, learner: nil, submission: try submission(first.joined(separator: "\n")))
        XCTAssertFalse(report.passed, lab.id)
        XCTAssertEqual(report.score, report.steps[0].max, lab.id)
        XCTAssertGreaterThan(report.score, 0, lab.id)
        XCTAssertLessThan(report.score, report.max, lab.id)
        XCTAssertEqual(report.steps[0].status, .passed)
        XCTAssertEqual(report.steps[1].status, .failed)
        XCTAssertTrue(report.steps[2].message.hasPrefix("not reached: step 2") || report.steps[2].optional, report.steps[2].message)
        XCTAssertTrue(report.steps[2].checks.allSatisfy { $0.status == .notRun })
    }

    func testPartialCreditIsTheMostCheckPointsHeldAtOnce() throws {
        let yaml = Fixture.header() + """
            steps:
              - id: net
                title: {ko: n, en: n}
                text: {ko: t, en: t}
                points: 2
                hints: [{tier: nudge, ko: h, en: h}]
                checks:
                  - {name: exists, points: 1, network: {name: testnet}}
                  - {name: subnet, points: 3, network: {name: testnet, subnet: 10.9.0.0/24}}
                solution: [docker network create --subnet 10.9.0.0/24 testnet]
            """
        let lab = try XCTUnwrap(Fixture.decode(yaml).lab)
        let report = Grader.grade(lab: lab, learner: nil,
                                  submission: try submission("docker network create testnet\ndocker network rm testnet\n"))
        XCTAssertEqual(report.score, 1, "exists held once")
        XCTAssertEqual(report.max, 6)
        XCTAssertEqual(report.steps[0].status, .failed)
        XCTAssertEqual(report.steps[0].checks.map(\.status), [.failed, .failed], "checks as they stand at the end")
        XCTAssertEqual(report.steps[0].message, "not complete: exists: no network named testnet")
        XCTAssertEqual(report.steps[0].checks[0].expected, "testnet")
    }

    func testEmptyTranscriptFails() throws {
        let lab = Fixture.lab("valid.yaml")
        let report = Grader.grade(lab: lab, learner: nil, submission: try submission("# nothing yet\n\n"))
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.score, 0)
        XCTAssertEqual(report.commands, 0)
        XCTAssertEqual(report.steps.map(\.status), [.failed])
    }

    func testCommentsBlankLinesAndContinuationsAreReadAsTheShellReadsThem() throws {
        let s = try submission("\u{FEFF}# learner: ana\n\n  # a comment with an ' apostrophe\r\ndocker network \\\n  create testnet\r\nanswer 172.17.0.1\n#cnmlab hint\n")
        XCTAssertEqual(s.lines, ["docker network \\\n  create testnet", "answer 172.17.0.1", "#cnmlab hint"])
        XCTAssertEqual(s.headerLearner, "ana")
    }

    func testMarkersReplayHintsSolutionsAndSkipsLikeTheShell() throws {
        let lab = Fixture.lab("grade-small.yaml")
        let text = "#cnmlab hint\ndocker network create --label course=cnm testnet\n#cnmlab solution\n#cnmlab skip\nanswer 172.17.0.1\n"
        let report = Grader.grade(lab: lab, learner: nil, submission: try submission(text))
        XCTAssertEqual(report.steps.map(\.status), [.passed, .skipped, .passed])
        XCTAssertEqual(report.steps[0].hints, ["command"])
        XCTAssertTrue(report.steps[1].solutionShown)
        XCTAssertTrue(report.passed)
        // The same lines through the session the shell (LabRecorder) drives.
        var session = LabSession(lab: lab)
        _ = session.hint()
        _ = session.input("docker network create --label course=cnm testnet")
        _ = session.revealSolution()
        _ = session.skip()
        _ = session.input("answer 172.17.0.1")
        XCTAssertEqual(report.score, session.score.earned)
        XCTAssertEqual(report.steps.map(\.penalty), session.score.steps.map(\.penalty))
    }

    func testWithoutASkipMarkerAnOptionalStepHoldsTheLaterStepsBack() throws {
        let lab = Fixture.lab("grade-small.yaml")
        let report = Grader.grade(lab: lab, learner: nil,
                                  submission: try submission("docker network create --label course=cnm testnet\nanswer 172.17.0.1\n"))
        XCTAssertEqual(report.steps.map(\.status), [.passed, .skipped, .failed])
        XCTAssertEqual(report.steps[1].message, "optional step not done")
        XCTAssertFalse(report.passed)
    }

    func testPassMarkInPointsAndPercent() throws {
        let lab = Fixture.lab("grade-small.yaml")
        let s = try submission("docker network create testnet\n#cnmlab skip\n")  // 3 of 5
        XCTAssertTrue(Grader.grade(lab: lab, learner: nil, submission: s, passMark: .points(3)).passed)
        XCTAssertFalse(Grader.grade(lab: lab, learner: nil, submission: s, passMark: .points(4)).passed)
        XCTAssertTrue(Grader.grade(lab: lab, learner: nil, submission: s, passMark: .percent(60)).passed)
        XCTAssertFalse(Grader.grade(lab: lab, learner: nil, submission: s, passMark: .percent(61)).passed)
        XCTAssertEqual(Grader.grade(lab: lab, learner: nil, submission: s, passMark: .percent(61)).minScore, 4)
        XCTAssertEqual(Grader.PassMark("80%"), .percent(80))
        XCTAssertEqual(Grader.PassMark(" 12 "), .points(12))
        XCTAssertNil(Grader.PassMark("-1"))
        XCTAssertNil(Grader.PassMark("101%"))
        XCTAssertNil(Grader.PassMark("lots"))
    }

    func testLearnersGetTheirOwnVariant() throws {
        let lab = try XCTUnwrap(LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles()).first { !$0.parameters.isEmpty })
        let alice = LabSession(lab: lab, learner: "alice").solutionTranscript.joined(separator: "\n")
        let asAlice = Grader.grade(lab: lab, learner: "alice", submission: try submission(alice))
        XCTAssertTrue(asAlice.passed)
        XCTAssertEqual(asAlice.seed, LabVariant.make(for: lab, learner: "alice").seed)
        let defaults = LabSession(lab: lab).solutionTranscript
        if defaults.joined(separator: "\n") != alice {
            let asDefault = Grader.grade(lab: lab, learner: nil, submission: try submission(alice))
            XCTAssertFalse(asDefault.passed, "alice's variant should not pass the default variant's checks")
        }
    }

    func testHostileSubmissionsAreRefusedOrGradedNeverCrash() throws {
        XCTAssertEqual(Submission.parse([0x64, 0x00, 0x0A]), .failure(.binary))
        XCTAssertEqual(Submission.parse(Array(repeating: 0x61, count: Submission.maxBytes + 1)), .failure(.tooLarge))
        XCTAssertEqual(Submission.parse(Array(repeating: 0x0A, count: Submission.maxLines + 1)), .failure(.tooManyLines))
        var long = Array("docker ps\n".utf8)
        long += Array(repeating: 0x61, count: Submission.maxLineBytes + 1)
        XCTAssertEqual(Submission.parse(long), .failure(.lineTooLong(line: 2)))
        // Random bytes (no NUL), invalid UTF-8 and terminal escapes: graded, and they fail.
        var generator = seededGenerator(default: 0x6AADE)
        let lab = Fixture.lab("grade-small.yaml")
        for round in 0..<20 {
            var bytes = (0..<2_000).map { _ in UInt8.random(in: 1...255, using: &generator) }
            if round % 2 == 0 { bytes += Array("\n\u{1B}[2J docker network create \"unterminated\n".utf8) }
            let s = try Submission.parse(bytes).get()
            let report = Grader.grade(lab: lab, learner: "fuzz\(round)", submission: s)
            XCTAssertFalse(report.passed)
            for format in GradeFormat.allCases { XCTAssertFalse(format.render(report, locale: .en).isEmpty) }
            XCTAssertFalse(GradeTextWriter.render(report, locale: .en).contains("\u{1B}"))
        }
    }

    /// White space around a line is trimmed as `CharacterSet.whitespaces` does (tabs and Unicode
    /// spaces included), whether or not the line takes the ASCII fast path.
    func testTranscriptLinesAreTrimmedLikeFoundation() throws {
        for line in ["docker ps", "  docker ps\t", "\u{00A0}# hint\u{3000}", "\u{000B}docker ps", "x", " ", "docker ps\u{7F}"] {
            XCTAssertEqual(Submission.trimmed(line), line.trimmingCharacters(in: .whitespaces), line.debugDescription)
        }
        guard case .success(let s) = Submission.parse(Array("\tdocker ps \n\u{00A0}#cnmlab hint\u{00A0}\n".utf8)) else {
            return XCTFail("the transcript parses")
        }
        XCTAssertEqual(s.lines, ["\tdocker ps ", "#cnmlab hint"])
    }
}
