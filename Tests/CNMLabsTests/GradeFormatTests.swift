import CNMFileSystem
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import CNMLabs

/// The four report formats: exact TAP and JSON for a small fixture, JUnit through a real XML parser.
final class GradeFormatTests: XCTestCase {
    /// grade-small: step 1 completes with its hidden check failing, step 2 (optional) is skipped,
    /// the quiz of step 3 is not answered.
    func smallReport(learner: String? = nil, locale: LabLocale = .en,
                     audience: Grader.Audience = .instructor) throws -> GradeReport {
        let s = try Submission.parse(Array("docker network create testnet\n#cnmlab skip\n".utf8)).get()
        return Grader.grade(lab: Fixture.lab("grade-small.yaml"), learner: learner, submission: s, locale: locale,
                            audience: audience)
    }

    func testTAPShapeIsExact() throws {
        XCTAssertEqual(TAPWriter.render(try smallReport(), locale: .en), """
            TAP version 13
            1..3
            not ok 1 - net: Network
              ---
              status: failed
              points: 3
              max: 4
              message: "hidden check(s) failed: labelled"
              checks:
                - name: "exists"
                  status: passed
                  points: 1
                  max: 1
                - name: "labelled"
                  status: failed
                  hidden: true
                  points: 0
                  max: 1
                  message: "network testnet: labels.course differs"
                  expected: "labels.course=cnm"
                  actual: "labels.course=(unset)"
              ...
            ok 2 - extra: Extra # SKIP optional step skipped
              ---
              status: skipped
              points: 0
              max: 1
              message: "optional step skipped"
              checks:
                - name: "extra-exists"
                  status: not_run
                  points: 0
                  max: 0
              ...
            not ok 3 - gw: Gateway
              ---
              status: failed
              points: 0
              max: 1
              message: "the question was not answered correctly"
              ...
            # Score: 3/5
            # FAILED: 2 required step(s) not passed

            """)
    }

