import CNMSim

/// The Engine API's JSON bodies, built by the same views `docker inspect`, `docker ps`
/// and `docker network ls` render from, so that the real docker CLI reading them prints
/// what cnmlab's own commands print. Each body is Go's compact `json.Marshal` form.
public enum EngineAPIBodies {
    /// `GET /networks/{id}` (moby `network.Inspect`).
    public static func networkInspect(_ n: Network, engine: Engine) -> String {
        encode(NetworkInspectView.value(for: n, engine: engine))
    }

    /// One item of `GET /networks`: the inspect object with an empty `Containers` map
    /// (moby v28.2.2 daemon/network.go lists without endpoint details for API ≥ 1.28).
    public static func networkListItem(_ n: Network, engine: Engine) -> String {
        guard case .structure(var s) = NetworkInspectView.value(for: n, engine: engine) else { return "{}" }
        s.fields = s.fields.compactMap { f in
            switch f.name {
            case "Containers":
                return TemplateField("Containers", .map([:], kind: TemplateMapKind(goTypeName: "map[string]network.EndpointResource", elementZero: nil)))
            case "Peers", "Services": return nil
            default: return f
            }
        }
        return encode(.structure(s))
    }

    /// The networks `GET /networks?filters=…` answers with (moby v28.2.2 daemon/network/filter.go).
    public static func networks(filters raw: [String], engine: Engine) -> Result<[Network], EngineError> {
        NetworkFilters.parse(raw).map { f in engine.allNetworks.filter { f.matches($0, engine: engine) } }
    }

    /// `GET /containers/{id}/json` (moby `container.InspectResponse`).
    public static func containerInspect(_ c: Container, engine: Engine) -> String {
        encode(ContainerInspectView.value(for: c, engine: engine))
    }

    /// The containers `GET /containers/json` lists, newest first.
    public static func containers(filters: [String: [String]], all: Bool, limit: Int, engine: Engine) -> Result<[Container], EngineError> {
        PsCommand.select(filters, all: all, last: limit, engine: engine)
    }

    /// One item of `GET /containers/json` (moby `container.Summary`, container/view.go).
    public static func containerSummary(_ c: Container, engine: Engine) -> String {
        let ports: [TemplateValue] = engine.portMapIsEmptyForChildDrivers(c) ? [] : ContainerSummary.ports(of: c).map { p in
            .structure(TemplateStruct(typeName: "container.Port", fields: [
                TemplateField("IP", .string(p.ip), omitEmpty: true),
                TemplateField("PrivatePort", .uint(UInt64(p.privatePort))),
                TemplateField("PublicPort", .uint(UInt64(p.publicPort)), omitEmpty: true),
                TemplateField("Type", .string(p.type)),
            ]))
        }
        var networks: [String: TemplateValue] = [:]
        for e in ContainerInspectView.networkEntries(c, engine: engine) {
            networks[e.name] = ContainerInspectView.endpointSettings(e.attachment, e.fields)
        }
        let value = TemplateValue.structure(TemplateStruct(typeName: "container.Summary", fields: [
            TemplateField("Id", .string(c.id)),
            TemplateField("Names", .list([.string("/" + c.name)])),
            TemplateField("Image", .string(c.imageReference)),
            TemplateField("ImageID", .string(c.image.id)),
            TemplateField("Command", .string(c.commandLine)),
            TemplateField("Created", .int(c.created.nanoseconds / 1_000_000_000)),
            TemplateField("Ports", .list(ports)),
            TemplateField("Labels", .stringMap(c.labels)),
            TemplateField("State", .string(c.state.status)),
            TemplateField("Status", .string(ContainerSummary.status(of: c, now: engine.clock))),
            TemplateField("HostConfig", .structure(TemplateStruct(typeName: "struct", fields: [
                TemplateField("NetworkMode", .string(c.networkMode), omitEmpty: true),
            ]))),
            TemplateField("NetworkSettings", .structure(TemplateStruct(typeName: "container.NetworkSettingsSummary", fields: [
                TemplateField("Networks", .map(networks, kind: TemplateMapKind(goTypeName: "map[string]*network.EndpointSettings", elementZero: .null))),
            ]))),
            TemplateField("Mounts", .list([])),
        ]))
        return encode(value)
    }

    /// `GET /nodes/{id}` (moby `swarm.Node`), from the manager's store.
    public static func nodeInspect(_ n: SwarmNode, store: Swarm) -> String {
        encode(zeroingUnknowns(NodeInspectView.value(for: n, in: store)))
    }

    /// `GET /services/{id}` (moby `swarm.Service`).
    public static func serviceInspect(_ s: SwarmService, store: Swarm) -> String {
        encode(zeroingUnknowns(ServiceInspectView.value(for: s, store: store)))
    }

    /// `GET /services?filters=&status=`: the services the filters select (moby v28.2.2 daemon/cluster/services.go);
    /// with `status`, each carries `ServiceStatus` (running and desired tasks, as `docker service ls` shows).
    public static func serviceList(filters raw: [String], status: Bool, store: Swarm) -> Result<[String], EngineError> {
        SwarmFilterArgs.parse(raw, accepted: ["name", "id", "label", "mode", "runtime"]).map { f in
            store.services.filter { ServiceLsCommand.matches($0, f) }.map { service in
                guard status, case .structure(var s) = zeroingUnknowns(ServiceInspectView.value(for: service, store: store)) else {
                    return serviceInspect(service, store: store)
                }
                if let i = s.fields.firstIndex(where: { $0.name == "ServiceStatus" }) {
                    s.fields[i] = TemplateField("ServiceStatus", .structure(TemplateStruct(typeName: "swarm.ServiceStatus", fields: [
                        TemplateField("RunningTasks", .uint(UInt64(SwarmLookup.runningTasks(of: service, in: store).count))),
                        TemplateField("DesiredTasks", .uint(UInt64(max(0, service.replicas)))),
                        TemplateField("CompletedTasks", .uint(0)),
                    ])))
                }
                return encode(.structure(s))
            }
        }
    }

