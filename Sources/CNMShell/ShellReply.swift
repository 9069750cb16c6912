import CNMCommands

/// What the shell shows after one line, in the order it is shown (standard output and standard
/// error interleaved as written), whether the line needs a continuation, and whether the learner
/// asked to leave.
public struct ShellReply: Sendable, Equatable {
    /// Where a piece of text goes.
    public enum Stream: Sendable, Equatable { case stdout, stderr }

    /// One piece of text for one stream.
    public struct Chunk: Sendable, Equatable {
        public var stream: Stream
        public var text: String
    }

    /// Every piece of text, in order.
    public private(set) var chunks: [Chunk] = []
    public var needsContinuation = false
    public var exit = false
    /// Long reading (`theory`): shown through the pager when it is taller than the terminal.
    public var paged = false
    /// `engine start|stop|status`: for the runner, which holds the Engine API server (`ShellEngine`).
    var engineRequest: EngineRequest?

    public init(stdout: String = "", stderr: String = "", needsContinuation: Bool = false, exit: Bool = false) {
        out(stdout)
        err(stderr)
        self.needsContinuation = needsContinuation
        self.exit = exit
    }

    /// A command's output, its two streams in the order it wrote them.
    public init(_ output: CommandOutput) {
        for s in output.segments {
            switch s.stream {
            case .stdout: out(s.text)
            case .stderr: err(s.text)
            }
        }
    }

    /// Appends text for standard output.
    public mutating func out(_ text: String) {
        if !text.isEmpty { chunks.append(Chunk(stream: .stdout, text: text)) }
    }

    /// Appends text for standard error.
    public mutating func err(_ text: String) {
        if !text.isEmpty { chunks.append(Chunk(stream: .stderr, text: text)) }
    }

    /// Appends another reply's text after this one's.
    public mutating func append(_ other: ShellReply) { chunks += other.chunks }

    /// Everything for standard output.
    public var stdout: String { chunks.filter { $0.stream == .stdout }.map(\.text).joined() }
    /// Everything for standard error.
    public var stderr: String { chunks.filter { $0.stream == .stderr }.map(\.text).joined() }
    /// Both streams as a terminal shows them.
    public var text: String { chunks.map(\.text).joined() }
}
