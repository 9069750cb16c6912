import CNMCommands
import Foundation
import GRDB
import XCTest
@testable import CNMProgress

/// A fresh directory for one test, removed afterwards.
final class TempDir {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cnmlab-progress-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixture {
    /// Milliseconds: 2026-01-01T00:00:00Z.
    static let start: Int64 = 1_767_225_600_000

    static func store(_ path: String, step: Int64 = 1000) throws -> ProgressStore {
        try ProgressStore(path: path, clock: .stepping(from: start, by: step))
    }

    static let commands = [
        "docker network create --subnet 10.10.0.0/24 front",
        "docker run -d --name web --network front -p 8080:80 nginx",
        "docker network create back",
        "docker network connect back web",
        "docker network ls",
        "docker network disconnect front web",
    ]

    /// Opens the file directly (no checks), to play the part of someone editing it.
    static func raw(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: config)
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}

struct MissingBinary: Error, CustomStringConvertible {
    var description: String { "the cnmlab binary was not found next to the test bundle (run swift build first)" }
}

/// Runs the built `cnmlab` binary (it sits next to the test bundle in the build directory).
enum Binary {
    static var url: URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        }
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("cnmlab")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func process(_ args: [String], stdout: FileHandle? = nil) throws -> Process {
        guard let url else { throw MissingBinary() }
        let p = Process()
        p.executableURL = url
        p.arguments = args
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = stdout ?? FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        return p
    }

    static func run(_ args: [String], in dir: TempDir) throws -> Result {
        let outPath = dir.file("out-\(UUID().uuidString)")
        let errPath = dir.file("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        guard let url else { throw MissingBinary() }
        let p = Process()
        p.executableURL = url
        p.arguments = args
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle(forWritingAtPath: outPath)
        p.standardError = FileHandle(forWritingAtPath: errPath)
        try p.run()
        p.waitUntilExit()
        let out = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let err = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return Result(status: p.terminationStatus, stdout: out, stderr: err)
    }
}
