extension Engine {
    /// Records the configuration a proxy container loaded (at start, at reload) or clears it (nil, when
    /// it stops). Unknown containers are ignored: the caller resolved the name already.
    public mutating func setProxyConfig(_ config: ProxyConfig?, forContainer id: String) {
        guard containers[id] != nil else { return }
        containers[id]?.proxy = config
    }
}
