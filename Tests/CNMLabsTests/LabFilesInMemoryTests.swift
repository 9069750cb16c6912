import CNMFileSystem
import XCTest
@testable import CNMLabs

/// Lab discovery and the validation cache read and write only through `GradeFiles`: run here
/// against a file system in memory (`InMemoryFiles`), with no disk behind it.
final class LabFilesInMemoryTests: XCTestCase {
    private func fixture(_ name: String) throws -> String {
        String(decoding: try DiskFiles().read(Fixture.path(name), limit: 1 << 20, followLinks: true).get(), as: UTF8.self)
    }

    /// A folder holding a lab, a lab linked from inside, a link pointing outside, a FIFO, a hidden
    /// file and a file that is not YAML.
    private func labFolder() throws -> InMemoryFiles {
        let files = InMemoryFiles()
        let valid = try fixture("valid.yaml")
        files.addFile("/course/labs/a.yaml", valid)
        files.addFile("/course/shared/inside.yaml", valid)
        files.addLink("/course/labs/b.yml", to: "a.yaml")
        files.addFile("/secret/lab.yaml", valid)
        files.addLink("/course/labs/c.yaml", to: "/secret/lab.yaml")
        files.addLink("/course/labs/d.yaml", to: "../shared/inside.yaml")
        files.addOther("/course/labs/e.yaml")
        files.addFile("/course/labs/.hidden.yaml", valid)
        files.addFile("/course/labs/notes.txt", "not a lab")
        return files
    }

    func testAFolderIsScannedInMemory() throws {
        let files = try labFolder()
        let entries = LabCatalog.load(paths: ["/course/labs"], files: files)
        XCTAssertEqual(entries.map(\.file), ["/course/labs/a.yaml", "/course/labs/b.yml", "/course/labs/c.yaml",
                                             "/course/labs/d.yaml", "/course/labs/e.yaml"])
        XCTAssertNotNil(entries[0].lab, "a regular file in the folder is read")
        XCTAssertNotNil(entries[1].lab, "a link to a file inside the folder is followed")
        XCTAssertNil(entries[2].lab)
        XCTAssertEqual(entries[2].diagnostics.map { $0.text() }, ["cannot read the lab file: it points outside /course/labs"])
        XCTAssertNil(entries[3].lab, "a link to a neighbouring folder is refused")
        XCTAssertEqual(entries[3].diagnostics.map { $0.text() }, ["cannot read the lab file: it points outside /course/labs"])
        XCTAssertNil(entries[4].lab)
        XCTAssertEqual(entries[4].diagnostics.map { $0.text() }, ["cannot read the lab file: not a regular file"], "a FIFO is never read")
        XCTAssertEqual(Set(entries[2...].flatMap(\.diagnostics).map(\.code)), ["LAB014"])
    }

    func testMissingPathsAndSingleFilesInMemory() throws {
        let files = try labFolder()
        let missing = LabCatalog.load(paths: ["/course/none"], files: files)
        XCTAssertEqual(missing.map { $0.diagnostics.map { $0.text() } }, [["cannot read the lab file: no such file or folder"]])
        let given = LabCatalog.load(paths: ["/course/labs/c.yaml"], files: files)
        XCTAssertNotNil(given[0].lab, "a file named on the command line is read wherever its link leads")
        XCTAssertEqual(LabCatalog.read("/course/labs/e.yaml", files: files).diagnostics.map { $0.text() }, ["cannot read the lab file: not a regular file"])
    }

    func testTheLibraryAndLabReferencesUseTheGivenFiles() throws {
        let files = try labFolder()
        let library = LabLibrary.load(options: [], environment: ["CNMLAB_LABS": "/course/labs"], files: files)
        XCTAssertEqual(library.searched, ["built-in", "CNMLAB_LABS=/course/labs"])
        XCTAssertEqual(library.entries.filter { $0.file.hasPrefix("/course/") }.count, 5)
        files.addFile("/plain", "x")
        XCTAssertTrue(LabReference.looksLikeFile("plain", files: files), "an existing regular file is a file even without .yaml")
        XCTAssertFalse(LabReference.looksLikeFile("course", files: files), "a folder is not a lab file")
        XCTAssertEqual(LabReference.bytes(of: library.entries.first { $0.file == "/course/labs/a.yaml" }!, files: files),
                       Array(try fixture("valid.yaml").utf8))
    }

    func testTheValidationCacheWritesAndReadsThroughTheGivenFiles() throws {
        let files = InMemoryFiles()
        let text = try fixture("valid.yaml")
        let lab = try XCTUnwrap(LabDecoder.decode(bytes: Array(text.utf8), file: "valid.yaml").lab)
        let salt = "in-memory-clean"
        XCTAssertTrue(LabValidationCache.errors(of: lab, bytes: Array(text.utf8), salt: salt, directory: "/cache", files: files).isEmpty)
        let key = LabValidationCache.key(Array(text.utf8), salt: salt)
        XCTAssertEqual(files.written, ["/cache/" + key + ".clean"])
        XCTAssertEqual(files.node("/cache/" + key + ".clean"), .file(Array("clean\n".utf8)))

        // A verdict already in the folder is trusted: a lab the validator rejects is not validated again.
        let weakText = try fixture("weak-check.yaml")
        let weak = try XCTUnwrap(LabDecoder.decode(bytes: Array(weakText.utf8), file: "weak-check.yaml").lab)
        XCTAssertFalse(LabValidationCache.errors(of: weak, bytes: Array(weakText.utf8), salt: "in-memory-weak", directory: "/cache", files: files).isEmpty)
        files.addFile("/cache/" + LabValidationCache.key(Array(weakText.utf8), salt: "in-memory-trusted") + ".clean", "clean\n")
        XCTAssertTrue(LabValidationCache.errors(of: weak, bytes: Array(weakText.utf8), salt: "in-memory-trusted", directory: "/cache", files: files).isEmpty)
        XCTAssertEqual(files.written.count, 1, "a lab with errors is never remembered")
    }
}
