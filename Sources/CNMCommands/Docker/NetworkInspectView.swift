import CNMSim

/// The value `docker network inspect` prints for a network (moby `network.Inspect`,
/// struct order = JSON key order; reference §1.3).
enum NetworkInspectView {
    static func value(for n: Network, engine: Engine) -> TemplateValue {
        var ipamConfig: TemplateValue = .nilList
        if let configs = n.ipamConfig {
            ipamConfig = .list(configs.map { c in
                .structure(TemplateStruct(typeName: "network.IPAMConfig", fields: [
                    TemplateField("Subnet", .string(c.subnet ?? ""), omitEmpty: true),
                    TemplateField("IPRange", .string(c.ipRange ?? ""), omitEmpty: true),
                    TemplateField("Gateway", .string(c.gateway ?? ""), omitEmpty: true),
                    TemplateField("AuxiliaryAddresses", .stringMap(c.auxAddresses), omitEmpty: true),
                ]))
            })
        }
        var containers: [String: TemplateValue] = [:]
        for ep in engine.endpoints(onNetwork: n.id) {
            containers[ep.containerID] = .structure(TemplateStruct(typeName: "network.EndpointResource", fields: [
                TemplateField("Name", .string(ep.name)),
                TemplateField("EndpointID", .string(ep.id)),
                TemplateField("MacAddress", .string(ep.mac?.description ?? "")),
                TemplateField("IPv4Address", .string(ep.ipv4.map { "\($0)/\(ep.prefixLength)" } ?? "")),
                TemplateField("IPv6Address", .string("")),
            ]))
        }
        let ipamOptions: TemplateValue = n.ipamOptions.map { .stringMap($0) } ?? .nilStringMap
        return .structure(TemplateStruct(typeName: "network.Inspect", fields: [
            TemplateField("Name", .string(n.name)),
            TemplateField("Id", .string(n.id), jsonName: "Id"),
            TemplateField("Created", .time(n.created.nanoseconds)),
            TemplateField("Scope", .string(n.scope)),
            TemplateField("Driver", .string(n.driver.rawValue)),
            TemplateField("EnableIPv4", .bool(n.enableIPv4)),
            TemplateField("EnableIPv6", .bool(n.enableIPv6)),
            TemplateField("IPAM", .structure(TemplateStruct(typeName: "network.IPAM", fields: [
                TemplateField("Driver", .string(n.ipamDriver)),
                TemplateField("Options", ipamOptions),
                TemplateField("Config", ipamConfig),
            ]))),
            TemplateField("Internal", .bool(n.isInternal)),
            TemplateField("Attachable", .bool(n.attachable)),
            TemplateField("Ingress", .bool(n.ingress)),
            TemplateField("ConfigFrom", .structure(TemplateStruct(typeName: "network.ConfigReference", fields: [
                TemplateField("Network", .string(n.configFrom)),
            ]))),
            TemplateField("ConfigOnly", .bool(n.configOnly)),
            TemplateField("Containers", .map(containers, kind: TemplateMapKind(goTypeName: "map[string]network.EndpointResource", elementZero: nil))),
            TemplateField("Options", .stringMap(n.options)),
            TemplateField("Labels", .stringMap(n.labels)),
            TemplateField("Peers", .nilList, omitEmpty: true),
            TemplateField("Services", .nilMap, omitEmpty: true),
        ]))
    }
}
