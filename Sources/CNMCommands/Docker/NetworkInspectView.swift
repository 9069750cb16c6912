import CNMSim

/// The value `docker network inspect` prints for a network (moby v28.2.2 api/types/network/network.go
/// `Inspect`, struct order = JSON key order; daemon/network.go `buildNetworkResource`).
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
        func endpoint(_ name: String, _ id: String, _ mac: String, _ ip: String) -> TemplateValue {
            .structure(TemplateStruct(typeName: "network.EndpointResource", fields: [
                TemplateField("Name", .string(name)),
                TemplateField("EndpointID", .string(id)),
                TemplateField("MacAddress", .string(mac)),
                TemplateField("IPv4Address", .string(ip)),
                TemplateField("IPv6Address", .string("")),
            ]))
        }
        var containers: [String: TemplateValue] = [:]
        for ep in engine.endpoints(onNetwork: n.id) {
            containers[ep.containerID] = endpoint(ep.name, ep.id, ep.mac?.description ?? "",
                                                  ep.ipv4.map { "\($0)/\(ep.prefixLength)" } ?? "")
        }
        let prefix = n.subnet?.prefixLength ?? 24
        if let lb = engine.loadBalancers[n.id] {
            containers["lb-" + n.name] = endpoint(n.name + "-endpoint", lb.endpointID, MACAddress.fromIP(lb.address).description, "\(lb.address)/\(prefix)")
        }
        if let sbox = engine.ingressSandbox {
            if n.ingress {
                containers["ingress-sbox"] = endpoint("ingress-endpoint", sbox.ingressEndpointID, MACAddress.fromIP(sbox.ingressAddress).description,
                                                      "\(sbox.ingressAddress)/\(prefix)")
            } else if n.name == OverlayDriver.gatewayBridgeName {
                containers["ingress-sbox"] = endpoint("gateway_ingress-sbox", sbox.gatewayEndpointID, sbox.gatewayMAC.description,
                                                      "\(sbox.gatewayAddress)/\(prefix)")
            }
        }
        // A swarm network no task or container uses on this node: the manager's view from the
        // swarm store (28.0–28.2 report EnableIPv4 false there; fixed in 28.3.0).
        let storeView = n.isSwarmScoped && containers.isEmpty
        var peers: TemplateValue = .nilList
        if n.isSwarmScoped && !storeView, let nodes = engine.overlayDirectory.peers[n.id], !nodes.isEmpty {
            peers = .list(nodes.map { node in
                .structure(TemplateStruct(typeName: "network.PeerInfo", fields: [
                    TemplateField("Name", .string(node.peerName)),
                    TemplateField("IP", .string(node.address.description)),
                ]))
            })
        }
        let ipamOptions: TemplateValue = n.ipamOptions.map { .stringMap($0) } ?? .nilStringMap
        return .structure(TemplateStruct(typeName: "network.Inspect", fields: [
            TemplateField("Name", .string(n.name)),
            TemplateField("Id", .string(n.id), jsonName: "Id"),
            TemplateField("Created", .time(n.created.nanoseconds)),
            TemplateField("Scope", .string(n.scope)),
            TemplateField("Driver", .string(n.driver.rawValue)),
            TemplateField("EnableIPv4", .bool(n.enableIPv4 && !storeView)),
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
            TemplateField("Containers", .map(containers, kind: TemplateMapKind(goTypeName: "map[string]network.EndpointResource", elementZero: nil), isNil: storeView)),
            TemplateField("Options", .stringMap(n.options)),
            TemplateField("Labels", storeView && n.labels.isEmpty ? .nilStringMap : .stringMap(n.labels)),
            TemplateField("Peers", peers, omitEmpty: true),
            TemplateField("Services", .nilMap, omitEmpty: true),
        ]))
    }
}
