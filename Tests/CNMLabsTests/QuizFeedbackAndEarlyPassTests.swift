import CNMFileSystem
import XCTest
@testable import CNMLabs

/// Quiz `wrong:` feedback (decoding, validation, what the learner is told) and the LAB040 warning
/// for a step that passes before its solution's last command.
final class QuizFeedbackAndEarlyPassTests: XCTestCase {
    func quizLab(_ wrong: String) -> LabDecoder.Result {
        Fixture.decode(Fixture.header("""
        parameters:
          port: {integer: [8000, 8099], default: "8046"}
        steps:
          - id: q
            title: {ko: 질문, en: Question}
            text: {ko: 답하세요, en: Answer}
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            quiz:
              question: {ko: 포트?, en: Port?}
              accept: ["80"]
        \(wrong)
        """))
    }

    func testWrongAnswerFeedbackIsReadShownAndTemplated() throws {
        let result = quizLab("""
              wrong:
                - accept: ["{{port}}"]
                  say: {ko: "{{port}}번은 호스트 포트입니다.", en: "{{port}} is the host port."}
        """)
        XCTAssertEqual(result.diagnostics, [])
        let lab = try XCTUnwrap(result.lab)
        var s = LabSession(lab: lab)
        XCTAssertEqual(s.apply(.answer("8046")).messages, ["8046 is the host port."])
        XCTAssertEqual(s.apply(.answer("443")).messages, ["Not quite. The answer is a number. Try again."])
        s.locale = .ko
        XCTAssertEqual(s.apply(.answer(" 8046 ")).messages, ["8046번은 호스트 포트입니다."])
        XCTAssertEqual(s.apply(.answer("eth0")).messages, ["아직 아닙니다. 답은 숫자 하나 형태입니다. 다시 해 보세요."])
        XCTAssertEqual(s.progress[0].wrongAnswers, 4, "feedback or not, a wrong answer is wrong")
        let right = s.apply(.answer("80"))
        XCTAssertEqual(right.verdict?.correct, true)
        XCTAssertEqual(right.completedSteps, [0])
    }

    func testARightAnswerBeforeTheChecksHoldCostsNothing() throws {
        let lab = try XCTUnwrap(Fixture.decode(Fixture.header("""
        steps:
          - id: q
            title: {ko: 질문, en: Question}
            text: {ko: webnet을 만들고 답하세요, en: Create webnet and answer}
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            checks: [{network: {name: webnet}}]
            quiz:
              question: {ko: 포트?, en: Port?}
              accept: ["80"]
        """)).lab)
        var s = LabSession(lab: lab)
        let early = s.apply(.answer("80"))
        XCTAssertEqual(early.verdict?.correct, false)
        XCTAssertEqual(early.messages, [LabMessage.quizChecksPending.format(.en, [])])
        XCTAssertEqual(s.progress[0].wrongAnswers, 0, "a right answer is never counted wrong")
        _ = s.apply(.answer("443"))
        XCTAssertEqual(s.progress[0].wrongAnswers, 1)
        _ = s.apply(.command("docker network create webnet"))
        XCTAssertEqual(s.apply(.answer("80")).completedSteps, [0])
    }

    func testWrongTextsAreCheckedInBothLanguagesAndMayNotBeAccepted() {
        let missing = quizLab("""
              wrong:
                - accept: ["8046"]
                  say: {en: "the host port"}
        """)
        XCTAssertEqual(missing.diagnostics.map(\.code), ["LAB010"])
        XCTAssertTrue(missing.diagnostics[0].text().contains("quiz.wrong[1].say"), missing.diagnostics[0].text())
        let overlap = quizLab("""
              wrong:
                - accept: ["80"]
                  say: {ko: 아니요, en: "no"}
        """)
        XCTAssertEqual(overlap.diagnostics.map(\.code), ["LAB004"])
        XCTAssertNil(overlap.lab)
        let unknown = quizLab("""
              wrong:
                - accept: ["1"]
                  tell: {ko: 아니요, en: "no"}
        """)
        XCTAssertTrue(unknown.diagnostics.map(\.code).contains("LAB001"))
    }

    func testTheDefaultFeedbackNamesTheFormNeverTheAnswer() {
        let cases: [([String], AnswerForm)] = [
            (["172.17.0.1"], .ipv4Address), (["10.0.0.0/24"], .subnet), (["02:42:ac:11:00:02"], .macAddress),
            (["1", "one"], .number), (["no", "아니요"], .yesNo), (["MASQUERADE"], .word), (["the host"], .text), ([], .text),
        ]
        for (accept, form) in cases {
            XCTAssertEqual(AnswerForm.of(accept), form, "\(accept)")
            let quiz = Quiz(question: LocalizedText(en: "?", ko: "?"), accept: accept)
            for locale in LabLocale.allCases {
                let text = quiz.feedback(for: "wrong", locale: locale)
                // (yes or no names both answers by nature.)
                for a in accept where form != .yesNo { XCTAssertFalse(text.contains(a), "\(text) gives \(a) away") }
                XCTAssertFalse(text.isEmpty)
            }
        }
    }

    func testAStepThatPassesBeforeTheEndOfItsSolutionIsFlaggedAtItsChecks() throws {
        let result = Fixture.decode(Fixture.header("""
        steps:
          - id: make
            title: {ko: 만들기, en: Make}
            text: {ko: 만드세요, en: Make it}
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            checks:
              - network: {name: a}
            solution:
              - docker network create a
              - docker network inspect a
              - docker network ls
          - id: run
            title: {ko: 실행, en: Run}
            text: {ko: 실행하세요, en: Run it}
            hints: [{tier: nudge, ko: 힌트, en: hint}]
            checks:
              - container: {name: c, running: true}
            solution:
              - docker network ls
              - docker run -d --name c busybox sleep 600
        """))
        let lab = try XCTUnwrap(result.lab, "\(result.diagnostics)")
        let warnings = EarlyPassLint.diagnostics(lab)
        XCTAssertEqual(warnings.map { $0.formatted() }, [
            "t.yaml:12:9: warning LAB040: step 1 (make) passes after command 1 of 3 of its solution: commands 2–3 are not checked",
        ])
        XCTAssertEqual(warnings.first?.text(.ko), "1단계(make): 풀이 명령 3개 중 1번째까지만 실행해도 통과합니다. 2–3번째 명령은 검사되지 않습니다")
        XCTAssertTrue(LabValidator.validate(lab).contains { $0.code == "LAB040" }, "validate reports it")
    }

    func testTheShippedLabsPassNoStepEarly() {
        for lab in LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles()) {
            XCTAssertEqual(EarlyPassLint.diagnostics(lab).map { $0.formatted() }, [], lab.id)
        }
    }
}
