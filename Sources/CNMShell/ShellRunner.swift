import CNMSim
import CNMCommands
import CNMLabs
import CNMProgress
#if canImport(Glibc)
import Glibc
#endif

/// Runs a `ShellSession` on a terminal (libedit) or on piped input (plain lines),
/// writing its replies to standard output and standard error.
public struct ShellRunner {
    public struct Options: Sendable {
        public var seed: UInt64 = 0
        public var language: Language = .en
        public var sandbox = false
        public var color = true
        public var historyPath: String?
        public var interactive: Bool
        public var labs: [Lab] = []
        public var store: ProgressStore?
        public var learner = "learner"
        /// `--curriculum DIR`; nil: the course built into the binary.
        public var curriculumDir: String?
        public var startLab: String?
        /// The environment (COLUMNS, LINES, PAGER) for the text width and the pager.
        public var environment: [String: String] = [:]
        /// The sandbox's extra machines on the LAN (labs bring their own).
        public var hosts: [HostSpec] = Cluster.courseHosts

        public init(interactive: Bool) { self.interactive = interactive }
    }

    /// What TAB reads: the latest state, shared with the C completion callback.
    final class CompletionContext: @unchecked Sendable {
        var engine: Engine
        var completer: Completer
        init(engine: Engine, completer: Completer) { self.engine = engine; self.completer = completer }
    }

    public static func run(_ options: Options) -> Int32 {
        var session = ShellSession(seed: options.seed, language: options.language, labs: options.labs,
                                   store: options.store, learner: options.learner, curriculumDir: options.curriculumDir,
                                   hosts: options.hosts)
        let context = CompletionContext(engine: session.engine, completer: session.completer)
        var reader: any LineReader = options.interactive
            ? EditLineReader(historyPath: options.historyPath) { before, word in
                let words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) + [word]
                return context.completer.candidates(words: words, engine: context.engine)
            }
            : PlainLineReader()
        // Wrapped to the terminal, or to COLUMNS when piped (no wrapping without it); re-read before every
        // line, so a resized window gets the new width.
        session.textWidth = TerminalSize.columns(fd: 1, environment: options.environment)
        session.styledText = options.color && isatty(1) == 1
        if options.interactive {
            Output.write(session.text(.welcome), to: 1)
            if options.sandbox { Output.write(session.text(.sandboxBanner), to: 1) }
        }
        if let id = options.startLab {
            write(session.startLab(id), options)
        } else if !options.sandbox, let notice = session.openingNotice(offerEnter: options.interactive) {
            // An unfinished lab: say which and how to go on (Enter at the first prompt, when on a terminal).
            Output.write(notice, to: 1)
        }
        while let line = reader.readLine(prompt: options.interactive ? session.prompt : "") {
            reader.remember(line)
            session.textWidth = TerminalSize.columns(fd: 1, environment: options.environment)
            let reply = session.handle(line)
            if reply.paged, Pager.wanted(reply.stdout, rows: TerminalSize.rows(fd: 1, environment: options.environment)),
               let pager = Pager.command(environment: options.environment), Pager.show(reply.stdout, command: pager) {
                Output.write(reply.stderr, to: 2)
                context.engine = session.engine
                continue
            }
            write(reply, options)
            context.engine = session.engine
            context.completer = session.completer
            if reply.exit { break }
        }
        if options.interactive { Output.write("\n", to: 1) }
        reader.save()
        return 0
    }

    /// Writes a reply's text in its order, standard output and standard error interleaved as produced.
    static func write(_ reply: ShellReply, _ options: Options) {
        for chunk in reply.chunks {
            switch chunk.stream {
            case .stdout: Output.write(options.interactive && options.color ? colorize(chunk.text) : chunk.text, to: 1)
            case .stderr: Output.write(chunk.text, to: 2)
            }
        }
    }

    /// Colours the status words of check results and completions. The words themselves
    /// (PASS, FAIL, ✔) always say the status, so colour is never the only signal.
    static func colorize(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("PASS ") {
                out += "\u{1B}[32mPASS\u{1B}[0m" + line.dropFirst(4)
            } else if line.hasPrefix("FAIL ") {
                out += "\u{1B}[31mFAIL\u{1B}[0m" + line.dropFirst(4)
            } else if line.hasPrefix("✔ ") {
                out += "\u{1B}[32m✔\u{1B}[0m" + line.dropFirst(1)
            } else {
                out += line
            }
            out += "\n"
        }
        return String(out.dropLast())
    }

    /// `$XDG_STATE_HOME/cnmlab/history` (or `~/.local/state/cnmlab/history`), its folder created.
    public static func defaultHistoryPath(environment env: [String: String]) -> String? {
        let base: String
        if let state = env["XDG_STATE_HOME"], !state.isEmpty { base = state }
        else if let home = env["HOME"], !home.isEmpty { base = home + "/.local/state" }
        else { return nil }
        let dir = base + "/cnmlab"
        var path = ""
        for part in dir.split(separator: "/") {
            path += "/" + part
            mkdir(path, 0o755)
        }
        return dir + "/history"
    }
}
