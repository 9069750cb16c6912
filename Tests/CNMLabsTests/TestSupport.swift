import Foundation
@testable import CNMLabs
import CNMFileSystem

enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let labsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Labs")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func lab(_ name: String) -> Lab {
        let entry = LabCatalog.read(path(name), files: DiskFiles())
        guard let lab = entry.lab else { fatalError("fixture \(name) does not decode: \(entry.diagnostics)") }
        return lab
    }

    /// Decodes YAML text given inline (file name `t.yaml`).
    static func decode(_ text: String) -> LabDecoder.Result { LabDecoder.decode(text: text, file: "t.yaml") }

    /// A minimal valid lab header followed by `steps`.
    static func header(_ extra: String = "") -> String {
        """
        id: t
        version: 1
        title: {ko: 티, en: T}
        place: {week: 2, day: 1, session: 3, section: test}
        minutes: 5
        \(extra)
        """
    }
}

extension GradeJob {
    /// A grading run on the real file system, as `cnmlab grade` runs it.
    static func run(_ options: GradeOptions) -> GradeRun { run(options, files: DiskFiles()) }
}

/// The real file system, with `input` on standard input.
struct DiskFilesWithInput: GradeFiles {
    let input: [UInt8]
    let disk = DiskFiles()

    func standardInput(limit: Int) -> [UInt8] { Array(input.prefix(limit + 1)) }
    func read(_ path: String, limit: Int, followLinks: Bool) -> Result<[UInt8], BoundedFile.Problem> {
        disk.read(path, limit: limit, followLinks: followLinks)
    }
    func kind(_ path: String) -> FileKind { disk.kind(path) }
    func isDirectory(_ path: String) -> Bool { disk.isDirectory(path) }
    func exists(_ path: String) -> Bool { disk.exists(path) }
    func names(in directory: String) -> [String]? { disk.names(in: directory) }
    func makeDirectory(_ path: String) -> Bool { disk.makeDirectory(path) }
    func write(_ text: String, to path: String, atomically: Bool) -> Bool { disk.write(text, to: path, atomically: atomically) }
    func resolved(_ path: String) -> String { disk.resolved(path) }
}
