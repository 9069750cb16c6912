import CNMSim

/// The networks, endpoints and containers of a simulated host as a diagram:
/// plain text a screen reader can read line by line, Mermaid, or Graphviz DOT.
public enum Topology {
    public enum Style: Sendable { case text, mermaid, dot }

    struct Edge {
        let network: Network
        let endpoint: Endpoint
        let container: Container
    }

    static func edges(_ engine: Engine) -> [Edge] {
        engine.allNetworks.flatMap { n in
            engine.endpoints(onNetwork: n.id).compactMap { ep in
                engine.containers[ep.containerID].map { Edge(network: n, endpoint: ep, container: $0) }
            }
        }
    }

    public static func render(_ engine: Engine, style: Style, lang: Language) -> String {
        switch style {
        case .text: return text(engine, lang: lang)
        case .mermaid: return mermaid(engine)
        case .dot: return dot(engine)
        }
    }

    static func describe(_ n: Network, _ engine: Engine? = nil, _ lang: Language = .en) -> String {
        var parts = [n.driver.rawValue]
        if let s = n.subnet { parts.append(s.description) }
        if let g = n.gateway { parts.append(TopologyText.gateway("\(g)").render(lang)) }
        if let d = n.deviceName { parts.append(TopologyText.bridge(d).render(lang)) }
        if n.isInternal { parts.append(TopologyText.internalOnly.render(lang)) }
        if n.isSwarmScoped, let vni = n.options[OverlayDriver.vniOption] { parts.append("VXLAN \(vni)") }
        if n.options["encrypted"] != nil { parts.append(TopologyText.encrypted.render(lang)) }
        if n.isSwarmScoped, let engine, let peers = engine.overlayDirectory.peers[n.id] {
            let others = peers.filter { $0.id != engine.swarmNodeID }.map(\.hostname)
            if !others.isEmpty { parts.append(TopologyText.alsoOn(others.joined(separator: ",")).render(lang)) }
        }
        return parts.joined(separator: ", ")
    }

    static func endpointText(_ ep: Endpoint, _ lang: Language = .en) -> String {
        var parts: [String] = []
        if let i = ep.interfaceName { parts.append(i) }
        if let ip = ep.ipv4 { parts.append("\(ip)/\(ep.prefixLength)") }
        if let mac = ep.mac { parts.append(mac.description) }
        if !ep.aliases.isEmpty { parts.append(TopologyText.aliases(ep.aliases.joined(separator: ",")).render(lang)) }
        return parts.isEmpty ? TopologyText.sharedStack.render(lang) : parts.joined(separator: " ")
    }

    static func text(_ engine: Engine, lang: Language) -> String {
        var lines: [String] = []
        let all = edges(engine)
        for n in engine.allNetworks {
            lines.append(TopologyText.network(name: n.name, details: describe(n, engine, lang)).render(lang))
            let mine = all.filter { $0.network.id == n.id }
            if mine.isEmpty { lines.append("  " + TopologyText.noEndpoints.render(lang)) }
            for e in mine {
                lines.append("  " + TopologyText.endpoint(endpoint: endpointText(e.endpoint, lang), container: e.container.name).render(lang))
            }
        }
        let attached = Set(all.map(\.container.id))
        let loose = engine.allContainers.filter { !attached.contains($0.id) }
        if !loose.isEmpty {
            lines.append(TopologyText.loose.render(lang))
            for c in loose { lines.append("  \(c.name) (\(c.state.status))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Mermaid identifier made only of safe characters.
    static func id(_ prefix: String, _ raw: String) -> String { prefix + "_" + raw.prefix(12) }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingAll("\"", with: "'") + "\""
    }

    static func mermaid(_ engine: Engine) -> String {
        var lines = ["graph LR"]
        for n in engine.allNetworks {
            lines.append("  \(id("n", n.id))[\(quoted("\(n.name)<br/>\(describe(n))"))]")
        }
        for c in engine.allContainers {
            lines.append("  \(id("c", c.id))((\(quoted("\(c.name)<br/>\(c.state.status)"))))")
        }
        for e in edges(engine) {
            lines.append("  \(id("n", e.network.id)) ---|\(quoted(endpointText(e.endpoint)))| \(id("c", e.container.id))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func dot(_ engine: Engine) -> String {
        var lines = ["graph topology {", "  rankdir=LR;"]
        for n in engine.allNetworks {
            lines.append("  \(id("n", n.id)) [shape=box, label=\(quoted("\(n.name)\\n\(describe(n))"))];")
        }
        for c in engine.allContainers {
            lines.append("  \(id("c", c.id)) [shape=ellipse, label=\(quoted("\(c.name)\\n\(c.state.status)"))];")
        }
        for e in edges(engine) {
            lines.append("  \(id("n", e.network.id)) -- \(id("c", e.container.id)) [label=\(quoted(endpointText(e.endpoint)))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
