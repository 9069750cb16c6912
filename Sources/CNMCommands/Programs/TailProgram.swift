import CNMSim

/// `tail [-n N | -N] [FILE]`: the last lines (10 by default) of standard input or of a file the
/// simulation derives (`/etc/hosts`, `/etc/resolv.conf`, `/etc/hostname`). Following (`-f`) never
/// ends and is not simulated; neither are several files.
enum TailProgram: SimulatedProgram {
    static let names = ["tail"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        var count = 10
        var files: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "-f" || a == "-F" || a == "--follow" { return NotSimulated.feature("tail -f (following a file never ends)") }
            if a == "-n", i + 1 < args.count {
                guard let n = Int(args[i + 1].hasPrefix("+") ? "x" : args[i + 1]), n >= 0 else {
                    return NotSimulated.feature("tail -n \(args[i + 1])")
                }
                count = n
                i += 2
                continue
            }
            if a.hasPrefix("-n"), let n = Int(a.dropFirst(2)), n >= 0 { count = n; i += 1; continue }
            if a.hasPrefix("-"), a.count > 1, let n = Int(a.dropFirst()), n >= 0 { count = n; i += 1; continue }
            if a.hasPrefix("-"), a.count > 1 { return NotSimulated.feature("tail option \(a)") }
            files.append(a)
            i += 1
        }
        guard files.count <= 1 else { return NotSimulated.feature("tail with several files") }
        let text: String
        if let path = files.first {
            guard let full = ctx.resolve(path), case .file(let t)? = ctx.files?.node(full) else {
                return .fail("tail: cannot open '\(path)' for reading: No such file or directory\n")
            }
            text = t
        } else {
            text = ctx.stdin
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        let kept = lines.suffix(count)
        if kept.isEmpty { return .ok() }
        return .ok(kept.joined(separator: "\n") + (endsWithNewline ? "\n" : ""))
    }
}
