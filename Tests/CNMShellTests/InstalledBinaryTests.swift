import XCTest
import Foundation

/// `make install` as a learner uses it: the installed binary, run from a folder that holds no labs,
/// lists its built-in labs, runs a whole lab, links no Swift runtime, and comes with completions and
/// a man page. `make test` installs into a temporary prefix and names it in CNMLAB_INSTALLED; a plain
/// `swift test` (no release build) skips this test.
final class InstalledBinaryTests: XCTestCase {
    func testTheInstalledBinaryRunsALabFromAnotherFolder() throws {
        guard let prefix = ProcessInfo.processInfo.environment["CNMLAB_INSTALLED"], !prefix.isEmpty else {
            throw XCTSkip("CNMLAB_INSTALLED is not set: `make test` installs cnmlab into a temporary prefix and sets it")
        }
        let bin = prefix + "/bin/cnmlab"
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: bin), bin)
        for file in ["share/man/man1/cnmlab.1", "share/bash-completion/completions/cnmlab",
                     "share/zsh/site-functions/_cnmlab", "share/fish/vendor_completions.d/cnmlab.fish"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: prefix + "/" + file)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size ?? 0, 500, file)
        }
        let man = try String(contentsOfFile: prefix + "/share/man/man1/cnmlab.1", encoding: .utf8)
        XCTAssertTrue(man.contains(".Nm cnmlab") && man.contains("CNMLAB_LABS"), "the man page names the program and its environment")

        // No Swift runtime from a toolchain: the binary runs where no Swift is installed.
        let ldd = Spawn.run(["ldd", bin])
        XCTAssertEqual(ldd.status, 0, ldd.stderr)
        XCTAssertFalse(ldd.stdout.contains("libswift") || ldd.stdout.contains("Foundation") || ldd.stdout.contains("/opt/swift"), ldd.stdout)
        XCTAssertTrue(ldd.stdout.contains("libsqlite3") && ldd.stdout.contains("libedit"), ldd.stdout)

        // From an empty folder elsewhere, with a fresh home: the labs are built in.
        let home = NSTemporaryDirectory() + "cnmlab-installed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        func run(_ command: String, stdin: String = "") -> Spawn.Result {
            Spawn.run(["/bin/sh", "-c", "cd '\(home)' && HOME='\(home)' XDG_DATA_HOME= XDG_STATE_HOME= CNMLAB_LABS= exec '\(bin)' \(command)"], stdin: stdin)
        }
        let labs = run("labs")
        XCTAssertEqual(labs.status, 0, labs.stderr)
        XCTAssertTrue(labs.stdout.contains("w2d1s3-user-bridge-web-db"), labs.stdout)
        let solution = run("labs show w2d1s3-user-bridge-web-db --solution --learner ci")
        XCTAssertEqual(solution.status, 0, solution.stderr)
        let shell = run("shell --lang en --lab w2d1s3-user-bridge-web-db --learner ci", stdin: solution.stdout + "theory\nexit\n")
        XCTAssertEqual(shell.status, 0, shell.stderr)
        XCTAssertTrue(shell.stdout.contains("Lab finished: "), shell.stdout)
        // theory: the built-in course, rendered (the heading underlined, no Markdown link left).
        XCTAssertTrue(shell.stdout.contains("4.1 Worked examples: web and db\n" + String(repeating: "=", count: 31) + "\n"), shell.stdout)
        XCTAssertFalse(shell.stdout.contains("]("))
        XCTAssertTrue(FileManager.default.fileExists(atPath: home + "/.local/share/cnmlab/progress.sqlite"))
        let progress = run("progress --format csv")
        XCTAssertTrue(progress.stdout.contains("ci,w2d1s3-user-bridge-web-db,1,finished"), progress.stdout)
        // An empty lab folder: says where it looked, exit 1.
        let none = run("labs --labs '\(home)'")
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("no lab found; looked in: \(home)"), none.stderr)
    }
}
