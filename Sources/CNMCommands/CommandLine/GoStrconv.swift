import CNMSim

/// The parts of Go's `strconv` that pflag uses to convert flag values, with Go's
/// exact acceptance rules and `*strconv.NumError` texts (for example
/// `strconv.ParseInt: parsing "abc": invalid syntax`). pflag's bool flags call
/// `ParseBool`; its int/int64 flags call `ParseInt(s, 0, 64)` — base 0, so
/// `0x1f`, `0o17`, `017`, `0b101` and `1_000` are all accepted.
public enum GoStrconv {
    /// `strconv.ParseBool`.
    public static func parseBool(_ s: String) -> Result<Bool, GoNumError> {
        switch s {
        case "1", "t", "T", "TRUE", "true", "True": return .success(true)
        case "0", "f", "F", "FALSE", "false", "False": return .success(false)
        default: return .failure(GoNumError(function: "ParseBool", input: s, kind: .syntax))
        }
    }

    /// `strconv.ParseInt(s, 0, 64)`.
    public static func parseInt64(_ s: String) -> Result<Int64, GoNumError> {
        let bytes = Array(s.utf8)
        func syntax() -> Result<Int64, GoNumError> { .failure(GoNumError(function: "ParseInt", input: s, kind: .syntax)) }
        func range() -> Result<Int64, GoNumError> { .failure(GoNumError(function: "ParseInt", input: s, kind: .range)) }
        guard let first = bytes.first else { return syntax() }
        var digits = bytes[...]
        var negative = false
        if first == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        } else if first == UInt8(ascii: "-") {
            negative = true
            digits = digits.dropFirst()
        }
        switch parseUint64(Array(digits)) {
        case .failure(.syntax):
            return syntax()
        case .failure(.range):
            return range()
        case .success(let magnitude):
            let cutoff: UInt64 = 1 << 63
            if !negative {
                if magnitude >= cutoff { return range() }
                return .success(Int64(magnitude))
            }
            if magnitude > cutoff { return range() }
            if magnitude == cutoff { return .success(Int64.min) }
            return .success(-Int64(magnitude))
        }
    }

    enum UintFailure: Error { case syntax, range }

    /// `strconv.ParseUint(s, 0, 64)`: errors are reported in the order Go
    /// finds them (an overflow before a bad digit is a range error).
    static func parseUint64(_ s0: [UInt8]) -> Result<UInt64, UintFailure> {
        if s0.isEmpty { return .failure(.syntax) }
        var s = s0[...]
        var base: UInt64 = 10
        func lower(_ c: UInt8) -> UInt8 { c | 0x20 }
        if s0[0] == UInt8(ascii: "0") {
            if s0.count >= 3 && lower(s0[1]) == UInt8(ascii: "b") {
                base = 2; s = s0[2...]
            } else if s0.count >= 3 && lower(s0[1]) == UInt8(ascii: "o") {
                base = 8; s = s0[2...]
            } else if s0.count >= 3 && lower(s0[1]) == UInt8(ascii: "x") {
                base = 16; s = s0[2...]
            } else {
                base = 8; s = s0[1...]
            }
        }
        let cutoff = UInt64.max / base + 1
        var n: UInt64 = 0
        var underscores = false
        for c in s {
            var d: UInt64
            if c == UInt8(ascii: "_") {
                underscores = true
                continue
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                d = UInt64(c - UInt8(ascii: "0"))
            } else if lower(c) >= UInt8(ascii: "a") && lower(c) <= UInt8(ascii: "z") {
                d = UInt64(lower(c) - UInt8(ascii: "a")) + 10
            } else {
                return .failure(.syntax)
            }
            if d >= base { return .failure(.syntax) }
            if n >= cutoff { return .failure(.range) }
            n = n &* base
            let (sum, overflow) = n.addingReportingOverflow(d)
            if overflow { return .failure(.range) }
            n = sum
        }
        if underscores && !underscoreOK(s0) { return .failure(.syntax) }
        return .success(n)
    }

    /// Go's `underscoreOK`: underscores only between digits (or after a base prefix).
    static func underscoreOK(_ input: [UInt8]) -> Bool {
        var s = input[...]
        if let f = s.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { s = s.dropFirst() }
        let chars = Array(s)
        func lower(_ c: UInt8) -> UInt8 { c | 0x20 }
        var saw: UInt8 = UInt8(ascii: "^")
        var i = 0
        var hex = false
        if chars.count >= 2, chars[0] == UInt8(ascii: "0"),
           [UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "x")].contains(lower(chars[1])) {
            i = 2
            saw = UInt8(ascii: "0")
            hex = lower(chars[1]) == UInt8(ascii: "x")
        }
        while i < chars.count {
            let c = chars[i]
            i += 1
            if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                || (hex && lower(c) >= UInt8(ascii: "a") && lower(c) <= UInt8(ascii: "f")) {
                saw = UInt8(ascii: "0")
                continue
            }
            if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
                continue
            }
            if saw == UInt8(ascii: "_") { return false }
            saw = UInt8(ascii: "!")
        }
        return saw != UInt8(ascii: "_")
    }
}

/// Go's `*strconv.NumError`; `description` is its `Error()` text.
public struct GoNumError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Go's two sentinel errors.
    public enum Kind: Sendable, Equatable {
        /// `strconv.ErrSyntax`: "invalid syntax".
        case syntax
        /// `strconv.ErrRange`: "value out of range".
        case range
    }
    /// The Go function name, e.g. `ParseInt`.
    public var function: String
    /// The input exactly as given.
    public var input: String
    public var kind: Kind

    public var description: String {
        "strconv.\(function): parsing \(GoQuote.quote(input)): "
            + (kind == .syntax ? "invalid syntax" : "value out of range")
    }
}
