import CNMSim

/// `docker ps` / `docker container ls` (docker/cli v28.2.2 cli/command/container/list.go).
enum PsCommand {
    static func spec(path typed: String) -> DockerCommandSpec {
        let path = DockerHelp.aliases[typed] ?? typed
        return DockerCommandSpec(
            path: path, useLine: "\(path) [OPTIONS]",
            flags: [.bool("all", "a"), .stringArray("filter", "f", validator: FilterValidation.validate),
                    .string("format"), .int("last", "n", default: -1), .bool("latest", "l"), .bool("no-trunc"),
                    .bool("quiet", "q"), .bool("size", "s")],
            arity: .none)
    }

    static let defaultFormat = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"
    static let headers: [String: String] = [
        "ID": "CONTAINER ID", "Image": "IMAGE", "Command": "COMMAND", "CreatedAt": "CREATED AT",
        "RunningFor": "CREATED", "Ports": "PORTS", "State": "STATE", "Status": "STATUS", "Size": "SIZE",
        "Names": "NAMES", "Labels": "LABELS", "Mounts": "MOUNTS", "LocalVolumes": "LOCAL VOLUMES",
        "Networks": "NETWORKS",
    ]

    static func run(_ args: [String], engine: inout Engine, path: String = "docker ps") throws(CommandError) -> CommandOutput {
        let flags = try spec(path: path).parse(args)
        var filters: [String: [String]] = [:]
        for raw in flags.strings("filter") {
            let (k, v) = FilterValidation.split(raw)
            filters[k, default: []].append(v)
        }
        let list = try select(filters, all: flags.bool("all"), last: flags.bool("latest") ? 1 : flags.int("last"), engine: engine).orDaemonError()
        var format = flags.string("format")
        if flags.bool("quiet") && format.isEmpty { format = "{{.ID}}" }
        let rows = list.map { ContainerSummary.row(for: $0, engine: engine, trunc: !flags.bool("no-trunc")) }
        return DockerFormatter.render(format: format, defaultFormat: defaultFormat, rows: rows, headers: headers)
    }

    /// The containers `GET /containers/json` lists for these filters, newest first (moby v28.2.2 daemon/list.go).
    static func select(_ filters: [String: [String]], all: Bool, last: Int, engine: Engine) -> Result<[Container], EngineError> {
        let accepted: Set<String> = ["id", "name", "status", "network", "ancestor", "label", "exited", "publish", "expose"]
        for k in filters.keys.sorted() where !accepted.contains(k) {
            return .failure(EngineError(.invalidParameter, "invalid filter '\(k)'"))
        }
        var list = engine.allContainers.reversed().filter { all || $0.isRunning || !filters.isEmpty && filters["status"] != nil }
        if !all && filters["status"] == nil { list = list.filter(\.isRunning) }
        let namePatterns = (filters["name"] ?? []).map(FilterPattern.init)
        list = list.filter { c in
            if !namePatterns.isEmpty, !namePatterns.contains(where: { $0.matches(c.name) }) { return false }
            if let v = filters["id"], !v.contains(where: { c.id.hasPrefix($0) }) { return false }
            if let v = filters["status"], !v.contains(c.state.status) { return false }
            if let v = filters["ancestor"], !v.contains(where: { ImageCatalogue.find($0)?.id == c.image.id }) { return false }
            if let v = filters["network"] {
                let names = engine.endpoints(ofContainer: c).compactMap { engine.networks[$0.networkID] }
                if !v.contains(where: { t in names.contains { $0.name == t || $0.id.hasPrefix(t) } }) { return false }
            }
            if let v = filters["exited"] {
                guard case .exited(let code) = c.state, v.contains(String(code)) else { return false }
            }
            return true
        }
        if last >= 0 { list = Array(engine.allContainers.reversed().prefix(last)) }
        return .success(list)
    }
}
