/// What the official nginx images write when their container starts: the entrypoint's lines on
/// stdout, then nginx's own start-up notices on stderr (its error log is `/dev/stderr`).
///
/// - Entrypoint: nginxinc/docker-nginx `mainline/debian/docker-entrypoint.sh` and
///   `entrypoint/10-listen-on-ipv6-by-default.sh` (the Alpine variant checks the packaged file
///   with apk instead of dpkg; its messages are the same). `NGINX_ENTRYPOINT_QUIET_LOGS` silences them.
/// - Notices: nginx 1.27.5 `src/event/ngx_event.c` (`using the "%s" event method`),
///   `src/core/nginx.c` (`NGINX_VER`, `built by NGX_COMPILER`), `src/os/unix/ngx_posix_init.c`
///   (`OS: %s %s`, `getrlimit(RLIMIT_NOFILE): %r:%r`), `src/os/unix/ngx_process_cycle.c`
///   (`start worker processes`, `start worker process %P`), in `ngx_log_error`'s form
///   `YYYY/MM/DD HH:MM:SS [notice] PID#TID: text`. NGX_COMPILER is what `gcc -v` says after
///   "version", trailing space included: gcc 12.2.0-14 of Debian 12 for the Debian image (the
///   nginx.org bookworm packages of 1.27.5), gcc 14.2.0 of Alpine 3.21 for the Alpine one.
///   `worker_processes auto` starts one worker per CPU of the host (`HostConfig.cpus`); the
///   kernel is the host's (`HostConfig.kernel`). The first worker's PID is what the entrypoint's
///   own processes leave it: 29 in the Debian image and 16 in the Alpine one, as `docker logs`
///   of nginx:1.27.5 and nginx:1.27.5-alpine show.
public enum NginxStartupLog {
    /// `NGINX_VERSION` of the simulated images (nginxinc/docker-nginx `mainline/*/Dockerfile`).
    public static let version = "1.27.5"

    public static func lines(_ c: Container, host: HostConfig, at time: SimTime) -> [ContainerLogLine] {
        func out(_ text: String) -> ContainerLogLine { ContainerLogLine(time: time, stream: .stdout, text: text) }
        let alpine = c.image.tag.contains("alpine")
        var lines: [ContainerLogLine] = []
        let quiet = c.env.contains { $0.hasPrefix("NGINX_ENTRYPOINT_QUIET_LOGS=") && $0.count > "NGINX_ENTRYPOINT_QUIET_LOGS=".count }
        if !quiet {
            let me = "/docker-entrypoint.sh"
            lines = [
                "\(me): /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
                "\(me): Looking for shell scripts in /docker-entrypoint.d/",
                "\(me): Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
                "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
                "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
                "\(me): Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
                "\(me): Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
                "\(me): Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
                "\(me): Configuration complete; ready for start up",
            ].map(out)
        }
        return lines + notices(host: host, alpine: alpine, at: time)
    }

    /// nginx's own notices as the master process (PID 1) writes them to stderr.
    public static func notices(host: HostConfig, alpine: Bool, at time: SimTime) -> [ContainerLogLine] {
        let stamp = errorLogTime(time)
        func notice(_ text: String) -> ContainerLogLine {
            ContainerLogLine(time: time, stream: .stderr, text: "\(stamp) [notice] 1#1: \(text)")
        }
        let compiler = alpine ? "gcc 14.2.0 (Alpine 14.2.0) " : "gcc 12.2.0 (Debian 12.2.0-14) "
        let firstWorker = alpine ? 16 : 29
        var out = [
            notice("using the \"epoll\" event method"),
            notice("nginx/\(version)"),
            notice("built by \(compiler)"),
            notice("OS: Linux \(host.kernel.release)"),
            notice("getrlimit(RLIMIT_NOFILE): \(host.containerOpenFiles):\(host.containerOpenFiles)"),
            notice("start worker processes"),
        ]
        for k in 0..<max(1, host.cpus) { out.append(notice("start worker process \(firstWorker + k)")) }
        return out
    }

    /// `ngx_log_error`'s time: `2025/06/01 10:00:00` (the container's local time, UTC).
    public static func errorLogTime(_ t: SimTime) -> String {
        let c = t.components
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year)/\(two(c.month))/\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }
}
