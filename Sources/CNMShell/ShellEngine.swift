import CNMCommands
import CNMEngineAPI
import CNMLabs
import CNMSim
#if canImport(Glibc)
import Glibc
#endif

/// The shell's session shared by the main loop and the Engine API (`cnmlab shell --engine`,
/// the `engine` meta-command): one lock, so a line typed and a docker client's change never
/// interleave. What the client changed is shown before the shell's next prompt.
final class SharedShellSession: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    /// Only touched with the lock held.
    var session: ShellSession
    private var notices: [ShellReply] = []

    init(_ session: ShellSession) {
        self.session = session
        pthread_mutex_init(&mutex, nil)
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// Called with the lock held.
    func addNotice(_ notice: ShellReply) { notices.append(notice) }

    /// Notices since the last prompt (and forgets them).
    func takeNotices() -> [ShellReply] {
        withLock {
            defer { notices = [] }
            return notices
        }
    }
}

/// The host the Engine API serves from inside the shell: docker-host of the lab in progress
/// (or of the sandbox). A client's change runs as its command line through the shell, recorded
/// and checked like a typed line.
final class ShellEngineHost: EngineHost, @unchecked Sendable {
    let shared: SharedShellSession

    init(_ shared: SharedShellSession) { self.shared = shared }

    func withSession<T>(_ body: (any EngineSession) throws -> T) rethrows -> T {
        try shared.withLock { try body(Session(shared: shared)) }
    }

    private final class Session: EngineSession {
        let shared: SharedShellSession
        init(shared: SharedShellSession) { self.shared = shared }

        var simulator: Simulator { shared.session.engineSimulator }

        func run(_ line: String) -> CommandOutput {
            let (out, lab) = shared.session.runForEngine(line)
            let mark = out.exitCode == 0 ? "⇄" : "⇄ (exit \(out.exitCode))"
            var notice = ShellReply(stdout: "\(mark) \(line)\n")
            notice.append(lab)
            shared.addNotice(notice)
            return out
        }

        /// Typed lines move the shell's clock; a client's ping does not.
        func clientCommandStarted() {}
    }
}

/// The engine the shell runs: started by `--engine` or the `engine` meta-command.
final class ShellEngine {
    let shared: SharedShellSession
    private(set) var server: EngineServer?

    init(shared: SharedShellSession) { self.shared = shared }

    /// `$XDG_RUNTIME_DIR/cnmlab-shell.sock`, or `/tmp/cnmlab-shell-UID.sock`.
    static func defaultSocket() -> String {
        if let dir = getenv("XDG_RUNTIME_DIR").map({ String(cString: $0) }), !dir.isEmpty {
            return dir + "/cnmlab-shell.sock"
        }
        return "/tmp/cnmlab-shell-\(getuid()).sock"
    }

    /// Starts serving (or says where it already serves); the reply carries the export line.
    func start(socket: String?, language: Language) -> ShellReply {
        if let server {
            return ShellReply(stdout: EngineText.running.render(language) + "\nexport DOCKER_HOST=unix://\(server.socketPath)\n")
        }
        var path = socket ?? Self.defaultSocket()
        // The export line is pasted in another terminal, maybe in another folder: make it absolute.
        if !path.hasPrefix("/"), let cwd = getcwd(nil, 0) {
            path = String(cString: cwd) + "/" + path
            free(cwd)
        }
        let server = EngineServer(host: ShellEngineHost(shared), socketPath: path)
        do {
            try server.start()
        } catch {
            return ShellReply(stderr: EngineText.failed("\(error)").render(language) + "\n")
        }
        self.server = server
        return ShellReply(stdout: EngineText.started.render(language) + "\nexport DOCKER_HOST=unix://\(path)\n")
    }

    func stop(language: Language) -> ShellReply {
        guard let server else { return ShellReply(stderr: EngineText.notRunning.render(language) + "\n") }
        server.stop()
        self.server = nil
        return ShellReply(stdout: EngineText.stopped.render(language) + "\n")
    }

