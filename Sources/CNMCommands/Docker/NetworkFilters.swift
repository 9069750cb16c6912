import CNMSim

/// The daemon's network list filters (moby v28.2.2 daemon/network/filter.go):
/// same key repeated = OR, different keys = AND.
struct NetworkFilters {
    var values: [String: [String]] = [:]
    /// `name=` and `id=` values, compiled once.
    private(set) var namePatterns: [FilterPattern] = []
    private(set) var idPatterns: [FilterPattern] = []

    static let accepted: Set<String> = ["dangling", "driver", "id", "label", "name", "scope", "type"]

    static func parse(_ raw: [String]) -> Result<NetworkFilters, EngineError> {
        var f = NetworkFilters()
        for item in raw {
            let (k, v) = FilterValidation.split(item)
            f.values[k, default: []].append(v)
        }
        f.namePatterns = (f.values["name"] ?? []).map(FilterPattern.init)
        f.idPatterns = (f.values["id"] ?? []).map(FilterPattern.init)
        for key in f.values.keys.sorted() where !accepted.contains(key) {
            return .failure(EngineError(.invalidParameter, "invalid filter '\(key)'"))
        }
        for v in f.values["type"] ?? [] where v != "custom" && v != "builtin" {
            return .failure(EngineError(.invalidParameter, "invalid filter: 'type'='\(v)'"))
        }
        if let d = f.values["dangling"] {
            if Set(d).count > 1 { return .failure(EngineError(.invalidParameter, "got more than one value for filter key \"dangling\"")) }
            if let v = d.first, !["true", "1", "false", "0"].contains(v) {
                return .failure(EngineError(.invalidParameter, "invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")"))
            }
        }
        return .success(f)
    }

    func matches(_ n: Network, engine: Engine) -> Bool {
        if let v = values["driver"], !v.contains(n.driver.rawValue) { return false }
        if !namePatterns.isEmpty, !namePatterns.contains(where: { $0.matches(n.name) }) { return false }
        if !idPatterns.isEmpty, !idPatterns.contains(where: { $0.matches(n.id) }) { return false }
        if let v = values["scope"], !v.contains(n.scope) { return false }
        if let v = values["type"] {
            let type = n.predefined ? "builtin" : "custom"
            if !v.contains(type) { return false }
        }
        if let v = values["label"] {
            for l in v {
                let parts = l.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(parts[0])
                guard let actual = n.labels[key] else { return false }
                if parts.count > 1 && actual != String(parts[1]) { return false }
            }
        }
        if let d = values["dangling"]?.first {
            let dangling = !n.predefined && engine.endpoints(onNetwork: n.id).isEmpty
            if (d == "true" || d == "1") != dangling { return false }
        }
        return true
    }
}
