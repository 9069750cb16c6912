import CNMSim

/// What one command printed and how it ended, as a terminal would show it.
///
/// `stdout` and `stderr` hold each stream's whole text (what `--json` reports). The order in which
/// the two were written is kept too (`segments`): `docker run --network host -p 80:80 nginx` prints its
/// WARNING on standard error before the container ID on standard output, and a terminal shows them
/// so. Every `+=` on either stream is recorded as the end of a piece of that stream; equality compares
/// the texts and the exit code only.
public struct CommandOutput: Sendable, Equatable {
    /// The two output streams.
    public enum Stream: Sendable, Equatable { case stdout, stderr }

    /// One piece of one stream, in the order written.
    public struct Segment: Sendable, Equatable {
        public var stream: Stream
        public var text: String
    }

    /// Where a piece ends: the stream and its UTF-8 length at that moment.
    private struct Mark: Sendable, Equatable {
        var stream: Stream
        var end: Int
    }

    public var stdout: String { didSet { noteWritten(.stdout, length: stdout.utf8.count) } }
    public var stderr: String { didSet { noteWritten(.stderr, length: stderr.utf8.count) } }
    public var exitCode: Int32
    /// The typed errors behind what stderr reports, in order: each daemon error printed as
    /// `Error response from daemon: …`, and cnmlab's not-simulated refusals (kind `.notSimulated`).
    /// The Engine API answers with the HTTP status of the first (`EngineError.Kind`), never by reading
    /// the text. Not part of equality: two outputs are equal when the terminal shows the same.
    public var errors: [EngineError]
    private var marks: [Mark] = []

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0, errors: [EngineError] = []) {
        self.stdout = stdout; self.stderr = stderr; self.exitCode = exitCode; self.errors = errors
        if !stdout.isEmpty { marks.append(Mark(stream: .stdout, end: stdout.utf8.count)) }
        if !stderr.isEmpty { marks.append(Mark(stream: .stderr, end: stderr.utf8.count)) }
    }

    public static func ok(_ stdout: String = "") -> CommandOutput { CommandOutput(stdout: stdout) }

    public static func fail(_ stderr: String, code: Int32 = 1, stdout: String = "") -> CommandOutput {
        CommandOutput(stdout: stdout, stderr: stderr, exitCode: code)
    }

    public static func == (a: CommandOutput, b: CommandOutput) -> Bool {
        a.stdout == b.stdout && a.stderr == b.stderr && a.exitCode == b.exitCode
    }

    /// Records that `stream` is now `length` bytes long: a longer stream ends a new piece (or extends
    /// the last one when it is of the same stream); a shorter one drops the pieces past it. A stream
    /// assigned anew rather than appended to keeps all its text, in pieces placed as its lengths say.
    private mutating func noteWritten(_ stream: Stream, length: Int) {
        var written = marks.last(where: { $0.stream == stream })?.end ?? 0
        if length < written {
            marks.removeAll { $0.stream == stream && $0.end > length }
            written = marks.last(where: { $0.stream == stream })?.end ?? 0
        }
        guard length > written else { return }
        if marks.last?.stream == stream { marks[marks.count - 1].end = length } else { marks.append(Mark(stream: stream, end: length)) }
    }

    /// Both streams' pieces in the order they were written.
    public var segments: [Segment] {
        let bytes: [Stream: [UInt8]] = [.stdout: Array(stdout.utf8), .stderr: Array(stderr.utf8)]
        var cursor: [Stream: Int] = [.stdout: 0, .stderr: 0]
        var out: [Segment] = []
        func take(_ stream: Stream, upTo end: Int) {
            let all = bytes[stream] ?? []
            let from = cursor[stream] ?? 0
            let to = min(end, all.count)
            guard to > from else { return }
            out.append(Segment(stream: stream, text: String(decoding: all[from..<to], as: UTF8.self)))
            cursor[stream] = to
        }
        for m in marks { take(m.stream, upTo: m.end) }
        take(.stdout, upTo: Int.max)
        take(.stderr, upTo: Int.max)
        return out
    }

    /// Both streams as a terminal shows them.
    public var terminalText: String { segments.map(\.text).joined() }

    /// Appends another command's output, in its order (for `;`/`&&` sequences).
    public mutating func append(_ other: CommandOutput) {
        for s in other.segments {
            switch s.stream {
            case .stdout: stdout += s.text
            case .stderr: stderr += s.text
            }
        }
        exitCode = other.exitCode
        errors += other.errors
    }

    /// Rewrites each piece of standard error (line-wise translations), keeping the order.
    public mutating func mapStderr(_ transform: (String) -> String) {
        let pieces = segments
        var rebuilt = CommandOutput(exitCode: exitCode, errors: errors)
        for p in pieces {
            switch p.stream {
            case .stdout: rebuilt.stdout += p.text
            case .stderr: rebuilt.stderr += transform(p.text)
            }
        }
        self = rebuilt
    }
}
