import CNMSim

/// How `docker service ps` and `docker node ps` print tasks (docker/cli
/// cli/command/task/print.go, formatter.go): sorted by name (`web.1`, natural
/// order), names and nodes resolved unless `--no-resolve`, IDs cut to 12
/// characters unless `--no-trunc` or `-q`.
enum SwarmTaskTable {
    static let format = SwarmListFormat(
        table: "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}",
        raw: #"id: {{.ID}}\nname: {{.Name}}\nimage: {{.Image}}\nnode: {{.Node}}\ndesired_state: {{.DesiredState}}\ncurrent_state: {{.CurrentState}}\nerror: {{.Error}}\nports: {{.Ports}}\n"#,
        rawQuiet: "id: {{.ID}}",
        headers: ["ID": "ID", "Name": "NAME", "Image": "IMAGE", "Node": "NODE", "DesiredState": "DESIRED STATE",
                  "CurrentState": "CURRENT STATE", "Error": "ERROR", "Ports": "PORTS"])

    /// The task filters the daemon accepts (moby v28.2.2 daemon/cluster/filters.go `newListTasksFilters`).
    static let acceptedFilters: Set<String> = ["name", "id", "label", "service", "node", "desired-state", "_up-to-date", "runtime"]

    /// swarmkit's task states, for checking `desired-state` values.
    static let taskStates: Set<String> = ["new", "pending", "assigned", "accepted", "preparing", "ready", "starting",
                                          "running", "complete", "shutdown", "failed", "rejected", "remove", "orphaned"]

    /// The daemon's task listing (moby `GetTasks`): `node` filters resolved to IDs, then
    /// name/ID prefixes, services, nodes, desired state, runtime. Errors are the daemon's.
    static func list(_ store: Swarm, filters: SwarmFilterArgs, serviceIDs: [String]?) -> Result<[SwarmTask], EngineError> {
        var nodeIDs: [String]? = nil
        if filters.contains("node") {
            var ids: [String] = []
            for term in filters["node"] {
                switch SwarmLookup.node(term, in: store) {
                case .failure(let e): return .failure(e)
                case .success(let n): ids.append(n.id)
                }
            }
            nodeIDs = ids
        }
        for s in filters["desired-state"] where !s.isEmpty && !taskStates.contains(s.lowercased()) {
            return .failure(EngineError(.invalidParameter, "Invalid desired-state filter: '\(s)'"))
        }
        let tasks = store.tasks.filter { t in
            guard t.running, let svc = store.services.first(where: { $0.id == t.serviceID }) else { return false }
            if let ids = serviceIDs, !ids.contains(t.serviceID) { return false }
            if let ids = nodeIDs, !ids.contains(t.nodeID) { return false }
            guard filters.matchesPrefix("name", "\(svc.name).\(t.slot).\(t.id)"), filters.matchesPrefix("id", t.id) else { return false }
            if filters.contains("label") { return false }
            if filters.contains("desired-state"), !filters["desired-state"].contains(where: { $0.lowercased() == "running" }) { return false }
            if filters.contains("runtime"), !filters["runtime"].contains(where: { $0 == "container" || $0.isEmpty }) { return false }
            return true
        }
        return .success(tasks)
    }

    /// `task.Print`: the tasks as rows, rendered with the user's format.
    static func print(_ tasks: [SwarmTask], store: Swarm, now: SimTime, format given: String,
                      quiet: Bool, noTrunc: Bool, noResolve: Bool) -> CommandOutput {
        let trunc = !(noTrunc || quiet)
        let named: [(task: SwarmTask, name: String)] = tasks.map { t in
            let service = noResolve ? t.serviceID : (store.services.first { $0.id == t.serviceID }?.name ?? t.serviceID)
            return (t, "\(service).\(t.slot)")
        }
        let sorted = named.sorted { a, b in
            if a.name != b.name { return NaturalOrder.less(a.name, b.name) }
            return b.task.created < a.task.created
        }
        let isTable = TemplateFormat(format.resolve(given, quiet: quiet)).isTable
        var previous = ""
        var rows: [TemplateValue] = []
        for item in sorted {
            let shown = item.name == previous && isTable ? #" \_ "# + item.name : item.name
            previous = item.name
            rows.append(row(item.task, name: shown, store: store, now: now, trunc: trunc, noResolve: noResolve))
        }
        return format.render(given, quiet: quiet, rows: rows)
    }

    /// docker's `taskContext`; fields in JSON (sorted) order.
    static func row(_ t: SwarmTask, name: String, store: Swarm, now: SimTime, trunc: Bool, noResolve: Bool) -> TemplateValue {
        let image = store.services.first { $0.id == t.serviceID }?.imageReference ?? ""
        let node = noResolve ? t.nodeID : (store.node(t.nodeID)?.hostname ?? t.nodeID)
        let age = ContainerSummary.humanDuration(seconds: now.seconds(since: t.created)).lowercased()
        return .object([
            ("CurrentState", .string("Running \(age) ago")),
            ("DesiredState", .string("Running")),
            ("Error", .string("")),
            ("ID", .string(trunc ? String(t.id.prefix(12)) : t.id)),
            ("Image", .string(image)),
            ("Name", .string(name)),
            ("Node", .string(node)),
            ("Ports", .string("")),
        ], type: "*task.taskContext")
    }
}
