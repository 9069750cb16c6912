/// `head [-n N] [-N]` over piped input.
enum HeadProgram: SimulatedProgram {
    static let names = ["head"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let stdin = ctx.stdin
        var n = 10
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "-n", i + 1 < args.count, let v = Int(args[i + 1]), v >= 0 { n = v; i += 2; continue }
            if a.hasPrefix("-n"), let v = Int(a.dropFirst(2)), v >= 0 { n = v; i += 1; continue }
            if a.hasPrefix("-"), let v = Int(a.dropFirst()), v >= 0 { n = v; i += 1; continue }
            return .fail("head: invalid number of lines: '\(a)'\n")
        }
        // Split on the LF byte: a Swift Character "\r\n" is not equal to "\n" (HTTP headers end in CRLF).
        var lines = stdin.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if stdin.utf8.last == 10 { lines.removeLast() }
        return .ok(lines.prefix(n).map { $0 + "\n" }.joined())
    }
}
