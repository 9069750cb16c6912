import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program for a test and always comes back: standard streams go through
/// files (a daemon such as the tmux server that inherits them cannot hold a
/// pipe open), the wait is a bounded `waitpid` loop, and a program still
/// running at the deadline is killed and reported as timed out.
enum Spawn {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    static func run(_ argv: [String], stdin: String = "", timeout: Double = 120) -> Result {
        let dir = NSTemporaryDirectory() + "cnmlab-spawn-\(getpid())-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let inPath = dir + "/in", outPath = dir + "/out", errPath = dir + "/err"
        FileManager.default.createFile(atPath: inPath, contents: Data(stdin.utf8))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        var cEnv: [UnsafeMutablePointer<CChar>?] = isolatedEnvironment().map { strdup($0) } + [nil]
        defer { for p in cEnv { free(p) } }
        let spawned = posix_spawnp(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
        guard spawned == 0 else {
            return Result(status: -1, stdout: "", stderr: "spawn failed: \(spawned)", timedOut: false)
        }
        var status: Int32 = 0
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                timedOut = true
                break
            }
            usleep(5_000)
        }
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        func read(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return Result(status: code, stdout: read(outPath), stderr: read(errPath), timedOut: timedOut)
    }

    /// A home folder of this test process's own: a spawned cnmlab never reads or writes the real
    /// `~/.local/share/cnmlab` (a developer's progress, or another build's newer schema).
    static let home: String = {
        let path = NSTemporaryDirectory() + "cnmlab-test-home-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// This process's environment with HOME and the XDG folders pointed at `home`.
    static func isolatedEnvironment() -> [String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/.local/share"
        env["XDG_STATE_HOME"] = home + "/.local/state"
        env["XDG_CONFIG_HOME"] = home + "/.config"
        return env.map { "\($0.key)=\($0.value)" }
    }

    /// The `cnmlab` binary next to the test bundle.
    static var cnmlab: String {
        let dir = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return dir.appendingPathComponent("cnmlab").path
    }
}
