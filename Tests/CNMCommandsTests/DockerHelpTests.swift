import XCTest
import Foundation
@testable import CNMCommands

/// `--help`, bare groups, `-h`, aliases and unknown subcommands, byte for byte as the docker 28.2.2 CLI
/// prints them. `Golden/help/docker-help.golden` was captured from the real CLI by
/// `scripts/docker-help-goldens.py` (docker/cli v28.2.2 `cli/cobra.go`, `cli/required.go`,
/// `cmd/docker/docker.go`); where `docker --version` reports 28.2.2 the CLI is also asked live.
final class DockerHelpTests: XCTestCase {
    /// The captured lines (the golden layout of docs/testing.md, read by `GoldenTranscript`).
    func goldenLines() throws -> [GoldenRecord] {
        let url = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Golden/help/docker-help.golden")
        return try GoldenTranscript.parse(try String(contentsOf: url, encoding: .utf8))
    }

    func simulated(_ command: String) -> CommandOutput {
        var sim = Simulator(seed: 0)
        return sim.run(line: command)
    }

    func testEverySimulatedCommandPrintsTheRealCLIsHelp() throws {
        let lines = try goldenLines()
        XCTAssertGreaterThanOrEqual(lines.count, 70)
        for line in lines {
            let out = simulated(line.command)
            XCTAssertEqual(out.stdout, line.stdout, "stdout of \(line.command)")
            XCTAssertEqual(out.stderr, line.stderr, "stderr of \(line.command)")
            XCTAssertEqual(out.exitCode, line.exitCode, "exit code of \(line.command)")
        }
    }

    func testHelpTextsCoverEveryCommandTheGoldenScriptLists() throws {
        let helped = Set(try goldenLines().map(\.command).filter { $0.hasSuffix(" --help") }.map { String($0.dropLast(7)) })
        for path in DockerHelpTexts.byPath.keys { XCTAssertTrue(helped.contains(path), "\(path) --help is not in the golden script") }
    }

    /// The live CLI, when this machine has docker 28.2.2 (it prints help without a daemon).
    func testLiveDockerCLIAgreesWhereItIsInstalled() throws {
        guard let version = try? run(["docker", "--version"]), version.stdout.contains("28.2.2") else {
            throw XCTSkip("docker 28.2.2 is not installed here")
        }
        for line in try goldenLines() {
            let live = try run(line.command.split(separator: " ").map(String.init))
            let out = simulated(line.command)
            XCTAssertEqual(out.stdout, live.stdout, "stdout of \(line.command)")
            XCTAssertEqual(out.stderr, live.stderr, "stderr of \(line.command)")
            XCTAssertEqual(out.exitCode, live.exitCode, "exit code of \(line.command)")
        }
    }

    func run(_ argv: [String]) throws -> CommandOutput {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        p.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/root", "LANG": "C"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CommandOutput(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                             exitCode: p.terminationStatus)
    }
}
