import XCTest
import Foundation

/// With standard input not a terminal, the shell reads plain lines and prints no escape codes.
final class ShellPipeTests: XCTestCase {
    func testPipedInputHasNoEscapeCodesAndRunsEveryLine() throws {
        let dir = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let p = Process()
        p.executableURL = dir.appendingPathComponent("cnmlab")
        p.arguments = ["shell", "--lang", "en"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        input.fileHandleForWriting.write(Data("docker network create mynet\ndocker network ls --format '{{.Name}}'\nexit\n".utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertFalse(text.contains("\u{1B}"), "no escape codes in piped mode")
        XCTAssertTrue(text.contains("bridge\nhost\nmynet\nnone\n"))
        XCTAssertTrue(text.hasSuffix("Bye.\n"))
    }

    /// Runs the binary with arguments and standard input; returns status and combined output.
    func run(_ args: [String], input: String) throws -> (Int32, String) {
        let dir = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let p = Process()
        p.executableURL = dir.appendingPathComponent("cnmlab")
        p.arguments = args
        let stdin = Pipe(), out = Pipe()
        p.standardInput = stdin
        p.standardOutput = out
        p.standardError = out
        try p.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
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
