import CNMSim

/// The object `ServicePrettyTemplate` runs on: docker/cli's `serviceInspectContext`
/// methods as fields, with the values a simulated service has (the defaults
/// the daemon inserts, no labels, limits, mounts, secrets or health check).
/// Durations print as Go's `time.Duration.String()` does (`5s`).
enum ServicePrettyContext {
    static func value(for s: SwarmService, store: Swarm) -> TemplateValue {
        let names = ServiceInspectView.taskNetworks(s, store: store).map { store.network($0)?.name ?? $0 }
        let ports: [TemplateValue] = s.ports.map { p in
            .object([
                ("Name", .string("")), ("Protocol", .string(p.proto)), ("TargetPort", .uint(UInt64(max(0, p.target)))),
                ("PublishedPort", .uint(UInt64(max(0, p.published)))), ("PublishMode", .string("ingress")),
            ], type: "swarm.PortConfig")
        }
        return .object([
            ("ID", .string(s.id)),
            ("Name", .string(s.name)),
            ("Labels", .stringMap([:])),
            ("IsModeGlobal", .bool(false)),
            ("IsModeReplicated", .bool(true)),
            ("ModeReplicatedReplicas", .uint(UInt64(max(0, s.replicas)))),
            ("HasUpdateStatus", .bool(false)),
            ("TaskPlacementConstraints", .nilList),
            ("TaskPlacementPreferences", .nilList),
            ("MaxReplicas", .uint(0)),
            ("HasUpdateConfig", .bool(true)),
            ("UpdateParallelism", .uint(1)),
            ("HasUpdateDelay", .bool(false)),
            ("UpdateDelay", .string("0s")),
            ("UpdateOnFailure", .string("pause")),
            ("UpdateOrder", .string("stop-first")),
            ("HasUpdateMonitor", .bool(true)),
            ("UpdateMonitor", .string("5s")),
            ("UpdateMaxFailureRatio", .float(0)),
            ("HasRollbackConfig", .bool(true)),
            ("RollbackParallelism", .uint(1)),
            ("HasRollbackDelay", .bool(false)),
            ("RollbackDelay", .string("0s")),
            ("RollbackOnFailure", .string("pause")),
            ("HasRollbackMonitor", .bool(true)),
            ("RollbackMonitor", .string("5s")),
            ("RollbackMaxFailureRatio", .float(0)),
            ("RollbackOrder", .string("stop-first")),
            ("ContainerImage", .string(s.imageReference)),
            ("ContainerArgs", s.command.isEmpty ? .nilList : .list(s.command.map { .string($0) })),
            ("ContainerEnv", .nilList),
            ("ContainerWorkDir", .string("")),
            ("ContainerUser", .string("")),
            ("HasContainerInit", .bool(true)),
            ("ContainerInit", .bool(false)),
            ("HasCapabilities", .bool(false)),
            ("HasCapabilityAdd", .bool(false)),
            ("HasCapabilityDrop", .bool(false)),
            ("CapabilityAdd", .string("")),
            ("CapabilityDrop", .string("")),
            ("ContainerSysCtls", .nilStringMap),
            ("HasContainerSysCtls", .bool(false)),
            ("ContainerUlimits", .stringMap([:])),
            ("HasContainerUlimits", .bool(false)),
            ("ContainerMounts", .nilList),
            ("Configs", .nilList),
            ("Secrets", .nilList),
            ("HasLogDriver", .bool(false)),
            ("HasResources", .bool(true)),
            ("HasResourceReservations", .bool(false)),
            ("ResourceReservationNanoCPUs", .float(0)),
            ("ResourceReservationMemory", .string("")),
            ("HasResourceLimits", .bool(false)),
            ("ResourceLimitsNanoCPUs", .float(0)),
            ("ResourceLimitMemory", .string("")),
            ("ResourceLimitPids", .int(0)),
            ("Networks", names.isEmpty ? .nilList : .list(names.map { .string($0) })),
            ("EndpointMode", .string(s.endpointMode.rawValue)),
            ("Ports", ports.isEmpty ? .nilList : .list(ports)),
            ("Healthcheck", .null),
        ], type: "*service.serviceInspectContext")
    }
}
