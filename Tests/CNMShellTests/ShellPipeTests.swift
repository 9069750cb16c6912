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
}
