/// The nginx directives cnmlab knows: where each may appear, whether it opens a block, and how
/// many arguments it takes. A name that is not here is an `unknown directive`; a name here used
/// elsewhere is `not allowed here`. Most are accepted and have no effect in the simulation
/// (`worker_processes`, `sendfile`, `gzip`…); the parser reads the few that decide where a request goes.
///
/// Sources: the `ngx_command_t` tables of nginx release-1.27.5 (`src/core/nginx.c`,
/// `src/event/ngx_event.c`, `src/http/ngx_http_core_module.c`, `src/http/ngx_http_upstream.c`,
/// `src/http/modules/ngx_http_proxy_module.c`, `ngx_http_upstream_*_module.c`, `ngx_http_ssl_module.c`,
/// `src/stream/ngx_stream_core_module.c`, `ngx_stream_proxy_module.c`, `ngx_stream_upstream.c`) and
/// the directive index at nginx.org/en/docs/dirindex.html.
enum NginxDirectives {
    /// Where a directive stands: nginx's `NGX_*_CONF` context flags.
    enum Context: Hashable, Sendable {
        case main, events, http, server, location, upstream, stream, streamServer, streamUpstream
        /// `types { }` and `map { }`: every line is data, read by the block's own handler.
        case data
    }

    /// How many arguments (after the name) a directive takes.
    enum Arguments: Sendable {
        case exactly(Set<Int>)
        case oneOrMore
        case twoOrMore
        case any
        /// `on` or `off`.
        case flag

        func accepts(_ n: Int) -> Bool {
            switch self {
            case .exactly(let s): return s.contains(n)
            case .oneOrMore: return n >= 1
            case .twoOrMore: return n >= 2
            case .any: return true
            case .flag: return n == 1
            }
        }
    }

    struct Rule: Sendable {
        var contexts: Set<Context>
        var arguments: Arguments
        var block: Bool
        /// The context the block opens (for block directives).
        var opens: Context?
    }

    static let httpLevels: Set<Context> = [.http, .server, .location]
    static let everyContext: Set<Context> = [.main, .events, .http, .server, .location, .upstream, .stream,
                                             .streamServer, .streamUpstream]

    /// The rules for `name`, in the order nginx's modules declare them; empty when unknown.
    static func rules(_ name: String) -> [Rule] { table[name] ?? [] }

    private static func r(_ c: Set<Context>, _ a: Arguments) -> Rule { Rule(contexts: c, arguments: a, block: false) }
    private static func b(_ c: Set<Context>, _ a: Arguments, opens: Context) -> Rule {
        Rule(contexts: c, arguments: a, block: true, opens: opens)
    }
    private static func n(_ k: Int...) -> Arguments { .exactly(Set(k)) }

