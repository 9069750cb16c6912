/// An execution-time value: `nil` is Go's invalid `reflect.Value` (a missing
/// map key, printed `<no value>`).
typealias TemplateEvalValue = TemplateValue?

/// Parameter kinds of template functions, mirroring the Go signatures
/// `text/template` validates against (`reflect.Value` means "anything,
/// including a missing value").
enum TemplateParam: Equatable, Sendable {
    case value, any, string, int, bool, float, stringList

    init(_ p: GoParameterType) {
        switch p {
        case .string: self = .string
        case .int: self = .int
        case .bool: self = .bool
        case .float: self = .float
        case .stringList: self = .stringList
        case .any: self = .any
        }
    }

    var goName: String {
        switch self {
        case .value: return "reflect.Value"
        case .any: return "interface {}"
        case .string: return "string"
        case .int: return "int"
        case .bool: return "bool"
        case .float: return "float64"
        case .stringList: return "[]string"
        }
    }
}

/// A function error; the executor reports it as `error calling NAME: MESSAGE`.
struct TemplateFuncError: Error { let message: String }

/// A callable: Go signature plus implementation.
struct TemplateFunction: Sendable {
    var fixed: [TemplateParam]
    var variadic: TemplateParam?
    var body: @Sendable ([TemplateEvalValue], TemplateFunctionContext) throws -> TemplateEvalValue
}

/// What functions may need from the executor (output limits).
struct TemplateFunctionContext: Sendable {
    var maxOutputBytes: Int
    func checkSize(_ n: Int) throws {
        if n > maxOutputBytes { throw TemplateFuncError(message: "strings: Repeat output length overflow") }
    }
}

/// Go's builtin template functions (`funcs.go`) and docker's
/// (`templates/templates.go`), plus docker's header-mode replacements.
enum TemplateFunctions {
    /// Names known at parse time (Go builtins + docker's basic functions).
    static let names: Set<String> = Set(builtins.keys).union(docker.keys)

    static func lookup(_ name: String, header: Bool) -> TemplateFunction? {
        if header, let f = headerFunctions[name] { return f }
        return docker[name] ?? builtins[name]
    }

    static func err(_ m: String) -> TemplateFuncError { TemplateFuncError(message: m) }

    // MARK: helpers

    enum BasicKind { case bool, int, uint, float, string, invalid }

    static func basicKind(_ v: TemplateEvalValue) -> BasicKind {
        switch v {
        case .bool?: return .bool
        case .int?: return .int
        case .uint?: return .uint
        case .float?: return .float
        case .string?: return .string
        default: return .invalid
        }
    }

    static func isNilish(_ v: TemplateEvalValue) -> Bool {
        switch v {
        case nil, .null?: return true
        case .list(_, let n)?: return n
        case .map(_, _, let n)?: return n
        default: return false
        }
    }

    static func truth(_ v: TemplateEvalValue) -> Bool { v?.isTruthy ?? false }

    static func comparable(_ v: TemplateValue) -> Bool {
        switch v {
        case .list, .map: return false
        case .structure(let s): return s.fields.allSatisfy { comparable($0.value) }
        default: return true
        }
    }

    static func eq(_ a: TemplateEvalValue, _ bs: [TemplateEvalValue]) throws -> Bool {
        if bs.isEmpty { throw err("missing argument for comparison") }
        let k1 = basicKind(a)
        for b in bs {
            let k2 = basicKind(b)
            var truth = false
            if k1 != k2 {
                switch (a, b) {
                case let (.int(x)?, .uint(y)?): truth = x >= 0 && UInt64(x) == y
                case let (.uint(x)?, .int(y)?): truth = y >= 0 && x == UInt64(y)
                default:
                    if !isNilish(a) && !isNilish(b) { throw err("incompatible types for comparison") }
                    truth = isNilish(a) && isNilish(b)
                }
            } else {
                switch (a, b) {
                case let (.bool(x)?, .bool(y)?): truth = x == y
                case let (.int(x)?, .int(y)?): truth = x == y
                case let (.uint(x)?, .uint(y)?): truth = x == y
                case let (.float(x)?, .float(y)?): truth = x == y
                case let (.string(x)?, .string(y)?): truth = x == y
                default:
                    if isNilish(a) || isNilish(b) {
                        truth = isNilish(a) == isNilish(b)
                    } else if let x = a, let y = b {
                        if x.goTypeName != y.goTypeName {
                            throw err("non-comparable types \(GoFormat.value(x)): \(x.goTypeName), \(y.goTypeName): \(GoFormat.value(y))")
                        }
                        if !comparable(y) { throw err("non-comparable type \(GoFormat.value(y)): \(y.goTypeName)") }
                        truth = x == y
                    }
                }
            }
            if truth { return true }
        }
        return false
    }

