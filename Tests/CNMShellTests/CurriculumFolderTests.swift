import XCTest
@testable import CNMShell
import CNMLabs
import CNMSim

/// `--curriculum DIR` is read through the file seam (`GradeFiles`) the executable hands in, never
/// by the shell library itself: a folder held in memory serves `theory` the same way.
final class CurriculumFolderTests: XCTestCase {
    /// Two folders of Markdown, nothing else.
    struct Folder: GradeFiles {
        let files: [String: String]
        func standardInput(limit: Int) -> [UInt8] { [] }
        func read(_ path: String, limit: Int, followLinks: Bool) -> Result<[UInt8], BoundedFile.Problem> {
            guard let text = files[path] else { return .failure(.missing) }
            return text.utf8.count > limit ? .failure(.tooLarge) : .success(Array(text.utf8))
        }
        func kind(_ path: String) -> FileKind { files[path] == nil ? .missing : .regular }
        func isDirectory(_ path: String) -> Bool { files.keys.contains { $0.hasPrefix(path + "/") } }
        func names(in directory: String) -> [String]? {
            let names = files.keys.filter { $0.hasPrefix(directory + "/") }.map { String($0.dropFirst(directory.count + 1)) }
            return names.isEmpty ? nil : names
        }
        func makeDirectory(_ path: String) -> Bool { false }
        func write(_ text: String, to path: String, atomically: Bool) -> Bool { false }
        func resolved(_ path: String) -> String { path }
    }

    let folder = CurriculumFolder(root: "/course", files: Folder(files: [
        "/course/ko/2.2-iptables.md": "# 한국어 iptables\n",
        "/course/en/2.2-iptables.md": "# English iptables\n",
        "/course/en/3.1-dns.md": "# English DNS\n",
        "/course/en/.hidden.md": "# hidden\n",
        "/course/en/notes.txt": "not markdown\n",
    ]))

    func testASectionIsReadFromTheFolderInTheLanguageAsked() {
        XCTAssertEqual(CurriculumText.section("2.2-iptables", language: .ko, folder: folder), "# 한국어 iptables\n")
        XCTAssertEqual(CurriculumText.section("2.2", language: .en, folder: folder), "# English iptables\n", "a prefix of the file name")
    }

    func testTheOtherLanguageServesWhenOneHasNoFile() {
        XCTAssertEqual(CurriculumText.section("3.1", language: .ko, folder: folder), "# English DNS\n")
    }

    func testOnlyVisibleMarkdownFilesAndNoPathsCount() {
        XCTAssertEqual(CurriculumText.files(language: "en", folder: folder).map(\.name), ["2.2-iptables.md", "3.1-dns.md"])
        XCTAssertNil(CurriculumText.section("../ko/2.2-iptables", language: .en, folder: folder))
        XCTAssertNil(CurriculumText.section("", language: .en, folder: folder))
        XCTAssertNil(CurriculumText.section("9.9", language: .en, folder: CurriculumFolder(root: "/none", files: Folder(files: [:]))))
    }
}
