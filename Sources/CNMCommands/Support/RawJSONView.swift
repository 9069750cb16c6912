import CNMSim

/// The value docker's inspect fallback sees: the JSON decoded into
/// `map[string]interface{}` (decoded with UseNumber, so numbers print as written; omitted fields vanish).
enum RawJSONView {
    static func value(of v: TemplateValue) -> TemplateValue {
        switch v {
        case .structure(let s):
            var map: [String: TemplateValue] = [:]
            for f in s.fields {
                if f.omitEmpty && !f.value.isTruthy { continue }
                map[f.jsonName ?? f.name] = value(of: f.value)
            }
            return .map(map, kind: .any)
        case .map(let m, _, let isNil):
            return isNil ? .null : .map(m.mapValues { value(of: $0) }, kind: .any)
        case .list(let l, let isNil):
            return isNil ? .null : .list(l.map { value(of: $0) })
        case .time(let t): return .string(GoTime.rfc3339Nano(t))
        default: return v
        }
    }
}
