/// Reads the fields of one JSON object into Swift values the way Go's `encoding/json`
/// fills a struct: keys match case-insensitively, `null` leaves the zero value, and a
/// value of the wrong kind is an `UnmarshalTypeError` (`json: cannot unmarshal string
/// into Go struct field CreateRequest.Internal of type bool`, Go 1.24 src/encoding/json/decode.go).
struct JSONFields {
    /// Go's `UnmarshalTypeError`, as moby wraps it: `invalid JSON: json: cannot unmarshal …`.
    struct TypeError: Error, Equatable {
        let message: String
    }

    let value: JSONValue
    /// The Go type the object decodes into (`CreateRequest`, `HostConfig`…).
    let typeName: String
    /// JSON keys from the request's root to this object.
    let path: [String]

    init(_ value: JSONValue, typeName: String, path: [String] = []) {
        self.value = value
        self.typeName = typeName
        self.path = path
    }

    func mismatch(_ key: String, _ found: JSONValue, goType: String) -> TypeError {
        let field = (path + [key]).joined(separator: ".")
        let what = found.goKind == "number" ? "number" : found.goKind
        if case .number(let n) = found, goType.hasPrefix("int") || goType.hasPrefix("uint") {
            return TypeError(message: "invalid JSON: json: cannot unmarshal number \(n) into Go struct field \(typeName).\(field) of type \(goType)")
        }
        return TypeError(message: "invalid JSON: json: cannot unmarshal \(what) into Go struct field \(typeName).\(field) of type \(goType)")
    }

    /// The object itself must be an object (or null).
    static func root(_ value: JSONValue, typeName: String) throws -> JSONFields {
        switch value {
        case .object, .null: return JSONFields(value, typeName: typeName)
        default:
            throw TypeError(message: "invalid JSON: json: cannot unmarshal \(value.goKind) into Go value of type \(goTypeQualified(typeName))")
        }
    }

    static func goTypeQualified(_ name: String) -> String {
        switch name {
        case "CreateRequest", "ConnectOptions", "DisconnectOptions": return "network.\(name)"
        case "CreateConfig": return "container.CreateRequest"
        case "ExecOptions", "ExecStartOptions": return "container.\(name)"
        default: return name
        }
    }

    func raw(_ key: String) -> JSONValue? {
        guard let v = value[key] else { return nil }
        if case .null = v { return nil }
        return v
    }

    func string(_ key: String) throws -> String? {
        guard let v = raw(key) else { return nil }
        guard case .string(let s) = v else { throw mismatch(key, v, goType: "string") }
        return s
    }

    func bool(_ key: String) throws -> Bool? {
        guard let v = raw(key) else { return nil }
        guard case .bool(let b) = v else { throw mismatch(key, v, goType: "bool") }
        return b
    }

    func int(_ key: String, goType: String = "int") throws -> Int? {
        guard let v = raw(key) else { return nil }
        guard case .number(let n) = v else { throw mismatch(key, v, goType: goType) }
        guard let i = Int(n) else { throw mismatch(key, v, goType: goType) }
        return i
    }

    func strings(_ key: String, goType: String = "[]string") throws -> [String]? {
        guard let v = raw(key) else { return nil }
        guard case .array(let items) = v else { throw mismatch(key, v, goType: goType) }
        return try items.map { item in
            guard case .string(let s) = item else {
                if case .null = item { return "" }
                throw mismatch(key, item, goType: "string")
            }
            return s
        }
    }

    /// A `[]string` that also accepts one string (moby's `strslice.StrSlice` for Cmd and Entrypoint).
    func strSlice(_ key: String) throws -> [String]? {
        if case .string(let s)? = raw(key) { return [s] }
        return try strings(key, goType: "strslice.StrSlice")
    }

    func stringMap(_ key: String) throws -> [String: String]? {
        guard let v = raw(key) else { return nil }
        guard case .object(let pairs) = v else { throw mismatch(key, v, goType: "map[string]string") }
        var out: [String: String] = [:]
        for (k, item) in pairs {
            switch item {
            case .string(let s): out[k] = s
            case .null: out[k] = ""
            default: throw mismatch(key, item, goType: "string")
            }
        }
        return out
    }

    /// The keys of an object-valued field (`ExposedPorts: {"80/tcp": {}}`).
    func keys(_ key: String, goType: String) throws -> [String]? {
        guard let v = raw(key) else { return nil }
        guard case .object(let pairs) = v else { throw mismatch(key, v, goType: goType) }
        return pairs.map(\.0)
    }

    func object(_ key: String, typeName: String, goType: String? = nil) throws -> JSONFields? {
        guard let v = raw(key) else { return nil }
        guard case .object = v else { throw mismatch(key, v, goType: goType ?? typeName) }
        return JSONFields(v, typeName: self.typeName, path: path + [key])
    }

    func objects(_ key: String, goType: String) throws -> [JSONFields]? {
        guard let v = raw(key) else { return nil }
        guard case .array(let items) = v else { throw mismatch(key, v, goType: goType) }
        return try items.map { item in
            switch item {
            case .object, .null: return JSONFields(item, typeName: typeName, path: path + [key])
            default: throw mismatch(key, item, goType: String(goType.dropFirst(2)))
            }
        }
    }

    /// `map[string]T` with object values, in the order the keys came.
    func objectMap(_ key: String, goType: String) throws -> [(String, JSONFields)]? {
        guard let v = raw(key) else { return nil }
        guard case .object(let pairs) = v else { throw mismatch(key, v, goType: goType) }
        return try pairs.map { (k, item) in
            switch item {
            case .object, .null: return (k, JSONFields(item, typeName: typeName, path: path + [key]))
            default: throw mismatch(key, item, goType: goType)
            }
        }
    }
}
