/// Limits checked on a lab file's text before any YAML parser sees it, so that
/// a hostile file ("billion laughs", deep nesting, alias keys) is refused in
/// linear time with an error instead of exhausting memory or time.
///
/// The scan is lexical and conservative: it skips comments, quoted scalars and
/// block scalars, counts anchors and aliases, and refuses non-scalar mapping
/// keys (an alias or a collection as a key), which lab files never need and
/// which a parser would hash in full.
public enum YAMLGuard {
    /// Largest lab file accepted, in bytes.
    public static let maxBytes = 512 * 1024
    /// Most alias uses (`*name`) in one file.
    public static let maxAliases = 64
    /// Deepest `[`/`{` nesting.
    public static let maxFlowDepth = 32
    /// Deepest block indentation (spaces and `- ` before the content), which bounds block nesting.
    public static let maxIndent = 128
    /// Most YAML nodes a document may expand to (aliases counted each time they are used).
    public static let maxNodes = 50_000

    /// A refusal: why, and where (1-based line and column).
    public struct Refusal: Sendable, Hashable {
        public var reason: LabText
        public var line: Int
        public var column: Int
    }

    /// Scans `bytes`; nil when the text is within every limit.
    public static func check(_ bytes: [UInt8]) -> Refusal? {
        if bytes.count > maxBytes {
            return Refusal(reason: LabText.phrase(.largerThan, String(maxBytes)), line: 1, column: 1)
        }
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        var lineStart = 0
        var aliases = 0
        var depth = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }
        func isSpace(_ b: UInt8?) -> Bool { b == nil || b == 32 || b == 9 || b == 10 || b == 13 }
        var column: Int { i - lineStart + 1 }

        func indentation(from start: Int) -> Int {
            var k = start
            while k < bytes.count, bytes[k] == 32 { k += 1 }
            return k - start
        }

        func tokenStart(_ k: Int) -> Bool {
            guard k > 0 else { return true }
            let p = bytes[k - 1]
            return p == 32 || p == 9 || p == 10 || p == 13 || p == UInt8(ascii: "[") || p == UInt8(ascii: "{")
                || p == UInt8(ascii: ",")
        }

        mutating func newline() {
            line += 1
            lineStart = i + 1
        }

        mutating func run() -> Refusal? {
            var blockIndent: Int? = nil      // inside a block scalar whose parent line had this indentation
            var lineIndent = 0
            var atLineStart = true
            while i < bytes.count {
                if atLineStart {
                    lineIndent = indentation(from: i)
                    var k = i
                    while k < bytes.count, bytes[k] == 32 || bytes[k] == UInt8(ascii: "-") { k += 1 }
                    if k - i > maxIndent {
                        return Refusal(reason: LabText.phrase(.yamlDeepIndent, String(maxIndent)), line: line, column: 1)
                    }
                    let first = at(i + lineIndent)
                    let blank = first == nil || first == 10 || first == 13
                    if let b = blockIndent {
                        if blank || lineIndent > b {
                            // Skip the whole line: it belongs to the block scalar.
                            while i < bytes.count, bytes[i] != 10 { i += 1 }
                            if i < bytes.count { newline(); i += 1 }
                            continue
                        }
                        blockIndent = nil
                    }
                    atLineStart = false
                }
                let b = bytes[i]
                switch b {
                case 10:
                    newline(); i += 1; atLineStart = true
                    continue
                case UInt8(ascii: "#") where tokenStart(i):
                    while i < bytes.count, bytes[i] != 10 { i += 1 }
                    continue
                case UInt8(ascii: "'") where tokenStart(i):
                    i += 1
                    while i < bytes.count {
                        if bytes[i] == 10 { newline() }
                        if bytes[i] == UInt8(ascii: "'") {
                            if at(i + 1) == UInt8(ascii: "'") { i += 2; continue }
                            break
                        }
                        i += 1
                    }
                    i += 1
                    continue
                case UInt8(ascii: "\"") where tokenStart(i):
                    i += 1
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                        if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                        if i < bytes.count, bytes[i] == 10 { newline() }
                        i += 1
                    }
                    i += 1
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > maxFlowDepth {
                        return Refusal(reason: LabText.phrase(.yamlDeepFlow, String(maxFlowDepth)), line: line, column: column)
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth = max(0, depth - 1)
                    i += 1
                    if let r = checkKeyAfter() {
                        return Refusal(reason: LabText.phrase(.yamlCollectionKey), line: r.line, column: r.column)
                    }
                    continue
                case UInt8(ascii: "*") where tokenStart(i):
                    aliases += 1
                    if aliases > maxAliases {
                        return Refusal(reason: LabText.phrase(.yamlTooManyAliases, String(maxAliases)), line: line, column: column)
                    }
                    let start = column
                    i += 1
                    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ","),
                          bytes[i] != UInt8(ascii: "]"), bytes[i] != UInt8(ascii: "}") { i += 1 }
                    var k = i
                    while k < bytes.count, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
                    if at(k) == UInt8(ascii: ":") {
                        return Refusal(reason: LabText.phrase(.yamlAliasKey), line: line, column: start)
                    }
                    continue
                case UInt8(ascii: "?") where tokenStart(i) && isSpace(at(i + 1)):
                    return Refusal(reason: LabText.phrase(.yamlComplexKey), line: line, column: column)
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if tokenStart(i) {
                        var k = i + 1
                        while let c = at(k), c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || (c >= 48 && c <= 57) { k += 1 }
                        while let c = at(k), c == 32 || c == 9 { k += 1 }
                        let c = at(k)
                        if c == nil || c == 10 || c == 13 || c == UInt8(ascii: "#") {
                            blockIndent = lineIndent
                            while i < bytes.count, bytes[i] != 10 { i += 1 }
                            continue
                        }
                    }
                default:
                    break
                }
                i += 1
            }
            return nil
        }

        /// After a closing quote or bracket: a `:` next means the thing was used as a key.
        mutating func checkKeyAfter() -> Refusal? {
            var k = i
            while k < bytes.count, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
            if at(k) == UInt8(ascii: ":"), isSpace(at(k + 1)) || at(k + 1) == UInt8(ascii: ",") {
                // A quoted scalar key is fine; only collections are refused (the caller decides).
                return Refusal(reason: LabText(""), line: line, column: column)
            }
            return nil
        }
    }
}
