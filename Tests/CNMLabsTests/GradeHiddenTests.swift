import XCTest
@testable import CNMLabs

/// `hidden: true` checks: read from the lab file, never shown by the shell's `check` nor holding a
/// step back there, scored by the session (so the shell and the grader agree) and reported by the grader.
final class GradeHiddenTests: XCTestCase {
    func lab(_ checks: String, solution: String = "[docker network create --label course=cnm testnet]") -> LabDecoder.Result {
        Fixture.decode(Fixture.header() + """
            steps:
              - id: net
                title: {ko: n, en: n}
                text: {ko: t, en: t}
                points: 2
                hints: [{tier: nudge, ko: 힌트, en: step hint}]
                checks:
            \(checks)
                solution: \(solution)
            """)
    }

    let visibleAndHidden = """
              - {name: exists, points: 1, network: {name: testnet}}
              - name: labelled
                hidden: true
                points: 3
                hints: [{tier: nudge, ko: 숨은, en: secret hint}]
                network: {name: testnet, labels: {course: cnm}}
        """

    func testDecoderReadsHiddenOnAStepsOwnChecksOnly() throws {
        let ok = lab(visibleAndHidden)
        XCTAssertEqual(ok.diagnostics, [])
        XCTAssertEqual(try XCTUnwrap(ok.lab).steps[0].checks.map(\.hidden), [false, true])

        let nested = lab("""
                  - {name: exists, network: {name: testnet}}
                  - any:
                      - {name: inner, hidden: true, network: {name: testnet}}
            """)
        XCTAssertNil(nested.lab)
        XCTAssertEqual(nested.diagnostics.map(\.code), ["LAB004"])
        XCTAssertTrue(nested.diagnostics[0].text().contains("only a step's own checks can be hidden"))

        let allHidden = lab("      - {name: secret, hidden: true, network: {name: testnet}}")
        XCTAssertNil(allHidden.lab)
        XCTAssertEqual(allHidden.diagnostics.map(\.code), ["LAB004"])
        XCTAssertTrue(allHidden.diagnostics[0].text().contains("at least one check must be visible"))

        let notBool = lab("      - {name: exists, hidden: maybe, network: {name: testnet}}")
        XCTAssertEqual(notBool.diagnostics.map(\.code), ["LAB003"])
    }

    func testShellNeverShowsAHiddenCheckNorWaitsForIt() throws {
        let lab = try XCTUnwrap(lab(visibleAndHidden).lab)
        var s = LabSession(lab: lab)
        XCTAssertEqual(s.check().map(\.name), ["exists"], "check() lists visible checks only")
        // The first failing check with a ladder is the hidden one: its ladder must not be used.
        XCTAssertEqual(s.hint()?.text.resolve(.en), "step hint")
        let out = s.input("docker network create testnet")
        XCTAssertEqual(out.completedSteps, [0], "a failing hidden check does not hold the step back")
        XCTAssertEqual(s.progress[0].hiddenFailed, ["labelled"])
        XCTAssertEqual(s.score.earned, 2 + 1 - 0, "step 2 + exists 1; labelled's 3 are lost")
        XCTAssertEqual(s.score.max, 6)
        XCTAssertEqual(s.score.steps[0].earned, 3)
    }

    func testGraderReportsTheHiddenCheckAndFailsTheStep() throws {
        let lab = try XCTUnwrap(lab(visibleAndHidden).lab)
        let missing = Grader.grade(lab: lab, learner: nil, submission: Submission(lines: ["docker network create testnet"]),
                                   audience: .instructor)
        XCTAssertFalse(missing.passed)
        XCTAssertEqual(missing.score, 3)
        XCTAssertEqual(missing.steps[0].status, .failed)
        XCTAssertEqual(missing.steps[0].message, "hidden check(s) failed: labelled")
        XCTAssertEqual(missing.steps[0].checks.map(\.hidden), [false, true])
        XCTAssertEqual(missing.steps[0].checks[1].status, .failed)
        XCTAssertEqual(missing.steps[0].checks[1].expected, "labels.course=cnm")

        let full = Grader.grade(lab: lab, learner: nil,
                                submission: Submission(lines: ["docker network create --label course=cnm testnet"]))
        XCTAssertTrue(full.passed)
        XCTAssertEqual(full.score, 6)
        XCTAssertEqual(full.steps[0].checks.map(\.status), [.passed, .passed])
    }

