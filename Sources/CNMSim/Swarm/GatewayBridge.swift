/// `docker_gwbridge` (libnetwork `default_gateway.go`): a container whose
/// endpoints give it no default gateway — only overlay networks — gets one
/// more endpoint, `gateway_<sandbox id12>`, on this local bridge, which
/// carries its traffic to the outside world (and its published ports).
enum GatewayBridge {
    static func needsGateway(_ c: Container, engine: Engine) -> Bool {
        let eps = engine.endpoints(ofContainer: c)
        guard eps.contains(where: { engine.networks[$0.networkID]?.isSwarmScoped == true }) else { return false }
        for ep in eps {
            guard let n = engine.networks[ep.networkID] else { continue }
            if n.name == OverlayDriver.gatewayBridgeName { return false }
            if !n.networkDriver.givesInterface || n.isInternal { continue }
            if ep.gateway != nil { return false }
        }
        return true
    }

    /// Joins docker_gwbridge when the container needs it; Docker's error otherwise.
    static func joinIfNeeded(containerID: String, engine: inout Engine) -> EngineError? {
        guard let c = engine.containers[containerID], needsGateway(c, engine: engine) else { return nil }
        guard let gw = engine.ensureGatewayBridge() else {
            return EngineError(.system, "error creating external connectivity network: all predefined address pools have been fully subnetted")
        }
        if case .failure(let e) = engine.join(containerID: containerID, network: gw, attachment: NetworkAttachment(network: gw.name),
                                            defaultGateway: true) {
            return EngineError(e.kind, "container \(containerID): endpoint create on GW Network failed: \(e.message)")
        }
        return nil
    }
}
