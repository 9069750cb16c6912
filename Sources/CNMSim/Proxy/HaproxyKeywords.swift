/// The HAProxy keywords cnmlab accepts in each section. Those not read by `HaproxyConfigParser`
/// (timeouts, logging, tuning, rules…) are accepted and have no effect in the simulation; a word
/// in none of these lists is an unknown keyword, as HAProxy reports it.
///
/// Sources: haproxy v3.0.0 `src/cfgparse-listen.c` (`common_kw_list`, `common_options`, the
/// `strcmp(args[0], …)` chain), `src/cfgparse-global.c`, the `CFG_LISTEN`/`CFG_GLOBAL` keyword
/// registrations across `src/`, `src/proxy.c` (`cfg_opts`, `cfg_opts2`), `src/server.c` and
/// `src/check.c`, `src/ssl_sock.c` (server keywords), `src/resolvers.c` (the `resolvers` section).
enum HaproxyKeywords {
    /// Words that open a section.
    static let sections: Set<String> = ["global", "defaults", "frontend", "backend", "listen", "resolvers", "peers",
                                        "userlist", "mailers", "cache", "program", "http-errors", "ring", "log-forward",
                                        "crt-store", "traces", "namespace_list", "fcgi-app"]
    /// Sections whose contents cnmlab does not read: accepted as they are.
    static let skippedSections: Set<String> = ["peers", "userlist", "mailers", "cache", "program", "http-errors", "ring",
                                               "log-forward", "crt-store", "traces", "namespace_list", "fcgi-app"]

    static let global: [String] = [
        "anonkey", "busy-polling", "chroot", "cluster-secret", "cpu-map", "daemon", "description",
        "expose-deprecated-directives", "expose-experimental-directives", "external-check", "fd-hard-limit", "gid",
        "group", "insecure-fork-wanted", "insecure-setuid-wanted", "localpeer", "log", "log-send-hostname", "log-tag",
        "master-worker", "max-spread-checks", "maxcompcpuusage", "maxcomprate", "maxconn", "maxconnrate", "maxpipes",
        "maxsessrate", "maxsslrate", "maxzlibmem", "nbproc", "node", "noepoll", "nogetaddrinfo", "nopoll", "noreuseport",
        "nosplice", "pidfile", "presetenv", "quiet", "resetenv", "server-state-base", "server-state-file", "setenv",
        "spread-checks", "ssl-server-verify", "stats-file", "strict-limits", "uid", "ulimit-n", "unix-bind",
        "unsetenv", "user", "zero-warning", "ca-base", "crt-base", "default-path", "grace", "hard-stop-after",
        "lua-load", "lua-prepend-path", "maxsslconn", "mworker-max-reloads", "nbthread", "ssl-default-bind-ciphers",
        "ssl-default-bind-ciphersuites", "ssl-default-bind-options", "ssl-default-server-ciphers",
        "ssl-default-server-ciphersuites", "ssl-default-server-options", "ssl-dh-param-file", "stats", "thread-groups",
        "tune.bufsize", "tune.maxaccept", "tune.ssl.default-dh-param", "tune.ssl.cachesize", "tune.ssl.lifetime",
        "tune.http.maxhdr", "tune.maxrewrite", "httpclient.resolvers.prefer", "httpclient.retries",
        "httpclient.timeout.connect", "set-var", "profiling.tasks",
    ]

    /// `common_kw_list` of cfgparse-listen.c, then the registered `CFG_LISTEN` keywords.
    static let proxy: [String] = [
        "listen", "frontend", "backend", "defaults", "server", "default-server", "server-template", "bind",
        "monitor-net", "monitor-uri", "mode", "id", "description", "disabled", "enabled", "acl", "dynamic-cookie-key",
        "cookie", "email-alert", "persist", "appsession", "load-server-state-from-file", "server-state-file-name",
        "max-session-srv-conns", "capture", "retries", "http-request", "http-response", "http-after-response",
        "http-send-name-header", "block", "redirect", "use_backend", "use-server", "force-persist", "ignore-persist",
        "stick-table", "stick", "stats", "option", "default_backend", "http-reuse", "monitor", "transparent",
        "maxconn", "backlog", "fullconn", "dispatch", "balance", "log-balance", "hash-type", "hash-balance-factor",
        "unique-id-format", "unique-id-header", "log-format", "log-format-sd", "log-tag", "log", "source", "usesrc",
        "error-log-format", "no",
        "clitcpka-cnt", "clitcpka-idle", "clitcpka-intvl", "compression", "declare", "errorfile", "errorfiles",
        "errorloc", "errorloc302", "errorloc303", "external-check", "filter", "guid", "http-check", "http-error",
        "max-keep-alive-queue", "rate-limit", "retry-on", "srvtcpka-cnt", "srvtcpka-idle", "srvtcpka-intvl",
        "tcp-check", "tcp-request", "tcp-response", "timeout", "use-fcgi-app",
    ]

