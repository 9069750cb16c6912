import XCTest
@testable import CNMShell

/// `docker exec -it C bash|sh` in the cnmlab shell opens the image's own shell: Debian's bash prompt
/// (`/etc/bash.bashrc`: `\u@\h:\w\$ `), busybox ash's `\w \$ `, and each shell's not-found text.
final class ContainerShellPromptTests: XCTestCase {
    func testBashInADebianImageShowsItsPromptAndItsNotFoundLine() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker run -d --name web nginx")
        let id = String(s.engine.containers.values.first { $0.name == "web" }?.id.prefix(12) ?? "")
        _ = s.handle("docker exec -it web bash")
        XCTAssertEqual(s.prompt, "root@\(id):/# ")
        let out = s.handle("ping -c 1 web")
        XCTAssertEqual(out.stderr, "bash: ping: command not found\n")
        XCTAssertEqual(s.handle("hostname").stdout, id + "\n")
        _ = s.handle("exit")
        _ = s.handle("docker exec -it web sh")
        XCTAssertEqual(s.prompt, "# ")
        XCTAssertEqual(s.handle("ping x").stderr, "sh: 1: ping: not found\n")
    }

    func testBusyboxHasAshAndNoBash() {
        var s = ShellSession(language: .en)
        _ = s.handle("docker run -d --name b busybox sleep 1000")
        let refused = s.handle("docker exec -it b bash")
        XCTAssertEqual(refused.stdout, "OCI runtime exec failed: exec failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown\r\n")
        XCTAssertFalse(s.prompt.hasPrefix("/ # "), "no shell was opened")
        _ = s.handle("docker exec -it b sh")
        XCTAssertEqual(s.prompt, "/ # ")
        XCTAssertEqual(s.handle("curl x").stderr, "sh: curl: not found\n")
        XCTAssertEqual(s.handle("docker ps").stderr, "sh: docker: not found\n", "docker is not in the container")
        _ = s.handle("exit")
        _ = s.handle("docker run -d --name r redis")
        _ = s.handle("docker exec -it r bash")
        XCTAssertTrue(s.prompt.hasSuffix(":/data# "), s.prompt)
    }
}
