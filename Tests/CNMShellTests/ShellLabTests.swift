import CNMFileSystem
import XCTest
import Foundation
@testable import CNMShell
import CNMLabs
import CNMSim
import CNMProgress

/// The shell running a lab: steps shown, checks, hints, the solution (asked first),
/// completion and what comes after it, resume from the progress store, undo and reset.
final class ShellLabTests: XCTestCase {
    var labs: [Lab] = []
    var dbPath = ""

    override func setUpWithError() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        labs = LabCatalog.labs(paths: [root.appendingPathComponent("Labs/00-example.yaml").path], files: DiskFiles())
        XCTAssertEqual(labs.map(\.id), ["example-publish-port"])
        dbPath = NSTemporaryDirectory() + "cnmlab-shell-\(getpid())-\(UUID().uuidString)/p.sqlite"
    }

    func session(_ lang: Language = .en) throws -> ShellSession {
        ShellSession(language: lang, labs: labs, store: try ProgressStore(path: dbPath), learner: "kim")
    }

    func testALabFromStartToFinishIsRecordedAndResumable() throws {
        var s = try session()
        let start = s.handle("lab start example-publish-port")
        XCTAssertTrue(start.stdout.contains("-- 1 · Example lab - publishing a port --\n-- Step 1/3: "), start.stdout)
        XCTAssertEqual(s.prompt, "[1 · 1/3] docker-host$ ")
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
        let resumed = again.handle("lab start 1")
        XCTAssertTrue(resumed.stdout.contains("Resuming your attempt (2 logged lines replayed)."), resumed.stdout)
        XCTAssertEqual(again.prompt, "[1 · 2/3] docker-host$ ")
        XCTAssertNotNil(again.engine.network(named: String(solution[0].split(separator: " ").last ?? "")))
        let quizStep = again.handle(solution[1]).stdout
        // The step itself says how to answer, so the shell's generic reminder is left out.
        XCTAssertTrue(quizStep.contains("`answer VALUE`"), quizStep)
        XCTAssertFalse(quizStep.contains("(answer with: answer YOUR-ANSWER)"), quizStep)
        // This text does not ask by itself, so the quiz's question follows it.
        XCTAssertTrue(quizStep.contains(try XCTUnwrap(labs.first?.steps.last?.quiz?.question.resolve(.en))), quizStep)
        // The quiz step: `check` says the question is still open, not that every step is done.
        XCTAssertEqual(again.handle("check").stdout, "This step ends when its question is answered (answer YOUR-ANSWER).\n")
        let done = again.handle(solution[2])
        XCTAssertTrue(done.stdout.contains("Lab finished: "), done.stdout)
        XCTAssertEqual(again.prompt, "[1 · done] docker-host$ ")
        let rows = try ProgressStore(path: dbPath).labProgress(learner: "kim")
        XCTAssertEqual(rows.first?.status, .finished)
        XCTAssertEqual(rows.first?.attempts, 1)

        XCTAssertEqual(again.handle("check").stdout, "Every step is done.\n")
        // Nothing is left to reveal: `solution` says so instead of asking a question that warns of a cost.
        XCTAssertEqual(again.handle("solution").stdout, "Every step is done.\n")
        XCTAssertEqual(again.prompt, "[1 · done] docker-host$ ")
        // After the last step the host keeps working.
        for line in ["docker ps", "why host web:80", "ip addr show docker0"] {
            let reply = again.handle(line)
            XCTAssertEqual(reply.stderr, "", line)
            XCTAssertFalse(reply.stdout.isEmpty, line)
        }
        XCTAssertTrue(again.handle("labs").stdout.contains("[done 16/16 (current)]"), "a nudge costs nothing in this lab")
    }

    func testAStepThatAsksItselfIsNotFollowedByTheSameQuestion() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let lab = try XCTUnwrap(LabCatalog.labs(paths: [root.appendingPathComponent("Labs/w2d1s3-01-default-networks.yaml").path], files: DiskFiles()).first)
        let quiz = try XCTUnwrap(lab.steps.first { $0.quiz != nil })
        let asked = quiz.text.resolve(.en)
        XCTAssertTrue(asked.contains("?"), "this lab's quiz text asks by itself")
        var s = ShellSession(language: .en, labs: [lab], store: try ProgressStore(path: dbPath), learner: "kim")
        var shown = s.handle("lab start 1").stdout
        for line in s.labSession?.solutionTranscript ?? [] where !line.hasPrefix("answer ") {
            shown += s.handle(line).stdout
        }
        let question = try XCTUnwrap(quiz.quiz?.question.resolve(.en))
        XCTAssertTrue(shown.contains(asked.trimmingCharacters(in: .whitespacesAndNewlines).prefix(40)), shown)
        XCTAssertFalse(shown.contains(question + "\n"), "the question is not repeated after a text that asks it")
    }

    func testUndoAndResetStepInsideALab() throws {
        var s = try session(.ko)
        _ = s.handle("lab start example-publish-port")
        let solution = try XCTUnwrap(s.labSession?.solutionTranscript)
        let net = String(solution[0].split(separator: " ").last ?? "")
        _ = s.handle(solution[0])
        XCTAssertEqual(s.prompt, "[1 · 2/3] docker-host$ ")
        _ = s.handle("docker network create extra")
        XCTAssertNotNil(s.engine.network(named: "extra"))
        XCTAssertEqual(s.handle("undo").stdout, "되돌림: docker network create extra\n")
        XCTAssertNil(s.engine.network(named: "extra"))
        XCTAssertNotNil(s.engine.network(named: net))
        _ = s.handle("docker run -d --name other busybox sleep 600")
        _ = s.handle("hint")
        let reset = s.handle("reset step")
        XCTAssertTrue(reset.stdout.hasPrefix("처음 상태로 되돌렸습니다"))
        XCTAssertTrue(reset.stdout.contains("-- 단계 2/3: "), "the step is shown again")
        XCTAssertNil(try? s.engine.findContainer("other").get())
        XCTAssertEqual(s.labSession?.progress[1].hintsShown.count, 1, "hints shown survive a reset")
        XCTAssertEqual(try ProgressStore(path: dbPath).labProgress(learner: "kim").first?.attempts, 1,
                       "undo and reset start no attempt")
    }

    /// An undone step is open again; the IDs drawn before the undo are never drawn again.
    func testUndoOfAStepCompletionReopensItAndIDsMoveOn() throws {
        var s = try session()
        _ = s.handle("lab start 1")
        let solution = try XCTUnwrap(s.labSession?.solutionTranscript)
        let first = s.handle(solution[0]).stdout.split(separator: "\n").first.map(String.init)
        let undone = s.handle("undo")
        XCTAssertTrue(undone.stdout.contains("Undone: " + solution[0]))
        XCTAssertTrue(undone.stdout.contains("-- Step 1/3: "), undone.stdout)
        XCTAssertEqual(s.prompt, "[1 · 1/3] docker-host$ ")
        let second = s.handle(solution[0]).stdout.split(separator: "\n").first.map(String.init)
        XCTAssertNotEqual(first, second, "a network created again gets a new ID")
        XCTAssertEqual(s.handle("undo").stdout.hasPrefix("Undone: "), true)
        XCTAssertEqual(s.handle("undo").stderr, "Nothing to undo: no state-changing command yet.\n")
    }

    func testComingBackToAFinishedLabSaysItStartsANewAttempt() throws {
        var s = try session()
        _ = s.handle("lab start 1")
        for line in try XCTUnwrap(s.labSession?.solutionTranscript) { _ = s.handle(line) }
        XCTAssertEqual(s.labSession?.finished, true)
        var again = try session(.ko)
        let back = again.handle("lab start 1")
        XCTAssertTrue(back.stdout.contains("이 실습은 이미 끝냈습니다 (가장 좋은 점수 "), back.stdout)
        XCTAssertTrue(back.stdout.contains("2번째 시도를 새로 시작합니다."), back.stdout)
        XCTAssertTrue(back.stdout.contains("-- 단계 1/3: ") || back.stdout.contains("단계 1/3"), back.stdout)
    }

    func testRestartStartsANewAttemptAndQuitKeepsTheOpenOne() throws {
        var s = try session()
        _ = s.handle("lab start 1")
        let solution = try XCTUnwrap(s.labSession?.solutionTranscript)
        _ = s.handle(solution[0])
        let restart = s.handle("lab restart")
        XCTAssertTrue(restart.stdout.contains("-- Step 1/3: "))
        XCTAssertTrue(restart.stdout.contains("This starts attempt 2 from the beginning; the earlier attempts are closed and keep their scores.\n"),
                      "a restart says it is a new attempt: \(restart.stdout)")
        XCTAssertNil(s.engine.network(named: String(solution[0].split(separator: " ").last ?? "")))
        XCTAssertEqual(s.handle("lab quit").stdout, "Left lab example-publish-port. Your progress is saved.\n")
        XCTAssertEqual(s.prompt, "docker-host$ ")
        XCTAssertEqual(try ProgressStore(path: dbPath).labProgress(learner: "kim").first?.attempts, 2)
        // Nothing typed since the restart: said so, not "(0 logged lines replayed)".
        XCTAssertTrue(s.handle("lab resume").stdout.contains("Resuming your attempt (nothing logged to replay)."))
        XCTAssertEqual(s.handle("lab resume nosuch").stderr, "No such lab: nosuch (see labs)\n")
    }

    /// A shell opened without `--lab` for a learner with an unfinished attempt says which lab and
    /// step are open and how to go on; Enter at the prompt that offers it resumes.
    /// How many lines a resume replayed, said naturally in both languages: none, one, several.
    func testResumeSaysHowManyLinesItReplayed() {
        XCTAssertEqual(ShellText.resumed(lines: 0).render(.en), "Resuming your attempt (nothing logged to replay).")
        XCTAssertEqual(ShellText.resumed(lines: 0).render(.ko), "이전 시도를 이어 갑니다 (다시 실행할 기록이 없습니다).")
        XCTAssertEqual(ShellText.resumed(lines: 1).render(.en), "Resuming your attempt (1 logged line replayed).")
        XCTAssertEqual(ShellText.resumed(lines: 1).render(.ko), "이전 시도를 이어 갑니다 (기록된 줄 1개를 다시 실행했습니다).")
        XCTAssertEqual(ShellText.resumed(lines: 12).render(.en), "Resuming your attempt (12 logged lines replayed).")
        XCTAssertEqual(ShellText.resumed(lines: 12).render(.ko), "이전 시도를 이어 갑니다 (기록된 줄 12개를 다시 실행했습니다).")
    }

    func testTheOpeningNoticeOffersTheUnfinishedLab() throws {
        var s = try session()
        _ = s.handle("lab start 1")
        _ = s.handle(try XCTUnwrap(s.labSession?.solutionTranscript.first))
        var again = try session()
        let notice = try XCTUnwrap(again.openingNotice(offerEnter: true))
        XCTAssertEqual(notice, "Unfinished lab: 1 · Example lab - publishing a port — step 2/3\n"
                       + "Press Enter to resume it, or type lab resume example-publish-port.\n")
        XCTAssertEqual(again.prompt, "(Enter: lab resume) docker-host$ ")
        let resumed = again.handle("")
        XCTAssertTrue(resumed.stdout.contains("-- Step 2/3: "), resumed.stdout)
        XCTAssertEqual(again.prompt, "[1 · 2/3] docker-host$ ")

        var ko = ShellSession(language: .ko, labs: labs, store: try ProgressStore(path: dbPath), learner: "kim")
        XCTAssertEqual(ko.openingNotice(offerEnter: false), "끝내지 않은 실습: 1 · 예시 실습 - 포트 매핑 — 단계 2/3\n"
                       + "이어 하려면 lab resume example-publish-port.\n")
        XCTAssertEqual(ko.prompt, "docker-host$ ", "without a terminal Enter offers nothing")
        var nobody = ShellSession(language: .en, labs: labs, store: try ProgressStore(path: dbPath), learner: "lee")
        XCTAssertNil(nobody.openingNotice(offerEnter: true))
    }

    func testAWrongAnswerGetsTheAuthorsFeedbackOrTheAnswersForm() throws {
        var s = try session()
        _ = s.handle("lab start 1")
        for line in try XCTUnwrap(s.labSession?.solutionTranscript).dropLast() { _ = s.handle(line) }
        let net = try XCTUnwrap(s.labSession?.variant.values["net"])
        XCTAssertEqual(s.handle("answer 172.18.0.1").stdout,
                       "172.18.0.1 is the gateway of \(net), the network you created. The question asks about the default bridge network (docker0).\n")
        XCTAssertEqual(s.handle("answer 10.0.0.1").stdout, "Not quite. The answer is an IPv4 address such as 192.0.2.10. Try again.\n")
        _ = s.handle("lang ko")
        XCTAssertEqual(s.handle("answer docker0").stdout, "아직 아닙니다. 답은 192.0.2.10 같은 IPv4 주소 형태입니다. 다시 해 보세요.\n")
        _ = s.handle("lang en")
        let right = s.handle("answer 172.17.0.1").stdout
        XCTAssertTrue(right.hasPrefix("Correct.\nWhy: IPAM makes the subnet's first address the gateway, "), right)
        XCTAssertTrue(right.contains(" is 172.17.0.1.\n✔ "), "the explanation is one paragraph, right before the completion: \(right)")
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
        XCTAssertEqual(s.handle("lab start 7").stderr, "No such lab: 7 (see labs)\n")
        XCTAssertEqual(s.handle("check").stderr, "This command works inside a lab. List the labs with labs.\n")
        XCTAssertEqual(s.handle("answer 1").stderr, "This command works inside a lab. List the labs with labs.\n")
        XCTAssertEqual(s.handle("lab resume").stderr, "No unfinished lab to resume. List the labs with labs.\n")
        XCTAssertTrue(s.handle("labs").stdout.contains("1  example-publish-port"))
    }

    /// `help`, the dispatcher and TAB completion read one table: every command is listed and completed.
    func testHelpListsEveryCommandOfTheTableAndCompletionOffersThem() throws {
        var s = try session()
        let help = s.handle("help").stdout
        for c in ShellSession.commandTable { XCTAssertTrue(help.contains("  " + c.usage + " "), c.usage) }
        for name in ["answer", "skip", "hosts", "ssh", "lab start|restart|resume|quit", "why", "undo", "reset"] {
            XCTAssertTrue(help.contains(name), name)
        }
        let completer = s.completer
        let firstWords = completer.candidates(words: [""], engine: s.engine)
        for c in ShellSession.commandTable { for n in c.names { XCTAssertTrue(firstWords.contains(n), n) } }
        XCTAssertEqual(completer.candidates(words: ["lab", ""], engine: s.engine), ["quit", "restart", "resume", "start"])
        XCTAssertEqual(completer.candidates(words: ["lab", "resume", "ex"], engine: s.engine), ["example-publish-port"])
        XCTAssertEqual(completer.candidates(words: ["reset", ""], engine: s.engine), ["lab", "step"])
        XCTAssertEqual(completer.candidates(words: ["lang", ""], engine: s.engine), ["en", "ko"])
    }

    /// The lab prompt stays short (about 40 columns) whatever the lab and step.
    func testThePromptStaysShort() throws {
        var s = try session(.ko)
        _ = s.handle("lab start 1")
        XCTAssertLessThanOrEqual(s.prompt.count, 40)
        for line in try XCTUnwrap(s.labSession?.solutionTranscript) { _ = s.handle(line) }
        XCTAssertEqual(s.prompt, "[1 · 완료] docker-host$ ")
        _ = s.handle("ssh remote")
        XCTAssertEqual(s.prompt, "[1 · 완료] remote$ ")
    }
}
