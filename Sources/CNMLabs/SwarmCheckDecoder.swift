import Yams

/// Reads the `swarm:` and `service:` checks (their meaning: `SwarmChecks.swift`).
extension NodeReader {
    mutating func swarmPredicate(_ node: Node) -> SwarmPredicate? {
        guard let f = mapping(node, "swarm", allowed: ["nodes", "managers", "workers", "absent"]) else { return nil }
        var p = SwarmPredicate()
        p.nodes = f.values["nodes"].flatMap { int($0, "swarm.nodes", min: 0) }
        p.managers = f.values["managers"].flatMap { int($0, "swarm.managers", min: 0) }
        p.workers = f.values["workers"].flatMap { int($0, "swarm.workers", min: 0) }
        p.absent = f.values["absent"].flatMap { bool($0, "swarm.absent") } ?? false
        if p.absent, p.nodes != nil || p.managers != nil || p.workers != nil {
            report(.invalidValue, ["swarm", LabText.phrase(.swarmAbsentAlone)], node)
        }
        return p
    }

    mutating func servicePredicate(_ node: Node) -> ServicePredicate? {
        let keys = ["name", "absent", "replicas", "networks", "published", "endpoint_mode", "spread"]
        guard let f = mapping(node, "service", allowed: keys, required: ["name"]),
              let name = f.values["name"].flatMap({ string($0, "service.name") }) else { return nil }
        var p = ServicePredicate(name: name)
        p.absent = f.values["absent"].flatMap { bool($0, "service.absent") } ?? false
        p.replicas = f.values["replicas"].flatMap { int($0, "service.replicas", min: 0) }
        p.networks = f.values["networks"].flatMap { stringList($0, "service.networks") } ?? []
        p.published = f.values["published"].flatMap { stringList($0, "service.published") } ?? []
        if let value = f.values["published"], case .sequence(let seq) = value {
            for (i, spec) in p.published.enumerated() where i < seq.count && !spec.contains("{{") {
                if PublishedSpec(spec).map({ $0.hostIP != nil }) ?? true {
                    report(.invalidValue, ["service.published", LabText.phrase(.servicePublishedFormat, spec)], seq[i])
                }
            }
        }
        if let m = f.values["endpoint_mode"], let mode = string(m, "service.endpoint_mode", template: false) {
            if ["vip", "dnsrr"].contains(mode) { p.endpointMode = mode }
            else { report(.invalidValue, ["service.endpoint_mode", LabText.phrase(.endpointMode, mode)], m) }
        }
        p.spread = f.values["spread"].flatMap { int($0, "service.spread", min: 1) }
        if p.absent, f.values.keys.contains(where: { $0 != "name" && $0 != "absent" }) {
            report(.invalidValue, ["service", LabText.phrase(.serviceAbsentAlone)], node)
        }
        return p
    }
}