    func testJSONShapeIsExact() throws {
        let json = GradeJSONWriter.render(try smallReport(learner: "ana"))
        let seed = LabVariant.make(for: Fixture.lab("grade-small.yaml"), learner: "ana").seed
        XCTAssertEqual(json, """
            {"audience":"instructor","commands":1,"findings":[],"lab":"grade-small","learner":"ana","max":5,"min_score":null,"passed":false,"refused":0,\
            "schema":"cnmlab.grade/1","score":3,"seed":"\(seed)","steps":[\
            {"checks":[{"actual":null,"expected":null,"hidden":false,"max":1,"message":"","name":"exists","points":1,"status":"passed"},\
            {"actual":"labels.course=(unset)","expected":"labels.course=cnm","hidden":true,"max":1,\
            "message":"network testnet: labels.course differs","name":"labelled","points":0,"status":"failed"}],\
            "hints":[],"id":"net","index":1,"max":4,"message":"hidden check(s) failed: labelled","optional":false,"penalty":0,\
            "points":3,"solution_shown":false,"status":"failed","title":"Network"},\
            {"checks":[{"actual":null,"expected":null,"hidden":false,"max":0,"message":"","name":"extra-exists","points":0,\
            "status":"not_run"}],"hints":[],"id":"extra","index":2,"max":1,"message":"optional step skipped","optional":true,\
            "penalty":0,"points":0,"solution_shown":false,"status":"skipped","title":"Extra"},\
            {"checks":[],"hints":[],"id":"gw","index":3,"max":1,"message":"the question was not answered correctly",\
            "optional":false,"penalty":0,"points":0,"solution_shown":false,"status":"failed","title":"Gateway"}],\
            "title":"Grading example","version":2}

            """)
        // And it is JSON a generic reader accepts, with the seed exact as a string.
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["seed"] as? String, String(seed))
        XCTAssertEqual((object["steps"] as? [Any])?.count, 3)
    }

    func testTextReportInKorean() throws {
        let text = GradeTextWriter.render(try smallReport(locale: .ko), locale: .ko)
        XCTAssertTrue(text.hasPrefix("실습 grade-small v2: 채점 예제\n학습자: (기본 변형) · 시드 "), text)
        XCTAssertTrue(text.contains("FAIL 1. net: 네트워크  3/4\n     숨은 검사 실패: labelled\n"), text)
        XCTAssertTrue(text.contains("            기대값: labels.course=cnm\n"), text)
        XCTAssertTrue(text.hasSuffix("점수: 3/5 · 불합격: 통과하지 못한 필수 단계 2개\n"), text)
    }

    // MARK: JUnit

    /// Counts what a JUnit reader counts.
    final class JUnitReader: NSObject, XMLParserDelegate {
        var suites: [[String: String]] = []
        var testcases: [[String: String]] = []
        var failures: [[String: String]] = []
        var skipped = 0
        var failureText = ""
        var inFailure = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "testsuite": suites.append(attributes)
            case "testcase": testcases.append(attributes)
            case "failure": failures.append(attributes); inFailure = true
            case "skipped": skipped += 1
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "failure" { inFailure = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inFailure { failureText += string }
        }

        static func read(_ xml: String) throws -> JUnitReader {
            let reader = JUnitReader()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = reader
            guard parser.parse() else {
                throw NSError(domain: "junit", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(String(describing: parser.parserError))\n\(xml)"])
            }
            return reader
        }
    }

    func testJUnitParsesAndItsCountsMatchTheReport() throws {
        let report = try smallReport(learner: "ana")
        let xml = JUnitWriter.render(report, locale: .en)
        let r = try JUnitReader.read(xml)
        XCTAssertEqual(r.suites.count, 1)
        XCTAssertEqual(r.testcases.count, report.steps.count)
        XCTAssertEqual(r.failures.count, report.failedSteps.count)
        XCTAssertEqual(r.failures.count, 2)
        XCTAssertEqual(r.skipped, 1)
        let suite = try XCTUnwrap(r.suites.first)
        XCTAssertEqual(suite["tests"], "3")
        XCTAssertEqual(suite["failures"], "2")
        XCTAssertEqual(suite["errors"], "0")
        XCTAssertEqual(suite["skipped"], "1")
        XCTAssertEqual(suite["time"], "0")
        XCTAssertEqual(suite["name"], "grade-small (ana)")
        XCTAssertEqual(r.testcases.map { $0["name"] }, ["1. net: Network", "2. extra: Extra", "3. gw: Gateway"])
        XCTAssertEqual(r.failures.first?["message"], "hidden check(s) failed: labelled")
        XCTAssertTrue(r.failureText.contains("expected: labels.course=cnm\n  actual:   labels.course=(unset)"), r.failureText)
    }

    func testJUnitOfEveryShippedLabSolutionHasNoFailure() throws {
        for lab in LabCatalog.labs(paths: [Fixture.labsDirectory.path], files: DiskFiles()) {
            let lines = LabSession(lab: lab, learner: "carol").solutionTranscript.joined(separator: "\n")
            let report = Grader.grade(lab: lab, learner: "carol", submission: try Submission.parse(Array(lines.utf8)).get())
            let r = try JUnitReader.read(JUnitWriter.render(report, locale: .ko))
            XCTAssertEqual(r.testcases.count, lab.steps.count, lab.id)
            XCTAssertEqual(r.failures.count, 0, lab.id)
        }
    }

    func testJUnitEscapesWhatALearnerOrALabCanPutInATextAndStillParses() throws {
        var report = try smallReport()
        let nasty = "a<b>&\"quoted\" 'single' ]]> \u{1}\u{1B}[31m\u{FFFE} tab\there\nnewline 한글 \u{1F600}"
        report.learner = nasty
        report.title = nasty
        report.steps[0].title = nasty
        report.steps[0].message = nasty
        report.steps[0].checks[1].actual = nasty
        let xml = JUnitWriter.render(report, locale: .en)
        XCTAssertFalse(xml.contains("\u{1}"))
        XCTAssertFalse(xml.contains("\u{1B}"))
        let r = try JUnitReader.read(xml)
        XCTAssertEqual(r.testcases.count, 3)
        XCTAssertEqual(r.failures.count, 2)
        let clean = nasty.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}").replacingOccurrences(of: "\u{1B}", with: "\u{FFFD}")
            .replacingOccurrences(of: "\u{FFFE}", with: "\u{FFFD}")
        XCTAssertEqual(r.failures.first?["message"], clean, "attribute values survive, line breaks and tabs included")
        XCTAssertEqual(r.testcases.first?["name"], "1. net: " + clean)
        XCTAssertTrue(r.failureText.contains(clean), r.failureText)
        // TAP: the description stays on one line and '#' never starts a directive.
        report.steps[0].title = "a # SKIP b\nnot ok 9"
        let tap = TAPWriter.render(report, locale: .en)
        XCTAssertTrue(tap.contains("not ok 1 - net: a \\# SKIP b not ok 9\n"), tap)
        XCTAssertFalse(tap.contains("\u{1B}"))
        XCTAssertTrue(tap.contains("actual: \"a<b>&\\\"quoted\\\" 'single' ]]> \\u0001\\u001B[31m"), tap)
    }
}
