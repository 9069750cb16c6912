import Foundation
import XCTest

/// `cnmlab grade`, `labs` and `validate` as an instructor types them: one spelling of `--labs`, a lab
/// file wherever a lab id goes, unreadable labs named, invalid values refused with exit 2.
final class LabCommandLineTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "cnmlab-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/labs", withIntermediateDirectories: true)
        let good = """
            id: cli-lab
            version: 1
            title: {ko: 명령줄, en: Command line}
            place: {week: 2, day: 1, session: 3, section: test}
            minutes: 5
            steps:
              - id: net
                title: {ko: 네트워크, en: Network}
                text: {ko: testnet을 만드세요, en: Create testnet}
                hints: [{tier: command, ko: docker network create testnet, en: docker network create testnet}]
                checks: [{network: {name: testnet}}]
                solution: [docker network create testnet]
            """
        try good.write(toFile: dir + "/labs/good.yaml", atomically: true, encoding: .utf8)
        try "id: broken\nversion: [1\n".write(toFile: dir + "/labs/broken.yaml", atomically: true, encoding: .utf8)
        try "docker network create testnet\n".write(toFile: dir + "/s.sh", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func cnmlab(_ args: [String], stdin: String = "") -> Spawn.Result {
        let r = Spawn.run([Spawn.cnmlab] + args, stdin: stdin)
        XCTAssertFalse(r.timedOut)
        return r
    }

    func testLabsListInCourseOrderNumberedAsTheShellNumbersThem() {
        let r = cnmlab(["labs"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        XCTAssertGreaterThan(rows.count, 10)
        XCTAssertEqual(rows.map { String($0[0]) }, (1...rows.count).map(String.init))
        // The section column (W2 › D1 › S3 › x) never goes back: labs are grouped as in the course.
        let sections = rows.compactMap { row in row.firstIndex(of: "S3").map { String(row[$0 + 2]) } }
        XCTAssertEqual(sections.count, rows.count)
        XCTAssertEqual(sections, sections.sorted())
        // `--json` lists the same order, and the shell's `lab start 2` starts the lab listed second.
        let json = cnmlab(["labs", "--json"])
        let list = (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) as? [[String: Any]] ?? []
        XCTAssertEqual(list.compactMap { $0["id"] as? String }, rows.map { String($0[1]) })
        let title = (list.count > 1 ? list[1]["title"] as? [String: String] : nil)?["en"] ?? "?"
        let shell = cnmlab(["shell", "--sandbox", "--lang", "en"], stdin: "lab start 2\nexit\n")
        XCTAssertTrue(shell.stdout.contains("== 2 · \(title) =="), String(shell.stdout.prefix(400)))
    }

    func testLabsNamesAFileItCannotReadAndExitsOne() {
        let r = cnmlab(["labs", "--labs", dir + "/labs"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("cli-lab"), r.stdout)
        XCTAssertTrue(r.stderr.contains("broken.yaml:2:10: error LAB005"), r.stderr)
    }

    /// `validate --json` gives every file the keys the documentation lists, `lab` null when it did not load.
    func testValidateJSONNamesTheLabOfEveryFileOrNull() throws {
        let r = cnmlab(["validate", "--json", dir + "/labs"])
        XCTAssertEqual(r.status, 1)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        XCTAssertEqual(files.count, 2)
        for f in files { XCTAssertEqual(Set(f.keys), ["file", "lab", "clean", "diagnostics"], "\(f)") }
        let broken = try XCTUnwrap(files.first { ($0["file"] as? String)?.hasSuffix("broken.yaml") == true })
        XCTAssertTrue(broken["lab"] is NSNull, "\(broken)")
    }

    /// `labs show` speaks the reader's language all through and keeps a step's text under its title,
    /// wrapped to COLUMNS (Hangul counting two columns) like the shell's texts.
    func testLabsShowIsKoreanAllThroughAndIndentsEveryLineOfAStep() {
        let r = Spawn.run(["/usr/bin/env", "COLUMNS=60", Spawn.cnmlab, "labs", "show", "w2d1s3-ipam", "--lang", "ko", "--learner", "ana"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains(" · 약 25분 · "), r.stdout)
        XCTAssertTrue(r.stdout.contains("\n먼저 할 실습: w2d1s3-default-networks\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("\n학습자 ana의 변형: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("\n1. 자동 배정 순서 [6점]\n   "), r.stdout)
        for word in ["points", "Prerequisites", "Variant", "optional", " min "] { XCTAssertFalse(r.stdout.contains(word), word) }
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.firstIndex { $0.hasPrefix("1. ") }!
        let stepText = lines[(first + 1)...].prefix { !$0.isEmpty }
        XCTAssertGreaterThan(stepText.count, 2)
        XCTAssertTrue(stepText.allSatisfy { $0.hasPrefix("   ") }, "\(stepText)")
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix(" ") || Self.columns($0) <= 60 }, r.stdout)
        let en = cnmlab(["labs", "show", "w2d1s3-ipam", "--lang", "en"])
        XCTAssertTrue(en.stdout.contains(" · 25 min · 38 points\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("\nVariant (default): "), en.stdout)
    }

    /// Terminal columns, Hangul syllables counting two.
    static func columns(_ s: Substring) -> Int { s.unicodeScalars.reduce(0) { $0 + ((0xAC00...0xD7A3).contains($1.value) ? 2 : 1) } }

    func testALabFileWorksWhereALabIDDoes() {
        let byFile = cnmlab(["labs", "show", dir + "/labs/good.yaml", "--solution"])
        XCTAssertEqual(byFile.status, 0, byFile.stderr)
        XCTAssertEqual(byFile.stdout, "docker network create testnet\n")
        let byID = cnmlab(["labs", "show", "cli-lab", "--labs", dir + "/labs", "--solution"])
        XCTAssertEqual(byID.stdout, byFile.stdout)
        let graded = cnmlab(["grade", "cli-lab", dir + "/s.sh", "--labs", dir + "/labs", "--format", "tap"])
        XCTAssertEqual(graded.status, 0, graded.stderr)
        XCTAssertTrue(graded.stdout.hasPrefix("TAP version 13\n1..1\nok 1 - net: Network\n"), graded.stdout)
    }

    func testInvalidValuesExitTwo() {
        for (args, text) in [
            (["grade", dir + "/labs/good.yaml", dir + "/s.sh", "--min-score", "-3"], "invalid value '-3' for --min-score"),
            (["grade", dir + "/labs/good.yaml", dir + "/s.sh", "--max-commands", "lots"], "invalid value 'lots' for --max-commands"),
            (["grade", dir + "/labs/good.yaml", dir + "/s.sh", "--timeout", "-1"], "invalid value '-1' for --timeout"),
            (["grade", dir + "/labs/good.yaml", dir + "/s.sh", "--lang", "fr"], "invalid value 'fr' for --lang"),
            (["validate", dir + "/labs/good.yaml", "--lang", "fr"], "invalid value 'fr' for --lang"),
            (["labs", "--lang", "fr"], "invalid value 'fr' for --lang"),
            (["progress", "--format", "xml", "--db", dir + "/p.sqlite"], "invalid value 'xml' for --format (table, json or csv)"),
            (["report", dir + "/p.sqlite", "--format", "yaml"], "invalid value 'yaml' for --format"),
            (["shell", "--lang", "fr", "--sandbox"], "invalid value 'fr' for --lang (ko or en)"),
        ] {
            let r = cnmlab(args)
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(text), r.stderr)
        }
        // A value in another case is the same value; a malformed command line stays a usage error (64).
        let upper = cnmlab(["progress", "--format", "JSON", "--db", dir + "/none.sqlite"])
        XCTAssertFalse(upper.stderr.contains("--format"), upper.stderr)
        XCTAssertEqual(upper.status, 1, "the missing database, not the format, is the error")
        XCTAssertEqual(cnmlab(["progress", "--no-such-flag"]).status, 64)
    }

    func testValidateCountsMutantsInKorean() {
        let r = cnmlab(["validate", "--mutants", "--lang", "ko", dir + "/labs/good.yaml"])
        XCTAssertEqual(r.status, 0, r.stdout)
        XCTAssertTrue(r.stdout.contains("변형 풀이 "), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("파일 1개, 오류 0개, 경고 0개: 깨끗함\n"), r.stdout)
    }
}
