import CNMSim

/// What `GET /containers/json` gives for one container and how docker/cli's
/// formatter renders it (cli/command/formatter/container.go).
enum ContainerSummary {
    struct Port: Equatable {
        var ip: String
        var privatePort: Int
        var publicPort: Int
        var type: String
    }

    /// One entry per binding, plus an IP-less one per exposed port without bindings (moby v28.2.2 container/view.go).
    static func ports(of c: Container) -> [Port] {
        // Host-mode containers have no port map (moby v28.2.2 container/view.go reads NetworkSettings.Ports).
        guard c.isRunning, !c.sharesHostNetwork else { return [] }
        var out: [Port] = []
        for port in c.exposedPorts {
            let bound = c.portMappings.filter { $0.containerPort == port }
            if bound.isEmpty {
                out.append(Port(ip: "", privatePort: port.port, publicPort: 0, type: port.proto))
            } else {
                out += bound.map { Port(ip: $0.hostIP, privatePort: port.port, publicPort: $0.hostPort, type: port.proto) }
            }
        }
        return out
    }

    static func joinHostPort(_ host: String, _ port: String) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// docker/cli v28.2.2 `DisplayablePorts`.
    static func displayablePorts(_ input: [Port]) -> String {
        let ports = input.sorted { a, b in
            if a.privatePort != b.privatePort { return a.privatePort < b.privatePort }
            if a.ip != b.ip { return a.ip < b.ip }
            if a.publicPort != b.publicPort { return a.publicPort < b.publicPort }
            return a.type < b.type
        }
        var groups: [String: (first: Int, last: Int)] = [:]
        var keys: [String] = []
        var result: [String] = []
        var hostMappings: [String] = []
        func form(_ key: String, _ first: Int, _ last: Int) -> String {
            let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            var type = parts[0]
            var ip = ""
            if parts.count > 1 { ip = parts[0]; type = parts[1] }
            var group = String(first)
            if first != last { group += "-\(last)" }
            if !ip.isEmpty { group = "\(joinHostPort(ip, group))->\(group)" }
            return group + "/" + type
        }
        for p in ports {
            var key = p.type
            if !p.ip.isEmpty {
                if p.publicPort != p.privatePort {
                    hostMappings.append("\(joinHostPort(p.ip, String(p.publicPort)))->\(p.privatePort)/\(p.type)")
                    continue
                }
                key = p.ip + "/" + p.type
            }
            guard let g = groups[key] else {
                groups[key] = (p.privatePort, p.privatePort)
                keys.append(key)
                continue
            }
            if p.privatePort == g.last + 1 { groups[key] = (g.first, p.privatePort); continue }
            result.append(form(key, g.first, g.last))
            groups[key] = (p.privatePort, p.privatePort)
        }
        for key in keys { if let g = groups[key] { result.append(form(key, g.first, g.last)) } }
        return (result + hostMappings).joined(separator: ", ")
    }

    /// go-units `HumanDuration`.
    static func humanDuration(seconds: Int64) -> String {
        if seconds < 1 { return "Less than a second" }
        if seconds == 1 { return "1 second" }
        if seconds < 60 { return "\(seconds) seconds" }
        let minutes = seconds / 60
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        let hours = (seconds + 1800) / 3600
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
        if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
        if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
        return "\(seconds / 3600 / 24 / 365) years"
    }

    /// moby `State.String()`: `Up 5 seconds`, `Exited (0) 3 seconds ago`, `Created`.
    static func status(of c: Container, now: SimTime) -> String {
        switch c.state {
        case .created: return "Created"
        case .running: return "Up " + humanDuration(seconds: now.seconds(since: c.startedAt ?? c.created))
        case .exited(let code):
            return "Exited (\(code)) " + humanDuration(seconds: now.seconds(since: c.finishedAt ?? c.created)) + " ago"
        }
    }

    /// docker/cli v28.2.2 `Ellipsis`: cut to `max` display columns with a trailing `…`.
    static func ellipsis(_ s: String, _ max: Int) -> String {
        let chars = Array(s)
        if chars.count <= max { return s }
        return String(chars.prefix(max - 1)) + "…"
    }

    /// The row object `docker ps` templates see; JSON (sorted) field order.
    static func row(for c: Container, engine: Engine, trunc: Bool) -> TemplateValue {
        let command = trunc ? ellipsis(c.commandLine, 20) : c.commandLine
        let networks = c.isRunning ? engine.endpoints(ofContainer: c).compactMap { engine.networks[$0.networkID]?.name }
            : c.attachments.map(\.network)
        let labels = c.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let labelMap = c.labels
        let createdSeconds = c.created.nanoseconds / 1_000_000_000
        return .object([
            ("Command", .string(GoQuote.quote(command))),
            ("CreatedAt", .string(SimTime(nanoseconds: createdSeconds * 1_000_000_000).goString)),
            ("ID", .string(trunc ? c.shortID : c.id)),
            ("Image", .string(c.imageReference)),
            ("Labels", .string(labels)),
            ("LocalVolumes", .string("0")),
            ("Mounts", .string("")),
            ("Names", .string(c.name)),
            ("Networks", .string(networks.joined(separator: ","))),
            ("Ports", .string(engine.portMapIsEmptyForChildDrivers(c) ? "" : displayablePorts(ports(of: c)))),
            ("RunningFor", .string(humanDuration(seconds: engine.clock.seconds(since: c.created)) + " ago")),
            ("Size", .string("0B")),
            ("State", .string(c.state.status)),
            ("Status", .string(status(of: c, now: engine.clock))),
        ], type: "*formatter.ContainerContext", methods: [
            "Label": TemplateMethod(parameters: [.string]) { args in
                guard case .string(let key)? = args.first else { return .string("") }
                return .string(labelMap[key] ?? "")
            },
        ])
    }
}
