import XCTest
import Foundation

/// With standard input not a terminal, the shell reads plain lines and prints no escape codes.
final class ShellPipeTests: XCTestCase {
    func testPipedInputHasNoEscapeCodesAndRunsEveryLine() throws {
        let (status, text) = try run(["shell", "--lang", "en"],
                                     input: "docker network create mynet\ndocker network ls --format '{{.Name}}'\nexit\n")
        XCTAssertEqual(status, 0)
        XCTAssertFalse(text.contains("\u{1B}"), "no escape codes in piped mode")
        XCTAssertTrue(text.contains("bridge\nhost\nmynet\nnone\n"))
        XCTAssertTrue(text.hasSuffix("Bye.\n"))
    }

    /// Runs the binary with arguments and standard input; returns status and output (stdout, then stderr).
    func run(_ args: [String], input: String) throws -> (Int32, String) {
        let r = Spawn.run([Spawn.cnmlab] + args, stdin: input)
        XCTAssertFalse(r.timedOut, "cnmlab \(args.joined(separator: " ")) did not finish")
        return (r.status, r.stdout + r.stderr)
    }

    func testAWholeLabCompletedThroughPipedInputIsRecorded() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let labs = root.appendingPathComponent("Labs").path
        let db = NSTemporaryDirectory() + "cnmlab-pipe-\(getpid())-\(UUID().uuidString).sqlite"
        let (showStatus, solution) = try run(["labs", "show", "w2d1s3-user-bridge-web-db", "--solution", "--learner", "ci",
                                              "--dir", labs], input: "")
        XCTAssertEqual(showStatus, 0, solution)
        let (status, text) = try run(["shell", "--lang", "en", "--lab", "w2d1s3-user-bridge-web-db", "--learner", "ci",
                                      "--labs", labs, "--db", db], input: solution + "exit\n")
        XCTAssertEqual(status, 0)
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertTrue(text.contains("Lab finished: "), text)
        let (_, csv) = try run(["progress", "--learner", "ci", "--format", "csv", "--db", db], input: "")
        XCTAssertTrue(csv.contains("w2d1s3-user-bridge-web-db"), csv)
        XCTAssertTrue(csv.contains("finished"), csv)
    }
}
