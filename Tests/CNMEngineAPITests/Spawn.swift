import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program for a test and always comes back (as Tests/CNMShellTests/Spawn.swift):
/// standard streams through files, a bounded `waitpid` loop, SIGKILL at the deadline.
enum Spawn {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    static func run(_ argv: [String], environment: [String: String] = [:], stdin: String = "", timeout: Double = 20) -> Result {
        let dir = NSTemporaryDirectory() + "cnmlab-engine-spawn-\(getpid())-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let inPath = dir + "/in", outPath = dir + "/out", errPath = dir + "/err"
        _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdin.utf8))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { if v.isEmpty { env.removeValue(forKey: k) } else { env[k] = v } }
        var cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cEnv { free(p) } }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
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
            usleep(2_000)
        }
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        func read(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return Result(status: code, stdout: read(outPath), stderr: read(errPath), timedOut: timedOut)
    }

    /// Whether the docker 28.2 CLI is installed (the differential tests need it).
    static let dockerCLI: Bool = {
        let r = run(["docker", "--version"], timeout: 10)
        return r.status == 0 && r.stdout.hasPrefix("Docker version 28.2.")
    }()

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String) -> String {
        let dir = "/tmp/cnmlab-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
