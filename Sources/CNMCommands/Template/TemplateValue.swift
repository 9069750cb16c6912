import CNMSim

/// The data a Go `text/template` (and Go's `encoding/json`/`fmt`) reads.
///
/// It mirrors the handful of Go kinds docker's `--format` templates meet:
/// scalars, `nil`, slices, `map[string]X`, structs (ordered fields, with a Go
/// type name for error messages and optional methods) and `time.Time`.
/// Maps always iterate, print and encode in sorted key order, as Go does.
public indirect enum TemplateValue: Sendable {
    /// A Go `string`.
    case string(String)
    /// A Go signed integer (`int`, `int64`, `uint16` ports are fine here too).
    case int(Int64)
    /// A Go unsigned integer.
    case uint(UInt64)
    /// A Go `float64`.
    case float(Double)
    /// A Go `bool`.
    case bool(Bool)
    /// Go `nil`: a nil pointer or nil interface. Prints `<nil>`, encodes `null`.
    case null
    /// A Go slice. `isNil` marks a nil slice: prints `[]` but encodes `null`.
    case list([TemplateValue], isNil: Bool = false)
    /// A Go `map[string]X`. `kind` says what a missing key yields from `index`;
    /// `isNil` marks a nil map: prints `map[]` but encodes `null`.
    case map([String: TemplateValue], kind: TemplateMapKind = .any, isNil: Bool = false)
    /// A Go struct value (ordered fields, optional methods).
    case structure(TemplateStruct)
    /// A Go `time.Time`, as nanoseconds since the Unix epoch, shown in UTC.
    case time(Int64)
}

/// What kind of Go map a `TemplateValue.map` stands for.
///
/// Go returns the element type's zero value for `{{index .M "missing"}}`:
/// `""` for `map[string]string`, but a nil interface (printed `<no value>`)
/// for `map[string]interface {}`. The type name appears in error messages.
public struct TemplateMapKind: Sendable, Equatable {
    /// Go spelling of the map type, e.g. `map[string]string`.
    public var goTypeName: String
    /// The value `index` yields for a missing key; `nil` means an interface nil.
    public var elementZero: TemplateValue?

    public init(goTypeName: String, elementZero: TemplateValue?) {
        self.goTypeName = goTypeName
        self.elementZero = elementZero
    }

    /// `map[string]interface {}` (e.g. JSON decoded by docker's raw fallback).
    public static let any = TemplateMapKind(goTypeName: "map[string]interface {}", elementZero: nil)
    /// `map[string]string` (labels, options).
    public static let string = TemplateMapKind(goTypeName: "map[string]string", elementZero: .string(""))
}

/// A Go parameter type, used to validate arguments the way `text/template` does
/// before calling a function or a struct method.
public enum GoParameterType: Sendable, Equatable {
    case string, int, bool, float, stringList, any

    /// Go spelling, as used in `wrong type for value; expected string; got int`.
    public var goName: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .bool: return "bool"
        case .float: return "float64"
        case .stringList: return "[]string"
        case .any: return "interface {}"
        }
    }
}

/// A method callable from a template on a struct value, e.g. `{{.Label "k"}}`.
/// Not part of equality or JSON.
public struct TemplateMethod: Sendable {
    /// Declared parameter types; the argument count must match exactly.
    public var parameters: [GoParameterType]
    /// The implementation. A thrown `TemplateError` (or any error) becomes
    /// `error calling NAME: MESSAGE`.
    public var body: @Sendable ([TemplateValue]) throws -> TemplateValue

    public init(parameters: [GoParameterType] = [], _ body: @escaping @Sendable ([TemplateValue]) throws -> TemplateValue) {
        self.parameters = parameters
        self.body = body
    }
}

/// One struct field: the Go field name (used by templates), its value, and
/// optionally the JSON key (Go's `json:"Id"` tag) and `omitempty`.
public struct TemplateField: Sendable, Equatable {
    public var name: String
    public var value: TemplateValue
    /// JSON key when it differs from `name` (e.g. `ID` field, `"Id"` key).
    public var jsonName: String?
    /// Go `omitempty`: skip in JSON when empty/zero/nil.
    public var omitEmpty: Bool

    public init(_ name: String, _ value: TemplateValue, jsonName: String? = nil, omitEmpty: Bool = false) {
        self.name = name
        self.value = value
        self.jsonName = jsonName
        self.omitEmpty = omitEmpty
    }
}

