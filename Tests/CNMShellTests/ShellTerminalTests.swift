import XCTest
import Foundation

/// Drives the real `cnmlab` binary in a pseudo-terminal through tmux: typing,
/// history recall, completion, Hangul edited mid-line, Ctrl-C and Ctrl-D.
/// `make test` installs tmux.
final class ShellTerminalTests: XCTestCase {
    var session = ""

    var binary: String { Spawn.cnmlab }

    /// Runs a tmux command (bounded: a stuck tmux fails the test instead of hanging the run).
    @discardableResult
    func tmux(_ args: String...) -> String {
        let r = Spawn.run(["tmux"] + args, timeout: 20)
        if r.timedOut { XCTFail("tmux \(args.joined(separator: " ")) did not return") }
        return r.stdout
    }

    func screen() -> String { tmux("capture-pane", "-t", session, "-p") }

    /// Waits until the screen contains `text` (at most 5 s).
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<100 {
            if screen().contains(text) { return }
            usleep(50_000)
        }
        XCTFail("screen never showed \(text):\n\(screen())", file: file, line: line)
    }

    /// The session is named after the process and the test (unique without a random number).
    override func setUp() {
        session = "cnmlab-test-\(getpid())-\(String(name.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))"
        let home = NSTemporaryDirectory() + session
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        tmux("-u", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
             "env LANG=C.UTF-8 HOME=\(home) \(binary) shell --lang en; echo EXITED-$?; sleep 5")
        waitFor("docker-host$")
    }

    override func tearDown() { tmux("kill-session", "-t", session) }

    func testTypingHistoryCompletionHangulCtrlCAndCtrlD() {
        tmux("send-keys", "-t", session, "docker run -d --name webserver busybox sleep 600", "Enter")
        waitFor("docker-host$ docker run -d --name webserver busybox sleep 600\n")
        // Completion of a container name.
        tmux("send-keys", "-t", session, "docker exec web", "Tab")
        waitFor("docker exec webserver")
        tmux("send-keys", "-t", session, "hostname", "Enter")
        waitFor("docker exec webserver hostname\n")
        // Hangul edited in the middle of the line.
        tmux("send-keys", "-t", session, "echo 가나라", "Left", "다", "Enter")
        waitFor("\n가나다라\n")
        // Ctrl-C cancels the line, not the program.
        tmux("send-keys", "-t", session, "echo never", "C-c")
        waitFor("^C")
        tmux("send-keys", "-t", session, "echo still-here", "Enter")
        waitFor("\nstill-here\n")
        XCTAssertFalse(screen().contains("\nnever\n"))
        // History recall.
        tmux("send-keys", "-t", session, "Up", "Enter")
        waitFor("still-here\ndocker-host$ echo still-here\nstill-here")
        // Ctrl-D leaves cleanly.
        tmux("send-keys", "-t", session, "C-d")
        waitFor("EXITED-0")
    }

    /// Ctrl-C at a continuation prompt abandons the whole command, as bash does: an open quote no
    /// longer holds the learner at `> ` until they guess how to close it.
    func testCtrlCAbandonsACommandWaitingForItsContinuation() {
        tmux("send-keys", "-t", session, "echo \"abc", "Enter")
        waitFor("echo \"abc\n>")
        tmux("send-keys", "-t", session, "C-c")
        waitFor("> ^C\ndocker-host$")
        tmux("send-keys", "-t", session, "echo back", "Enter")
        waitFor("docker-host$ echo back\nback\n")
        XCTAssertFalse(screen().split(separator: "\n").contains("abc"), "the abandoned line never ran:\n\(screen())")
        tmux("send-keys", "-t", session, "C-d")
        waitFor("EXITED-0")
    }

    /// Ctrl-D and `exit` leave alike: the same goodbye (in the shell's language), exit status 0.
    func testCtrlDSaysGoodbyeAsExitDoes() {
        tmux("send-keys", "-t", session, "C-d")
        waitFor("\nBye.\nEXITED-0\n")
        assertGoodbyeBelowThePrompt("Bye.")
    }

    func testCtrlDSaysGoodbyeInKorean() {
        tmux("send-keys", "-t", session, "lang ko", "Enter")
        waitFor("언어: 한국어")
        tmux("send-keys", "-t", session, "C-d")
        waitFor("\n안녕히 가세요.\nEXITED-0\n")
        assertGoodbyeBelowThePrompt("안녕히 가세요.")
    }

    /// The goodbye is on its own line, right below the prompt Ctrl-D was typed at (the terminal may echo `^D`).
    func assertGoodbyeBelowThePrompt(_ bye: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = screen().split(separator: "\n", omittingEmptySubsequences: false)
        guard let k = lines.firstIndex(of: Substring(bye)), k > 0 else { return XCTFail(screen(), file: file, line: line) }
        XCTAssertTrue(lines[k - 1].hasPrefix("docker-host$"), screen(), file: file, line: line)
        XCTAssertEqual(lines.filter { $0 == bye }.count, 1, screen(), file: file, line: line)
    }

    /// Ctrl-D in a container's shell or at an ssh prompt leaves that prompt only, as sh and ssh do.
    func testCtrlDAtANestedPromptLeavesItOnly() {
        tmux("send-keys", "-t", session, "docker run -d --name box busybox sleep 600", "Enter")
        tmux("send-keys", "-t", session, "docker exec -it box sh", "Enter")
        waitFor("Shell inside container box. Type exit to leave.\n/ #")
        tmux("send-keys", "-t", session, "C-d")
        waitFor("\nLeft container box.\ndocker-host$")
        tmux("send-keys", "-t", session, "ssh worker1", "Enter")
        waitFor("\nworker1$")
        tmux("send-keys", "-t", session, "C-d")
        waitFor("\nConnection to worker1 closed.\ndocker-host$")
        XCTAssertFalse(screen().contains("EXITED"))
        tmux("send-keys", "-t", session, "C-d")
        waitFor("\nBye.\nEXITED-0\n")
    }

    func testExitSaysGoodbyeOnce() {
        tmux("send-keys", "-t", session, "exit", "Enter")
        waitFor("docker-host$ exit\nBye.\nEXITED-0\n")
    }

    /// TAB completes the simulated machine's file names, Hangul included: a folder with `/`, a unique
    /// file with a space, several listed by name; a word after Hangul text is still found where it starts.
    func testTabCompletesFileNames() {
        tmux("send-keys", "-t", session, "touch 한글메모.txt", "Enter")
        tmux("send-keys", "-t", session, "echo 안녕 > /tm", "Tab")
        waitFor("docker-host$ echo 안녕 > /tmp/")
        tmux("send-keys", "-t", session, "a.txt", "Enter")
        tmux("send-keys", "-t", session, "cat 한", "Tab")
        waitFor("docker-host$ cat 한글메모.txt")
        tmux("send-keys", "-t", session, "/tmp/a", "Tab", "Enter")
        // (tmux drops trailing spaces: the space after a unique file shows before the next word.)
        waitFor("docker-host$ cat 한글메모.txt /tmp/a.txt\n안녕\n")
        tmux("send-keys", "-t", session, "cat /etc/ho", "Tab", "Tab")
        waitFor("docker-host$ cat /etc/host\nhostname hosts\n")
        tmux("send-keys", "-t", session, "C-c")
        tmux("send-keys", "-t", session, "C-d")
        waitFor("EXITED-0")
    }

    func testSshToAnotherMachineWithCompletionAndBack() {
        // TAB completes the machine name after ssh.
        tmux("send-keys", "-t", session, "ssh work", "Tab")
        waitFor("docker-host$ ssh worker")
        tmux("send-keys", "-t", session, "2", "Enter")
        waitFor("\nworker2$")
        tmux("send-keys", "-t", session, "hostname", "Enter")
        waitFor("worker2$ hostname\nworker2\n")
        tmux("send-keys", "-t", session, "exit", "Enter")
        waitFor("Connection to worker2 closed.\ndocker-host$")
        tmux("send-keys", "-t", session, "C-d")
        waitFor("EXITED-0")
    }
}
