import CNMSim

/// `docker service ls` (docker/cli v28.2.2 cli/command/service/list.go, formatter.go):
/// the services sorted by name, with REPLICAS `running/desired` from the
/// daemon's service status (left out with `-q`, which then shows `0/0`).
enum ServiceLsCommand {
    static let spec = DockerCommandSpec(
        path: "docker service ls", useLine: "docker service ls [OPTIONS]",
        flags: [.bool("quiet", "q"), .string("format"), .stringArray("filter", "f", validator: FilterValidation.validate)],
        arity: .none)

    static let format = SwarmListFormat(
        table: "table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}",
        raw: #"id: {{.ID}}\nname: {{.Name}}\nmode: {{.Mode}}\nreplicas: {{.Replicas}}\nimage: {{.Image}}\nports: {{.Ports}}\n"#,
        rawQuiet: "id: {{.ID}}",
        headers: ["ID": "ID", "Name": "NAME", "Mode": "MODE", "Replicas": "REPLICAS", "Image": "IMAGE", "Ports": "PORTS"])

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        let store = try SwarmLookup.managerStore(engine).orDaemonError()
        let filters = try SwarmFilterArgs.parse(flags.strings("filter"), accepted: ["name", "id", "label", "mode", "runtime"]).orDaemonError()
        let quiet = flags.bool("quiet")
        let selected = store.services.filter { matches($0, filters) }.sorted { NaturalOrder.less($0.name, $1.name) }
        let rows = selected.map { row(for: $0, in: store, withStatus: !quiet) }
        return format.render(flags.string("format"), quiet: quiet, rows: rows)
    }

    /// The daemon's service filters: name and ID prefixes, labels (services have none here),
    /// mode (`replicated`), runtime (`container`).
    static func matches(_ s: SwarmService, _ f: SwarmFilterArgs) -> Bool {
        guard f.matchesPrefix("name", s.name), f.matchesPrefix("id", s.id) else { return false }
        if f.contains("label") { return false }
        if f.contains("mode"), !f["mode"].contains("replicated") { return false }
        if f.contains("runtime"), !f["runtime"].contains("container") { return false }
        return true
    }

    /// docker's `serviceContext`; fields in JSON (sorted) order.
    static func row(for s: SwarmService, in store: Swarm, withStatus: Bool) -> TemplateValue {
        let running = withStatus ? SwarmLookup.runningTasks(of: s, in: store).count : 0
        let desired = withStatus ? s.replicas : 0
        return .object([
            ("ID", .string(String(s.id.prefix(12)))),
            ("Image", .string(s.imageReference)),
            ("Mode", .string("replicated")),
            ("Name", .string(s.name)),
            ("Ports", .string(ports(s.ports))),
            ("Replicas", .string("\(running)/\(desired)")),
        ], type: "*service.serviceContext")
    }

    /// `serviceContext.Ports`: ingress ports sorted by protocol then published port,
    /// consecutive ones grouped into ranges (`*:8080-8081->80-81/tcp`).
    static func ports(_ list: [SwarmService.PublishedPort]) -> String {
        let sorted = list.sorted { a, b in a.proto == b.proto ? a.published < b.published : a.proto < b.proto }
        var out: [String] = []
        var range: (pStart: UInt32, pEnd: UInt32, tStart: UInt32, tEnd: UInt32, proto: String) = (0, 0, 0, 0, "")
        func text(_ r: (pStart: UInt32, pEnd: UInt32, tStart: UInt32, tEnd: UInt32, proto: String)) -> String {
            let pub = r.pEnd > r.pStart ? "\(r.pStart)-\(r.pEnd)" : "\(r.pStart)"
            let tgt = r.tEnd > r.tStart ? "\(r.tStart)-\(r.tEnd)" : "\(r.tStart)"
            return "*:\(pub)->\(tgt)/\(r.proto)"
        }
        for p in sorted {
            let published = UInt32(clamping: p.published), target = UInt32(clamping: p.target)
            let isRange = range.tEnd != range.tStart
            let overlaps = target <= range.tEnd
            // uint32 arithmetic, as Go does: a smaller port wraps around and starts a new range.
            if p.proto != range.proto || published &- range.pEnd > 1 || target &- range.tEnd > 1 || (isRange && overlaps) {
                if range.pStart > 0 { out.append(text(range)) }
                range = (published, published, target, target, p.proto)
                continue
            }
            range.pEnd = published
            range.tEnd = target
        }
        if range.pStart > 0 { out.append(text(range)) }
        return out.joined(separator: ", ")
    }
}