/// A Go struct value: ordered fields plus optional template-callable methods.
public struct TemplateStruct: Sendable, Equatable {
    /// Go type name for error messages, e.g. `network.Inspect`.
    public var typeName: String
    public var fields: [TemplateField]
    public var methods: [String: TemplateMethod]

    public init(typeName: String = "struct", fields: [TemplateField], methods: [String: TemplateMethod] = [:]) {
        self.typeName = typeName
        self.fields = fields
        self.methods = methods
    }

    /// The value of the field named `name`, if any.
    public subscript(name: String) -> TemplateValue? {
        fields.first(where: { $0.name == name })?.value
    }

    public static func == (a: TemplateStruct, b: TemplateStruct) -> Bool {
        a.typeName == b.typeName && a.fields == b.fields
    }
}

extension TemplateValue: Equatable {
    public static func == (a: TemplateValue, b: TemplateValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.uint(x), .uint(y)): return x == y
        case let (.float(x), .float(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        case let (.list(x, n1), .list(y, n2)): return x == y && n1 == n2
        case let (.map(x, k1, n1), .map(y, k2, n2)): return x == y && k1.goTypeName == k2.goTypeName && n1 == n2
        case let (.structure(x), .structure(y)): return x == y
        case let (.time(x), .time(y)): return x == y
        default: return false
        }
    }
}

extension TemplateValue {
    /// A struct from ordered `(name, value)` pairs.
    public static func object(_ fields: [(String, TemplateValue)], type typeName: String = "struct",
                              methods: [String: TemplateMethod] = [:]) -> TemplateValue {
        .structure(TemplateStruct(typeName: typeName, fields: fields.map { TemplateField($0.0, $0.1) }, methods: methods))
    }

    /// A `map[string]string`.
    public static func stringMap(_ entries: [String: String]) -> TemplateValue {
        .map(entries.mapValues { .string($0) }, kind: .string)
    }

    /// A nil `map[string]interface {}` (prints `map[]`, encodes `null`).
    public static let nilMap = TemplateValue.map([:], kind: .any, isNil: true)
    /// A nil `map[string]string`.
    public static let nilStringMap = TemplateValue.map([:], kind: .string, isNil: true)
    /// A nil slice (prints `[]`, encodes `null`).
    public static let nilList = TemplateValue.list([], isNil: true)

    /// A `time.Time` from UTC calendar fields.
    public static func date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0,
                            second: Int = 0, nanosecond: Int = 0) -> TemplateValue {
        .time(GoTime.nanoseconds(year: year, month: month, day: day, hour: hour, minute: minute,
                                 second: second, nanosecond: nanosecond))
    }

    /// The Go type name used in error messages.
    public var goTypeName: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .uint: return "uint"
        case .float: return "float64"
        case .bool: return "bool"
        case .null: return "interface {}"
        case .list(let items, _):
            if !items.isEmpty, items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                return "[]string"
            }
            if case .structure(let s)? = items.first,
               items.allSatisfy({ if case .structure(let t) = $0 { return t.typeName == s.typeName } else { return false } }) {
                return "[]" + s.typeName
            }
            return "[]interface {}"
        case .map(_, let kind, _): return kind.goTypeName
        case .structure(let s): return s.typeName
        case .time: return "time.Time"
        }
    }

    /// Go truthiness (`if`, `with`, `and`, `or`, `not`).
    public var isTruthy: Bool {
        switch self {
        case .string(let s): return !s.isEmpty
        case .int(let i): return i != 0
        case .uint(let u): return u != 0
        case .float(let f): return f != 0
        case .bool(let b): return b
        case .null: return false
        case .list(let items, _): return !items.isEmpty
        case .map(let m, _, _): return !m.isEmpty
        case .structure, .time: return true
        }
    }

    /// Map entries in Go's sorted key order.
    static func sortedEntries(_ m: [String: TemplateValue]) -> [(String, TemplateValue)] {
        m.keys.sorted(by: goStringLess).map { ($0, m[$0] ?? .null) }
    }
}

/// Go compares strings bytewise (UTF-8), which Swift's `<` does not always match.
func goStringLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var m: [String: TemplateValue] = [:]
        for (k, v) in elements { m[k] = v }
        self = .map(m)
    }
    public init(nilLiteral: ()) { self = .null }
}
