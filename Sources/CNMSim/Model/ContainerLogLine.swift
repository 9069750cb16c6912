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

    /// Appends a program's output, one log line per line of text, at the current time.
    public mutating func appendLog(_ id: String, stdout: String, stderr: String) {
        func lines(_ text: String, _ stream: ContainerLogLine.Stream) -> [ContainerLogLine] {
            var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if parts.last == "" { parts.removeLast() }
            return parts.map { ContainerLogLine(time: clock, stream: stream, text: $0) }
        }
        appendLog(id, lines(stdout, .stdout) + lines(stderr, .stderr))
    }
}
