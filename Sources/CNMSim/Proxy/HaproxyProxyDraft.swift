/// One `frontend`, `backend`, `listen` or `defaults` section of `haproxy.cfg` as read so far: what
/// decides where requests go (binds, backends named, balance, servers, cookie, checks, forwardfor),
/// with the values a `defaults` section passes on to the sections after it.
///
/// Source: haproxy v3.0.0 `src/cfgparse-listen.c` (`cfg_parse_listen`: a new proxy starts as a copy
/// of the last `defaults`), `src/proxy.c` (`proxy_cfg_ensure_no_http`, capabilities).
struct HaproxyProxyDraft {
    enum Kind: String { case defaults, frontend, backend, listen }

    struct Bind { var address: String?; var port: Int; var certificate: String? }

    struct Server {
        var name: String
        var host: String
        var port: Int
        var file: String
        var line: Int
        var weight = 1
        var backup = false
        var check = false
        var inter = 2000
        var rise = 2
        var fall = 3
        var cookie: String?
        /// `init-addr` includes `none`, or `resolvers` is set: an unresolved name does not stop the start.
        var mayStayUnresolved = false
        var runtime = false
    }

    var kind: Kind
    var name: String
    /// Where the section starts (HAProxy's `conf.file` / `conf.line`, named by its mode errors).
    var file = ""
    var line = 0
    var mode: ProxyMode = .tcp
    var binds: [Bind] = []
    var defaultBackend: (name: String, line: Int)?
    var useBackends: [(name: String, line: Int)] = []
    var algorithm: ProxyBackend.Algorithm = .roundRobin
    var servers: [Server] = []
    var cookie: ProxyCookie?
    var httpCheck: String?
    var forwardedFor = false
    /// `default-server` settings applied to later `server` lines of this section.
    var defaultServer: Server?
    /// The `timeout` kinds set to a non-zero value (`client`, `connect`, `server`, `tunnel`…).
    var timeouts: Set<String> = []

    var isFrontend: Bool { kind == .frontend || kind == .listen }
    var isBackend: Bool { kind == .backend || kind == .listen }
    /// `proxy_type_str`: `frontend`, `backend`, or `proxy` for a `listen` section.
    var typeName: String { kind == .listen ? "proxy" : kind.rawValue }

    /// A new section that inherits what `defaults` set.
    init(kind: Kind, name: String, defaults: HaproxyProxyDraft?) {
        self.kind = kind; self.name = name
        if let d = defaults {
            mode = d.mode; algorithm = d.algorithm; cookie = d.cookie; httpCheck = d.httpCheck
            forwardedFor = d.forwardedFor; defaultServer = d.defaultServer; timeouts = d.timeouts
            if kind == .frontend || kind == .listen { defaultBackend = d.defaultBackend }
        }
    }
}