    /// What `engine`, `engine start [SOCKET]`, `engine stop` and `engine status` asked for.
    func perform(_ request: EngineRequest, language: Language) -> ShellReply {
        switch request {
        case .start(let socket): return start(socket: socket, language: language)
        case .stop: return stop(language: language)
        case .status:
            if let server { return ShellReply(stdout: "export DOCKER_HOST=unix://\(server.socketPath)\n") }
            return ShellReply(stdout: EngineText.notRunning.render(language) + "\n")
        }
    }

    /// The shell ends: so does the engine, and its socket goes.
    func shutdown() {
        server?.stop()
        server = nil
    }
}

/// What the `engine` meta-command asks of the runner: the session parses the line (it owns the
/// command table), the runner acts on it (it owns the server, and stops it without the session's lock).
enum EngineRequest: Sendable, Equatable {
    case start(socket: String?)
    case stop
    case status
}

extension ShellSession {
    /// The simulator the engine serves: the lab's, or the sandbox's.
    var engineSimulator: Simulator { active?.session.simulator ?? simulator }

    /// `engine [start [SOCKET]|stop|status]`: a reply carrying the request for the runner, or the usage.
    func engineCommand(_ words: [String]) -> ShellReply {
        let request: EngineRequest
        switch (words.count, words.dropFirst().first) {
        case (1, _), (2, "start"?): request = .start(socket: nil)
        case (3, "start"?): request = .start(socket: words[2])
        case (2, "stop"?): request = .stop
        case (2, "status"?): request = .status
        default: return ShellReply(stderr: EngineText.usage.render(language) + "\n")
        }
        var reply = ShellReply()
        reply.engineRequest = request
        return reply
    }

    /// Runs a line a docker client asked for, on docker-host, as if typed at the top-level prompt
    /// (whatever nested prompt the learner is at). In a lab it goes through the attempt like a typed
    /// command (journaled, checked): the client gets the command's own output (or the lab's refusal),
    /// the shell the rest of the outcome (refusal, verdicts, step transitions) as a notice. In the
    /// sandbox `undo` can take it back.
    mutating func runForEngine(_ line: String) -> (output: CommandOutput, lab: ShellReply) {
        if var a = active {
            do {
                let outcome = try a.attempt.apply(.command(line))
                active = a
                var rest = outcome
                rest.reports.removeAll { if case .output = $0 { return true } else { return false } }
                return (outcome.output, render(rest, a))
            } catch {
                let store = ShellText.storeError(Self.describe(error, language))
                return (CommandOutput(stderr: "cnmlab: " + store.render(language) + "\n", exitCode: 1), ShellReply(stderr: text(store)))
            }
        }
        if CommandEffect.mayChangeState(line) { pushUndo(line) }
        return (simulator.run(line: line), ShellReply())
    }
}

/// What the shell says about its engine, in Korean and English.
enum EngineText {
    case running, started, stopped, notRunning, usage
    case failed(String)

    func render(_ lang: Language) -> String {
        let (ko, en) = templates
        return MessageTemplate.fill(lang == .ko ? ko : en, values)
    }

    /// The Korean and English templates (`MessageTemplate`), side by side.
    var templates: (ko: String, en: String) {
        switch self {
        case .running: return ("Docker Engine API가 이미 실행 중입니다. 다른 터미널에서:",
                               "The Docker Engine API is already running. In another terminal:")
        case .started: return ("이 호스트의 Docker Engine API를 시작했습니다. 다른 터미널에서 실제 docker 클라이언트로:",
                               "Serving this host's Docker Engine API. Use the real docker client in another terminal:")
        case .stopped: return ("Docker Engine API를 멈췄습니다.", "The Docker Engine API stopped.")
        case .notRunning: return ("Docker Engine API가 실행 중이 아닙니다 (engine 으로 시작).",
                                  "The Docker Engine API is not running (start it with: engine).")
        case .usage: return ("사용법: engine [start [SOCKET]|stop|status]", "usage: engine [start [SOCKET]|stop|status]")
        case .failed: return ("Docker Engine API를 시작할 수 없습니다: {reason}", "cannot start the Docker Engine API: {reason}")
        }
    }

    var values: [String: String] {
        if case .failed(let why) = self { return ["reason": why] }
        return [:]
    }
}
