/// Carries one DNS query from where a program runs to a server address and
/// back: the part of a client's `sendto`/`recv` that depends on routes and on
/// who listens.
///
/// From a container: 127.0.0.11 is the embedded server when it runs there;
/// other loopback addresses have no listener; off-host servers need a way out
/// (`Engine.hasExternalAccess`), else the kernel has no route. From the host:
/// the LAN and the internet are reachable, and no DNS server listens on its
/// loopback.
public enum DNSTransport {
    /// Sends one query to `server` from the container `containerID`, or from the host when nil.
    public static func exchange(_ name: String, type: DNSQueryType, server: IPv4Address, from containerID: String?,
                                engine: inout Engine) -> DNSServerReply {
        guard let id = containerID, let c = engine.containers[id], !c.sharesHostNetwork else {
            if server.isLoopback { return .connectionRefused }
            guard let answer = ExternalDNSZone.answer(name, type: type, server: server, names: engine.outsideNames, at: engine.clock) else { return .timeout }
            return DNSTraffic.carry(name, response: answer, to: server, from: .host, engine: &engine).map(DNSServerReply.response) ?? .timeout
        }
        guard c.isRunning else { return .networkUnreachable }
        if server == EmbeddedDNS.address {
            guard EmbeddedDNS.isRunning(in: c, engine: engine) else { return .connectionRefused }
            return .response(EmbeddedDNS.query(name, type: type, from: id, engine: &engine))
        }
        if server.isLoopback { return .connectionRefused }
        if engine.hasExternalAccess(containerID: id) {
            guard let answer = ExternalDNSZone.answer(name, type: type, server: server, names: engine.outsideNames, at: engine.clock) else { return .timeout }
            return DNSTraffic.carry(name, response: answer, to: server, from: .container(id), engine: &engine)
                .map(DNSServerReply.response) ?? .timeout
        }
        let onLink = engine.endpoints(ofContainer: c).contains { ep in
            guard let ip = ep.ipv4, ep.prefixLength > 0 else { return false }
            return IPv4Subnet(address: ip, prefixLength: ep.prefixLength).contains(server)
        }
        return onLink ? .timeout : .networkUnreachable
    }
}
