/// A load balancer's configuration as the proxy read it when it started or last reloaded: NGINX's
/// `nginx.conf` (`http { upstream … server … }`, `stream { }`) or HAProxy's `haproxy.cfg` (`frontend`,
/// `backend`, `listen`), reduced to what decides where a request goes. Both parsers produce this one
/// shape so that balancing, health checks, persistence and `why` work the same for either proxy.
///
/// Sources: nginx 1.27 `ngx_http_upstream_module`, `ngx_http_proxy_module`, `ngx_stream_proxy_module`
/// documentation; HAProxy 3.0 configuration manual (sections 4 and 5).
public struct ProxyConfig: Sendable, Hashable {
    public enum Software: String, Sendable, Hashable { case nginx, haproxy }

    public var software: Software
    /// The file it was read from, as the container sees it (`/etc/nginx/nginx.conf`).
    public var path: String
    /// Where the proxy accepts connections, in the order the file declares them.
    public var frontends: [ProxyFrontend]
    /// Server groups: NGINX `upstream` blocks (and one per bare `proxy_pass http://host:port`),
    /// HAProxy `backend` and `listen` sections.
    public var backends: [ProxyBackend]
    /// Whether names are resolved again while running (NGINX `resolver` with a variable in `proxy_pass`,
    /// or `server … resolve`; HAProxy `resolvers`). Without it both resolve upstream names once, at
    /// start and at reload, and keep those addresses.
    public var resolvesAtRuntime: Bool

    public init(software: Software, path: String, frontends: [ProxyFrontend] = [], backends: [ProxyBackend] = [],
                resolvesAtRuntime: Bool = false) {
        self.software = software; self.path = path; self.frontends = frontends; self.backends = backends
        self.resolvesAtRuntime = resolvesAtRuntime
    }

    public func backend(named name: String) -> ProxyBackend? { backends.first { $0.name == name } }
}

/// HTTP or plain TCP: NGINX `http { }` versus `stream { }`, HAProxy `mode http|tcp`.
public enum ProxyMode: String, Sendable, Hashable { case http, tcp }

/// One listening socket of the proxy and the backend it sends to.
public struct ProxyFrontend: Sendable, Hashable {
    /// HAProxy's frontend or listen name; for NGINX `server` blocks, `server:<port>`.
    public var name: String
    /// The bind address as written (`nil`: every address, `*`, `0.0.0.0`).
    public var bindAddress: String?
    public var port: Int
    public var mode: ProxyMode
    /// Set when the socket terminates TLS (`listen 443 ssl` + `ssl_certificate`, `bind :443 ssl crt …`).
    public var tls: ProxyTLS?
    /// The backend's name in `ProxyConfig.backends`; nil when the frontend serves files itself (an NGINX
    /// `server` whose location has no `proxy_pass`).
    public var backend: String?
    /// Whether the proxy adds `X-Forwarded-For` (`proxy_set_header X-Forwarded-For …`, `option forwardfor`).
    public var forwardedFor: Bool

    public init(name: String, bindAddress: String? = nil, port: Int, mode: ProxyMode = .http, tls: ProxyTLS? = nil,
                backend: String?, forwardedFor: Bool = false) {
        self.name = name; self.bindAddress = bindAddress; self.port = port; self.mode = mode; self.tls = tls
        self.backend = backend; self.forwardedFor = forwardedFor
    }
}

/// TLS termination: the certificate file the proxy loaded (a simulated certificate).
public struct ProxyTLS: Sendable, Hashable {
    public var certificatePath: String
    public var keyPath: String?
    public init(certificatePath: String, keyPath: String? = nil) {
        self.certificatePath = certificatePath; self.keyPath = keyPath
    }
}

/// A group of servers and how the proxy chooses among them.
public struct ProxyBackend: Sendable, Hashable {
    public enum Algorithm: Sendable, Hashable {
        /// Weighted round robin (NGINX's default, HAProxy `balance roundrobin`).
        case roundRobin
        /// Fewest active connections (`least_conn`, `balance leastconn`).
        case leastConnections
        /// By the client's address (`ip_hash`, `hash $remote_addr`, `balance source`).
        case source
        /// By the request's URI (`hash $request_uri`, `balance uri`).
        case uri
        /// `hash KEY` with another key, kept as written.
        case hash(String)
        /// NGINX `random` (a server drawn by weight), `random two [least_conn]` (two drawn, the one with
        /// fewer connections for its weight taken).
        case random(two: Bool)
    }

