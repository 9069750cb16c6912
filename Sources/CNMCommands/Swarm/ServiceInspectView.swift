import CNMSim

/// The value `docker service inspect` prints for a service: API 1.50
/// `swarm.Service` (moby v28.2.2 api/types/swarm/service.go; struct order = JSON key
/// order) as the daemon returns it with `insertDefaults=true` — the spec the
/// CLI sent (an empty label map, `Init: false`, an empty `DNSConfig`, zero
/// resource limits and reservations, an empty placement), completed by
/// swarmkit's `defaults.InterpolateService` (10 s stop grace period, restart
/// on any after 5 s, update and rollback configs), plus the allocated endpoint.
///
/// Durations are JSON numbers of nanoseconds, as Go encodes `time.Duration`.
enum ServiceInspectView {
    /// The service as JSON/template value. Pointer fields that are set (`Init`, `Replicas`,
    /// `MaxAttempts`) are not marked `omitEmpty`: Go keeps a non-nil pointer to a zero value.
    static func value(for s: SwarmService, store: Swarm) -> TemplateValue {
        .structure(TemplateStruct(typeName: "swarm.Service", fields: [
            TemplateField("ID", .string(s.id)),
            TemplateField("Version", .structure(TemplateStruct(typeName: "swarm.Version", fields: [
                TemplateField("Index", .uint(UInt64(max(0, s.version))), omitEmpty: true),
            ]))),
            TemplateField("CreatedAt", .time(s.created.nanoseconds)),
            TemplateField("UpdatedAt", .time(s.updated.nanoseconds)),
            TemplateField("Spec", spec(s, store: store, interpolated: true, replicas: .uint(UInt64(max(0, s.replicas))))),
            TemplateField("PreviousSpec", s.version > 1 ? previousSpec(s, store: store) : .null, omitEmpty: true),
            TemplateField("Endpoint", endpoint(s, store: store)),
            TemplateField("UpdateStatus", .null, omitEmpty: true),
            TemplateField("ServiceStatus", .null, omitEmpty: true),
            TemplateField("JobStatus", .null, omitEmpty: true),
        ]))
    }

    /// The service's own networks (ingress excluded), sorted by ID as the CLI sends them.
    static func taskNetworks(_ s: SwarmService, store: Swarm) -> [String] {
        s.networkIDs.filter { store.network($0)?.ingress != true }.sorted()
    }

    /// The spec before the last update, as stored (the daemon interpolates defaults into `Spec` only).
    static func previousSpec(_ s: SwarmService, store: Swarm) -> TemplateValue {
        spec(s, store: store, interpolated: false,
             replicas: s.previousReplicas.map { .uint(UInt64(max(0, $0))) } ?? SwarmUnknownValue.value)
    }

    /// A `swarm.ServiceSpec`; `interpolated` adds what swarmkit's `InterpolateService` fills in.
    static func spec(_ s: SwarmService, store: Swarm, interpolated: Bool, replicas: TemplateValue) -> TemplateValue {
        .structure(TemplateStruct(typeName: "swarm.ServiceSpec", fields: [
            TemplateField("Name", .string(s.name), omitEmpty: true),
            TemplateField("Labels", .stringMap([:])),
            TemplateField("TaskTemplate", taskTemplate(s, store: store, interpolated: interpolated)),
            TemplateField("Mode", .structure(TemplateStruct(typeName: "swarm.ServiceMode", fields: [
                TemplateField("Replicated", .structure(TemplateStruct(typeName: "swarm.ReplicatedService", fields: [
                    TemplateField("Replicas", replicas),
                ])), omitEmpty: true),
                TemplateField("Global", .null, omitEmpty: true),
                TemplateField("ReplicatedJob", .null, omitEmpty: true),
                TemplateField("GlobalJob", .null, omitEmpty: true),
            ]))),
            TemplateField("UpdateConfig", interpolated ? updateConfig() : .null, omitEmpty: true),
            TemplateField("RollbackConfig", interpolated ? updateConfig() : .null, omitEmpty: true),
            TemplateField("Networks", .list([]), omitEmpty: true),
            TemplateField("EndpointSpec", endpointSpec(s), omitEmpty: true),
        ]))
    }

