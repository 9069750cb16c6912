import XCTest
import Foundation

/// The shell in a real 80×24 terminal (tmux), in Korean and English: step texts wrapped at spaces
/// by display width, and `theory` shown through the pager (less) and back to the prompt.
final class NarrowTerminalTests: XCTestCase {
    var session = ""

    @discardableResult
    func tmux(_ args: String...) -> String {
        let r = Spawn.run(["tmux"] + args, timeout: 20)
        if r.timedOut { XCTFail("tmux \(args.joined(separator: " ")) did not return") }
        return r.stdout
    }

    func screen() -> String { tmux("capture-pane", "-t", session, "-p") }

    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<100 {
            if screen().contains(text) { return }
            usleep(50_000)
        }
        XCTFail("screen never showed \(text):\n\(screen())", file: file, line: line)
    }

    func start(_ lang: String) {
        session = "cnmlab-narrow-\(getpid())-\(String(name.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))"
        let home = NSTemporaryDirectory() + session
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        tmux("-u", "new-session", "-d", "-s", session, "-x", "80", "-y", "24",
             "cd '\(home)' && env LANG=C.UTF-8 HOME='\(home)' PAGER= LESS= \(Spawn.cnmlab) shell --lang \(lang) --sandbox; echo EXITED-$?; sleep 5")
        waitFor("docker-host$")
    }

    override func tearDown() { if !session.isEmpty { tmux("kill-session", "-t", session) } }

    /// The screen's lines, joined back with single spaces: equal to the text only if no line broke inside a word.
    func joined(_ lines: [Substring]) -> String { lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }

    func testKoreanStepTextWrapsAtSpacesAndTheoryPages() {
        start("ko")
        tmux("send-keys", "-t", session, "lab start w2d1s3-capstone-microservices", "Enter")
        waitFor("단계 1/4")
        let lines = screen().split(separator: "\n")
        let first = lines.firstIndex { $0.hasPrefix("db(mysql 이미지") }
        XCTAssertNotNil(first, screen())
        if let first {
            let paragraph = joined(Array(lines[first..<(first + 3)]))
            XCTAssertTrue(paragraph.hasPrefix("db(mysql 이미지, 루트 비밀번호 설정)를 백엔드용 사용자 정의 네트워크에서 실행하세요. 이 네트워크는 바깥(인터넷)으로 나가는 길이 없어야 하고,"), paragraph)
        }
        tmux("send-keys", "-t", session, "theory", "Enter")
        // less shows the first screen and its prompt; q returns to the shell.
        waitFor("토론과 정리")
        XCTAssertFalse(screen().contains("docker-host$ theory\n"), "theory is paged, not printed")
        tmux("send-keys", "-t", session, "q")
        waitFor("docker-host$ theory")
        tmux("send-keys", "-t", session, "C-d")
        waitFor("EXITED-0")
    }

    func testEnglishStepTextNeverBreaksAWordAtEightyColumns() {
        start("en")
        tmux("send-keys", "-t", session, "lab start w2d1s3-capstone-microservices", "Enter")
        waitFor("Step 1/4")
        let lines = screen().split(separator: "\n")
        guard let first = lines.firstIndex(where: { $0.hasPrefix("Run db (the mysql image") }) else {
            return XCTFail(screen())
        }
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 })
        XCTAssertTrue(joined(Array(lines[first..<(first + 3)])).hasPrefix(
            "Run db (the mysql image, with a root password) on a user-defined back-end network. That network must have no way out to the internet"),
            screen())
    }
}
