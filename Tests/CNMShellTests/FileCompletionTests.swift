import XCTest
import CNMSim
@testable import CNMShell

/// TAB on a file operand offers the simulated machine's files, as bash offers the real ones.
final class FileCompletionTests: XCTestCase {
    func complete(_ s: ShellSession, _ words: String...) -> [String] {
        s.completer.candidates(words: words, engine: s.completionEngine)
    }

    func testHostPathsFoldersHangulAndRedirections() {
        var s = ShellSession(language: .en)
        _ = s.handle("touch 한글메모.txt")
        _ = s.handle("mkdir -p /tmp/conf")
        _ = s.handle("echo hi > /tmp/conf/site.conf")
        _ = s.handle("touch .hidden")
        XCTAssertEqual(complete(s, "cat", "/etc/ho"), ["/etc/hostname", "/etc/hosts"])
        XCTAssertEqual(complete(s, "cat", "/et"), ["/etc/"])
        XCTAssertEqual(complete(s, "cat", "한"), ["한글메모.txt"])
        XCTAssertEqual(complete(s, "wc", "-l", "~/한"), ["~/한글메모.txt"])
        XCTAssertEqual(complete(s, "ls", ""), ["한글메모.txt"], "hidden names wait for a typed dot")
        XCTAssertEqual(complete(s, "rm", "."), [".hidden"])
        XCTAssertEqual(complete(s, "grep", "hi", "/tmp/conf/"), ["/tmp/conf/site.conf"])
        XCTAssertEqual(complete(s, "echo", "안녕", ">", "/tmp/c"), ["/tmp/conf/"])
        XCTAssertEqual(complete(s, "docker", "ps", "|", "tail", "/tmp/conf/s"), ["/tmp/conf/site.conf"])
        XCTAssertEqual(complete(s, "cat", "/nowhere/"), [])
        XCTAssertEqual(complete(s, "cat", "--"), [], "a flag is not a file")
    }

    func testContainerFilesThroughDockerExecDockerCpAndItsShell() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker run -d --name web nginx")
        XCTAssertEqual(complete(s, "docker", "exec", "web", "cat", "/etc/ng"), ["/etc/nginx/"])
        XCTAssertEqual(complete(s, "docker", "exec", "-w", "/", "web", "nginx", "-c", "/etc/nginx/ngi"), ["/etc/nginx/nginx.conf"])
        XCTAssertEqual(complete(s, "docker", "cp", "we"), ["web:"])
        XCTAssertEqual(complete(s, "docker", "cp", "web:/etc/ho"), ["web:/etc/hostname", "web:/etc/hosts"])
        XCTAssertEqual(complete(s, "docker", "cp", "web:/etc/nginx/nginx.conf", "/tm"), ["/tmp/"])
        _ = s.handle("docker exec -it web sh")
        XCTAssertEqual(complete(s, "head", "/etc/nginx/conf.d/"), ["/etc/nginx/conf.d/default.conf"])
    }

    func testLibeditMatchArray() {
        XCTAssertEqual(EditLineReader.matchArray(["/etc/"], word: "/et"), ["/etc/"], "a folder takes no space: TAB goes on inside")
        XCTAssertEqual(EditLineReader.matchArray(["web:"], word: "we"), ["web:"])
        XCTAssertEqual(EditLineReader.matchArray(["/etc/hosts"], word: "/etc/hos"), ["/etc/hosts "])
        XCTAssertEqual(EditLineReader.matchArray(["/etc/hostname", "/etc/hosts"], word: "/etc/h"),
                       ["/etc/host", "hostname", "hosts"], "several: the common prefix, then the names as bash lists them")
        XCTAssertEqual(EditLineReader.matchArray(["한글망", "한글넷"], word: "한"), ["한글", "한글망", "한글넷"])
        XCTAssertEqual(EditLineReader.matchArray([], word: "x"), [])
    }

    /// libedit counts the word's start in wide characters: Hangul before it must not shift the cut.
    func testTextBeforeTheWordCountsWideCharacters() {
        XCTAssertEqual(EditLineReader.text(of: "echo 안녕 > /t", before: 10), "echo 안녕 > ")
        XCTAssertEqual(EditLineReader.text(of: "cat", before: 99), "cat")
        XCTAssertEqual(EditLineReader.text(of: "cat", before: -1), "")
    }
}
