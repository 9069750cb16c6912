extension Engine {
    /// Records the configuration a proxy container loaded (at start, at reload) or clears it (nil, when
    /// it stops). Unknown containers are ignored: the caller resolved the name already.
    public mutating func setProxyConfig(_ config: ProxyConfig?, forContainer id: String) {
        guard containers[id] != nil else { return }
        containers[id]?.proxy = config
        if config?.software == .haproxy { views.haproxies.insert(id) } else { views.haproxies.remove(id) }
        // A (re)load starts the balancing and health state afresh (proxy-traffic's `ProxyState`).
        proxyStates[id] = config.map { ProxyState(config: $0, at: clock) }
    }
}

extension Engine {
    /// Replaces a proxy's runtime state after a request moved it (rotation, passive failures).
    public mutating func setProxyState(_ state: ProxyState, forContainer id: String) {
        guard proxyStates[id] != nil else { return }
        proxyStates[id] = state
    }
}