    private static let table: [String: [Rule]] = {
        var t: [String: [Rule]] = [:]
        func add(_ names: [String], _ rule: Rule) { for name in names { t[name, default: []].append(rule) } }
        let h = httpLevels
        // Core (main context).
        add(["user"], r([.main], n(1, 2)))
        add(["worker_processes", "pid", "worker_rlimit_nofile", "lock_file", "working_directory", "worker_priority",
             "timer_resolution", "worker_shutdown_timeout", "env", "load_module", "thread_pool"], r([.main], .oneOrMore))
        add(["daemon", "master_process", "pcre_jit"], r([.main], .flag))
        add(["worker_cpu_affinity"], r([.main], .oneOrMore))
        add(["include"], r(everyContext, n(1)))
        add(["error_log"], r([.main, .http, .server, .location, .stream, .streamServer], .oneOrMore))
        add(["events"], b([.main], n(0), opens: .events))
        add(["http"], b([.main], n(0), opens: .http))
        add(["stream"], b([.main], n(0), opens: .stream))
        // Events.
        add(["worker_connections", "use", "accept_mutex_delay"], r([.events], n(1)))
        add(["multi_accept", "accept_mutex"], r([.events], .flag))
        // HTTP core and friends.
        add(["default_type", "root", "charset", "client_max_body_size", "client_body_timeout", "send_timeout",
             "keepalive_requests", "gzip_comp_level", "gzip_min_length", "server_tokens", "proxy_http_version",
             "proxy_connect_timeout", "proxy_read_timeout", "proxy_send_timeout", "client_header_timeout",
             "resolver_timeout", "allow", "deny", "set_real_ip_from", "real_ip_header", "ssl_session_timeout",
             "ssl_ciphers", "ssl_dhparam", "ssl_ecdh_curve", "proxy_cache", "proxy_buffer_size", "limit_rate",
             "client_body_buffer_size", "output_buffers", "postpone_output", "ssl_trusted_certificate"], r(h, n(1)))
        add(["sendfile", "tcp_nopush", "tcp_nodelay", "gzip", "gzip_vary", "autoindex", "log_not_found",
             "absolute_redirect", "port_in_redirect", "server_name_in_redirect", "proxy_buffering",
             "proxy_intercept_errors", "reset_timedout_connection", "ssl_prefer_server_ciphers", "ssl_stapling",
             "msie_padding", "chunked_transfer_encoding", "proxy_ssl_server_name", "http2", "etag"], r(h, .flag))
        add(["keepalive_timeout"], r(h, n(1, 2)))
        add(["keepalive_timeout"], r([.upstream], n(1)))
        add(["access_log"], r(h, .oneOrMore))
        add(["access_log"], r([.stream, .streamServer], .oneOrMore))
        add(["log_format"], r([.http], .twoOrMore))
        add(["log_format"], r([.stream], .twoOrMore))
        add(["index", "gzip_types", "proxy_next_upstream", "ssl_protocols", "proxy_hide_header", "proxy_pass_header"],
            r(h, .oneOrMore))
        add(["error_page"], r(h, .twoOrMore))
        add(["large_client_header_buffers", "proxy_buffers"], r(h, n(2)))
        add(["proxy_cache_valid"], r(h, .oneOrMore))
        add(["proxy_set_header", "add_header"], r(h, n(2, 3)))
        add(["proxy_redirect", "expires", "open_file_cache", "ssl_session_cache"], r(h, n(1, 2)))
        add(["resolver"], r(h.union([.stream, .streamServer]), .oneOrMore))
        add(["ssl_certificate", "ssl_certificate_key", "ssl_password_file"], r([.http, .server, .stream, .streamServer], n(1)))
        add(["ssl_protocols", "ssl_ciphers"], r([.stream, .streamServer], .oneOrMore))
        add(["types"], b(h, n(0), opens: .data))
        add(["map"], b([.http, .stream], n(2), opens: .data))
        add(["server_names_hash_bucket_size", "server_names_hash_max_size", "types_hash_max_size",
             "types_hash_bucket_size", "variables_hash_max_size", "map_hash_bucket_size"], r([.http], n(1)))
        add(["upstream"], b([.http], n(1), opens: .upstream))
        add(["server"], b([.http], n(0), opens: .server))
        add(["server"], r([.upstream], .oneOrMore))
        add(["listen"], r([.server], .oneOrMore))
        add(["server_name"], r([.server], .oneOrMore))
        add(["location"], b([.server, .location], n(1, 2), opens: .location))
        add(["if"], b([.server, .location], .oneOrMore, opens: .location))
        add(["limit_except"], b([.location], .oneOrMore, opens: .location))
        add(["proxy_pass"], r([.location], n(1)))
        add(["proxy_pass"], r([.streamServer], n(1)))
        add(["alias"], r([.location], n(1)))
        add(["internal"], r([.location], n(0)))
        add(["stub_status"], r([.server, .location], n(0, 1)))
        add(["return"], r([.server, .location], n(1, 2)))
        add(["return"], r([.streamServer], n(1)))
        add(["rewrite"], r([.server, .location], n(2, 3)))
        add(["try_files"], r([.server, .location], .twoOrMore))
        // Upstream balancing.
        add(["least_conn"], r([.upstream, .streamUpstream], n(0)))
        add(["ip_hash"], r([.upstream], n(0)))
        add(["hash"], r([.upstream, .streamUpstream], n(1, 2)))
        add(["random"], r([.upstream, .streamUpstream], n(0, 1, 2)))
        add(["keepalive", "keepalive_requests"], r([.upstream], n(1)))
        add(["zone"], r([.upstream, .streamUpstream], n(1, 2)))
        // Stream.
        add(["upstream"], b([.stream], n(1), opens: .streamUpstream))
        add(["server"], b([.stream], n(0), opens: .streamServer))
        add(["server"], r([.streamUpstream], .oneOrMore))
        add(["listen"], r([.streamServer], .oneOrMore))
        add(["proxy_timeout", "proxy_connect_timeout"], r([.stream, .streamServer], n(1)))
        add(["proxy_next_upstream"], r([.stream, .streamServer], .flag))
        add(["tcp_nodelay"], r([.stream, .streamServer], .flag))
        return t
    }()
}