    public var name: String
    public var mode: ProxyMode
    public var algorithm: Algorithm
    public var servers: [ProxyServer]
    /// HAProxy `cookie NAME insert indirect nocache`: persistence by a cookie the proxy sets.
    public var cookie: ProxyCookie?
    /// HAProxy `option httpchk [METHOD URI]` (nil: a TCP connect check); ignored by NGINX OSS, whose
    /// checks are passive (`max_fails`/`fail_timeout`).
    public var httpCheck: String?

    public init(name: String, mode: ProxyMode = .http, algorithm: Algorithm = .roundRobin, servers: [ProxyServer] = [],
                cookie: ProxyCookie? = nil, httpCheck: String? = nil) {
        self.name = name; self.mode = mode; self.algorithm = algorithm; self.servers = servers
        self.cookie = cookie; self.httpCheck = httpCheck
    }
}

/// One upstream server.
public struct ProxyServer: Sendable, Hashable {
    /// HAProxy's server name; for NGINX, the address as written (`web1:80`), as its logs name it.
    public var name: String
    /// The host as written: a name the proxy resolves, or an address.
    public var host: String
    /// The port to connect to; 0 for HAProxy's `server NAME host` without a port, which connects to the
    /// port the client connected to (haproxy v3.0.0 `src/server.c`, `SRV_F_MAPPORTS`).
    public var port: Int
    /// What `host` resolved to when the proxy (re)loaded; nil while unresolved (runtime resolution).
    public var address: IPv4Address?
    public var weight: Int
    public var backup: Bool
    /// HAProxy active health checks (`check [inter] [rise] [fall]`); nil: never checked, always up.
    public var check: ProxyHealthCheck?
    /// NGINX passive checks: `max_fails` failures within `fail_timeout` seconds mark it unavailable
    /// for `fail_timeout` seconds (defaults 1 and 10).
    public var maxFails: Int
    public var failTimeoutSeconds: Int
    /// HAProxy `cookie VALUE` on the server line (persistence).
    public var cookie: String?

    public init(name: String, host: String, port: Int, address: IPv4Address? = nil, weight: Int = 1, backup: Bool = false,
                check: ProxyHealthCheck? = nil, maxFails: Int = 1, failTimeoutSeconds: Int = 10, cookie: String? = nil) {
        self.name = name; self.host = host; self.port = port; self.address = address; self.weight = weight
        self.backup = backup; self.check = check; self.maxFails = maxFails; self.failTimeoutSeconds = failTimeoutSeconds
        self.cookie = cookie
    }
}

/// HAProxy's active check timing: every `inter`, `fall` failures in a row mark the server DOWN and
/// `rise` successes mark it UP again (defaults 2000 ms, 2, 3).
public struct ProxyHealthCheck: Sendable, Hashable {
    public var intervalMilliseconds: Int
    public var rise: Int
    public var fall: Int
    public init(intervalMilliseconds: Int = 2000, rise: Int = 2, fall: Int = 3) {
        self.intervalMilliseconds = intervalMilliseconds; self.rise = rise; self.fall = fall
    }
}

/// HAProxy `cookie NAME insert [indirect] [nocache]`.
public struct ProxyCookie: Sendable, Hashable {
    public var name: String
    public var insert: Bool
    public var indirect: Bool
    public var nocache: Bool
    /// `cookie … path /`: the `; path=` attribute HAProxy adds to the cookie it inserts (none without it;
    /// haproxy v3.0.0 src/http_ana.c `http_process_res_common`). Added by proxy-traffic.
    public var path: String?
    public init(name: String, insert: Bool = true, indirect: Bool = false, nocache: Bool = false, path: String? = nil) {
        self.name = name; self.insert = insert; self.indirect = indirect; self.nocache = nocache; self.path = path
    }
}
