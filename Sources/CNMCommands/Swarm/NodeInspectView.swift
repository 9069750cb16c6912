import CNMSim

/// The value `docker node inspect` works on: API 1.50 `swarm.Node` (moby
/// api/types/swarm/node.go, converted by daemon/cluster/convert/node.go).
/// What the simulation knows — ID, times, spec, hostname, engine version,
/// status and manager status — is filled in; the raft version, platform,
/// resources, plugins and TLS certificate are `SwarmUnknownValue`s.
enum NodeInspectView {
    static func value(for n: SwarmNode, in store: Swarm) -> TemplateValue {
        let unknown = SwarmUnknownValue.value
        var fields: [TemplateField] = [
            TemplateField("ID", .string(n.id)),
            TemplateField("Version", unknown),
            TemplateField("CreatedAt", .time(n.created.nanoseconds)),
            TemplateField("UpdatedAt", .time(n.updated.nanoseconds)),
            TemplateField("Spec", .structure(TemplateStruct(typeName: "swarm.NodeSpec", fields: [
                TemplateField("Name", .string(""), omitEmpty: true),
                TemplateField("Labels", .stringMap([:])),
                TemplateField("Role", .string(n.role.rawValue), omitEmpty: true),
                TemplateField("Availability", .string("active"), omitEmpty: true),
            ]))),
            TemplateField("Description", .structure(TemplateStruct(typeName: "swarm.NodeDescription", fields: [
                TemplateField("Hostname", .string(n.hostname), omitEmpty: true),
                TemplateField("Platform", unknown),
                TemplateField("Resources", unknown),
                TemplateField("Engine", .structure(TemplateStruct(typeName: "swarm.EngineDescription", fields: [
                    TemplateField("EngineVersion", .string(NodeLsCommand.engineVersion), omitEmpty: true),
                    TemplateField("Labels", .nilStringMap, omitEmpty: true),
                    TemplateField("Plugins", unknown),
                ]))),
                TemplateField("TLSInfo", unknown),
                TemplateField("CSIInfo", .nilList, omitEmpty: true),
            ]))),
            TemplateField("Status", .structure(TemplateStruct(typeName: "swarm.NodeStatus", fields: [
                TemplateField("State", .string(store.isDown(n.id) ? "down" : "ready"), omitEmpty: true),
                TemplateField("Message", .string(""), omitEmpty: true),
                TemplateField("Addr", .string(n.address.description), omitEmpty: true),
            ]))),
        ]
        if n.role != .manager {
            fields.append(TemplateField("ManagerStatus", .null, omitEmpty: true))
        } else {
            let reachability = store.isDown(n.id) ? "unreachable" : "reachable"
            fields.append(TemplateField("ManagerStatus", .structure(TemplateStruct(typeName: "swarm.ManagerStatus", fields: [
                TemplateField("Leader", .bool(n.leader), omitEmpty: true),
                TemplateField("Reachability", .string(reachability), omitEmpty: true),
                TemplateField("Addr", .string("\(n.address):2377"), omitEmpty: true),
            ]))))
        }
        return .structure(TemplateStruct(typeName: "swarm.Node", fields: fields))
    }
}
