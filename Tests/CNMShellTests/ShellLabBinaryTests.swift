import XCTest
import Foundation
import CNMSim
import CNMTestSupport

/// The real `cnmlab` binary driven as a learner drives it, through piped input from a folder
/// outside the repository: a whole lab and what comes after it, coming back to an unfinished lab,
/// the order of what one line prints, and no language internals in anything a session prints.
final class ShellLabBinaryTests: XCTestCase {
    var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    var labsDir: String { root.appendingPathComponent("Labs").path }
    var work = ""

    override func setUp() {
        work = NSTemporaryDirectory() + "cnmlab-bin-\(getpid())-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: work) }

    /// Runs cnmlab from the work folder with `input` piped in; standard output and standard error go
    /// to one file, in the order they were written (as a terminal shows them).
    func cnmlab(_ args: [String], input: String = "") -> (status: Int32, text: String) {
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let r = Spawn.run(["sh", "-c", "cd '\(work)' && exec '\(Spawn.cnmlab)' \(quoted) 2>&1"], stdin: input)
        XCTAssertFalse(r.timedOut, "cnmlab \(args.joined(separator: " ")) did not finish")
        return (r.status, r.stdout)
    }

    func solution(_ lab: String, learner: String) -> String {
        let (status, text) = cnmlab(["labs", "show", lab, "--solution", "--learner", learner, "--dir", labsDir])
        XCTAssertEqual(status, 0, text)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0 + "\n" }.joined()
    }

    /// The reproduction of issue 13: a whole lab through piped input, then host commands that must work.
    func testAWholeLabThroughPipedInputThenTheHostKeepsWorking() {
        let input = solution("example-publish-port", learner: "ana") + "docker ps\nwhy host web:80\nip addr show docker0\nprogress\n"
        let (status, text) = cnmlab(["shell", "--lang", "en", "--lab", "example-publish-port", "--learner", "ana",
                                     "--db", "x.sqlite", "--labs", labsDir], input: input)
        XCTAssertEqual(status, 0)
        XCTAssertFalse(text.contains("progress store error"), text)
        XCTAssertTrue(text.contains("Lab finished: 16/16 points"), text)
        XCTAssertTrue(text.contains("CONTAINER ID   IMAGE"), "docker ps works after the last step")
        XCTAssertTrue(text.contains("Verdict: delivered to web"), "why works after the last step")
        XCTAssertTrue(text.contains("inet 172.17.0.1/16"), "ip addr works after the last step")
        let (_, csv) = cnmlab(["progress", "--learner", "ana", "--format", "csv", "--db", "x.sqlite"])
        let row = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(row.count, 2, csv)
        let fields = Dictionary(uniqueKeysWithValues: zip(row[0], row[1]))
        XCTAssertEqual(fields["status"], "finished")
        XCTAssertEqual(fields["score"], "16")
        XCTAssertEqual(fields["attempts"], "1")
        XCTAssertEqual(fields["commands"], "6", "typed lines: 3 of the lab and 3 of practice")
    }