    static func lt(_ a: TemplateEvalValue, _ b: TemplateEvalValue) throws -> Bool {
        let k1 = basicKind(a), k2 = basicKind(b)
        if k1 == .invalid || k2 == .invalid { throw err("invalid type for comparison") }
        if k1 != k2 {
            switch (a, b) {
            case let (.int(x)?, .uint(y)?): return x < 0 || UInt64(x) < y
            case let (.uint(x)?, .int(y)?): return y >= 0 && x < UInt64(y)
            default: throw err("incompatible types for comparison")
            }
        }
        switch (a, b) {
        case (.bool?, .bool?): throw err("invalid type for comparison")
        case let (.int(x)?, .int(y)?): return x < y
        case let (.uint(x)?, .uint(y)?): return x < y
        case let (.float(x)?, .float(y)?): return x < y
        case let (.string(x)?, .string(y)?): return goStringLess(x, y)
        default: throw err("invalid type for comparison")
        }
    }

    static func indexArg(_ v: TemplateEvalValue, cap: Int) throws -> Int {
        let x: Int64
        switch v {
        case .int(let i)?: x = i
        case .uint(let u)?: x = Int64(truncatingIfNeeded: u)
        case nil, .null?: throw err("cannot index slice/array with nil")
        case let other?: throw err("cannot index slice/array with type \(other.goTypeName)")
        }
        if x < 0 || x > Int64(cap) { throw err("index out of range: \(x)") }
        return Int(x)
    }

    static func string(_ v: TemplateEvalValue) -> String {
        if case .string(let s)? = v { return s }
        return ""
    }

    static func int(_ v: TemplateEvalValue) -> Int64 {
        if case .int(let i)? = v { return i }
        return 0
    }

    static func strings(_ v: TemplateEvalValue) -> [String] {
        if case .list(let items, _)? = v { return items.map { if case .string(let s) = $0 { return s } else { return "" } } }
        return []
    }

    /// `fmt`-printable form of arguments (invalid → nil interface → `<nil>`).
    static func printable(_ args: [TemplateEvalValue]) -> [TemplateValue] { args.map { $0 ?? .null } }

    /// Go's `evalArgs` used by html/js/urlquery.
    static func evalArgs(_ args: [TemplateEvalValue]) -> String {
        if args.count == 1, case .string(let s)? = args[0] { return s }
        return GoFormat.sprint(args.map { $0 ?? .string("<no value>") })
    }

