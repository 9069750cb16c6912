import XCTest
@testable import CNMShell
import CNMSim

/// cnmlab's notes inside program output (`cnmlab: … is not simulated`) and the text `topology` are
/// wrapped to the terminal by words; program output itself is never touched.
final class NoteWrapTests: XCTestCase {
    func session(_ language: Language) -> ShellSession {
        var s = ShellSession(language: language)
        s.textWidth = 60
        return s
    }

    func testANotSimulatedNoteWrapsByWordsInBothLanguages() {
        for language in Language.allCases {
            var s = session(language)
            let text = s.handle("vi /etc/hosts").text
            let lines = text.split(separator: "\n")
            XCTAssertGreaterThan(lines.count, 1, text)
            XCTAssertTrue(lines.allSatisfy { TextWrap.width($0) <= 60 }, text)
            XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("        ") }, "continuation under the note: \(text)")
            XCTAssertEqual(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "),
                           text.split(separator: "\n").joined(separator: " ").split(separator: " ").joined(separator: " "))
        }
    }

    func testProgramOutputIsNotWrapped() {
        var s = session(.en)
        let id = s.handle("docker network create --subnet 10.20.75.0/24 appnet").text
        XCTAssertEqual(id.count, 65, "the 64-digit ID on one line")
        let ls = s.handle("docker network ls --no-trunc").text
        XCTAssertTrue(ls.split(separator: "\n").contains { TextWrap.width($0) > 60 }, ls)
    }

    func testTopologyWrapsByWords() {
        var s = session(.ko)
        _ = s.handle("docker network create --subnet 10.20.75.0/24 appnet")
        let text = s.handle("topology").text
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { TextWrap.width($0) <= 60 }, text)
        XCTAssertTrue(text.contains("br-"), text)
        XCTAssertFalse(text.contains("br-\n"), text)
    }

    /// `why` is cnmlab's own explanation: every line fits the terminal, a hop goes on under its
    /// text, and no word is cut; piped, it stays as printed.
    func testWhyWrapsByWordsInBothLanguages() {
        for language in Language.allCases {
            var s = session(language)
            _ = s.handle("docker run -d --name web -p 8080:80 nginx")
            for line in ["why remote host:8081", "why", "why nobody web"] {
                let text = s.handle(line).text
                let lines = text.split(separator: "\n")
                XCTAssertTrue(lines.allSatisfy { TextWrap.width($0) <= 60 }, "\(language) \(line):\n\(text)")
                var plain = ShellSession(language: language)
                _ = plain.handle("docker run -d --name web -p 8080:80 nginx")
                let unwrapped = plain.handle(line).text
                XCTAssertTrue(unwrapped.split(separator: "\n").contains { TextWrap.width($0) > 60 }, "the case is a long one: \(unwrapped)")
                XCTAssertEqual(text.split(whereSeparator: { $0 == " " || $0 == "\n" }), unwrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }),
                               "only spaces change into line breaks")
            }
            let hop = s.handle("why remote host:8081").text.split(separator: "\n")
            if let i = hop.firstIndex(where: { $0.hasPrefix(" 4. ") }), i + 1 < hop.count, !hop[i + 1].hasPrefix(" 5. ") {
                XCTAssertTrue(hop[i + 1].hasPrefix("    "), "a hop goes on under its text: \(hop)")
            }
            XCTAssertEqual(s.handle("why remote host:8081 | cat").text, plainWhy(language, "why remote host:8081 | cat"))
        }
    }

    private func plainWhy(_ language: Language, _ line: String) -> String {
        var plain = ShellSession(language: language)
        _ = plain.handle("docker run -d --name web -p 8080:80 nginx")
        return plain.handle(line).text
    }
}
