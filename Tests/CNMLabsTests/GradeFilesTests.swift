import CNMFileSystem
import Foundation
import XCTest
@testable import CNMLabs

/// Grading reads and writes only through `GradeFiles`: a class graded from memory, and the one
/// bounded reader's refusals.
final class GradeFilesTests: XCTestCase {
    /// A file system held in memory: submissions in, reports out, nothing on disk.
    final class MemoryFiles: GradeFiles, @unchecked Sendable {
        private let lock = NSLock()
        private var files: [String: String]
        init(_ files: [String: String]) { self.files = files }
        var contents: [String: String] { lock.lock(); defer { lock.unlock() }; return files }

        func standardInput(limit: Int) -> [UInt8] { [] }
        func read(_ path: String, limit: Int, followLinks: Bool) -> Result<[UInt8], BoundedFile.Problem> {
            guard let text = contents[path] else { return .failure(.missing) }
            return text.utf8.count > limit ? .failure(.tooLarge) : .success(Array(text.utf8))
        }
        func kind(_ path: String) -> FileKind {
            if contents[path] != nil { return .regular }
            return contents.keys.contains { $0.hasPrefix(path + "/") } ? .directory : .missing
        }
        func isDirectory(_ path: String) -> Bool { kind(path) == .directory }
        func names(in directory: String) -> [String]? {
            contents.keys.filter { $0.hasPrefix(directory + "/") }.map { String($0.dropFirst(directory.count + 1)) }
        }
        func makeDirectory(_ path: String) -> Bool { true }
        func write(_ text: String, to path: String, atomically: Bool) -> Bool {
            lock.lock(); files[path] = text; lock.unlock()
            return true
        }
        func resolved(_ path: String) -> String { path }
    }

    func testAClassGradedFromMemory() throws {
        let full = "docker network create --label course=cnm testnet\n#cnmlab skip\nanswer 172.17.0.1\n"
        // The lab is read through `files` as well: it lies in memory beside the submissions.
        let lab = try String(contentsOfFile: Fixture.path("grade-small.yaml"), encoding: .utf8)
        let files = MemoryFiles(["/labs/grade-small.yaml": lab, "/class/ana.sh": full, "/class/bo.sh": "docker ps\n"])
        let run = GradeJob.run(GradeOptions(lab: "/labs/grade-small.yaml", submissionsDirectory: "/class",
                                            outputDirectory: "/out", labPaths: ["/labs"]), files: files)
        XCTAssertEqual(run.exitCode, GradeJob.failed, run.stderr)
        let summary = files.contents["/out/summary.csv"] ?? ""
        XCTAssertTrue(summary.hasPrefix("learner,score,max,passed,note\r\nana,"), summary)
        XCTAssertTrue(summary.contains("\r\nbo,0,"), summary)
        XCTAssertNotNil(files.contents["/out/ana.txt"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/out"), "nothing reached the disk")
    }

    func testBoundedReaderRefusals() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cnmlab-bounded-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/a.txt", link = dir + "/link.txt", fifo = dir + "/fifo"
        try Data("hello".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(try BoundedFile.read(file, limit: 5).get(), Array("hello".utf8))
        XCTAssertEqual(BoundedFile.read(file, limit: 4).failure, .tooLarge)
        XCTAssertEqual(try BoundedFile.read(link, limit: 5).get(), Array("hello".utf8))
        XCTAssertEqual(BoundedFile.read(link, limit: 5, followLinks: false).failure, .notRegular)
        XCTAssertEqual(BoundedFile.read(fifo, limit: 5).failure, .notRegular, "a FIFO is refused, never waited on")
        XCTAssertEqual(BoundedFile.read(dir, limit: 5).failure, .notRegular)
        XCTAssertEqual(BoundedFile.read(dir + "/none", limit: 5).failure, .missing)
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