    static func byteString(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Go `unicode.ToUpper`/`ToLower` (simple, one-to-one case mapping).
    static func mapCase(_ s: String, upper: Bool) -> String {
        var out = String.UnicodeScalarView()
        for r in s.unicodeScalars {
            if r.value < 0x80 {
                var v = r.value
                if upper && v >= 97 && v <= 122 { v -= 32 }
                if !upper && v >= 65 && v <= 90 { v += 32 }
                out.append(Unicode.Scalar(v) ?? r)
                continue
            }
            let mapped = upper ? r.properties.uppercaseMapping : r.properties.lowercaseMapping
            let scalars = mapped.unicodeScalars
            if scalars.count == 1, let m = scalars.first { out.append(m) } else { out.append(r) }
        }
        return String(out)
    }

    /// Go `strings.Title` (deprecated but used by docker).
    static func title(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var prev: Unicode.Scalar = " "
        for r in s.unicodeScalars {
            if isSeparator(prev) {
                let t = r.properties.titlecaseMapping.unicodeScalars
                if t.count == 1, let m = t.first { out.append(m) } else { out.append(r) }
            } else {
                out.append(r)
            }
            prev = r
        }
        return String(out)
    }

    static func isSeparator(_ r: Unicode.Scalar) -> Bool {
        let v = r.value
        if v <= 0x7F {
            if (v >= 48 && v <= 57) || (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || v == 95 { return false }
            return true
        }
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return false
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return r.properties.isWhitespace
        }
    }

    static func htmlEscape(_ s: String) -> String {
        var out = ""
        for r in s.unicodeScalars {
            switch r {
            case "\0": out += "\u{FFFD}"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(r)
            }
        }
        return out
    }

    static func jsEscape(_ s: String) -> String {
        var out = ""
        for r in s.unicodeScalars {
            switch r {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            case "`": out += "\\u0060"
            default:
                if r.value < 0x20 {
                    out += "\\u" + GoFormat.hex(r.value, width: 4).uppercased()
                } else if r.value >= 0x80 && !GoFormat.isPrint(r) {
                    out += "\\u" + GoFormat.hex(r.value, width: 4).uppercased()
                } else {
                    out.unicodeScalars.append(r)
                }
            }
        }
        return out
    }

    static func queryEscape(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 65...90, 97...122, 48...57, 45, 95, 46, 126: out.unicodeScalars.append(Unicode.Scalar(b))
            case 32: out += "+"
            default: out += "%" + GoFormat.hex(UInt32(b), width: 2).uppercased()
            }
        }
        return out
    }

    // MARK: Go builtins

    static let builtins: [String: TemplateFunction] = [
        // and/or are evaluated lazily by the executor; these bodies are unused.
        "and": TemplateFunction(fixed: [.value], variadic: .value) { a, _ in a.last ?? nil },
        "or": TemplateFunction(fixed: [.value], variadic: .value) { a, _ in a.last ?? nil },
        "not": TemplateFunction(fixed: [.value], variadic: nil) { a, _ in .bool(!truth(a[0])) },
        "len": TemplateFunction(fixed: [.value], variadic: nil) { a, _ in
            switch a[0] {
            case nil: throw err("reflect: call of reflect.Value.Type on zero Value")
            case .null?: throw err("len of nil pointer")
            case .string(let s)?: return .int(Int64(s.utf8.count))
            case .list(let l, _)?: return .int(Int64(l.count))
            case .map(let m, _, _)?: return .int(Int64(m.count))
            case let v?: throw err("len of type \(v.goTypeName)")
            }
        },
        "index": TemplateFunction(fixed: [.value], variadic: .value) { a, _ in
            guard var item = a[0] else { throw err("index of untyped nil") }
            for idx in a.dropFirst() {
                switch item {
                case .null: throw err("index of nil pointer")
                case .list(let l, _):
                    let x = try indexArg(idx, cap: l.count)
                    if x == l.count { throw err("index out of range: \(x)") }
                    item = l[x]
                case .string(let s):
                    let bytes = Array(s.utf8)
                    let x = try indexArg(idx, cap: bytes.count)
                    if x == bytes.count { throw err("index out of range: \(x)") }
                    item = .uint(UInt64(bytes[x]))
                case .map(let m, let kind, _):
                    let key: String
                    switch idx {
                    case .string(let k)?: key = k
                    case nil, .null?: throw err("value is nil; should be of type string")
                    case let other?: throw err("value has type \(other.goTypeName); should be string")
                    }
                    if let v = m[key] {
                        if case .null = v, kind.elementZero == nil { return nil }
                        item = v
                    } else if let z = kind.elementZero {
                        item = z
                    } else {
                        return nil
                    }
                default:
                    throw err("can't index item of type \(item.goTypeName)")
                }
            }
            return item
        },
        "slice": TemplateFunction(fixed: [.value], variadic: .value) { a, _ in
            guard let item = a[0] else { throw err("slice of untyped nil") }
            let idxs = Array(a.dropFirst())
            if idxs.count > 3 { throw err("too many slice indexes: \(idxs.count)") }
            let count: Int
            switch item {
            case .string(let s):
                if idxs.count == 3 { throw err("cannot 3-index slice a string") }
                count = s.utf8.count
            case .list(let l, _): count = l.count
            default: throw err("can't slice item of type \(item.goTypeName)")
            }
            var idx = [0, count, count]
            for (i, v) in idxs.enumerated() { idx[i] = try indexArg(v, cap: count) }
            if idx[0] > idx[1] { throw err("invalid slice index: \(idx[0]) > \(idx[1])") }
            if idxs.count == 3 && idx[1] > idx[2] { throw err("invalid slice index: \(idx[1]) > \(idx[2])") }
            switch item {
            case .string(let s): return .string(byteString(Array(s.utf8)[idx[0]..<idx[1]]))
            case .list(let l, _): return .list(Array(l[idx[0]..<idx[1]]))
            default: return nil
            }
        },
        "eq": TemplateFunction(fixed: [.value], variadic: .value) { a, _ in .bool(try eq(a[0], Array(a.dropFirst()))) },
        "ne": TemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ in .bool(!(try eq(a[0], [a[1]]))) },
        "lt": TemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ in .bool(try lt(a[0], a[1])) },
        "le": TemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ in
            .bool(try lt(a[0], a[1]) || eq(a[0], [a[1]]))
        },
        "gt": TemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ in
            .bool(!(try lt(a[0], a[1]) || eq(a[0], [a[1]])))
        },
        "ge": TemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ in .bool(!(try lt(a[0], a[1]))) },
        "print": TemplateFunction(fixed: [], variadic: .any) { a, _ in .string(GoFormat.sprint(printable(a))) },
        "println": TemplateFunction(fixed: [], variadic: .any) { a, _ in .string(GoFormat.sprintln(printable(a))) },
        "printf": TemplateFunction(fixed: [.string], variadic: .any) { a, _ in
            .string(GoFormat.sprintf(string(a[0]), printable(Array(a.dropFirst()))))
        },
        "html": TemplateFunction(fixed: [], variadic: .any) { a, _ in .string(htmlEscape(evalArgs(a))) },
        "js": TemplateFunction(fixed: [], variadic: .any) { a, _ in .string(jsEscape(evalArgs(a))) },
        "urlquery": TemplateFunction(fixed: [], variadic: .any) { a, _ in .string(queryEscape(evalArgs(a))) },
        "call": TemplateFunction(fixed: [.value], variadic: .value) { a, _ in
            guard let f = a[0], !isNilish(f) else { throw err("call of nil") }
            throw err("non-function of type \(f.goTypeName)")
        },
    ]

    // MARK: docker's functions

    static let docker: [String: TemplateFunction] = [
        "json": TemplateFunction(fixed: [.any], variadic: nil) { a, _ in
            do {
                return .string(try GoJSON.encode(a[0] ?? .null))
            } catch let e as GoJSON.UnsupportedValue {
                throw err(e.message)
            }
        },
        "split": TemplateFunction(fixed: [.string, .string], variadic: nil) { a, ctx in
            let s = string(a[0]), sep = string(a[1])
            if sep.isEmpty {
                return .list(s.unicodeScalars.map { .string(String($0)) })
            }
            let bytes = Array(s.utf8), sb = Array(sep.utf8)
            var parts: [TemplateValue] = []
            var start = 0, i = 0
            while i + sb.count <= bytes.count {
                if bytes[i..<(i + sb.count)].elementsEqual(sb) {
                    parts.append(.string(byteString(bytes[start..<i])))
                    i += sb.count
                    start = i
                } else {
                    i += 1
                }
            }
            parts.append(.string(byteString(bytes[start...])))
            return .list(parts)
        },
        "join": TemplateFunction(fixed: [.stringList, .string], variadic: nil) { a, ctx in
            let parts = strings(a[0])
            let sep = string(a[1])
            try ctx.checkSize(parts.reduce(0) { $0 + $1.utf8.count } + sep.utf8.count * max(0, parts.count - 1))
            return .string(parts.joined(separator: sep))
        },
        "title": TemplateFunction(fixed: [.string], variadic: nil) { a, _ in .string(title(string(a[0]))) },
        "lower": TemplateFunction(fixed: [.string], variadic: nil) { a, _ in .string(mapCase(string(a[0]), upper: false)) },
        "upper": TemplateFunction(fixed: [.string], variadic: nil) { a, _ in .string(mapCase(string(a[0]), upper: true)) },
        "pad": TemplateFunction(fixed: [.string, .int, .int], variadic: nil) { a, ctx in
            let s = string(a[0])
            if s.isEmpty { return .string(s) }
            let p = int(a[1]), q = int(a[2])
            if p < 0 || q < 0 { throw err("strings: negative Repeat count") }
            try ctx.checkSize(p > Int64(ctx.maxOutputBytes) || q > Int64(ctx.maxOutputBytes) ? Int.max : Int(p + q))
            return .string(String(repeating: " ", count: Int(p)) + s + String(repeating: " ", count: Int(q)))
        },
        "truncate": TemplateFunction(fixed: [.string, .int], variadic: nil) { a, _ in
            let s = string(a[0])
            let bytes = Array(s.utf8)
            let n = int(a[1])
            if Int64(bytes.count) < n { return .string(s) }
            if n < 0 { throw err("runtime error: slice bounds out of range [:\(n)]") }
            return .string(byteString(bytes[0..<Int(n)]))
        },
    ]

    /// docker's `HeaderFunctions`: identity versions used when rendering table headers.
    static let headerFunctions: [String: TemplateFunction] = [
        "json": TemplateFunction(fixed: [.string], variadic: nil) { a, _ in a[0] },
        "split": TemplateFunction(fixed: [.string, .string], variadic: nil) { a, _ in a[0] },
        "join": TemplateFunction(fixed: [.string, .string], variadic: nil) { a, _ in a[0] },
        "title": TemplateFunction(fixed: [.string], variadic: nil) { a, _ in a[0] },
        "lower": TemplateFunction(fixed: [.string], variadic: nil) { a, _ in a[0] },
        "upper": TemplateFunction(fixed: [.string], variadic: nil) { a, _ in a[0] },
        "truncate": TemplateFunction(fixed: [.string, .int], variadic: nil) { a, _ in a[0] },
    ]
}
