#if canImport(Glibc)
import Glibc
#endif

/// Runs the release `cnmlab` binary that sits beside this benchmark (`make bench` builds both)
/// as a learner or CI job would: whole processes, timed from spawn to exit.
enum CnmlabProcess {
    /// `.build/release/cnmlab`, next to `CNMBench`.
    static var binary: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let candidate = String(path[..<slash]) + "/cnmlab"
        return access(candidate, X_OK) == 0 ? candidate : nil
    }

    /// Runs `cnmlab ARGS` with standard output and error sent to /dev/null; returns the wall time
    /// and the CPU time (user + system) in seconds, the peak resident memory in MB and the exit status.
    static func run(_ args: [String]) -> (seconds: Double, cpu: Double, peakMB: Double, status: Int32)? {
        guard let binary else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([binary] + args).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let t = now()
        guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        func seconds(_ tv: timeval) -> Double { Double(tv.tv_sec) + Double(tv.tv_usec) / 1e6 }
        return (now() - t, seconds(usage.ru_utime) + seconds(usage.ru_stime), Double(usage.ru_maxrss) / 1024, status)
    }

    /// Writes `lines` to a temporary file and returns its path.
    static func script(_ lines: [String]) -> String? {
        let path = "/tmp/cnmlab-bench-\(getpid())-\(lines.count).txt"
        guard let f = fopen(path, "w") else { return nil }
        for line in lines { fputs(line + "\n", f) }
        fclose(f)
        return path
    }
}

/// `cnmlab sim` on a generated script: `networks` user networks, `containers` busybox containers
/// spread over them, then `pings` pings between containers of the same network.
func simScale(networks: Int, containers: Int, pings: Int) -> (seconds: Double, cpuSeconds: Double, peakMB: Double)? {
    var lines: [String] = []
    for n in 0..<networks { lines.append("docker network create --subnet 10.\(n / 256).\(n % 256).0/24 net\(n)") }
    for i in 0..<containers {
        lines.append("docker run -d --name c\(i) --network net\(i % networks) busybox sleep 86400")
    }
    for k in 0..<pings {
        let from = (k &* 7_919) % containers
        let to = (from + networks * (1 + k % 5)) % containers
        lines.append("docker exec c\(from) ping -c 1 c\(to)")
    }
    guard let path = CnmlabProcess.script(lines) else { return nil }
    defer { unlink(path) }
    guard let r = CnmlabProcess.run(["sim", path]), r.status == 0 else { return nil }
    return (r.seconds, r.cpu, r.peakMB)
}

/// `cnmlab --version`, `runs` times: the median wall and CPU times in milliseconds.
func versionStartup(runs: Int) -> (wall: Double, cpu: Double)? {
    var times: [Double] = [], cpu: [Double] = []
    for _ in 0..<runs {
        guard let r = CnmlabProcess.run(["--version"]), r.status == 0 else { return nil }
        times.append(r.seconds * 1000)
        cpu.append(r.cpu * 1000)
    }
    return times.isEmpty ? nil : (percentile(times, 0.5), percentile(cpu, 0.5))
}
