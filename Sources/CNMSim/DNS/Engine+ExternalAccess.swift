extension Engine {
    /// Whether a running container has a way out of the host: an endpoint on a
    /// non-internal bridge-like network that gives it a gateway (moby
    /// `Sandbox.hasExternalAccess`). Host-mode containers share the host's stack
    /// and always have one.
    ///
    /// The embedded DNS server forwards host-namespace upstream queries only
    /// when this holds (`TestInternalNetworkDNS`); clients need it to reach any
    /// off-host DNS server. The packet-path evaluator may later replace the body.
    public func hasExternalAccess(containerID: String) -> Bool {
        guard let c = containers[containerID], c.isRunning else { return false }
        if c.sharesHostNetwork { return true }
        for ep in endpoints(ofContainer: c) {
            guard let n = networks[ep.networkID] else { continue }
            if n.isInternal || !n.networkDriver.givesInterface { continue }
            if ep.gateway != nil && ep.ipv4 != nil { return true }
            // ipvlan l3: no gateway, but the device default route counts (`hasGatewayOrDefaultRoute`).
            if n.networkDriver.givesDeviceDefaultRoute(n) && ep.ipv4 != nil { return true }
        }
        return false
    }

    /// A running container's endpoints in libnetwork's sandbox order
    /// (`Endpoint.Less`): higher gw-priority first, non-internal before
    /// internal, with a gateway before without, then network name ascending.
    /// The embedded DNS scans endpoints in this order.
    public func endpointsInSandboxOrder(of c: Container) -> [Endpoint] {
        let eps = endpoints(ofContainer: c)
        func key(_ ep: Endpoint) -> (Int, Int, Int, String) {
            let n = networks[ep.networkID]
            let priority = c.attachments.first { $0.networkID == ep.networkID }?.gwPriority ?? 0
            return (-priority, (n?.isInternal ?? false) ? 1 : 0, ep.gateway == nil ? 1 : 0, n?.name ?? "")
        }
        return eps.sorted { a, b in
            let ka = key(a), kb = key(b)
            if ka.0 != kb.0 { return ka.0 < kb.0 }
            if ka.1 != kb.1 { return ka.1 < kb.1 }
            if ka.2 != kb.2 { return ka.2 < kb.2 }
            return ka.3 < kb.3
        }
    }
}
