/// `grep [-i] [-v] [-c] [-E] PATTERN` over piped input (GNU grep output and exit codes:
/// 0 when a line matched, 1 when none did, 2 on a bad pattern).
enum GrepProgram: SimulatedProgram {
    static let names = ["grep"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let stdin = ctx.stdin
        var ignoreCase = false, invert = false, count = false
        var pattern: String?
        for a in args {
            if pattern == nil, a.hasPrefix("-"), a.count > 1 {
                for flag in a.dropFirst() {
                    switch flag {
                    case "i": ignoreCase = true
                    case "v": invert = true
                    case "c": count = true
                    case "E", "F": break
                    default: return .fail("grep: invalid option -- '\(flag)'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2)
                    }
                }
            } else if pattern == nil {
                pattern = a
            } else {
                return NotSimulated.feature("grep on files")
            }
        }
        guard let pattern else {
            return .fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2)
        }
        guard let regex = try? Regex(pattern) else { return .fail("grep: Invalid regular expression\n", code: 2) }
        let re = ignoreCase ? regex.ignoresCase() : regex
        // Split on the LF byte: a Swift Character "\r\n" is not equal to "\n" (HTTP headers end in CRLF).
        var lines = stdin.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if stdin.utf8.last == 10 { lines.removeLast() }
        let selected = lines.filter { line in ((try? re.firstMatch(in: line)) != nil) != invert }
        if count { return CommandOutput(stdout: "\(selected.count)\n", exitCode: selected.isEmpty ? 1 : 0) }
        return CommandOutput(stdout: selected.map { $0 + "\n" }.joined(), exitCode: selected.isEmpty ? 1 : 0)
    }
}
