import CNMFileSystem
import XCTest
@testable import CNMLabs
import CNMSim
import CNMTestSupport

/// Properties of the one lab pipeline over random sequences of lab lines (a seeded generator, so a
/// failure names a sequence that can be replayed): hints, solutions, right and wrong answers,
/// solution commands of any step, stray commands, undo, reset and skip.
final class ScorePropertyTests: XCTestCase {
    static let labIDs = ["example-publish-port", "w2d1s3-host-none", "w2d1s3-aliases-round-robin",
                         "w2d1s3-port-mapping-iptables", "w2d1s3-default-networks"]

    func labs() -> [Lab] {
        let all = LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles())
        let chosen = all.filter { Self.labIDs.contains($0.id) }
        XCTAssertEqual(chosen.count, Self.labIDs.count)
        return chosen
    }

    /// A random line for `session`: mostly what a learner would type, some of it wrong.
    static func randomLine(_ session: LabSession, _ rng: inout SeededGenerator) -> LabLine {
        let lab = session.lab
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
        switch pick(12) {
        case 0: return .hint
        case 1: return .solution
        case 2: return .skip
        case 3: return .undo
        case 4: return .reset(pick(3) == 0 ? .lab : .step)
        case 5:
            // An answer: the right one for some quiz, or a wrong one.
            let quizzes = lab.steps.compactMap(\.quiz)
            if let q = quizzes.isEmpty ? nil : quizzes[pick(quizzes.count)], pick(2) == 0 { return .answer(q.accept.first ?? "") }
            return .answer(["8046", "no", "42", "eth9", ""][pick(5)])
        case 6:
            return .command(["docker network create stray", "docker rm -f web", "iptables -I DOCKER-USER -j DROP",
                             "docker network prune -f", "docker ps", "docker stop $(docker ps -q)"][pick(6)])
        default:
            // A reference command: usually of the current step, sometimes of another one.
            let index = pick(4) == 0 ? pick(lab.steps.count) : min(session.currentStep, lab.steps.count - 1)
            let lines = lab.steps[index].transcriptLines
            return lines.isEmpty ? .command("docker ps") : LabLine(lines[pick(lines.count)])
        }
    }

    /// A score is never above the maximum nor below zero, after every line of every sequence — and
    /// replaying the journal (undo and reset lines included) gives back the same score, steps and world.
    func testTheScoreStaysWithinItsBoundsAndTheJournalReplaysIt() throws {
        var rng = seededGenerator(default: 20_261_202)
        for lab in labs() {
            for sequence in 0..<6 {
                let learner = "prop-\(sequence)"
                var attempt = LabAttempt(session: LabSession(lab: lab, learner: learner))
                for step in 0..<35 {
                    let line = Self.randomLine(attempt.session, &rng)
                    let outcome = try attempt.apply(line)
                    let score = attempt.session.score
                    let context = "\(lab.id) sequence \(sequence) line \(step): \(line)"
                    XCTAssertLessThanOrEqual(score.earned, score.max, context)
                    XCTAssertGreaterThanOrEqual(score.earned, 0, context)
                    for s in score.steps { XCTAssertLessThanOrEqual(s.earned, s.max, context) }
                    XCTAssertEqual(outcome.scoreAfter, score.earned, context)
                    if outcome.practice { XCTAssertEqual(outcome.scoreChange, 0, "practice changes no score: " + context) }
                }
                var replay = LabSession(lab: lab, learner: learner)
                for line in attempt.journal.lines { _ = replay.apply(line) }
                XCTAssertEqual(replay.score, attempt.session.score, "\(lab.id) sequence \(sequence)")
                XCTAssertEqual(replay.currentStep, attempt.session.currentStep, "\(lab.id) sequence \(sequence)")
                XCTAssertEqual(StateFingerprint.canonicalBytes(cluster: replay.cluster),
                               StateFingerprint.canonicalBytes(cluster: attempt.session.cluster), "\(lab.id) sequence \(sequence)")
            }
        }
    }

    /// Every step done, optional ones included, with nothing lost: the maximum exactly, never above.
    func testAPerfectRunWithTheOptionalStepsScoresTheMaximum() {
        for lab in LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles()) where lab.steps.contains(where: \.optional) {
            let (session, score) = LabSession.grade(lab: lab, transcript: LabSession(lab: lab).solutionTranscript)
            XCTAssertTrue(session.finished, lab.id)
            XCTAssertEqual(score.earned, score.max, "\(lab.id): optional points make up for lost ones, never more")
            XCTAssertGreaterThan(score.steps.reduce(0) { $0 + $1.earned }, score.max, "\(lab.id) has a bonus to cap")
        }
    }

    /// `undo` takes back the last command that changed the world; the IDs it drew are not drawn again.
    func testUndoNeverReusesAnID() {
        let lab = LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles()).first { $0.id == "example-publish-port" }!
        var s = LabSession(lab: lab, learner: "ana")
        var seen = Set<String>()
        for _ in 0..<5 {
            _ = s.apply(.command("docker run -d --name x busybox sleep 600"))
            let id = s.engine.containers.values.first { $0.name == "x" }!.id
            XCTAssertTrue(seen.insert(id).inserted, "ID \(id) was handed out twice")
            XCTAssertEqual(s.apply(.undo).reports.first, .undone("docker run -d --name x busybox sleep 600"))
            XCTAssertNil(s.engine.containers.values.first { $0.name == "x" })
        }
        XCTAssertEqual(s.apply(.command("docker ps")).exitCode, 0)
        XCTAssertEqual(s.apply(.undo).reports, [.nothingToUndo], "reads are not undone")
    }

    /// A command that warns and completes a step at once: its own output first, then the step.
    func testTheCommandsOwnOutputComesBeforeTheStepTransition() {
        let lab = LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles()).first { $0.id == "w2d1s3-host-none" }!
        var s = LabSession(lab: lab)
        let o = s.apply(.command("docker run -d --name hostweb --network host -p 8038:80 nginx"))
        guard case .output(let out)? = o.reports.first else { return XCTFail("\(o.reports)") }
        XCTAssertTrue(out.stderr.hasPrefix("WARNING: Published ports are discarded"), out.stderr)
        XCTAssertEqual(o.reports.dropFirst().map { r -> String in
            switch r {
            case .stepCompleted(let i, _): return "completed \(i)"
            case .stepStarted(let i): return "started \(i)"
            default: return "\(r)"
            }
        }, ["completed 0", "started 1"])
        XCTAssertEqual(o.completedSteps, [0])
    }
}
