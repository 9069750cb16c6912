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
        var hereDocument: [UInt8]? = nil
        for raw in physical {
            var line = raw
            if line.last == 13 { line.removeLast() }
            // Inside a here-document only its delimiter line can end the command: the lines before it
            // are taken without parsing the growing text again (which would make a long body quadratic).
            if let delimiter = hereDocument, var text = pending, !HereDocumentLine.mayEnd(line, delimiter: delimiter),
               text.count + 1 + line.count <= maxLineBytes {
                text.append(10)
                text.append(contentsOf: line)
                pending = text
                continue
            }
            hereDocument = nil
            let candidate = pending.map { $0 + [10] + line } ?? line
            if candidate.count > maxLineBytes {
                lines.append(candidate)
                pending = nil
                continue
            }
            if case .incomplete(let reason) = ShellLine.parse(bytes: candidate) {
                pending = candidate
                if case .hereDocument(let d) = reason { hereDocument = Array(d.utf8) }
            } else {
                lines.append(candidate)
                pending = nil
            }
        }
        if let rest = pending { lines.append(rest) }
        return lines
    }
}
