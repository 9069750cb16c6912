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

    /// The networks `GET /networks?filters=…` answers with (moby daemon/network/filter.go).
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
        encode(NodeInspectView.value(for: n, in: store))
    }

    /// `GET /services/{id}` (moby `swarm.Service`).
    public static func serviceInspect(_ s: SwarmService, store: Swarm) -> String {
        encode(ServiceInspectView.value(for: s, store: store))
    }

    /// The swarm store as a manager sees it, or the daemon's error for a node that is not a manager.
    public static func managerStore(_ engine: Engine) -> Result<Swarm, EngineError> {
        SwarmLookup.managerStore(engine)
    }

    static func encode(_ v: TemplateValue) -> String {
        (try? GoJSON.encode(v)) ?? "null"
    }
}
