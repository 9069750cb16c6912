/// Cuts a script into command lines the way a shell reads them: a line whose
/// quote, `\`, `&&`, `|` or `$(` is still open continues on the next line.
public enum LineSplitter {
    /// At most this many bytes are read as one command line.
    public static let maxLineBytes = 1 << 20

    public static func commandLines(_ input: [UInt8]) -> [[UInt8]] {
        var physical = input.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        if input.last == 10 { physical.removeLast() }
        var lines: [[UInt8]] = []
        var pending: [UInt8]? = nil
        for raw in physical {
            var line = raw
            if line.last == 13 { line.removeLast() }
            let candidate = pending.map { $0 + [10] + line } ?? line
            if candidate.count > maxLineBytes {
                lines.append(candidate)
                pending = nil
                continue
            }
            if case .incomplete = ShellLine.parse(bytes: candidate) {
                pending = candidate
            } else {
                lines.append(candidate)
                pending = nil
            }
        }
        if let rest = pending { lines.append(rest) }
        return lines
    }
}
