import Foundation
import XCTest
@testable import CNMLabs

/// `cnmlab grade` end to end without the binary: exit codes, files written, batch mode.
final class GradeJobTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("cnmlab-grade-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = (dir as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func grade(_ submission: String?, lab: String = Fixture.path("grade-small.yaml"), format: String = "text",
               minScore: String? = nil, output: String? = nil, labs: String = Fixture.labsDirectory.path) -> GradeRun {
        GradeJob.run(GradeOptions(lab: lab, submission: submission, format: format, output: output, minScore: minScore,
                                  labPaths: [labs]),
                     files: DiskFilesWithInput(input: Array("docker network create --label course=cnm testnet\n#cnmlab skip\nanswer 172.17.0.1\n".utf8)))
    }

    let full = "docker network create --label course=cnm testnet\n#cnmlab skip\nanswer 172.17.0.1\n"

    func testPassedFailedAndEmptyExitCodes() throws {
        let passing = grade(try file("full.sh", full))
        XCTAssertEqual(passing.exitCode, 0, passing.stderr)
        XCTAssertTrue(passing.stdout.hasSuffix("Score: 5/5 · PASSED: every required step is complete\n"), passing.stdout)
        let empty = grade(try file("empty.sh", ""))
        XCTAssertEqual(empty.exitCode, 1)
        XCTAssertTrue(empty.stdout.contains("Score: 0/5 · FAILED"), empty.stdout)
        XCTAssertEqual(empty.stderr, "")
        let partial = grade(try file("partial.sh", "docker network create testnet\n"))
        XCTAssertEqual(partial.exitCode, 1)
        XCTAssertEqual(grade(try file("partial2.sh", "docker network create testnet\n#cnmlab skip\n"), minScore: "3").exitCode, 0)
        XCTAssertEqual(grade(try file("partial3.sh", "docker network create testnet\n#cnmlab skip\n"), minScore: "61%").exitCode, 1)
        // Standard input.
        XCTAssertEqual(grade("-").exitCode, 0)
    }

    func testBadInputExitsTwo() throws {
        let ok = try file("ok.sh", full)
        let cases: [(GradeRun, String)] = [
            (grade(dir + "/missing.sh"), "cannot read the submission \(dir)/missing.sh: no such file"),
            (grade(dir), "not a regular file"),
            (grade(try file("bin.sh", "docker ps\n\u{0}\u{1}\u{2}")), "NUL bytes"),
            (grade(try file("big.sh", String(repeating: "docker ps\n", count: Submission.maxBytes / 10 + 1))), "larger than"),
            (grade(ok, lab: dir + "/missing.yaml"), "LAB014"),
            (grade(ok, lab: "no-such-lab"), "no lab with id no-such-lab in"),
            (grade(ok, lab: "no-such-lab", labs: dir + "/nowhere"), "no lab with id no-such-lab"),
            (grade(ok, lab: try file("broken.yaml", "id: broken\nversion: 1\n")), "the lab"),
            (grade(ok, format: "xml"), "invalid value 'xml' for --format (text, json, junit or tap)"),
            (grade(ok, minScore: "most"), "invalid value 'most' for --min-score"),
            (grade(ok, minScore: "-3"), "invalid value '-3' for --min-score"),
            (grade(nil), "missing SUBMISSION"),
            (grade(ok, output: dir + "/no/such/dir/report.xml"), "cannot write"),
        ]
        for (run, text) in cases {
            XCTAssertEqual(run.exitCode, 2, text)
            XCTAssertTrue(run.stderr.hasPrefix("cnmlab grade: "), run.stderr)
            XCTAssertTrue(run.stderr.contains(text), "\(text) not in \(run.stderr)")
            XCTAssertEqual(run.stdout, "", text)
        }
    }

    func testLabIdIsLookedUpInTheLabsFolder() throws {
        let labs = dir + "/labs"
        try FileManager.default.createDirectory(atPath: labs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.path("grade-small.yaml"), toPath: labs + "/small.yaml")
        let run = grade(try file("s.sh", full), lab: "grade-small", labs: labs)
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Lab grade-small v2: Grading example\n"), run.stdout)
    }

    func testOutputFileGetsTheReportAndStdoutTheVerdict() throws {
        let out = dir + "/report.xml"
        let run = grade(try file("p.sh", "docker network create testnet\n"), format: "junit", output: out)
        XCTAssertEqual(run.exitCode, 1)
        XCTAssertEqual(run.stdout, "grade-small: 3/5, FAILED (report: \(out))\n")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cnmlab\" tests=\"3\" failures=\"2\""), xml)
    }

    func testExportedTranscriptNamingAnotherLearnerIsNoted() throws {
        let path = try file("ana.sh", "# cnmlab transcript\n# learner: ana\n" + full)
        let run = grade(path)
        XCTAssertEqual(run.exitCode, 0)
        XCTAssertEqual(run.stderr, "note: \(path) was exported for learner ana; grading the variant of (default variant)\n")
    }

    func testBatchWritesAReportPerLearnerAndASummary() throws {
        let subs = dir + "/subs"
        _ = try file("subs/ana.sh", full)
        _ = try file("subs/bob.txt", "docker network create testnet\n")
        _ = try file("subs/=cmd.sh", "")
        _ = try file("subs/.hidden", "ignored")
        try FileManager.default.createDirectory(atPath: subs + "/nested", withIntermediateDirectories: true)
        let out = dir + "/out"
        let run = GradeJob.run(GradeOptions(lab: Fixture.path("grade-small.yaml"), submissionsDirectory: subs, format: "json",
                                            outputDirectory: out))
        XCTAssertEqual(run.exitCode, 1, "bob and =cmd failed")
        XCTAssertEqual(run.stdout, "3 submission(s): 1 passed, 2 failed, 0 refused or unreadable\n")
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        XCTAssertEqual(csv, "learner,score,max,passed,note\r\n'=cmd,0,5,false,\r\nana,5,5,true,\r\nbob,3,5,false,\r\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(names, ["=cmd.json", "ana.json", "bob.json", "summary.csv"])
        let ana = try String(contentsOfFile: out + "/ana.json", encoding: .utf8)
        XCTAssertTrue(ana.contains("\"learner\":\"ana\""), ana)
        // Without --output-dir the summary goes to standard output.
        let plain = GradeJob.run(GradeOptions(lab: Fixture.path("grade-small.yaml"), submissionsDirectory: subs))
        XCTAssertEqual(plain.stdout, csv)
    }

    /// A class graded concurrently writes the same files, byte for byte, and prints the same as the
    /// same class graded one after the other: reports and summary.csv in file-name order whatever
    /// order the workers finish in (passes, failures, an unreadable file and a duplicate among them).
    func testConcurrentBatchEqualsSerialBatch() throws {
        let subs = dir + "/subs"
        for i in 0..<40 {
            let text = i % 4 == 0 ? full : i % 4 == 1 ? "docker network create testnet\n"
                : i % 4 == 2 ? "docker ps\ndocker network ls\n" : full + "docker network rm testnet\n"
            _ = try file("subs/l\(i).sh", text)
        }
        _ = try file("subs/dup.sh", full)
        _ = try file("subs/dup.txt", full)
        _ = try file("subs/bin.sh", "docker ps\u{0}\n")
        var outputs: [GradeRun] = []
        for (out, serial) in [(dir + "/concurrent", false), (dir + "/serial", true)] {
            outputs.append(GradeJob.run(GradeOptions(lab: Fixture.path("grade-small.yaml"), submissionsDirectory: subs,
                                                     format: "junit", outputDirectory: out, serial: serial)))
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[0].exitCode, 2, "the duplicate is refused")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/concurrent").sorted()
        XCTAssertEqual(names, try FileManager.default.contentsOfDirectory(atPath: dir + "/serial").sorted())
        XCTAssertEqual(names.count, 40 + 1, "a report per graded learner, and summary.csv")
        for name in names {
            let a = FileManager.default.contents(atPath: dir + "/concurrent/" + name)
            XCTAssertNotNil(a, name)
            XCTAssertEqual(a, FileManager.default.contents(atPath: dir + "/serial/" + name), name)
        }
        let csv = try String(contentsOfFile: dir + "/concurrent/summary.csv", encoding: .utf8)
        let learners = csv.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        XCTAssertEqual(learners, learners.sorted(), "rows in file-name order")
        XCTAssertEqual(learners.count, 42, "40 learners, bin and dup")
    }

    func testBatchBadInputExitsTwo() throws {
        let subs = dir + "/subs"
        _ = try file("subs/ana.sh", full)
        _ = try file("subs/ana.txt", full)
        _ = try file("subs/zed.sh", "x\u{0}")
        let run = GradeJob.run(GradeOptions(lab: Fixture.path("grade-small.yaml"), submissionsDirectory: subs))
        XCTAssertEqual(run.exitCode, 2)
        // Two files for one learner: neither is graded (which one counts would be a guess).
        XCTAssertTrue(run.stderr.contains("cnmlab grade: ana: two submissions: ana.sh, ana.txt\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("zed: unreadable: it holds NUL bytes"), run.stderr)
        XCTAssertEqual(run.stdout, "learner,score,max,passed,note\r\nana,,5,false,\"two submissions: ana.sh, ana.txt\"\r\n"
                       + "zed,,5,false,unreadable: it holds NUL bytes (not a text file)\r\n")
        let notDir = GradeJob.run(GradeOptions(lab: Fixture.path("grade-small.yaml"), submissionsDirectory: subs + "/ana.sh"))
        XCTAssertEqual(notDir.exitCode, 2)
        let both = GradeJob.run(GradeOptions(lab: Fixture.path("grade-small.yaml"), submission: subs + "/ana.sh",
                                             submissionsDirectory: subs))
        XCTAssertEqual(both.exitCode, 2)
    }

    func testLanguageFromTheEnvironment() {
        XCTAssertEqual(GradeOptions.locale(environment: ["LANG": "ko_KR.UTF-8"]), .ko)
        XCTAssertEqual(GradeOptions.locale(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"]), .en)
        XCTAssertEqual(GradeOptions.locale(environment: [:]), .en)
        let run = GradeJob.run(GradeOptions(lab: "nope", submission: "x", labPaths: [dir], locale: .ko))
        XCTAssertEqual(run.stderr, "cnmlab grade: \(dir)에 id가 nope인 실습이 없습니다\n")
    }
}