    /// `GET /tasks?filters=` (moby v28.2.2 daemon/cluster/tasks.go `GetTasks`): `service` filters name or
    /// ID services, the rest as `docker service ps` filters them; running tasks only (cnmlab keeps no history).
    public static func taskList(filters raw: [String], store: Swarm) -> Result<[String], EngineError> {
        let f: SwarmFilterArgs
        switch SwarmFilterArgs.parse(raw, accepted: SwarmTaskTable.acceptedFilters) {
        case .failure(let e): return .failure(e)
        case .success(let parsed): f = parsed
        }
        var serviceIDs: [String]? = nil
        if f.contains("service") {
            var ids: [String] = []
            for term in f["service"] {
                switch SwarmLookup.service(term, in: store) {
                case .failure(let e): return .failure(e)
                case .success(let svc): ids.append(svc.id)
                }
            }
            serviceIDs = ids
        }
        return SwarmTaskTable.list(store, filters: f, serviceIDs: serviceIDs).map { tasks in
            tasks.map { encode(taskValue($0, store: store)) }
        }
    }

    /// `GET /tasks/{id}`.
    public static func taskInspect(_ term: String, store: Swarm) -> String? {
        let matches = store.tasks.filter { $0.running && ($0.id == term || $0.id.hasPrefix(term)) }
        guard let t = matches.first(where: { $0.id == term }) ?? (matches.count == 1 ? matches.first : nil) else { return nil }
        return encode(taskValue(t, store: store))
    }

    /// moby `swarm.Task` for a running task: its service's task template as Spec, a running status
    /// with its container. Its network attachments are left out (cnmlab keeps no attachment IDs).
    static func taskValue(_ t: SwarmTask, store: Swarm) -> TemplateValue {
        let service = store.services.first { $0.id == t.serviceID }
        let spec: TemplateValue = service.map { ServiceInspectView.taskTemplate($0, store: store, interpolated: true) } ?? .null
        return .structure(TemplateStruct(typeName: "swarm.Task", fields: [
            TemplateField("ID", .string(t.id)),
            TemplateField("Version", .structure(TemplateStruct(typeName: "swarm.Version", fields: [
                TemplateField("Index", .uint(0), omitEmpty: true),
            ]))),
            TemplateField("CreatedAt", .time(t.created.nanoseconds)),
            TemplateField("UpdatedAt", .time(t.created.nanoseconds)),
            TemplateField("Labels", .stringMap([:])),
            TemplateField("Spec", spec),
            TemplateField("ServiceID", .string(t.serviceID), omitEmpty: true),
            TemplateField("Slot", .int(Int64(t.slot)), omitEmpty: true),
            TemplateField("NodeID", .string(t.nodeID), omitEmpty: true),
            TemplateField("Status", .structure(TemplateStruct(typeName: "swarm.TaskStatus", fields: [
                TemplateField("Timestamp", .time(t.created.nanoseconds)),
                TemplateField("State", .string("running"), omitEmpty: true),
                TemplateField("Message", .string("started"), omitEmpty: true),
                TemplateField("ContainerStatus", .structure(TemplateStruct(typeName: "swarm.ContainerStatus", fields: [
                    TemplateField("ContainerID", .string(t.containerID)),
                    TemplateField("PID", .int(0)),
                    TemplateField("ExitCode", .int(0)),
                ]))),
                TemplateField("PortStatus", .structure(TemplateStruct(typeName: "swarm.PortStatus", fields: []))),
            ]))),
            TemplateField("DesiredState", .string("running"), omitEmpty: true),
            TemplateField("Volumes", .nilList),
        ]))
    }

    /// What cnmlab does not model in a swarm object (`SwarmUnknownValue`: `docker node inspect`
    /// says "not simulated" there) goes on the wire as its Go zero value, so that clients can
    /// decode it: `swarm.Version{}`, an empty `Platform`/`Resources`/`TLSInfo`, no plugins,
    /// no previous replica count.
    static func zeroingUnknowns(_ v: TemplateValue) -> TemplateValue {
        switch v {
        case .structure(var s):
            s.fields = s.fields.compactMap { f in
                guard case .string(let text) = f.value, text == SwarmUnknownValue.marker else {
                    var copy = f
                    copy.value = zeroingUnknowns(f.value)
                    return copy
                }
                switch f.name {
                case "Version":
                    return TemplateField(f.name, .structure(TemplateStruct(typeName: "swarm.Version", fields: [
                        TemplateField("Index", .uint(0), omitEmpty: true),
                    ])), jsonName: f.jsonName)
                case "Platform", "Resources", "TLSInfo":
                    return TemplateField(f.name, .structure(TemplateStruct(typeName: "swarm." + f.name, fields: [])), jsonName: f.jsonName)
                default:
                    return nil
                }
            }
            return .structure(s)
        case .list(let items, let isNil): return .list(items.map(zeroingUnknowns), isNil: isNil)
        case .map(let m, let kind, let isNil): return .map(m.mapValues(zeroingUnknowns), kind: kind, isNil: isNil)
        default: return v
        }
    }

    /// The swarm store as a manager sees it, or the daemon's error for a node that is not a manager.
    public static func managerStore(_ engine: Engine) -> Result<Swarm, EngineError> {
        SwarmLookup.managerStore(engine)
    }

    static func encode(_ v: TemplateValue) -> String {
        (try? GoJSON.encode(v)) ?? "null"
    }
}