    /// Quit with an iptables edit in the log, come back without --lab: the shell says which lab and
    /// step are open; `lab resume` rebuilds the world, proven by a state hash that covers the firewall.
    func testResumeAfterAnIptablesEdit() {
        let first = solution("example-publish-port", learner: "ana").split(separator: "\n").first.map(String.init) ?? ""
        let (status, _) = cnmlab(["shell", "--lang", "en", "--lab", "example-publish-port", "--learner", "ana", "--db", "x.sqlite",
                                  "--labs", labsDir], input: first + "\niptables -I DOCKER-USER -s 192.168.1.50 -j DROP\nexit\n")
        XCTAssertEqual(status, 0)
        let (_, text) = cnmlab(["shell", "--lang", "en", "--learner", "ana", "--db", "x.sqlite", "--labs", labsDir],
                               input: "lab resume\niptables -S DOCKER-USER\nwhy remote host:80\n")
        // The number is the lab's place in the list, which grows as labs are added.
        XCTAssertNotNil(text.range(of: #"^Unfinished lab: \d+ · Example lab - publishing a port — step 2/3\n"#
                                   + #"Type lab resume example-publish-port to continue\.\n"#, options: .regularExpression), text)
        XCTAssertTrue(text.contains("Resuming your attempt (2 logged lines replayed)."), text)
        XCTAssertFalse(text.contains("differs"), text)
        XCTAssertTrue(text.contains("-A DOCKER-USER -s 192.168.1.50/32 -j DROP\n"), text)
        XCTAssertTrue(text.contains("-- Step 2/3: "), text)
        let (_, ko) = cnmlab(["shell", "--lang", "ko", "--learner", "ana", "--db", "x.sqlite", "--labs", labsDir], input: "exit\n")
        XCTAssertNotNil(ko.range(of: #"^끝내지 않은 실습: \d+ · 예시 실습 - 포트 매핑 — 단계 2/3\n"#, options: .regularExpression), ko)
    }

    /// `docker run … --network host -p …` warns and completes a step at once: the WARNING the step
    /// asks the learner to read comes before the step banner.
    func testAWarningComesBeforeTheStepItCompletes() {
        let (_, text) = cnmlab(["shell", "--lang", "en", "--lab", "w2d1s3-host-none", "--learner", "ana", "--db", "x.sqlite",
                                "--labs", labsDir], input: "docker run -d --name hostweb --network host -p 8038:80 nginx\n")
        let warning = text.range(of: "WARNING: Published ports are discarded when using host network mode\n")
        let done = text.range(of: "✔ Step 1 complete")
        let next = text.range(of: "-- Step 2/5: ")
        XCTAssertNotNil(warning, text)
        XCTAssertNotNil(done, text)
        if let warning, let done, let next {
            XCTAssertLessThan(warning.lowerBound, done.lowerBound, text)
            XCTAssertLessThan(done.lowerBound, next.lowerBound, text)
        }
    }

    /// Everything a scripted session prints, in both languages, over every lab: no `Optional(`, no
    /// `nil`, no Swift type or case names.
    func testScriptedSessionsPrintNoLanguageInternals() throws {
        let ids = try FileManager.default.contentsOfDirectory(atPath: labsDir).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThan(ids.count, 10)
        var script = "help\nlabs\nprogress\nlab resume\nundo\nanswer 1\n"
        for n in 1...ids.count {
            script += "lab start \(n)\nstep\ncheck\nhint\nhint\nhint\nhint\nsolution\ny\nsolution\nn\nanswer nope\nskip\n"
            script += "docker network create tmpnet\nundo\nundo\nreset step\nreset lab\nreset nowhere\ntheory\nhistory\nlabs\nprogress\n"
            script += "lab restart\nlab quit\n"
        }
        script += "lab restart\nlab nowhere\nlab start 999\nexit\n"
        let internals = ["Optional(", "CNMLabs.", "CNMShell.", "CNMSim.", "CNMProgress.", "Swift.", "LabLine", "LabReport",
                         "ShellText", "(Function)", "Error(", "unknownAttempt", "attemptClosed"]
        for lang in ["en", "ko"] {
            let (status, text) = cnmlab(["shell", "--lang", lang, "--learner", "scan", "--db", "x.sqlite", "--labs", labsDir],
                                        input: script)
            XCTAssertEqual(status, 0)
            XCTAssertGreaterThan(text.count, 10_000, "the script ran")
            for word in internals { XCTAssertFalse(text.contains(word), "\(lang): \(word) in:\n\(context(text, word))") }
            for line in text.split(separator: "\n") where line.split(whereSeparator: { !$0.isLetter }).contains("nil") {
                XCTFail("\(lang): nil in: \(line)")
            }
            XCTAssertFalse(text.contains("progress store error") || text.contains("진도 저장 오류"), lang)
        }
    }

    /// Random sequences of hints, solutions, answers, undo, reset and skip, typed into the binary:
    /// the recorded score never exceeds the maximum.
    func testTheRecordedScoreNeverExceedsTheMaximum() {
        var rng = seededGenerator(default: 0x5EED)
        func next(_ n: Int) -> Int { Int.random(in: 0..<n, using: &rng) }
        let solutionLines = solution("w2d1s3-host-none", learner: "prop").split(separator: "\n").map(String.init)
        let moves = ["hint", "solution\ny", "skip", "undo", "reset step", "reset lab", "answer 8031", "answer 80", "answer lo",
                     "answer private", "docker rm -f hostweb"]
        for round in 0..<3 {
            var script = "lab start w2d1s3-host-none\n"
            for _ in 0..<40 {
                script += (next(2) == 0 ? solutionLines[next(solutionLines.count)] : moves[next(moves.count)]) + "\n"
            }
            script += solutionLines.joined(separator: "\n") + "\n"
            let db = "score-\(round).sqlite"
            let (status, text) = cnmlab(["shell", "--lang", "en", "--learner", "prop", "--db", db, "--labs", labsDir], input: script)
            XCTAssertEqual(status, 0)
            XCTAssertFalse(text.contains("Optional("), text)
            let (_, json) = cnmlab(["progress", "--learner", "prop", "--format", "json", "--db", db])
            guard let data = json.data(using: .utf8),
                  let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]], let row = rows.first else {
                XCTFail(json); continue
            }
            let score = row["score"] as? Int ?? -1, max = row["max_score"] as? Int ?? -1
            XCTAssertEqual(row["status"] as? String, "finished", json)
            XCTAssertGreaterThanOrEqual(score, 0, json)
            XCTAssertLessThanOrEqual(score, max, json)
            XCTAssertEqual(row["attempts"] as? Int, 1, json)
        }
    }

    func context(_ text: String, _ word: String) -> String {
        guard let r = text.range(of: word) else { return "" }
        let start = text.index(r.lowerBound, offsetBy: -200, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(r.upperBound, offsetBy: 200, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
    }
}