    static func taskTemplate(_ s: SwarmService, store: Swarm, interpolated: Bool) -> TemplateValue {
        let networks: [TemplateValue] = taskNetworks(s, store: store).map { id in
            .structure(TemplateStruct(typeName: "swarm.NetworkAttachmentConfig", fields: [
                TemplateField("Target", .string(id), omitEmpty: true),
                TemplateField("Aliases", .list((s.aliases[id] ?? []).map { .string($0) }), omitEmpty: true),
                TemplateField("DriverOpts", .nilStringMap, omitEmpty: true),
            ]))
        }
        return .structure(TemplateStruct(typeName: "swarm.TaskSpec", fields: [
            TemplateField("ContainerSpec", containerSpec(s, interpolated: interpolated)),
            TemplateField("PluginSpec", .null, omitEmpty: true),
            TemplateField("NetworkAttachmentSpec", .null, omitEmpty: true),
            TemplateField("Resources", .structure(TemplateStruct(typeName: "swarm.ResourceRequirements", fields: [
                TemplateField("Limits", .structure(TemplateStruct(typeName: "swarm.Limit", fields: [
                    TemplateField("NanoCPUs", .int(0), omitEmpty: true),
                    TemplateField("MemoryBytes", .int(0), omitEmpty: true),
                    TemplateField("Pids", .int(0), omitEmpty: true),
                ]))),
                TemplateField("Reservations", .structure(TemplateStruct(typeName: "swarm.Resources", fields: [
                    TemplateField("NanoCPUs", .int(0), omitEmpty: true),
                    TemplateField("MemoryBytes", .int(0), omitEmpty: true),
                    TemplateField("GenericResources", .nilList, omitEmpty: true),
                ]))),
            ]))),
            TemplateField("RestartPolicy", interpolated ? restartPolicy() : .null, omitEmpty: true),
            TemplateField("Placement", .structure(TemplateStruct(typeName: "swarm.Placement", fields: [
                TemplateField("Constraints", .nilList, omitEmpty: true),
                TemplateField("Preferences", .nilList, omitEmpty: true),
                TemplateField("MaxReplicas", .uint(0), omitEmpty: true),
                TemplateField("Platforms", .nilList, omitEmpty: true),
            ]))),
            TemplateField("Networks", .list(networks), omitEmpty: true),
            TemplateField("LogDriver", .null, omitEmpty: true),
            TemplateField("ForceUpdate", .uint(0)),
            TemplateField("Runtime", .string("container"), omitEmpty: true),
        ]))
    }

    /// The container spec the CLI sends for `IMAGE [ARG…]` with no other flag: `Init` false, an
    /// empty DNS config, default isolation; `interpolated` adds the 10-second stop grace period.
    static func containerSpec(_ s: SwarmService, interpolated: Bool) -> TemplateValue {
        let none = TemplateValue.nilList
        return .structure(TemplateStruct(typeName: "swarm.ContainerSpec", fields: [
            TemplateField("Image", .string(s.imageReference), omitEmpty: true),
            TemplateField("Labels", .nilStringMap, omitEmpty: true),
            TemplateField("Command", none, omitEmpty: true),
            TemplateField("Args", s.command.isEmpty ? none : .list(s.command.map { .string($0) }), omitEmpty: true),
            TemplateField("Hostname", .string(""), omitEmpty: true),
            TemplateField("Env", none, omitEmpty: true),
            TemplateField("Dir", .string(""), omitEmpty: true),
            TemplateField("User", .string(""), omitEmpty: true),
            TemplateField("Groups", none, omitEmpty: true),
            TemplateField("Privileges", .null, omitEmpty: true),
            TemplateField("Init", .bool(false)),
            TemplateField("StopSignal", .string(""), omitEmpty: true),
            TemplateField("TTY", .bool(false), omitEmpty: true),
            TemplateField("OpenStdin", .bool(false), omitEmpty: true),
            TemplateField("ReadOnly", .bool(false), omitEmpty: true),
            TemplateField("Mounts", none, omitEmpty: true),
            TemplateField("StopGracePeriod", interpolated ? .int(10_000_000_000) : .null, omitEmpty: true),
            TemplateField("Healthcheck", .null, omitEmpty: true),
            TemplateField("Hosts", none, omitEmpty: true),
            TemplateField("DNSConfig", .structure(TemplateStruct(typeName: "swarm.DNSConfig", fields: [
                TemplateField("Nameservers", none, omitEmpty: true),
                TemplateField("Search", none, omitEmpty: true),
                TemplateField("Options", none, omitEmpty: true),
            ]))),
            TemplateField("Secrets", none, omitEmpty: true),
            TemplateField("Configs", none, omitEmpty: true),
            TemplateField("Isolation", .string("default"), omitEmpty: true),
            TemplateField("Sysctls", .nilStringMap, omitEmpty: true),
            TemplateField("CapabilityAdd", none, omitEmpty: true),
            TemplateField("CapabilityDrop", none, omitEmpty: true),
            TemplateField("Ulimits", none, omitEmpty: true),
            TemplateField("OomScoreAdj", .int(0), omitEmpty: true),
        ]))
    }

