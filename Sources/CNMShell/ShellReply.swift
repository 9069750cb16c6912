import CNMCommands

/// What the shell shows after one line, in the order it is shown (standard output and standard
/// error interleaved as written), whether the line needs a continuation, and whether the learner
/// asked to leave.
public struct ShellReply: Sendable, Equatable {
    /// Where a piece of text goes.
    public enum Stream: Sendable, Equatable { case stdout, stderr }

    /// Who wrote a piece of text: cnmlab itself (in the session's language) or a simulated program
    /// (docker, ip, iptables…: byte-exact and never translated). Tests that check a session's
    /// language read only cnmlab's pieces, by construction rather than by guessing.
    public enum Origin: Sendable, Equatable { case cnmlab, program }

    /// One piece of text for one stream.
    public struct Chunk: Sendable, Equatable {
        public var stream: Stream
        public var text: String
        public var origin: Origin = .cnmlab
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

    /// A command's output, its two streams in the order it wrote them, tagged as program output.
    public init(_ output: CommandOutput) {
        for s in output.segments {
            program(s.text, to: s.stream == .stdout ? .stdout : .stderr)
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

    /// Appends a piece of one stream that a simulated program printed, tagged as program output.
    /// Lines starting `cnmlab: ` inside it are cnmlab's own notes (`NotSimulated`), tagged as cnmlab's.
    mutating func program(_ text: String, to stream: Stream) {
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex
            let line = String(rest[..<end])
            rest = rest[end...]
            let origin: Origin = line.hasPrefix("cnmlab: ") ? .cnmlab : .program
            if let last = chunks.last, last.stream == stream, last.origin == origin {
                chunks[chunks.count - 1].text += line
            } else {
                chunks.append(Chunk(stream: stream, text: line, origin: origin))
            }
        }
    }

    /// Wraps cnmlab's own notes inside program output (`cnmlab: … 시뮬레이션하지 않습니다 (…)`) to
    /// `width` terminal columns by words, as the shell's other texts are (`TextWrap`); what the
    /// programs printed stays exactly as printed.
    mutating func wrapNotes(width: Int?) {
        guard let width else { return }
        for k in chunks.indices where chunks[k].origin == .cnmlab && chunks[k].text.hasPrefix("cnmlab: ") {
            chunks[k].text = TextWrap.wrap(chunks[k].text, width: width, hangingIndent: 8)
        }
    }

    /// Wraps what `why` printed (cnmlab's own explanation, not a real program's bytes) to `width`
    /// columns by words, each line on its own: a hop's continuation starts under its text
    /// (` 4. nat PREROUTING: …` goes on 4 columns in), any other line 4 columns in. A long hop in
    /// Korean otherwise runs past the edge and the terminal cuts it inside a word.
    mutating func wrapWhy(width: Int?) {
        guard let width else { return }
        for k in chunks.indices where chunks[k].origin == .program {
            chunks[k].text = chunks[k].text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let line = String(line)
                let lead = line.prefix { $0 == " " }.count
                let indent = TextWrap.listMarker(String(line.dropFirst(lead))).map { lead + TextWrap.width($0) } ?? 4
                return TextWrap.wrapRow(line, width: width, hangingIndent: indent)
            }.joined(separator: "\n")
        }
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
