import XCTest
@testable import CNMLabs

/// Quiz `explain:`: why the accepted answer is right, told after a right answer and with the solution.
final class QuizExplanationTests: XCTestCase {
    func lab(_ explain: String) -> LabDecoder.Result {
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
        \(explain)
        """))
    }

    func testTheExplanationFollowsARightAnswerAndTheSolutionInTheLearnersLanguage() throws {
        let result = lab("""
              explain: {ko: "DNAT 뒤에는 {{port}}번이 아니라 80번이 보입니다.", en: "After DNAT the rule sees 80, not {{port}}."}
        """)
        XCTAssertEqual(result.diagnostics, [])
        let lab = try XCTUnwrap(result.lab)
        var s = LabSession(lab: lab)
        let wrong = s.apply(.answer("8046"))
        XCTAssertFalse(wrong.reports.contains { if case .explanation = $0 { return true } else { return false } },
                       "a wrong answer does not give the explanation away")
        let shown = s.apply(.solution)
        XCTAssertEqual(shown.reports, [.solution(["answer 80"]), .explanation("After DNAT the rule sees 80, not 8046.")])
        s.locale = .ko
        let right = s.apply(.answer("80"))
        XCTAssertEqual(right.verdict?.correct, true)
        XCTAssertTrue(right.reports.contains(.explanation("DNAT 뒤에는 8046번이 아니라 80번이 보입니다.")))
        // The explanation comes right after the verdict, before the step completes.
        let kinds = right.reports.map { r -> String in
            switch r {
            case .answer: return "answer"
            case .explanation: return "explanation"
            case .stepCompleted: return "completed"
            default: return "other"
            }
        }
        XCTAssertEqual(Array(kinds.prefix(3)), ["answer", "explanation", "completed"])
    }

    func testWithoutAnExplanationNothingIsAdded() throws {
        var s = LabSession(lab: try XCTUnwrap(lab("").lab))
        XCTAssertEqual(s.apply(.solution).reports, [.solution(["answer 80"])])
    }

    func testTheExplanationIsCheckedLikeAnyText() {
        XCTAssertEqual(lab("      explain: {en: \"only English\"}").diagnostics.map(\.code), ["LAB010"])
        XCTAssertEqual(lab("      explain: {ko: \"{{nope}}\", en: \"{{nope}}\"}").diagnostics.map(\.code), ["LAB008", "LAB008"])
        XCTAssertTrue(lab("      explain: just a string").diagnostics.map(\.code).contains("LAB003"))
    }
}
