/// One line a container's main process wrote, as the json-file log driver keeps it: when, on which
/// stream, and the text without its newline. `docker logs` reads them back.
public struct ContainerLogLine: Sendable, Hashable {
    public enum Stream: String, Sendable, Hashable { case stdout, stderr }

    public var time: SimTime
    public var stream: Stream
    public var text: String

    public init(time: SimTime, stream: Stream, text: String) {
        self.time = time; self.stream = stream; self.text = text
    }
}

extension Engine {
    /// Appends lines to a container's log (nothing when it does not exist).
    public mutating func appendLog(_ id: String, _ lines: [ContainerLogLine]) {
        guard !lines.isEmpty, containers[id] != nil else { return }
        containers[id]?.logs += lines
    }

    /// Appends a program's output, one log line per line of text, at the current time. `pieces` are
    /// what it wrote on each stream in the order written; as moby's log copier does (moby v28.2.2
    /// daemon/logger/copier.go), each stream keeps its own unfinished line, and a line is logged when
    /// its newline is written, so lines of both streams stay in time order. Unfinished lines are
    /// logged at the end, stdout's first.
    public mutating func appendLog(_ id: String, pieces: [(stream: ContainerLogLine.Stream, text: String)]) {
        var pending: [ContainerLogLine.Stream: String] = [:]
        var lines: [ContainerLogLine] = []
        for piece in pieces {
            var parts = piece.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let rest = parts.removeLast()
            for (i, part) in parts.enumerated() {
                let text = i == 0 ? (pending[piece.stream] ?? "") + part : part
                if i == 0 { pending[piece.stream] = nil }
                lines.append(ContainerLogLine(time: clock, stream: piece.stream, text: text))
            }
            if !rest.isEmpty { pending[piece.stream, default: ""] += rest }
        }
        for stream in [ContainerLogLine.Stream.stdout, .stderr] {
            if let text = pending[stream] { lines.append(ContainerLogLine(time: clock, stream: stream, text: text)) }
        }
        appendLog(id, lines)
    }

    /// Appends a program's output when only each stream's whole text is known (stdout's lines first).
    public mutating func appendLog(_ id: String, stdout: String, stderr: String) {
        appendLog(id, pieces: [(.stdout, stdout), (.stderr, stderr)])
    }
}
