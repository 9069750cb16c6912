import CNMSim

/// `docker node ls` (docker/cli v28.2.2 cli/command/node/list.go, formatter.go): the
/// nodes sorted by hostname, full IDs with ` *` after the node the command
/// runs on, STATUS `Ready`/`Down`, AVAILABILITY `Active`, MANAGER STATUS
/// `Leader`/`Reachable`/`Unreachable`, ENGINE VERSION 28.2.2.
enum NodeLsCommand {
    static let spec = DockerCommandSpec(
        path: "docker node ls", useLine: "docker node ls [OPTIONS]",
        flags: [.bool("quiet", "q"), .string("format"), .stringArray("filter", "f", validator: FilterValidation.validate)],
        arity: .none)

    static let engineVersion = "28.2.2"

    static let format = SwarmListFormat(
        table: "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}",
        raw: #"node_id: {{.ID}}\nhostname: {{.Hostname}}\nstatus: {{.Status}}\navailability: {{.Availability}}\nmanager_status: {{.ManagerStatus}}\n"#,
        rawQuiet: "node_id: {{.ID}}",
        headers: ["ID": "ID", "Self": "", "Hostname": "HOSTNAME", "Status": "STATUS", "Availability": "AVAILABILITY",
                  "ManagerStatus": "MANAGER STATUS", "EngineVersion": "ENGINE VERSION", "TLSStatus": "TLS STATUS"])

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        let store = try SwarmLookup.managerStore(engine).orDaemonError()
        let filters = try SwarmFilterArgs.parse(flags.strings("filter"), accepted: ["name", "id", "label", "role", "membership", "node.label"]).orDaemonError()
        for r in filters["role"] where !r.isEmpty && r.lowercased() != "manager" && r.lowercased() != "worker" {
            throw .daemon(EngineError(.invalidParameter, "Invalid role filter: '\(r)'"))
        }
        for m in filters["membership"] where !m.isEmpty && m.lowercased() != "accepted" && m.lowercased() != "pending" {
            throw .daemon(EngineError(.invalidParameter, "Invalid membership filter: '\(m)'"))
        }
        let quiet = flags.bool("quiet")
        let selected = store.nodes.filter { matches($0, filters) }.sorted { NaturalOrder.less($0.hostname, $1.hostname) }
        // The CLI asks /info (for `Self` and TLS status) only when it prints more than IDs.
        let selfID = quiet || selected.isEmpty ? nil : engine.swarmNode?.id
        let rows = selected.map { row(for: $0, in: store, selfID: selfID, infoKnown: selfID != nil) }
        return format.render(flags.string("format"), quiet: quiet, rows: rows)
    }

    /// The daemon's node filters: hostname and ID prefixes, role, membership (all accepted),
    /// labels (nodes have none here).
    static func matches(_ n: SwarmNode, _ f: SwarmFilterArgs) -> Bool {
        guard f.matchesPrefix("name", n.hostname), f.matchesPrefix("id", n.id) else { return false }
        if f.contains("label") || f.contains("node.label") { return false }
        if f.contains("role"), !f["role"].contains(where: { $0.lowercased() == n.role.rawValue }) { return false }
        if f.contains("membership"), !f["membership"].contains(where: { $0.lowercased() == "accepted" }) { return false }
        return true
    }

    /// docker's `nodeContext`; fields in JSON (sorted) order.
    static func row(for n: SwarmNode, in store: Swarm, selfID: String?, infoKnown: Bool) -> TemplateValue {
        .object([
            ("Availability", .string("Active")),
            ("EngineVersion", .string(engineVersion)),
            ("Hostname", .string(n.hostname)),
            ("ID", .string(n.id)),
            ("ManagerStatus", .string(managerStatus(n, in: store))),
            ("Self", .bool(n.id == selfID)),
            ("Status", .string(store.isDown(n.id) ? "Down" : "Ready")),
            ("TLSStatus", .string(infoKnown ? "Ready" : "Unknown")),
        ], type: "*node.nodeContext")
    }

    /// `Leader`, `Reachable` (`Unreachable` when the manager is down) or empty for workers.
    static func managerStatus(_ n: SwarmNode, in store: Swarm) -> String {
        guard n.role == .manager else { return "" }
        if n.leader { return "Leader" }
        return store.isDown(n.id) ? "Unreachable" : "Reachable"
    }
}
