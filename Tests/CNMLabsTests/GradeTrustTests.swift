import CNMCommands
import Foundation
import XCTest
@testable import CNMLabs

/// What makes a grade trustworthy: broken labs refused, `||` tricks that fail, bounds, syntax
/// findings, safe batch folders.
final class GradeTrustTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("cnmlab-trust-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let path = (dir as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func grade(_ lines: [String], lab: String = "remote-curl.yaml", limits: Grader.Limits = .none) throws -> GradeReport {
        let s = try Submission.parse(Array((lines.joined(separator: "\n") + "\n").utf8)).get()
        return Grader.grade(lab: Fixture.lab(lab), learner: nil, submission: s, limits: limits, audience: .instructor)
    }

    // MARK: 1. Broken labs

    func testALabThatValidateRejectsIsNeverGraded() throws {
        let header = Fixture.header()
        let freebie = try file("freebie.yaml", header + """
            steps:
              - id: s
                title: {ko: s, en: s}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks: [{name: bridge-exists, network: {name: bridge}}]
                solution: [docker ps]
            """)
        let weak = try file("weak.yaml", header + """
            steps:
              - id: s
                title: {ko: s, en: s}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks: [{name: db, container: {name: db}}]
                solution: [docker network create appnet, docker run -d --name db --network appnet mysql]
            """)
        let wrong = try file("wrong.yaml", header + """
            steps:
              - id: s
                title: {ko: s, en: s}
                text: {ko: t, en: t}
                hints: [{tier: nudge, ko: 힌트, en: hint}]
                checks: [{name: net, network: {name: appnet, subnet: 10.9.0.0/24}}]
                solution: [docker network create appnet]
            """)
        let submission = try file("s.sh", "docker ps\n")
        for (lab, code) in [(freebie, "LAB021"), (weak, "LAB030"), (wrong, "LAB022")] {
            let run = GradeJob.run(GradeOptions(lab: lab, submission: submission))
            XCTAssertEqual(run.exitCode, 2, lab)
            XCTAssertTrue(run.stderr.contains("does not pass cnmlab validate"), run.stderr)
            XCTAssertTrue(run.stderr.contains(code), "\(code) not in \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
    }

    func testACleanVerdictIsRememberedByContent() throws {
        let cache = dir + "/cache"
        let lab = try file("lab.yaml", try String(contentsOfFile: Fixture.path("grade-small.yaml"), encoding: .utf8))
        let submission = try file("s.sh", "docker network create testnet\n")
        let first = GradeJob.run(GradeOptions(lab: lab, submission: submission, cacheDirectory: cache, cacheSalt: "t"))
        XCTAssertEqual(first.exitCode, 1)
        let remembered = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(remembered.count, 1)
        XCTAssertTrue(remembered[0].hasSuffix(".clean"))
        // Another content (or another cnmlab version) is another key.
        let bytes = Array(try String(contentsOfFile: lab, encoding: .utf8).utf8)
        XCTAssertNotEqual(LabValidationCache.key(bytes, salt: "t"), LabValidationCache.key(bytes + [10], salt: "t"))
        XCTAssertNotEqual(LabValidationCache.key(bytes, salt: "t"), LabValidationCache.key(bytes, salt: "u"))
        XCTAssertEqual(remembered[0], LabValidationCache.key(bytes, salt: "t") + ".clean")
    }

    // MARK: 2. || tricks

    func testOrTricksDoNotPassHistoryChecks() throws {
        let honest = try grade(["ssh remote curl -s http://192.168.1.100:8080",
                                "iptables -I DOCKER-USER -s 192.168.1.50 -j DROP",
                                "ssh remote curl -s -m 2 http://192.168.1.100:8080"])
        XCTAssertTrue(honest.passed)
        XCTAssertEqual(honest.score, 4)
        // curl never ran: the line succeeds, the check does not.
        let skipped = try grade(["true || ssh remote curl -s http://192.168.1.100:8080"])
        XCTAssertEqual(skipped.steps[0].status, .failed)
        XCTAssertEqual(skipped.steps[0].checks[0].actual, "last command: true (exit 0)")
        // curl ran after the block and failed; `|| true` makes the line succeed, not curl.
        let masked = try grade(["iptables -I DOCKER-USER -s 192.168.1.50 -j DROP",
                                "ssh remote curl -s -m 2 http://192.168.1.100:8080 || true"])
        XCTAssertEqual(masked.steps[0].status, .failed)
        XCTAssertEqual(masked.steps[0].checks[0].actual, "matching command: ssh remote curl -s -m 2 http://192.168.1.100:8080 (exit 28)")
        // A pipe stage, a `$(…)` and a `;` each count on their own.
        XCTAssertEqual(try grade(["ssh remote curl -s http://192.168.1.100:8080 | head -1"]).steps[0].status, .passed)
        XCTAssertEqual(try grade(["echo $(ssh remote curl -s http://192.168.1.100:8080)"]).steps[0].status, .passed)
        XCTAssertEqual(try grade(["false; ssh remote curl -s http://192.168.1.100:8080"]).steps[0].status, .passed)
        XCTAssertEqual(try grade(["false && ssh remote curl -s http://192.168.1.100:8080"]).steps[0].status, .failed)
        // The output must show nginx's page: curl of another port ran and succeeded, but printed nothing of it.
        XCTAssertEqual(try grade(["ssh remote curl -s -m 2 http://192.168.1.100:8080/missing || true"]).steps[0].status,
                       .failed)
        // success: false needs curl itself to fail, not the line.
        let lineFailed = try grade(["ssh remote curl -s http://192.168.1.100:8080 && false",
                                    "iptables -I DOCKER-USER -s 192.168.1.50 -j DROP"])
        XCTAssertEqual(lineFailed.steps[0].status, .passed)
        XCTAssertEqual(lineFailed.steps[1].checks.map(\.status), [.passed, .failed])
    }

    func testSimulatorRecordsEachSimpleCommand() {
        var sim = Simulator(seed: 1)
        _ = sim.run(line: "true || echo a; false && echo b | cat; echo $(echo inner) | grep inner")
        let runs = sim.lastCommands
        XCTAssertEqual(runs.map(\.text), ["true", "echo a", "false", "echo b", "cat", "echo inner", "echo inner", "grep inner"])
        XCTAssertEqual(runs.map(\.ran), [true, false, true, false, false, true, true, true])
        XCTAssertEqual(runs.map(\.exitCode), [0, nil, 1, nil, nil, 0, 0, 0])
        XCTAssertEqual(runs.map(\.depth), [0, 0, 0, 0, 0, 1, 0, 0])
        XCTAssertEqual(runs[5].output, "inner\n")
        _ = sim.run(line: "echo \"open")
        XCTAssertEqual(sim.lastCommands, [], "a line that does not parse runs nothing")
    }

    // MARK: 3. Bounds

    func testMaxCommandsStopsTheReplayAndFailsTheSubmission() throws {
        let lines = ["ssh remote curl -s http://192.168.1.100:8080", "docker ps", "docker ps",
                     "iptables -I DOCKER-USER -s 192.168.1.50 -j DROP",
                     "ssh remote curl -s -m 2 http://192.168.1.100:8080"]
        let r = try grade(lines, limits: Grader.Limits(maxCommands: 3, timeout: 60))
        XCTAssertFalse(r.passed)
        XCTAssertEqual(r.commands, 3)
        XCTAssertEqual(r.score, 2, "what was earned before the bound still shows")
        XCTAssertEqual(r.findings, [GradeFinding(kind: .maxCommands, line: 4, detail: "3")])
        XCTAssertEqual(r.findings[0].message(.en),
                       "line 4: more than 3 commands (--max-commands); the rest was not replayed and the submission fails")
        XCTAssertTrue(GradeTextWriter.render(r, locale: .en).hasSuffix(
            "FAILED: line 4: more than 3 commands (--max-commands); the rest was not replayed and the submission fails\n"))
        // Comments and markers do not count.
        let under = try grade(["# a comment", "#cnmlab hint"] + lines, limits: Grader.Limits(maxCommands: 5, timeout: 60))
        XCTAssertTrue(under.passed)
        XCTAssertEqual(under.findings, [])
    }

    func testATimeoutStopsTheReplayBetweenLines() throws {
        let r = try grade(["docker ps", "docker ps"], limits: Grader.Limits(maxCommands: 10, timeout: 1e-9))
        XCTAssertFalse(r.passed)
        XCTAssertEqual(r.findings.map(\.kind), [.timeout])
        XCTAssertLessThanOrEqual(r.commands, 1)
        let xml = JUnitWriter.render(r, locale: .en)
        XCTAssertTrue(xml.contains("<testcase name=\"transcript\""), xml)
        XCTAssertTrue(xml.contains("tests=\"3\" failures=\"3\""), xml)
        let tap = TAPWriter.render(r, locale: .en)
        XCTAssertTrue(tap.contains("1..3\n"), tap)
        XCTAssertTrue(tap.contains("not ok 3 - transcript\n"), tap)
    }

    func testBoundsInABatchFailOneSubmissionAndTheBatchGoesOn() throws {
        try file("subs/ana.sh", "ssh remote curl -s http://192.168.1.100:8080\n" + String(repeating: "docker ps\n", count: 5))
        try file("subs/bob.sh", "ssh remote curl -s http://192.168.1.100:8080\niptables -I DOCKER-USER -s 192.168.1.50 -j DROP\n"
                 + "ssh remote curl -s -m 2 http://192.168.1.100:8080\n")
        let run = GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submissionsDirectory: dir + "/subs",
                                            maxCommands: "4"))
        XCTAssertEqual(run.exitCode, 1)
        XCTAssertEqual(run.stdout, "learner,score,max,passed,note\r\n"
                       + "ana,2,4,false,line 5: more than 4 commands (--max-commands); the rest was not replayed and the submission fails\r\n"
                       + "bob,4,4,true,\r\n")
        for bad in ["0", "-1", "many", "2.5"] {
            let r = GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submissionsDirectory: dir + "/subs",
                                              maxCommands: bad))
            XCTAssertEqual(r.exitCode, 2, bad)
            XCTAssertTrue(r.stderr.contains("invalid value '\(bad)' for --max-commands"), r.stderr)
        }
        for bad in ["0", "-2", "soon", "inf", "nan"] {
            let r = GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submissionsDirectory: dir + "/subs",
                                              timeout: bad))
            XCTAssertEqual(r.exitCode, 2, bad)
            XCTAssertTrue(r.stderr.contains("invalid value '\(bad)' for --timeout"), r.stderr)
        }
    }

    // MARK: 4. Batch folders

    func testSymlinksAndOtherTypesAreRefusedNeverFollowed() throws {
        try file("secret/token", "ssh remote curl -s http://192.168.1.100:8080 # TOP-SECRET-TOKEN=abc123\n")
        try file("subs/ana.sh", "docker ps\n")
        try FileManager.default.createSymbolicLink(atPath: dir + "/subs/mallory.sh", withDestinationPath: "../secret/token")
        try file("subs/README.md", "not a transcript")
        XCTAssertEqual(mkfifo(dir + "/subs/pipe.sh", 0o600), 0)
        let out = dir + "/out"
        let run = GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submissionsDirectory: dir + "/subs",
                                            format: "json", outputDirectory: out, instructor: true))
        XCTAssertEqual(run.exitCode, 2)
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        XCTAssertEqual(csv, "learner,score,max,passed,note\r\nana,0,4,false,\r\n"
                       + "mallory,,4,false,mallory.sh is a symbolic link: refused (only regular files inside the folder are graded)\r\n"
                       + "pipe,,4,false,unreadable: not a regular file\r\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["ana.json", "summary.csv"])
        XCTAssertTrue(run.stderr.contains("skipped README.md: not a transcript (.sh, .txt or .transcript)"), run.stderr)
        XCTAssertFalse(run.stdout.contains("SECRET") || run.stderr.contains("SECRET") || csv.contains("SECRET"))
        XCTAssertEqual(run.stdout, "3 submission(s): 0 passed, 1 failed, 2 refused or unreadable\n")
    }

    /// One submission named on the command line: a link is followed inside its own folder only, and
    /// a link that leads nowhere is named so (it was "not a regular file").
    func testASingleSubmissionLinkIsFollowedOnlyInsideItsFolder() throws {
        try file("secret/token", "ssh remote curl -s http://192.168.1.100:8080 # TOP-SECRET-TOKEN=abc123\n")
        try file("repo/attempt3.sh", "docker ps\n")
        try FileManager.default.createSymbolicLink(atPath: dir + "/repo/latest.sh", withDestinationPath: "attempt3.sh")
        try FileManager.default.createSymbolicLink(atPath: dir + "/repo/transcript.sh", withDestinationPath: "../secret/token")
        try FileManager.default.createSymbolicLink(atPath: dir + "/repo/l1.sh", withDestinationPath: "l2.sh")
        try FileManager.default.createSymbolicLink(atPath: dir + "/repo/l2.sh", withDestinationPath: "l1.sh")
        func run(_ name: String) -> GradeRun {
            GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submission: dir + "/repo/" + name, instructor: true))
        }
        let latest = run("latest.sh")
        XCTAssertEqual(latest.exitCode, 1, latest.stderr)
        XCTAssertTrue(latest.stdout.contains("0/4"), latest.stdout)
        let outside = run("transcript.sh")
        XCTAssertEqual(outside.exitCode, 2)
        XCTAssertTrue(outside.stderr.contains("a symbolic link to a file outside its folder: refused"), outside.stderr)
        XCTAssertFalse((outside.stdout + outside.stderr).contains("SECRET"))
        let loop = run("l1.sh")
        XCTAssertEqual(loop.exitCode, 2)
        XCTAssertTrue(loop.stderr.contains("a symbolic link that leads nowhere"), loop.stderr)
        var ko = GradeOptions(lab: Fixture.path("remote-curl.yaml"), submission: dir + "/repo/transcript.sh")
        ko.locale = .ko
        XCTAssertTrue(GradeJob.run(ko).stderr.contains("폴더 밖의 파일을 가리키는 심볼릭 링크라서 거부합니다"))
    }

    func testReportsNeverLandAmongSubmissions() throws {
        try file("class5/bob.txt", "docker ps\n")
        let subs = dir + "/class5"
        for (out, text) in [(subs, "are the same folder"), (subs + "/", "are the same folder"),
                            (subs + "/grades", "is inside --submissions"), (dir, "is inside --output-dir"),
                            (subs + "/../class5", "are the same folder")] {
            let run = GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submissionsDirectory: subs,
                                                outputDirectory: out))
            XCTAssertEqual(run.exitCode, 2, out)
            XCTAssertTrue(run.stderr.contains(text), run.stderr)
        }
        try FileManager.default.createSymbolicLink(atPath: dir + "/alias", withDestinationPath: subs)
        let viaLink = GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submissionsDirectory: subs,
                                                outputDirectory: dir + "/alias/grades"))
        XCTAssertEqual(viaLink.exitCode, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: subs), ["bob.txt"], "nothing was written")
        // Single mode: the report may not replace the submission.
        let single = GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submission: subs + "/bob.txt",
                                               output: subs + "/bob.txt"))
        XCTAssertEqual(single.exitCode, 2)
        XCTAssertEqual(try String(contentsOfFile: subs + "/bob.txt", encoding: .utf8), "docker ps\n")
    }

    func testConcurrentBatchIsByteIdenticalToOneByOne() throws {
        for i in 0..<12 {
            let body = i % 3 == 0 ? "ssh remote curl -s http://192.168.1.100:8080\n" : "docker ps\nssh remote curl -s http://192.168.1.100:8080\n"
                + "iptables -I DOCKER-USER -s 192.168.1.50 -j DROP\nssh remote curl -s -m 2 http://192.168.1.100:8080\n"
            try file("subs/learner-\(i).sh", body)
        }
        let out = dir + "/out"
        let batch = GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submissionsDirectory: dir + "/subs",
                                              format: "junit", outputDirectory: out))
        XCTAssertEqual(batch.exitCode, 1)
        for i in 0..<12 {
            let single = GradeJob.run(GradeOptions(lab: Fixture.path("remote-curl.yaml"), submission: dir + "/subs/learner-\(i).sh",
                                                   learner: "learner-\(i)", format: "junit"))
            XCTAssertEqual(try String(contentsOfFile: out + "/learner-\(i).xml", encoding: .utf8), single.stdout, "learner-\(i)")
        }
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\r\n").map { String($0.split(separator: ",")[0]) },
                       ["learner"] + (0..<12).map { "learner-\($0)" }.sorted())
    }

    // MARK: 6. Transcript syntax

    func testAnUnterminatedQuoteIsAFindingAndTheRestIsGraded() throws {
        let text = "docker run \"unterminated\nssh remote curl -s http://192.168.1.100:8080\n"
            + "iptables -I DOCKER-USER -s 192.168.1.50 -j DROP\nssh remote curl -s -m 2 http://192.168.1.100:8080\n"
        let s = try Submission.parse(Array(text.utf8)).get()
        XCTAssertEqual(s.findings, [GradeFinding(kind: .unterminated, line: 1, detail: "\"")])
        XCTAssertEqual(s.lines.count, 4)
        XCTAssertEqual(s.lineNumbers, [1, 2, 3, 4])
        let r = Grader.grade(lab: Fixture.lab("remote-curl.yaml"), learner: nil, submission: s)
        XCTAssertTrue(r.passed, "the lines after the open quote were graded")
        let message = "line 1: \" is never closed; this line ran alone (a syntax error) and the lines after it were read on their own"
        XCTAssertEqual(r.findings.map { $0.message(.en) }, [message])
        XCTAssertTrue(GradeTextWriter.render(r, locale: .en).contains("Transcript:\n  " + message + "\n"))
        XCTAssertTrue(GradeJSONWriter.render(r).contains(#""findings":[{"end_line":null,"fails":false,"kind":"unterminated","line":1,"message":"#))
        XCTAssertTrue(JUnitWriter.render(r, locale: .en).contains("<system-err>" + message.replacingOccurrences(of: "\"", with: "\"") + "</system-err>"))
        XCTAssertTrue(TAPWriter.render(r, locale: .en).contains("# " + message + "\n"))
        XCTAssertTrue(r.findings[0].message(.ko).hasPrefix("1번째 줄: \"가 닫히지 않았습니다"))
    }

    func testAQuoteClosedLinesLaterIsNotedAndContinuationsAreNot() throws {
        let s = try Submission.parse(Array("echo 'a\nb\nc'\ndocker run \\\n  -d nginx\ndocker ps &&\n docker ps\necho $(\n".utf8)).get()
        XCTAssertEqual(s.lines, ["echo 'a\nb\nc'", "docker run \\\n  -d nginx", "docker ps &&\n docker ps", "echo $("])
        XCTAssertEqual(s.lineNumbers, [1, 4, 6, 8])
        XCTAssertEqual(s.findings, [GradeFinding(kind: .spansLines, line: 1, endLine: 3, detail: "'"),
                                    GradeFinding(kind: .unterminated, line: 8, detail: "$(")])
        // A quote open for more than maxContinuationLines lines is unterminated too (and reading stays linear).
        let long = "echo \"x\n" + String(repeating: "docker ps\n", count: Submission.maxContinuationLines + 5)
        let t = try Submission.parse(Array(long.utf8)).get()
        XCTAssertEqual(t.findings.first, GradeFinding(kind: .unterminated, line: 1, detail: "\""))
        XCTAssertEqual(t.lines.count, 1 + Submission.maxContinuationLines + 5)
    }

    // MARK: 10. Consistency

    func testJUnitAlwaysCarriesEveryDocumentedProperty() throws {
        let r = try grade(["docker ps"])
        let xml = JUnitWriter.render(r, locale: .en)
        for name in ["lab", "version", "learner", "seed", "score", "max", "min_score", "passed"] {
            XCTAssertTrue(xml.contains("<property name=\"\(name)\" value="), "\(name)\n\(xml)")
        }
        XCTAssertTrue(xml.contains("<property name=\"learner\" value=\"\"/>"))
        XCTAssertTrue(xml.contains("<property name=\"min_score\" value=\"\"/>"))
    }
}

