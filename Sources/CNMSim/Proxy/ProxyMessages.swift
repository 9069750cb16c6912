/// The lines nginx and HAProxy print about their configuration: a refused one (at start, at reload,
/// under `nginx -t` / `haproxy -c`), a reload, and HAProxy's start in the official image's
/// master-worker mode (`haproxy -W -db`).
///
/// - nginx: release-1.27.5 `src/core/ngx_log.c` (`ngx_log_error_core`: the error-log line
///   `YYYY/MM/DD HH:MM:SS [level] PID#TID: text`, and while starting, the same text again on stderr as
///   `nginx: [level] text`; the image's error log is a link to /dev/stderr, so both show),
///   `src/os/unix/ngx_process.c` (`signal %d (%s) received[ from %P], %s`), `src/os/unix/ngx_process_cycle.c`
///   (`reconfiguring`, `start worker processes`, `gracefully shutting down`, `exiting`, `exit`).
/// - HAProxy: v3.0.0 `src/errors.c` (`print_message`: `[LABEL]` padded to 10 characters, then
///   ` (PID) : `; `warn_exec_path`: the version and executable notices before a starting process's
///   first alert or warning), `src/haproxy.c` (`Reloading HAProxy`, `New worker (%d) forked`,
///   `Loading success.`, `Loading failure!`), `src/mworker.c` (`Former worker (%d) exited with code %d (%s)`).
///   The version is that of haproxy v3.0.0 (its tag's commit, abbreviated as a release's `SUBVERS` is).
public enum ProxyMessages {
    public static let haproxyVersion = "3.0.0-5590ada"
    public static let haproxyExecutable = "/usr/local/sbin/haproxy"

    /// `[NOTICE]   (1) : text`.
    public static func haproxy(_ label: String, pid: Int, _ text: String) -> String {
        let head = "[" + label + "]"
        return head + String(repeating: " ", count: max(0, 10 - head.count)) + " (\(pid)) : " + text
    }

    /// HAProxy's lines for a refused configuration, as a starting process (PID `pid`) prints them.
    public static func haproxyRefused(_ e: ProxyConfigError, pid: Int) -> [String] {
        let alerts: [String]
        if case .haproxy(let a) = e.kind { alerts = a } else { alerts = [e.message] }
        return [haproxy("NOTICE", pid: pid, "haproxy version is \(haproxyVersion)"),
                haproxy("NOTICE", pid: pid, "path to executable is \(haproxyExecutable)")]
            + alerts.map { haproxy("ALERT", pid: pid, $0) }
    }

    /// HAProxy's `[WARNING]` lines (a warning's continuation lines follow it as they are), after the
    /// version and executable notices that come before a process's first warning (`warn_exec_path`).
    public static func haproxyWarnings(_ warnings: [String], pid: Int) -> [String] {
        guard !warnings.isEmpty else { return [] }
        var out = [haproxy("NOTICE", pid: pid, "haproxy version is \(haproxyVersion)"),
                   haproxy("NOTICE", pid: pid, "path to executable is \(haproxyExecutable)")]
        for w in warnings {
            let lines = w.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            out.append(haproxy("WARNING", pid: pid, lines[0]))
            out += lines.dropFirst()
        }
        return out
    }

    /// HAProxy's refusal after its warnings: the notices once, before whichever comes first.
    public static func haproxyRefused(_ e: ProxyConfigError, pid: Int, after warnings: [String]) -> [String] {
        guard !warnings.isEmpty else { return haproxyRefused(e, pid: pid) }
        return haproxyWarnings(warnings, pid: pid) + haproxyRefused(e, pid: pid).dropFirst(2)
    }

    /// nginx's `[warn]` lines from process `pid` (`ngx_conf_log_error` at `NGX_LOG_WARN`): the
    /// error-log line, and the stderr copy while nginx starts or tests (`alsoStderr`).
    public static func nginxWarnings(_ warnings: [String], pid: Int, at time: SimTime, alsoStderr: Bool) -> [String] {
        warnings.flatMap { w -> [String] in
            var out = ["\(NginxStartupLog.errorLogTime(time)) [warn] \(pid)#\(pid): \(w)"]
            if alsoStderr { out.append("nginx: [warn] \(w)") }
            return out
        }
    }

