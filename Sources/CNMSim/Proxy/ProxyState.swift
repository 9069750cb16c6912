/// What a running proxy remembers between requests, beside the configuration it loaded: where each
/// backend's round robin stands, each server's health (HAProxy's active checks, NGINX's passive
/// failure count), and NGINX's connection counter (the `*N` of its error log). Created when the
/// proxy loads a configuration (`Engine.setProxyConfig`) and dropped with it, so a reload starts
/// afresh as the real proxies do. Everything here is deterministic: no clock, no randomness.
public struct ProxyState: Sendable, Hashable {
    /// When the configuration was loaded: HAProxy's checks tick every `inter` from here.
    public var loadedAt: SimTime
    /// The time up to which HAProxy's checks have been run (`Engine.runProxyHealthChecks`).
    public var checkedUntil: SimTime
    /// Per backend name, per server (index in `ProxyBackend.servers`).
    public var backends: [String: ProxyBackendState]
    /// NGINX's connection number, one per accepted client connection.
    public var connections: Int

    public init(config: ProxyConfig, at time: SimTime) {
        loadedAt = time
        checkedUntil = time
        connections = 0
        var b: [String: ProxyBackendState] = [:]
        for backend in config.backends {
            b[backend.name] = ProxyBackendState(servers: Array(repeating: ProxyServerState(), count: backend.servers.count))
        }
        backends = b
    }
}

/// A backend's rotation: the smooth weighted round robin's current weights (nginx
/// `ngx_http_upstream_get_peer`), one per server.
public struct ProxyBackendState: Sendable, Hashable {
    public var currentWeights: [Int]
    public var servers: [ProxyServerState]
    public init(servers: [ProxyServerState]) {
        self.servers = servers
        currentWeights = Array(repeating: 0, count: servers.count)
    }
}

/// One server's health as the proxy sees it.
public struct ProxyServerState: Sendable, Hashable {
    /// HAProxy: UP or DOWN after its checks (servers start UP, as HAProxy's do).
    public var up = true
    /// HAProxy: checks in a row that went against the current state (toward `fall` or `rise`).
    public var streak = 0
    /// NGINX: failed attempts since `failWindowStart` (counted toward `max_fails`).
    public var failures = 0
    public var failWindowStart: SimTime?
    /// NGINX: unavailable until then after `max_fails` failures (`fail_timeout`).
    public var disabledUntil: SimTime?
    /// Connections open now. Requests are served one at a time here, so this is 0 between commands.
    public var active = 0
    public init() {}
}
