/// Reads one JSON value as Go's `json.Decoder` does for moby's `httputils.ReadJSON`
/// (moby v28.2.2 api/server/httputils/httputils.go): the first value is decoded, later
/// bytes only count if they start another value (`unexpected content after JSON`), and
/// syntax errors carry Go's own wording (Go 1.24 src/encoding/json/scanner.go).
public enum JSONParser {
    /// Why a body is not JSON: `message` is what follows `invalid JSON: ` in moby's answer.
    public struct SyntaxError: Error, Sendable, Equatable {
        public let message: String
    }

    /// moby's messages for a body that cannot be decoded (each answered with 400).
    public static func decodeRequestBody(_ bytes: [UInt8]) -> Result<JSONValue, SyntaxError> {
        var p = Parser(bytes: bytes)
        p.skipSpace()
        if p.atEnd { return .failure(SyntaxError(message: "invalid JSON: got EOF while reading request body")) }
        let value: JSONValue
        do {
            value = try p.parseValue(depth: 0)
        } catch let e as Parser.Failure {
            return .failure(SyntaxError(message: "invalid JSON: " + e.text))
        } catch {
            return .failure(SyntaxError(message: "invalid JSON: unexpected EOF"))
        }
        // Decoder.More: anything but a closing bracket after the value is more content.
        p.skipSpace()
        if !p.atEnd, p.peek != UInt8(ascii: "]"), p.peek != UInt8(ascii: "}") {
            return .failure(SyntaxError(message: "unexpected content after JSON"))
        }
        return .success(value)
    }

    /// Parses a complete document (used for query parameters such as `filters`): trailing bytes are an error.
    public static func parseDocument(_ text: String) -> Result<JSONValue, SyntaxError> {
        var p = Parser(bytes: Array(text.utf8))
        p.skipSpace()
        do {
            let v = try p.parseValue(depth: 0)
            p.skipSpace()
            if !p.atEnd { throw Parser.Failure(text: "invalid character \(Parser.quoteChar(p.peek)) after top-level value") }
            return .success(v)
        } catch let e as Parser.Failure {
            return .failure(SyntaxError(message: e.text))
        } catch {
            return .failure(SyntaxError(message: "unexpected end of JSON input"))
        }
    }

    struct Parser {
        struct Failure: Error { let text: String }
        struct EndOfInput: Error {}

        let bytes: [UInt8]
        var i = 0
        /// Go's decoder refuses nesting deeper than 10000; far less is plenty for a request body.
        static let maxDepth = 512

