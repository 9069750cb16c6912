import XCTest
@testable import CNMCommands
@testable import CNMLabs
@testable import CNMProgress
@testable import CNMShell
import CNMSim

/// Every message table: each key has a Korean and an English text, and both use the same
/// placeholders; no Korean text keeps a `이(가)`-style fallback (particles are chosen by
/// `KoreanParticle` through `{name:이}` / `{:이}`).
final class MessageTableTests: XCTestCase {
    /// (table, key, English, Korean) for every table built on `MessageTemplate`.
    var templates: [(String, String, String, String)] {
        var all: [(String, String, String, String)] = []
        for m in LabMessage.allCases { all.append(("LabMessage", m.rawValue, m.en, m.ko)) }
        for p in LabPhrase.allCases { all.append(("LabPhrase", p.rawValue, p.en, p.ko)) }
        for g in GradeText.allCases { all.append(("GradeText", g.rawValue, g.en, g.ko)) }
        for k in WhyMessages.Key.allCases {
            all.append(("WhyMessages", "\(k)", WhyMessages.english[k] ?? "", WhyMessages.korean[k] ?? ""))
        }
        for r in NameDiagnosis.Reason.allCases {
            all.append(("NameDiagnosis", r.rawValue, NameDiagnosis.english[r] ?? "", NameDiagnosis.korean[r] ?? ""))
        }
        return all
    }

    func testEveryKeyHasBothLanguagesWithTheSamePlaceholders() {
        XCTAssertGreaterThan(templates.count, 300)
        for (table, key, en, ko) in templates {
            XCTAssertFalse(en.isEmpty, "\(table).\(key) has no English text")
            XCTAssertFalse(ko.isEmpty, "\(table).\(key) has no Korean text")
            XCTAssertEqual(MessageTemplate.placeholderNames(en), MessageTemplate.placeholderNames(ko),
                           "\(table).\(key): placeholders differ between English and Korean")
        }
    }

    /// One value of every `ShellText` case.
    static let shellTexts: [ShellText] = [
        .welcome, .sandboxBanner, .helpHeader, .helpLine(command: "c", ko: "k", en: "e"), .bye, .languageSet,
        .languageUsage, .unknownLanguage("fr"), .historyEmpty, .undoNothing, .undone("x"), .enteredContainer("web"),
        .leftContainer("web"), .enteredRemote("192.168.1.50"), .leftRemote, .enteredMachine("worker1", "192.168.1.11"),
        .leftMachine("worker1"), .notRunning("db"), .noSuchContainer("db"), .topologyUsage, .unknownMachine("m"),
        .interrupted, .labsNotAvailable, .labHeader(number: 1, title: "t", place: "p", minutes: 2, steps: 3),
        .stepHeader(lab: 1, labTitle: "l", index: 1, total: 2, title: "t", points: 3), .answerHow, .optionalStep,
        .hint(tier: "nudge", text: "t"), .noMoreHints, .solutionConfirm, .solutionHeader, .explanation("w"),
        .solutionDeclined, .labFinished(score: 1, max: 2), .practiceNote, .resumed(lines: 2), .resumedUnchecked(1),
        .nothingToResume, .unfinishedLab(number: 1, title: "t", step: 1, steps: 2), .resumeHow(id: "x", enter: true),
        .resumeHow(id: "x", enter: false), .promptDone, .promptResume, .resumeMismatch(sequence: 3, command: "c"),
        .noSuchLab("z"), .labUsage, .labQuit("x"), .skipped, .cannotSkip, .resetUsage, .resetDone, .labListHeader,
        .labNotStarted, .labInProgress(done: 1, steps: 2), .labDone(score: 1, max: 2), .labAbandoned, .labCurrent,
        .labSize(steps: 1, minutes: 2), .theoryMissing("s"), .progressUnavailable, .storeError("e"), .allDone, .questionOpen, .noVisibleChecks,
        .restarted(attempt: 2),
    ]

