#if canImport(Glibc)
import Glibc
#endif

/// Shows long text through the learner's pager: `$PAGER`, else `less -R` (raw escapes shown as
/// bold, not as `ESC[1m`), run by `/bin/sh -c` as git and man do. Only for a terminal and only
/// when the text is taller than it; when the pager cannot run, the text is printed as it is.
public enum Pager {
    public static let defaultCommand = "less -R"

    /// Whether `text` should be paged on a terminal of `rows` rows (nil: not a terminal).
    public static func wanted(_ text: String, rows: Int?) -> Bool {
        guard let rows else { return false }
        return text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } > rows - 1
    }

    /// The command to run: `$PAGER` unless empty (or `cat`, which needs no pager at all).
    public static func command(environment: [String: String]) -> String? {
        let pager = environment["PAGER"]?.trimmingSpacesBothEnds ?? ""
        if pager == "cat" { return nil }
        return pager.isEmpty ? defaultCommand : pager
    }

    /// Runs `command` with `text` on its standard input and waits for it; false when it could not run
    /// (nothing was shown), so the caller prints the text itself.
    public static func show(_ text: String, command: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let args = ["/bin/sh", "-c", command]
        var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        // less without LESS set: -R so the bold of headings shows as bold.
        if getenv("LESS") == nil { setenv("LESS", "-R", 0) }
        // The text is UTF-8 whatever the locale says. When LANG names a locale the machine has not
        // generated (ko_KR.UTF-8 in a slim image, say), less falls back to ASCII and shows every
        // Hangul byte as <EB><8A><94>: tell it the charset unless the learner chose one.
        if getenv("LESSCHARSET") == nil && getenv("LESSCHARDEF") == nil { setenv("LESSCHARSET", "utf-8", 0) }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, &cArgs, environ)
        close(fds[0])
        guard spawned == 0 else { close(fds[1]); return false }
        // The pager may quit before reading everything: a write then fails with EPIPE instead of killing us.
        let previous = signal(SIGPIPE, SIG_IGN)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 { break }
            offset += n
        }
        close(fds[1])
        signal(SIGPIPE, previous)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // 127: the shell found no such pager.
        let exited = (status & 0x7f) == 0
        return !(exited && (status >> 8) & 0xff == 127)
    }
}
