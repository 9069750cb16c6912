/// What a container's main process does once started, judged from the image
/// and the command, since no real process runs.
public enum ProcessPlan: Sendable, Hashable {
    /// A server or an interactive shell: runs until stopped.
    case runsUntilStopped
    /// `sleep N`: runs for N seconds of simulated time.
    case runsFor(seconds: Int64)
    /// A short command (`echo hi`, `cat /etc/hosts`): the command layer runs it, then it exits.
    case oneShot
    /// Exits at once with this code (a shell without a terminal, a database without its password).
    case exitsAtOnce(code: Int)
    /// The program is not in the image: start fails with exit code 127.
    case notFound(program: String)

    public static let shells: Set<String> = ["sh", "ash", "bash", "dash", "/bin/sh", "/bin/ash", "/bin/bash", "/bin/dash"]

    /// Decides the plan for a container's process.
    public static func plan(for c: Container) -> ProcessPlan {
        let argv = [c.path] + c.args
        let program = c.path
        let base = program.split(separator: "/").last.map(String.init) ?? program
        let isEntrypointScript = !c.image.entrypoint.isEmpty && c.path == c.image.entrypoint.first
        if !isEntrypointScript && !c.image.tools.contains(base) && !c.image.tools.contains(program) {
            return .notFound(program: program)
        }
        if !c.image.requiresOneOfEnv.isEmpty && !c.cmdOverridden {
            let names = Set(c.env.map { String($0.split(separator: "=", maxSplits: 1).first ?? "") })
            if !c.image.requiresOneOfEnv.contains(where: names.contains) { return .exitsAtOnce(code: 1) }
        }
        // haproxy and nginx read their configuration when they start: a missing or broken one makes
        // them exit (Engine+ProxyLoad), decided once the container is on its networks.
        // http-echo's arguments are flags for its entrypoint; without a text it exits 127
        // (hashicorp/http-echo v1.0.0 main.go: "Missing -text option OR ENV var TEXT is empty!").
        if c.image.repository == "hashicorp/http-echo" && isEntrypointScript {
            return EchoServer.text(of: c) == nil ? .exitsAtOnce(code: 127) : .runsUntilStopped
        }
        if isEntrypointScript && !c.cmdOverridden { return .runsUntilStopped }
        let command = isEntrypointScript ? Array(c.args) : argv
        guard let first = command.first else { return .exitsAtOnce(code: 0) }
        let name = first.split(separator: "/").last.map(String.init) ?? first
        if shells.contains(first) || shells.contains(name) {
            if command.count == 1 { return c.tty || c.openStdin ? .runsUntilStopped : .exitsAtOnce(code: 0) }
            if command.count >= 3, command[1] == "-c" {
                let script = command[2...].joined(separator: " ")
                if script.contains("while true") || script.contains("tail -f") || script.contains("sleep infinity") {
                    return .runsUntilStopped
                }
                if let r = script.firstRange(of: "sleep ") {
                    let word = script[r.upperBound...].prefix(while: { $0 != " " && $0 != ";" && $0 != "&" })
                    if let n = SleepDuration.nanoseconds([String(word)]) { return .runsFor(seconds: seconds(n)) }
                }
                return .oneShot
            }
            return .oneShot
        }
        switch name {
        case "sleep":
            if command.count > 1, command[1] == "infinity" { return .runsUntilStopped }
            if command.count > 1, command[1].lowercased().hasPrefix("inf") { return .runsUntilStopped }
            if let n = SleepDuration.nanoseconds(Array(command.dropFirst())) { return .runsFor(seconds: seconds(n)) }
            return .exitsAtOnce(code: 1)
        case "tail":
            return command.contains("-f") || command.contains("-F") ? .runsUntilStopped : .oneShot
        case "top", "nginx", "httpd-foreground", "httpd", "redis-server", "mysqld", "postgres", "traefik", "haproxy":
            return .runsUntilStopped
        case "cat" where command.count == 1:
            return c.openStdin || c.tty ? .runsUntilStopped : .exitsAtOnce(code: 0)
        case "ping":
            return command.contains("-c") ? .oneShot : .runsUntilStopped
        default:
            return .oneShot
        }
    }

    /// Whole seconds of simulated time a duration takes (rounded up: the clock moves in seconds).
    static func seconds(_ nanoseconds: Int64) -> Int64 {
        nanoseconds / 1_000_000_000 + (nanoseconds % 1_000_000_000 > 0 ? 1 : 0)
    }

    /// The exit code a process gives when `docker stop` sends SIGTERM: servers exit
    /// cleanly, PID-1 shells and sleeps ignore it and are killed after 10 s (137).
    public static func stopExitCode(for c: Container) -> (code: Int, waitedSeconds: Int64) {
        let isEntrypointScript = !c.image.entrypoint.isEmpty && c.path == c.image.entrypoint.first
        // The Go backends' arguments are flags to their entrypoint binary, not a command.
        let flagsOnly = ["traefik/whoami", "hashicorp/http-echo"].contains(c.image.repository)
        let program = isEntrypointScript && !flagsOnly ? (c.args.first ?? c.path) : c.path
        let base = program.split(separator: "/").last.map(String.init) ?? program
        switch base {
        case "nginx", "httpd-foreground", "httpd", "redis-server", "mysqld", "postgres", "traefik", "haproxy":
            return (0, 0)
        case "whoami", "http-echo":
            // Go binaries as PID 1: the runtime catches SIGTERM, cannot die from it in the namespace and
            // exits with status 2 instead (go1.22 src/runtime/signal_unix.go `dieFromSignal`).
            return (2, 0)
        default:
            return (137, 10)
        }
    }
}