        init(bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { i >= bytes.count }
        var peek: UInt8 { bytes[i] }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        mutating func next() throws -> UInt8 {
            guard i < bytes.count else { throw EndOfInput() }
            defer { i += 1 }
            return bytes[i]
        }

        /// Go's `quoteChar`.
        static func quoteChar(_ c: UInt8) -> String {
            if c == UInt8(ascii: "'") { return "'\\''" }
            if c == UInt8(ascii: "\"") { return "'\"'" }
            switch c {
            case 0x07: return "'\\a'"
            case 0x08: return "'\\b'"
            case 0x0C: return "'\\f'"
            case 0x0A: return "'\\n'"
            case 0x0D: return "'\\r'"
            case 0x09: return "'\\t'"
            case 0x0B: return "'\\v'"
            case 0x5C: return "'\\\\'"
            default:
                if c < 0x20 || c == 0x7F { return "'\\x" + hex2(c) + "'" }
                if c >= 0x80 { return "'\\x" + hex2(c) + "'" }
                return "'" + String(UnicodeScalar(c)) + "'"
            }
        }

        static func hex2(_ c: UInt8) -> String {
            let digits = Array("0123456789abcdef")
            return String(digits[Int(c >> 4)]) + String(digits[Int(c & 0xF)])
        }

        mutating func parseValue(depth: Int) throws -> JSONValue {
            skipSpace()
            let c = try next()
            switch c {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try literal("true", c); return .bool(true)
            case UInt8(ascii: "f"): try literal("false", c); return .bool(false)
            case UInt8(ascii: "n"): try literal("null", c); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                i -= 1
                return .number(try parseNumber())
            default:
                throw Failure(text: "invalid character \(Self.quoteChar(c)) looking for beginning of value")
            }
        }

        mutating func literal(_ word: String, _ first: UInt8) throws {
            for expected in word.utf8.dropFirst() {
                let c = try next()
                if c != expected {
                    throw Failure(text: "invalid character \(Self.quoteChar(c)) in literal \(word) (expecting \(Self.quoteChar(expected)))")
                }
            }
        }

        mutating func parseNumber() throws -> String {
            let start = i
            func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
            if try peekByte() == UInt8(ascii: "-") { i += 1 }
            let first = try next()
            guard digit(first) else {
                throw Failure(text: "invalid character \(Self.quoteChar(first)) in numeric literal")
            }
            if first != UInt8(ascii: "0") { while i < bytes.count, digit(bytes[i]) { i += 1 } }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                let d = try next()
                guard digit(d) else { throw Failure(text: "invalid character \(Self.quoteChar(d)) after decimal point in numeric literal") }
                while i < bytes.count, digit(bytes[i]) { i += 1 }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                let d = try next()
                guard digit(d) else { throw Failure(text: "invalid character \(Self.quoteChar(d)) in exponent of numeric literal") }
                while i < bytes.count, digit(bytes[i]) { i += 1 }
            }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        func peekByte() throws -> UInt8 {
            guard i < bytes.count else { throw EndOfInput() }
            return bytes[i]
        }

        mutating func parseString() throws -> String {
            var out: [UInt8] = []
            while true {
                let c = try next()
                switch c {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    let e = try next()
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if scalar >= 0xD800 && scalar < 0xDC00,
                           i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                            let save = i
                            i += 2
                            let low = try hex4()
                            if low >= 0xDC00 && low < 0xE000 {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                i = save
                                scalar = 0xFFFD
                            }
                        }
                        let u = UnicodeScalar(scalar) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(u).utf8))
                    default:
                        throw Failure(text: "invalid character \(Self.quoteChar(e)) in string escape code")
                    }
                default:
                    if c < 0x20 { throw Failure(text: "invalid character \(Self.quoteChar(c)) in string literal") }
                    out.append(c)
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = try next()
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                default: throw Failure(text: "invalid character \(Self.quoteChar(c)) in \\u hexadecimal character escape")
                }
                v = v * 16 + d
            }
            return v
        }

        mutating func parseArray(depth: Int) throws -> JSONValue {
            if depth > Self.maxDepth { throw Failure(text: "exceeded max depth") }
            var items: [JSONValue] = []
            skipSpace()
            if try peekByte() == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                items.append(try parseValue(depth: depth))
                skipSpace()
                let c = try next()
                if c == UInt8(ascii: "]") { return .array(items) }
                if c != UInt8(ascii: ",") { throw Failure(text: "invalid character \(Self.quoteChar(c)) after array element") }
            }
        }

        mutating func parseObject(depth: Int) throws -> JSONValue {
            if depth > Self.maxDepth { throw Failure(text: "exceeded max depth") }
            var pairs: [(String, JSONValue)] = []
            skipSpace()
            var c = try next()
            if c == UInt8(ascii: "}") { return .object(pairs) }
            while true {
                guard c == UInt8(ascii: "\"") else {
                    throw Failure(text: "invalid character \(Self.quoteChar(c)) looking for beginning of object key string")
                }
                let key = try parseString()
                skipSpace()
                let colon = try next()
                guard colon == UInt8(ascii: ":") else {
                    throw Failure(text: "invalid character \(Self.quoteChar(colon)) after object key")
                }
                pairs.append((key, try parseValue(depth: depth)))
                skipSpace()
                let sep = try next()
                if sep == UInt8(ascii: "}") { return .object(pairs) }
                guard sep == UInt8(ascii: ",") else {
                    throw Failure(text: "invalid character \(Self.quoteChar(sep)) after object key:value pair")
                }
                skipSpace()
                c = try next()
            }
        }
    }
}