    /// nginx's lines for a refused configuration from process `pid`: the error-log line, and the
    /// stderr copy while nginx starts (`alsoStderr`).
    public static func nginxRefused(_ e: ProxyConfigError, pid: Int, at time: SimTime, alsoStderr: Bool = true) -> [String] {
        var out = ["\(NginxStartupLog.errorLogTime(time)) [emerg] \(pid)#\(pid): \(e.nginxText)"]
        if alsoStderr { out.append("nginx: [emerg] \(e.nginxText)") }
        return out
    }

    /// One nginx error-log notice.
    public static func nginxNotice(_ text: String, pid: Int, at time: SimTime) -> String {
        "\(NginxStartupLog.errorLogTime(time)) [notice] \(pid)#\(pid): \(text)"
    }

    /// The PIDs of an nginx container's reload number `generation` (0: the start): the process that
    /// sends the signal (for `nginx -s`), then the workers, each reload's after the last's.
    public static func nginxPIDs(generation: Int, cpus: Int, alpine: Bool) -> (signaller: Int, workers: [Int]) {
        let base = (alpine ? 16 : 29) + generation * (max(1, cpus) + 1)
        return (base - 1, (0..<max(1, cpus)).map { base + $0 })
    }

    /// The master's lines when it reloads: the signal, the new workers, the old ones leaving.
    public static func nginxReload(from sender: Int?, generation: Int, cpus: Int, alpine: Bool, at time: SimTime,
                                   refused: ProxyConfigError?, warnings: [String] = []) -> [String] {
        let received = sender.map { "signal 1 (SIGHUP) received from \($0), reconfiguring" } ?? "signal 1 (SIGHUP) received, reconfiguring"
        var out = [nginxNotice(received, pid: 1, at: time), nginxNotice("reconfiguring", pid: 1, at: time)]
        out += nginxWarnings(warnings, pid: 1, at: time, alsoStderr: false)
        if let refused { return out + nginxRefused(refused, pid: 1, at: time, alsoStderr: false) }
        out.append(nginxNotice("using the \"epoll\" event method", pid: 1, at: time))
        out.append(nginxNotice("start worker processes", pid: 1, at: time))
        for w in nginxPIDs(generation: generation, cpus: cpus, alpine: alpine).workers {
            out.append(nginxNotice("start worker process \(w)", pid: 1, at: time))
        }
        for old in nginxPIDs(generation: generation - 1, cpus: cpus, alpine: alpine).workers {
            out += [nginxNotice("gracefully shutting down", pid: old, at: time), nginxNotice("exiting", pid: old, at: time),
                    nginxNotice("exit", pid: old, at: time)]
        }
        return out
    }

    /// HAProxy's start in master-worker mode: the master (PID 1) forks its worker.
    public static func haproxyStarted(generation: Int) -> [String] {
        [haproxy("NOTICE", pid: 1, "New worker (\(8 + generation)) forked"), haproxy("NOTICE", pid: 1, "Loading success.")]
    }

    /// HAProxy's master reloading (SIGUSR2 or SIGHUP): it re-executes itself and reads the file again.
    public static func haproxyReload(generation: Int, refused: ProxyConfigError?, warnings: [String] = []) -> [String] {
        var out = [haproxy("NOTICE", pid: 1, "Reloading HAProxy")]
        if let refused {
            return out + haproxyRefused(refused, pid: 1, after: warnings) + [haproxy("WARNING", pid: 1, "Loading failure!")]
        }
        out += haproxyWarnings(warnings, pid: 1)
        out += haproxyStarted(generation: generation)
        out.append(haproxy("WARNING", pid: 1, "Former worker (\(8 + generation - 1)) exited with code 0 (Exit)"))
        return out
    }
}