    /// swarmkit's default restart policy: on any exit, after 5 s, without limit.
    static func restartPolicy() -> TemplateValue {
        .structure(TemplateStruct(typeName: "swarm.RestartPolicy", fields: [
            TemplateField("Condition", .string("any"), omitEmpty: true),
            TemplateField("Delay", .int(5_000_000_000)),
            TemplateField("MaxAttempts", .uint(0)),
            TemplateField("Window", .null, omitEmpty: true),
        ]))
    }

    /// swarmkit's default update (and rollback) config: 1 at a time, pause on failure, 5 s monitor, stop first.
    static func updateConfig() -> TemplateValue {
        .structure(TemplateStruct(typeName: "swarm.UpdateConfig", fields: [
            TemplateField("Parallelism", .uint(1)),
            TemplateField("Delay", .int(0), omitEmpty: true),
            TemplateField("FailureAction", .string("pause"), omitEmpty: true),
            TemplateField("Monitor", .int(5_000_000_000), omitEmpty: true),
            TemplateField("MaxFailureRatio", .float(0)),
            TemplateField("Order", .string("stop-first")),
        ]))
    }

    /// The service's ports as `swarm.PortConfig`s; in the spec (`requested`), a port left to the
    /// swarm has no published port, in the endpoint it has the one allocated.
    static func portConfigs(_ s: SwarmService, requested: Bool = false) -> [TemplateValue] {
        s.ports.map { p in
            .structure(TemplateStruct(typeName: "swarm.PortConfig", fields: [
                TemplateField("Name", .string(""), omitEmpty: true),
                TemplateField("Protocol", .string(p.proto), omitEmpty: true),
                TemplateField("TargetPort", .uint(UInt64(max(0, p.target))), omitEmpty: true),
                TemplateField("PublishedPort", .uint(requested && p.dynamic ? 0 : UInt64(max(0, p.published))), omitEmpty: true),
                TemplateField("PublishMode", .string("ingress"), omitEmpty: true),
            ]))
        }
    }

    static func endpointSpec(_ s: SwarmService) -> TemplateValue {
        .structure(TemplateStruct(typeName: "swarm.EndpointSpec", fields: [
            TemplateField("Mode", .string(s.endpointMode.rawValue), omitEmpty: true),
            TemplateField("Ports", .list(portConfigs(s, requested: true)), omitEmpty: true),
        ]))
    }

    /// The allocated endpoint: the spec, the ports, and a VIP on ingress (first) and on each network.
    static func endpoint(_ s: SwarmService, store: Swarm) -> TemplateValue {
        var vips: [TemplateValue] = []
        if s.endpointMode == .vip {
            let ingress = s.networkIDs.filter { store.network($0)?.ingress == true }
            for id in ingress + taskNetworks(s, store: store) {
                guard let ip = s.vips[id], let def = store.network(id) else { continue }
                vips.append(.structure(TemplateStruct(typeName: "swarm.EndpointVirtualIP", fields: [
                    TemplateField("NetworkID", .string(id), omitEmpty: true),
                    TemplateField("Addr", .string("\(ip)/\(def.subnet.prefixLength)"), omitEmpty: true),
                ])))
            }
        }
        return .structure(TemplateStruct(typeName: "swarm.Endpoint", fields: [
            TemplateField("Spec", endpointSpec(s)),
            TemplateField("Ports", .list(portConfigs(s)), omitEmpty: true),
            TemplateField("VirtualIPs", .list(vips), omitEmpty: true),
        ]))
    }
}