    func testValidatorJudgesHiddenChecksToo() throws {
        // The reference solution must satisfy the hidden checks (LAB022)…
        let unsolvable = try XCTUnwrap(lab(visibleAndHidden, solution: "[docker network create testnet]").lab)
        XCTAssertEqual(LabValidator.validate(unsolvable).map(\.code), ["LAB022"])
        // …and a step whose visible checks already hold has nothing to do (LAB021), hidden ones aside.
        let setupYAML = Fixture.header() + "setup: [docker network create testnet]\n" + """
            steps:
              - id: net
                title: {ko: n, en: n}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks:
                  - {name: exists, network: {name: testnet}}
                  - {name: labelled, hidden: true, network: {name: testnet, labels: {course: cnm}}}
                solution: [docker network rm testnet, docker network create --label course=cnm testnet]
            """
        let passesBefore = try XCTUnwrap(Fixture.decode(setupYAML).lab)
        XCTAssertEqual(LabValidator.validate(passesBefore).map(\.code), ["LAB021"])
        XCTAssertEqual(LabValidator.validate(try XCTUnwrap(lab(visibleAndHidden).lab)), [])
    }
}

/// Learner-facing reports say that a hidden check failed, never what it looks at.
final class GradeHiddenRedactionTests: XCTestCase {
    func report(_ audience: Grader.Audience) throws -> GradeReport {
        let s = try Submission.parse(Array("docker network create testnet\n#cnmlab skip\n".utf8)).get()
        return Grader.grade(lab: Fixture.lab("grade-small.yaml"), learner: "ana", submission: s, audience: audience)
    }

    func testEveryLearnerFacingFormatHidesTheNameExpectedAndActual() throws {
        let learner = try report(.learner)
        XCTAssertEqual(learner.steps[0].message, "1 hidden check(s) failed")
        XCTAssertEqual(learner.steps[0].checks[1].name, "hidden check 2")
        XCTAssertEqual(learner.steps[0].checks[1].status, .failed)
        XCTAssertNil(learner.steps[0].checks[1].expected)
        XCTAssertEqual(learner.score, try report(.instructor).score, "hiding changes the words, never the score")
        for format in GradeFormat.allCases {
            let text = format.render(learner, locale: .en)
            for secret in ["labelled", "labels.course", "course=cnm"] {
                XCTAssertFalse(text.contains(secret), "\(format): \(secret) in\n\(text)")
            }
            XCTAssertTrue(text.contains("hidden check 2"), "\(format)\n\(text)")
        }
        XCTAssertTrue(GradeTextWriter.render(learner, locale: .en).contains("     FAIL hidden check 2  0/1\n"))
        XCTAssertTrue(JUnitWriter.render(learner, locale: .en).contains("FAIL hidden check 2: failed"))
        XCTAssertTrue(GradeJSONWriter.render(learner).contains("\"audience\":\"learner\""))
        let ko = try Submission.parse(Array("docker network create testnet\n".utf8)).get()
        let korean = Grader.grade(lab: Fixture.lab("grade-small.yaml"), learner: "ana", submission: ko, locale: .ko)
        XCTAssertEqual(korean.steps[0].checks[1].name, "숨은 검사 2")
        XCTAssertEqual(korean.steps[0].message, "숨은 검사 1개 실패")
    }

    func testTheInstructorSeesEverything() throws {
        let instructor = try report(.instructor)
        XCTAssertEqual(instructor.steps[0].checks[1].name, "labelled")
        XCTAssertEqual(instructor.steps[0].checks[1].expected, "labels.course=cnm")
        XCTAssertTrue(JUnitWriter.render(instructor, locale: .en).contains("FAIL labelled (hidden): network testnet"))
    }

    func testAStepThatStopsOnAHiddenCheckNamesOnlyVisibleOnes() throws {
        // A quiz step whose hidden check fails: the learner's message never names it.
        let yaml = Fixture.header() + """
            steps:
              - id: q
                title: {ko: q, en: q}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks:
                  - {name: visible, network: {name: bridge}}
                  - {name: secret-net, hidden: true, network: {name: testnet}}
                quiz: {question: {ko: 질문, en: question}, accept: ["x"]}
            """
        let lab = try XCTUnwrap(Fixture.decode(yaml).lab)
        let r = Grader.grade(lab: lab, learner: nil, submission: Submission(lines: ["answer y"]))
        XCTAssertFalse(r.steps[0].message.contains("secret-net"), r.steps[0].message)
    }
}
