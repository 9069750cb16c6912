/// A decoded JSON request body, kept as JSON has it (object keys in the order they came).
///
/// Request bodies are read into this value and then into each route's request type
/// (`JSONFields`), so that a wrong type can be reported the way Go's `encoding/json`
/// reports it to moby (`json: cannot unmarshal string into Go struct field …`).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as written (Go decodes it into the field's type later).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of `key` in an object as Go fills a struct field: keys match it
    /// case-insensitively and the last matching key wins.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        let folded = key.lowercased()
        return pairs.last(where: { $0.0.lowercased() == folded })?.1
    }

    /// The JSON kind in Go's words (`string`, `number`, `object`…), for unmarshal errors.
    var goKind: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