    func testShellTextHasBothLanguagesWithTheSamePlaceholders() {
        for t in Self.shellTexts {
            let (ko, en) = t.templates
            XCTAssertFalse(ko.isEmpty, "\(t)"); XCTAssertFalse(en.isEmpty, "\(t)")
            XCTAssertEqual(MessageTemplate.placeholderNames(ko), MessageTemplate.placeholderNames(en), "\(t)")
            XCTAssertFalse(t.render(.ko).contains("{"), "\(t): a placeholder is left unfilled")
            XCTAssertFalse(t.render(.en).contains("{"), "\(t): a placeholder is left unfilled")
        }
    }

    func testProgressMessagesHaveBothLanguagesWithTheSamePlaceholders() {
        let all: [ProgressMessage] = [
            .noDatabase(path: "p"), .emptyPath, .notADatabase(path: "p"), .corrupted(path: "p", detail: "d"),
            .newerSchema(path: "p", found: "9"), .foreignDatabase(path: "p"), .cannotCreateDirectory(path: "p"),
            .readOnlyStore(path: "p"), .databaseFailure(path: "p", detail: "d"), .invalidLearnerName("x"),
            .unknownLearner("x"), .noAttempt(learner: "l", lab: "b"), .unknownAttempt(1), .attemptClosed(1),
            .noProgressYet(path: "p"), .chainIntact(rows: 1), .chainEdited(row: 1, attempt: 2, sequence: 3),
            .chainRowMissingBefore(row: 1, attempt: 2, sequence: 3), .chainTailRemoved(lastRow: 1, expected: 2),
            .chainUnreadable(row: 1), .replayMatched(commands: 2), .replayMismatch(sequence: 1, command: "c"),
            .replayExitMismatch(sequence: 1, command: "c", recorded: 0, now: 1), .startOverHint,
            .cannotReadInput(path: "p"), .noDatabasesGiven, .cannotWriteFile(path: "p"), .reportFileFailed(path: "p", reason: "r"),
        ]
        for m in all {
            let (ko, en) = m.templates
            XCTAssertFalse(ko.isEmpty, "\(m)"); XCTAssertFalse(en.isEmpty, "\(m)")
            XCTAssertEqual(MessageTemplate.placeholderNames(ko), MessageTemplate.placeholderNames(en), "\(m)")
            XCTAssertFalse(m.text("ko").contains("{") || m.text("en").contains("{"), "\(m): a placeholder is left unfilled")
        }
    }

    /// The enum tables whose cases carry their values: every case renders non-empty in both languages.
    func testEnumTablesRenderInBothLanguages() {
        let shell: [ShellText] = [.welcome, .bye, .undone("x"), .enteredContainer("web"), .notRunning("db"),
                                  .hint(tier: "nudge", text: "t"), .labFinished(score: 1, max: 2), .noSuchLab("z")]
        for t in shell {
            XCTAssertFalse(t.render(.ko).isEmpty); XCTAssertFalse(t.render(.en).isEmpty)
            XCTAssertNotEqual(t.render(.ko), t.render(.en), "\(t)")
        }
        XCTAssertEqual(ShellText.hint(tier: "concept", text: "t").render(.ko), "힌트 [개념]: t")
        let progress: [ProgressMessage] = [.notADatabase(path: "db"), .corrupted(path: "web", detail: "x"),
                                           .noAttempt(learner: "kim", lab: "w2d1s3-ipam"), .unknownAttempt(3)]
        XCTAssertEqual(progress.map { $0.text("ko") }, [
            "db는 SQLite 데이터베이스가 아닙니다. 파일은 건드리지 않았습니다",
            "web이 손상되었습니다 (x). 파일은 건드리지 않았습니다",
            "kim은 실습 w2d1s3-ipam을 시도한 적이 없습니다",
            "시도 #3이 없습니다",
        ])
    }

