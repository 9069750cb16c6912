/// The lines an image's entrypoint and server write when the container starts, with their
/// timestamps from the simulated clock. Only lines that come from the images' own sources are
/// written; what they say of the machine (kernel, CPUs, limits) comes from `HostConfig`:
/// - nginx: `NginxStartupLog` (the entrypoint's lines, then nginx's own notices);
/// - redis: redis 7.4.1 `src/server.c` (`main`, `serverLogRaw`: `pid:role DD Mon YYYY HH:MM:SS.mmm * text`);
/// - mysql: docker-library/mysql `docker-entrypoint.sh` (`mysql_log`, `docker_verify_minimum_env`)
///   of the 9.3.0 image, which exits when no root password variable is set.
public enum ImageLogs {
    /// `MYSQL_VERSION` of the simulated `mysql:latest` (Oracle Linux 9 build of MySQL 9.3.0).
    public static let mysqlVersion = "9.3.0-1.el9"
    public static let redisVersion = "7.4.1"

    /// The lines written when `c` starts with `plan`.
    public static func startup(_ c: Container, plan: ProcessPlan, at time: SimTime, host: HostConfig = HostConfig()) -> [ContainerLogLine] {
        let isEntrypointScript = !c.image.entrypoint.isEmpty && c.path == c.image.entrypoint.first
        // The two Go backends log with `log.Printf` to stderr (traefik/whoami app.go, hashicorp/http-echo
        // v1.0.0 main.go).
        if isEntrypointScript && c.image.repository == "traefik/whoami" {
            return [ContainerLogLine(time: time, stream: .stderr, text: "\(EchoServer.goLogStamp(time)) Starting up on port 80")]
        }
        if isEntrypointScript && c.image.repository == "hashicorp/http-echo" {
            let text = EchoServer.text(of: c) == nil ? "Missing -text option OR ENV var TEXT is empty!"
                                                      : "\(EchoServer.goLogStamp(time)) [INFO] server is listening on :5678"
            return [ContainerLogLine(time: time, stream: .stderr, text: text)]
        }
        let command = isEntrypointScript ? c.args : [c.path] + c.args
        guard let program = command.first.map({ String($0.split(separator: "/").last ?? "") }) else { return [] }
        func out(_ text: String) -> ContainerLogLine { ContainerLogLine(time: time, stream: .stdout, text: text) }
        func err(_ text: String) -> ContainerLogLine { ContainerLogLine(time: time, stream: .stderr, text: text) }
        switch (c.image.repository, program) {
        case ("nginx", "nginx") where isEntrypointScript:
            return NginxStartupLog.lines(c, host: host, at: time)
        case ("redis", "redis-server") where command.count == 1:
            func redis(_ role: Character, _ level: Character, _ text: String, ms: Int64) -> ContainerLogLine {
                out("1:\(role) \(redisStamp(time.adding(nanoseconds: ms * 1_000_000))) \(level) \(text)")
            }
            return [
                redis("C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo", ms: 0),
                redis("C", "*", "Redis version=\(redisVersion), bits=64, commit=00000000, modified=0, pid=1, just started", ms: 0),
                redis("C", "#", "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf", ms: 0),
                redis("M", "*", "monotonic clock: POSIX clock_gettime", ms: 1),
                redis("M", "*", "Running mode=standalone, port=6379.", ms: 1),
                redis("M", "*", "Server initialized", ms: 2),
                redis("M", "*", "Ready to accept connections tcp", ms: 2),
            ]
        case ("mysql", "mysqld") where isEntrypointScript:
            let stamp = rfc3339Seconds(time)
            var lines = [
                out("\(stamp) [Note] [Entrypoint]: Entrypoint script for MySQL Server \(mysqlVersion) started."),
                out("\(stamp) [Note] [Entrypoint]: Switching to dedicated user 'mysql'"),
                out("\(stamp) [Note] [Entrypoint]: Entrypoint script for MySQL Server \(mysqlVersion) started."),
            ]
            if case .exitsAtOnce = plan {
                lines += [
                    err("\(stamp) [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified"),
                    err("    You need to specify one of the following as an environment variable:"),
                    err("    - MYSQL_ROOT_PASSWORD"),
                    err("    - MYSQL_ALLOW_EMPTY_PASSWORD"),
                    err("    - MYSQL_RANDOM_ROOT_PASSWORD"),
                ]
            }
            return lines
        default:
            return []
        }
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// redis's `%d %b %Y %H:%M:%S.` plus milliseconds: `01 Jun 2025 10:00:00.123`.
    static func redisStamp(_ t: SimTime) -> String {
        let c = t.components
        let ms = c.nano / 1_000_000
        let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(two(c.day)) \(months[c.month - 1]) \(c.year) \(two(c.hour)):\(two(c.minute)):\(two(c.second)).\(msText)"
    }

    /// `date --rfc-3339=seconds` in UTC: `2025-06-01 10:00:00+00:00`.
    public static func rfc3339Seconds(_ t: SimTime) -> String {
        let c = t.components
        return "\(c.year)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))+00:00"
    }

    /// nginx's `$time_local` in UTC: `01/Jun/2025:10:00:00 +0000`.
    public static func nginxTimeLocal(_ t: SimTime) -> String {
        let c = t.components
        return "\(two(c.day))/\(months[c.month - 1])/\(c.year):\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}
