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
    /// Whether the shell colours its status words: not with `--no-color`, nor when `NO_COLOR` is set to
    /// a non-empty value (no-color.org: an empty `NO_COLOR` does not count).
    public static func wantsColor(noColorFlag: Bool, environment: [String: String]) -> Bool {
        !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }

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
        /// `--curriculum DIR` with the file system to read it; nil: the course built into the binary.
        public var curriculum: CurriculumFolder?
        public var startLab: String?
        /// The environment (COLUMNS, LINES, PAGER) for the text width and the pager.
        public var environment: [String: String] = [:]
        /// The sandbox's extra machines on the LAN (labs bring their own).
        public var hosts: [HostSpec] = Cluster.courseHosts
        /// Serve the Docker Engine API for the shell's host at start (`--engine`); nil socket: the default.
        public var engine = false
        public var engineSocket: String?

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
                                   store: options.store, learner: options.learner, curriculum: options.curriculum,
                                   hosts: options.hosts)
        let context = CompletionContext(engine: session.completionEngine, completer: session.completer)
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
        // Lab lines are committed before the prompt and synced to the disk just after; a termination
        // signal waits for that sync (Ctrl-C on a terminal only cancels the line being edited).
        if options.store != nil {
            ProgressStore.syncBeforeDying(of: options.interactive ? [SIGTERM, SIGHUP] : [SIGINT, SIGTERM, SIGHUP])
        }
        // One lock around the session: typed lines and a docker client's changes (the Engine API) take turns.
        let shared = SharedShellSession(session)
        let engine = ShellEngine(shared: shared)
        defer { engine.shutdown() }
        if options.engine { write(engine.start(socket: options.engineSocket, language: session.language), options) }
        func showNotices() {
            for notice in shared.takeNotices() { write(notice, options) }
        }
        var quit = false
        while true {
            showNotices()
            let prompt = shared.withLock { shared.session.prompt }
            guard let line = reader.readLine(prompt: options.interactive ? prompt : "", interrupted: {
                shared.withLock { shared.session.abandonLine(); return shared.session.prompt }
            }) else {
                // Ctrl-D at a nested prompt leaves it, as sh and ssh do; at the shell's own it ends cnmlab.
                guard options.interactive, let left = shared.withLock({ shared.session.endOfInput() }) else { break }
                Output.write("\n", to: 1)
                write(left, options)
                shared.withLock {
                    context.engine = shared.session.completionEngine
                    context.completer = shared.session.completer
                }
                continue
            }
            reader.remember(line)
            showNotices()
            var reply = shared.withLock {
                shared.session.textWidth = TerminalSize.columns(fd: 1, environment: options.environment)
                let before = shared.session.engineSimulator
                let reply = shared.session.handle(line)
                engine.server?.hostDidChange(from: before, to: shared.session.engineSimulator)
                context.engine = shared.session.completionEngine
                context.completer = shared.session.completer
                return reply
            }
            // `engine start|stop|status`: dispatched by the session's table, done here, outside the lock
            // (stopping waits for the requests in flight, and they wait for the lock).
            if let request = reply.engineRequest {
                reply.append(engine.perform(request, language: shared.withLock { shared.session.language }))
            }
            if reply.paged, Pager.wanted(reply.stdout, rows: TerminalSize.rows(fd: 1, environment: options.environment)),
               let pager = Pager.command(environment: options.environment), Pager.show(reply.stdout, command: pager) {
                Output.write(reply.stderr, to: 2)
                continue
            }
            write(reply, options)
            if reply.exit { quit = true; break }
        }
        // Ctrl-D on a terminal says goodbye as `exit` does (below the prompt it was typed at); piped
        // input just ends.
        if options.interactive && !quit {
            Output.write("\n" + shared.withLock { ShellText.bye.render(shared.session.language) } + "\n", to: 1)
        }
        reader.save()
        // `exit` and end of input: every line on the disk before cnmlab ends.
        do { try options.store?.waitUntilOnDisk() } catch {
            Output.write(shared.withLock { shared.session.text(.storeError(ShellSession.describe(error, shared.session.language))) }, to: 2)
            return 1
        }
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
