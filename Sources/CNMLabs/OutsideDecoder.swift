import CNMSim
import Yams

/// Reads a lab's `outside:` — its changes to the simulated outside world's DNS:
///
/// ```yaml
/// outside:
///   names:
///     api.example.com: 203.0.113.7
///     cdn.example.com: [203.0.113.8, 203.0.113.9]
///   missing: [old.corp.com]
/// ```
///
/// Names and addresses may hold `{{parameter}}` templates: they are checked as the default
/// variant renders them (an unknown parameter is LAB008, as everywhere).
extension NodeReader {
    mutating func outsideWorld(_ node: Node, _ params: [LabParameter]) -> OutsideWorld {
        guard let f = mapping(node, "outside", allowed: ["names", "missing"]) else { return OutsideWorld() }
        var defaults: [String: String] = [:]
        for p in params { defaults[p.name] = p.defaultValue }
        var world = OutsideWorld()
        var seen: [String: Node] = [:]

        /// The name as the default variant renders it, lower-cased without its final dot; nil (reported) when bad.
        func checkedName(_ reader: inout NodeReader, _ text: String, _ what: String, _ at: Node) -> String? {
            reader.checkTemplates(text, at)
            let rendered = LabTemplate.render(text, defaults)
            if let problem = OutsideWorld.problem(name: rendered) {
                reader.report(.invalidValue, [what, "'\(rendered)' (\(problem))"], at)
                return nil
            }
            var n = rendered.lowercased()
            if n.hasSuffix(".") { n.removeLast() }
            return n
        }

        if let namesNode = f.values["names"] {
            if case .mapping(let m) = namesNode {
                for (k, v) in m {
                    guard let text = string(k, "outside.names key", template: false),
                          let name = checkedName(&self, text, "outside.names", k) else { continue }
                    if seen[name] != nil { report(.duplicateID, ["outside: " + name], k); continue }
                    seen[name] = k
                    var items: [Node] = []
                    switch v {
                    case .sequence(let s): items = Array(s)
                    case .scalar: items = [v]
                    default:
                        report(.wrongType, ["outside.names." + name, "an IPv4 address or a list of them"], v)
                        continue
                    }
                    if items.isEmpty || items.count > OutsideWorld.maxAddresses {
                        report(.invalidValue, ["outside.names." + name,
                                               "\(items.count) addresses (1 to \(OutsideWorld.maxAddresses))"], v)
                        continue
                    }
                    var addresses: [String] = []
                    for item in items {
                        guard let a = string(item, "outside.names." + name) else { continue }
                        let rendered = LabTemplate.render(a, defaults)
                        if let problem = OutsideWorld.problem(address: rendered) {
                            report(.invalidValue, ["outside.names." + name, "'\(rendered)' (\(problem))"], item)
                            continue
                        }
                        if addresses.contains(where: { LabTemplate.render($0, defaults) == rendered }) {
                            report(.duplicateID, ["outside.names.\(name): \(rendered)"], item)
                            continue
                        }
                        addresses.append(a)
                    }
                    if addresses.count == items.count { world.names.append(.init(name: text, addresses: addresses)) }
                }
            } else {
                report(.wrongType, ["outside.names", "a mapping of DNS names to IPv4 addresses"], namesNode)
            }
        }
        if let missingNode = f.values["missing"] {
            if case .sequence(let s) = missingNode {
                for item in s {
                    guard let text = string(item, "outside.missing", template: false),
                          let name = checkedName(&self, text, "outside.missing", item) else { continue }
                    if seen[name] != nil {
                        report(.invalidValue, ["outside.missing", "'\(name)' is already added under outside.names or listed twice"], item)
                        continue
                    }
                    seen[name] = item
                    world.missing.append(text)
                }
            } else {
                report(.wrongType, ["outside.missing", "a list of DNS names"], missingNode)
            }
        }
        if seen.count > OutsideWorld.maxNames {
            report(.invalidValue, ["outside", "\(seen.count) names (at most \(OutsideWorld.maxNames))"], node)
            return OutsideWorld()
        }
        return world
    }
}