    /// `labs` and a lab's header count its steps the same way ("단계 5개", not "5단계" in one and
    /// "단계 5개" in the other: "5단계" also reads as "stage 5").
    func testTheLabListAndTheLabHeaderCountStepsAlikeAndSayHowToAnswer() {
        XCTAssertEqual(ShellText.labSize(steps: 5, minutes: 15).render(.ko), "단계 5개, 약 15분")
        XCTAssertTrue(ShellText.labHeader(number: 1, title: "t", place: "p", minutes: 15, steps: 5).render(.ko).contains("단계 5개 · 약 15분"))
        XCTAssertEqual(ShellText.labSize(steps: 5, minutes: 15).render(.en), "5 steps, ~15 min")
        // How to answer reads as a sentence, with the form to type at its end as in English.
        XCTAssertEqual(ShellText.answerHow.render(.ko), "(답하는 법: answer 답)")
        XCTAssertEqual(ShellText.answerHow.render(.en), "(answer with: answer YOUR-ANSWER)")
    }

    func testNoKoreanTextKeepsAFallbackParticle() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let fallback = try NSRegularExpression(pattern: "(은\\(는\\)|는\\(은\\)|이\\(가\\)|가\\(이\\)|을\\(를\\)|를\\(을\\)|과\\(와\\)|와\\(과\\)|\\(으\\)로|\\(이\\)라)")
        var found: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") && !file.hasSuffix("KoreanParticle.swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where fallback.firstMatch(in: String(line), range: NSRange(line.startIndex..., in: line)) != nil {
                found.append("\(file):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        XCTAssertEqual(found, [], "use {name:이} or {:이} (MessageTemplate) instead of a fallback particle")
    }

    func testALabTemplatePicksTheParticleAfterAValueAgain() {
        let text = "확인하는 것: {{auto}}가 사용자 정의 bridge이고, {{port}}가 아니라 {{legacy}}로 해석되고 {{net}}에서 {{alias}}가지"
        XCTAssertEqual(LabTemplate.render(text, ["auto": "auto1", "port": "8080", "legacy": "10.0.0.3", "net": "web", "alias": "db"]),
                       "확인하는 것: auto1이 사용자 정의 bridge이고, 8080이 아니라 10.0.0.3으로 해석되고 web에서 db가지")
        XCTAssertEqual(LabTemplate.render("{{net}}이 {{unknown}}이 {{net.prefix}}은", ["net": "10.1.0.0/24"]),
                       "10.1.0.0/24가 {{unknown}}이 24는")
        XCTAssertEqual(LabTemplate.render("docker network create {{net}}", ["net": "backnet"]), "docker network create backnet")
    }

    func testKoreanMessagesPickParticlesFromTheirValues() {
        XCTAssertEqual(LabMessage.roleUnbound.text(.ko, "web"), "역할 web이 앞의 검사에서 정해지지 않았습니다")
        XCTAssertEqual(LabMessage.roleUnbound.text(.ko, "db"), "역할 db가 앞의 검사에서 정해지지 않았습니다")
        XCTAssertEqual(LabMessage.reachFailed.text(.ko, "web", "10.0.0.1", "x"), "web에서 10.0.0.1로 갈 수 없습니다: x")
        XCTAssertEqual(LabMessage.reachFailed.text(.ko, "web", "redis-server", "x"), "web에서 redis-server로 갈 수 없습니다: x")
        XCTAssertEqual(LabText.phrase(.notAChoice, "8080").resolve(.ko), "'8080'은 선택지에 없습니다")
        XCTAssertEqual(NotSimulated.localize("cnmlab: a web server outside the Docker host is not simulated\n", language: "ko"),
                       "cnmlab: Docker 호스트 밖의 웹 서버는 시뮬레이션하지 않습니다\n")
        XCTAssertEqual(NotSimulated.localize("cnmlab: tail -n 5 is not simulated\n", language: "ko"),
                       "cnmlab: tail -n 5는 시뮬레이션하지 않습니다\n")
        XCTAssertEqual(ConnectivityAdapter.describe(.networkUnreachable, .ko), "네트워크에 닿을 수 없음 (경로 없음)")
    }
}