    /// `option NAME` (`common_options` and the proxy option tables).
    static let options: [String] = [
        "httpclose", "http-server-close", "http-keep-alive", "redispatch", "httplog", "tcplog", "tcpka", "httpchk",
        "ssl-hello-chk", "smtpchk", "pgsql-check", "redis-check", "mysql-check", "ldap-check", "spop-check",
        "tcp-check", "external-check", "forwardfor", "original-to", "forwarded",
        "abortonclose", "allbackups", "checkcache", "clitcpka", "contstats", "dontlog-normal", "dontlognull",
        "http-buffer-request", "http-ignore-probes", "http-no-delay", "http-pretend-keepalive",
        "http-use-proxy-header", "idle-close-on-response", "independent-streams", "log-health-checks",
        "log-separate-errors", "logasap", "nolinger", "persist", "prefer-last-server", "socket-stats",
        "splice-auto", "splice-request", "splice-response", "srvtcpka", "tcp-smart-accept", "tcp-smart-connect",
        "transparent", "accept-invalid-http-request", "accept-invalid-http-response", "accept-unsafe-violations-in-http-request",
        "accept-unsafe-violations-in-http-response", "disable-h2-upgrade", "h1-case-adjust-bogus-client",
        "h1-case-adjust-bogus-server", "http-restrict-req-hdr-names", "http-drop-request-trailers",
        "http-drop-response-trailers", "assume-rfc6587-ntf", "dont-parse-log", "host-cache", "nbsrv",
    ]

    /// Words after `server NAME ADDRESS` (the `srv_kws` of server.c, check.c, ssl_sock.c…), with how
    /// many values each takes.
    static let serverArguments: [String: Int] = [
        "check": 0, "no-check": 0, "backup": 0, "no-backup": 0, "disabled": 0, "enabled": 0, "ssl": 0, "no-ssl": 0,
        "send-proxy": 0, "send-proxy-v2": 0, "no-send-proxy": 0, "check-ssl": 0, "no-check-ssl": 0, "agent-check": 0,
        "no-agent-check": 0, "non-stick": 0, "stick": 0, "tfo": 0, "no-tfo": 0, "no-verifyhost": 0, "sni-auto": 0,
        "inter": 1, "fastinter": 1, "downinter": 1, "rise": 1, "fall": 1, "weight": 1, "cookie": 1, "maxconn": 1,
        "minconn": 1, "maxqueue": 1, "init-addr": 1, "resolvers": 1, "resolve-prefer": 1, "resolve-net": 1,
        "resolve-opts": 1, "port": 1, "addr": 1, "slowstart": 1, "on-error": 1, "on-marked-down": 1,
        "on-marked-up": 1, "error-limit": 1, "verify": 1, "verifyhost": 1, "ca-file": 1, "crt": 1, "sni": 1,
        "alpn": 1, "check-alpn": 1, "check-sni": 1, "proto": 1, "check-proto": 1, "pool-max-conn": 1,
        "pool-purge-delay": 1, "pool-low-conn": 1, "max-reuse": 1, "id": 1, "redir": 1, "observe": 1, "track": 1,
        "agent-port": 1, "agent-inter": 1, "agent-addr": 1, "agent-send": 1, "namespace": 1, "source": 1,
        "ws": 1, "log-proto": 1, "guid": 1, "ciphers": 1, "ciphersuites": 1, "ssl-min-ver": 1, "ssl-max-ver": 1,
        "check-send-proxy": 0, "allow-0rtt": 0, "no-tls-tickets": 0, "force-tlsv12": 0, "force-tlsv13": 0,
    ]

    /// Words of a `resolvers NAME` section.
    static let resolvers: [String] = ["nameserver", "parse-resolv-conf", "resolve_retries", "timeout", "hold",
                                      "accepted_payload_size"]
}
