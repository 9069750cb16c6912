import CNMSim

/// The access-log line a simulated web server writes for a request it served, in the container's
/// log (`docker logs`). nginx's official image logs to stdout in the `main` format of its
/// `/etc/nginx/nginx.conf` (`$remote_addr - $remote_user [$time_local] "$request" $status
/// $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"`). Other servers'
/// access logs are not written.
enum AccessLog {
    /// Records one request served by `server` on this machine (a server on another machine keeps its own log).
    static func record(_ ctx: inout ProgramContext, result r: PathResult, server: Container, request: String,
                       status: String, bodyBytes: Int, userAgent: String, site: NetSite, forwardedFor: String? = nil) {
        guard server.image.repository == "nginx", ctx.engine.containers[server.id] != nil else { return }
        if let on = r.servedOn, on != ctx.engine.host.hostname { return }
        let client = clientAddress(r, ctx.engine, site: site)
        let code = status.split(separator: " ").first.map(String.init) ?? status
        let line = "\(client) - - [\(ImageLogs.nginxTimeLocal(ctx.engine.clock))] \"\(request)\" \(code) \(bodyBytes) \"-\" \"\(userAgent)\" \"\(forwardedFor ?? "-")\""
        ctx.engine.appendLog(server.id, [ContainerLogLine(time: ctx.engine.clock, stream: .stdout, text: line)])
    }

    /// The source address the server sees: docker-proxy connects from the gateway of the container's
    /// network; a MASQUERADE rewrites the source; otherwise the address the sender's route chose.
    static func clientAddress(_ r: PathResult, _ engine: Engine, site: NetSite) -> IPv4Address {
        var source: IPv4Address?
        for e in r.events {
            switch e {
            case .route(_, _, _, _, let src) where source == nil: source = src
            case .masquerade(_, let to): source = to
            case .proxy(_, let to, _):
                if let ep = engine.endpoints.values.first(where: { $0.ipv4 == to }), let gw = ep.gateway { source = gw }
            default: break
            }
        }
        if let source { return source }
        switch site {
        case .remote: return KernelView.remoteAddress
        case .container(let id):
            return engine.containers[id].flatMap { engine.endpoints(ofContainer: $0).compactMap(\.ipv4).first } ?? IPv4Address(127, 0, 0, 1)
        default: return engine.host.address
        }
    }
}
