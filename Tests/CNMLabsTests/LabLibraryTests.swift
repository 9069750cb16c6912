import Foundation
import XCTest
import CNMCourse
import CNMFileSystem
@testable import CNMLabs

/// The labs and the course built into the binary, and the one rule for where labs come from.
final class LabLibraryTests: XCTestCase {
    static let root = Fixture.labsDirectory.deletingLastPathComponent()

    /// The files of a package folder, by name, as the binary should carry them.
    func files(_ folder: String, suffixes: [String]) throws -> [String: String] {
        let dir = Self.root.appendingPathComponent(folder)
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path)
        where !name.hasPrefix(".") && suffixes.contains(where: { name.hasSuffix($0) }) {
            out[folder + "/" + name] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }

    func testBuiltInLabsAreExactlyTheLabsFolder() throws {
        let disk = try files("Labs", suffixes: [".yaml", ".yml"])
        XCTAssertFalse(disk.isEmpty)
        let built = Dictionary(uniqueKeysWithValues: BundledCourse.labs.map { ($0.path, $0.text) })
        XCTAssertEqual(Set(built.keys), Set(disk.keys), "the built-in labs differ from Labs/: touch Labs and build again")
        for (path, text) in disk {
            XCTAssertTrue(built[path] == text, "\(path) differs from its built-in copy: touch Labs and build again")
        }
        XCTAssertEqual(BundledCourse.labs.map(\.name), BundledCourse.labs.map(\.name).sorted())
    }

    /// A title's subtitle follows " - " in every lab, so `labs` reads as one list (one lab used " — ").
    func testLabTitlesSeparateTheirSubtitleAlike() {
        for lab in LabLibrary.load(options: [], environment: [:], files: DiskFiles()).labs {
            for locale in LabLocale.allCases {
                let title = lab.title.resolve(locale)
                XCTAssertFalse(title.contains("—") || title.contains("–"), "\(lab.id) \(locale): \(title)")
            }
        }
    }

    func testBuiltInCurriculumIsExactlyTheCurriculumFolders() throws {
        for lang in ["ko", "en"] {
            let disk = try files("Curriculum/" + lang, suffixes: [".md"])
            XCTAssertGreaterThan(disk.count, 5)
            let built = BundledCourse.curriculum(language: lang)
            XCTAssertEqual(Set(built.map(\.path)), Set(disk.keys), "touch Curriculum/\(lang) and build again")
            for file in built { XCTAssertTrue(file.text == disk[file.path], "\(file.path) differs from its built-in copy") }
        }
    }

    func testWithoutOptionsTheBuiltInLabsDecodeCleanly() {
        let library = LabLibrary.load(options: [], environment: [:], files: DiskFiles())
        XCTAssertEqual(library.searched, ["built-in"])
        XCTAssertEqual(library.entries.count, BundledCourse.labs.count)
        for entry in library.entries {
            XCTAssertNotNil(entry.lab, entry.file)
            XCTAssertTrue(entry.file.hasPrefix("built-in:Labs/"), entry.file)
        }
        XCTAssertTrue(library.labs.contains { $0.id == "w2d1s3-ipam" })
    }

    /// A folder of one lab that reuses a built-in id (a newer version) and one new lab.
    func makeFolder() throws -> String {
        let dir = NSTemporaryDirectory() + "cnmlab-library-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let example = try String(contentsOf: Fixture.labsDirectory.appendingPathComponent("00-example.yaml"), encoding: .utf8)
        try example.replacingOccurrences(of: "\nversion: 1 ", with: "\nversion: 7 ")
            .write(toFile: dir + "/example.yaml", atomically: true, encoding: .utf8)
        try example.replacingOccurrences(of: "id: example-publish-port", with: "id: instructor-extra")
            .write(toFile: dir + "/extra.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    func testEnvironmentFoldersAddLabsAndReplaceTheBuiltInOneWithTheSameID() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = LabLibrary.load(options: [], environment: ["CNMLAB_LABS": "/nowhere:" + dir], files: DiskFiles())
        XCTAssertEqual(library.searched, ["built-in", "CNMLAB_LABS=/nowhere", "CNMLAB_LABS=" + dir])
        let labs = library.labs
        XCTAssertEqual(labs.filter { $0.id == "example-publish-port" }.map(\.version), [7])
        XCTAssertTrue(labs.contains { $0.id == "instructor-extra" })
        XCTAssertTrue(labs.contains { $0.id == "w2d1s3-ipam" })
        XCTAssertEqual(labs.count, BundledCourse.labs.count + 1)
    }

    func testTheLabsOptionReplacesEverythingElse() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = LabLibrary.load(options: [dir], environment: ["CNMLAB_LABS": "/elsewhere"], files: DiskFiles())
        XCTAssertEqual(library.searched, [dir])
        XCTAssertEqual(Set(library.labs.map(\.id)), ["example-publish-port", "instructor-extra"])
    }

    func testNoLabFoundNamesEveryPlaceLookedIn() {
        let library = LabLibrary.load(options: ["/no/such/folder", "/tmp/x.yaml"], environment: [:], files: DiskFiles())
        XCTAssertTrue(library.labs.isEmpty)
        XCTAssertEqual(library.notFoundMessage(.en), "no lab found; looked in: /no/such/folder, /tmp/x.yaml (*.yaml and *.yml files)")
        XCTAssertTrue(library.notFoundMessage(.ko).hasPrefix("실습을 찾지 못했습니다. 찾아본 곳: /no/such/folder"))
        // The built-in labs are named in words of the reader's language, not as "built-in".
        let builtIn = LabLibrary.load(options: [], environment: ["CNMLAB_LABS": "/no/such/folder"], files: DiskFiles())
        XCTAssertEqual(builtIn.places(.en), "the built-in labs, CNMLAB_LABS=/no/such/folder")
        XCTAssertEqual(builtIn.places(.ko), "내장 실습, CNMLAB_LABS=/no/such/folder")
    }
}
