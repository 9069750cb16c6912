import CNMCommands
import CNMSim
import NIOConcurrencyHelpers

/// What the engine keeps beside the simulated host: exec instances, attached streams
/// waiting for their container to start, `/wait` long polls, and `/events` subscribers.
/// None of it is part of the simulated world (a replay of the command lines rebuilds
/// that world without it), and none of it draws from the simulator's random generator.
final class EngineState: @unchecked Sendable {
    /// One `POST /containers/{id}/exec` (moby v28.2.2 container/exec.go `ExecConfig`).
    struct Exec {
        var id: String
        var containerID: String
        var argv: [String]
        var tty: Bool
        var attachStdin: Bool
        var attachStdout: Bool
        var attachStderr: Bool
        var privileged: Bool
        var user: String
        var workingDir: String
        var env: [String]
        var detachKeys: String
        var running = false
        var started = false
        var exitCode: Int?
    }

    /// A `POST /containers/{id}/wait` still open.
    struct Waiter {
        var containerID: String
        var condition: String
        var stream: ByteStream
        /// The container's `FinishedAt` when the wait began (`next-exit` needs a later exit).
        var baseline: SimTime?
        /// Opened while an attach waits for the container: part of a foreground `docker run`.
        var partOfAttachedRun: Bool
    }

    private let lock = NIOLock()
    private var rng: SeededGenerator
    private var execs: [String: Exec] = [:]
    private var attaches: [String: [HijackSession]] = [:]
    private var waiters: [Waiter] = []
    /// Exit codes last seen per container, for waits on containers that are gone.
    private var lastExitCode: [String: Int] = [:]
    let events = EventLog()

    init(seed: UInt64) {
        rng = SeededGenerator(seed: seed ^ 0x6578_6563_2d69_6473)
    }

    /// A new 64-hex ID for an exec instance (moby's `stringid.GenerateRandomID`).
    func newExecID() -> String {
        lock.withLock { rng.hex(64) }
    }

    func addExec(_ e: Exec) { lock.withLock { execs[e.id] = e } }

    func exec(_ id: String) -> Exec? {
        lock.withLock {
            if let e = execs[id] { return e }
            return nil
        }
    }

    func updateExec(_ id: String, _ body: (inout Exec) -> Void) {
        lock.withLock { if var e = execs[id] { body(&e); execs[id] = e } }
    }

    // MARK: Attach

    func addAttach(_ session: HijackSession, to containerID: String) {
        lock.withLock { attaches[containerID, default: []].append(session) }
        session.output.onCancel { [weak self] in self?.removeAttach(session, from: containerID) }
    }

    private func removeAttach(_ session: HijackSession, from containerID: String) {
        lock.withLock { attaches[containerID]?.removeAll { $0 === session } }
    }

    /// Takes the attached streams waiting for a container.
    func takeAttaches(_ containerID: String) -> [HijackSession] {
        lock.withLock { attaches.removeValue(forKey: containerID) ?? [] }
    }

    /// Containers a client attached to while they ran, in the client's current command: cnmlab cannot
    /// follow their output, so that command's wait ends at once (as `docker start -a` on a running
    /// container says in cnmlab).
    private var attachedWhileRunning: Set<String> = []

    func markAttachedWhileRunning(_ containerID: String) { lock.withLock { _ = attachedWhileRunning.insert(containerID) } }

    func takeAttachedWhileRunning(_ containerID: String) -> Bool {
        lock.withLock { attachedWhileRunning.remove(containerID) != nil }
    }

    /// A new client command began (`/_ping`): marks from the last one no longer apply.
    func clientCommandStarted() { lock.withLock { attachedWhileRunning = [] } }

    func hasAttach(_ containerID: String) -> Bool {
        lock.withLock { !(attaches[containerID] ?? []).isEmpty }
    }

    // MARK: Logs

    /// `docker logs -f` streams of running containers: they end when the container stops.
    private var followers: [(containerID: String, stream: ByteStream)] = []

    func addFollower(_ stream: ByteStream, of containerID: String) {
        lock.withLock { followers.append((containerID, stream)) }
        stream.onCancel { [weak self] in self?.lock.withLock { self?.followers.removeAll { $0.stream === stream } } }
    }

    // MARK: Wait

    func addWaiter(_ w: Waiter, now: Simulator) {
        lock.withLock { waiters.append(w) }
        w.stream.onCancel { [weak self] in self?.removeWaiter(w.stream) }
        settleWaiters(now.engine, exitHints: [:])
    }

    private func removeWaiter(_ stream: ByteStream) {
        lock.withLock { waiters.removeAll { $0.stream === stream } }
    }

    /// Ends the waits of a foreground run whose container keeps running (its output is not simulated).
    func releaseAttachedRunWaiters(_ containerID: String) {
        let released: [Waiter] = lock.withLock {
            let mine = waiters.filter { $0.containerID == containerID && $0.partOfAttachedRun }
            waiters.removeAll { w in mine.contains { $0.stream === w.stream } }
            return mine
        }
        for w in released { Self.answer(w.stream, code: 0) }
    }

    static func answer(_ stream: ByteStream, code: Int) {
        stream.write("{\"StatusCode\":\(code)}\n")
        stream.finish()
    }

    /// After the host changed: answer the waits whose condition now holds, tell event subscribers.
    func settle(before: Simulator, after: Simulator, exitHints: [String: Int]) {
        settleWaiters(after.engine, exitHints: exitHints)
        events.record(before: before.engine, after: after.engine)
    }

    private func settleWaiters(_ engine: Engine, exitHints: [String: Int]) {
        let ended: [ByteStream] = lock.withLock {
            let done = followers.filter { engine.containers[$0.containerID]?.isRunning != true }
            followers.removeAll { f in done.contains { $0.stream === f.stream } }
            return done.map(\.stream)
        }
        for s in ended { s.finish() }
        let due: [(ByteStream, Int)] = lock.withLock {
            for (id, code) in exitHints { lastExitCode[id] = code }
            for c in engine.containers.values {
                if case .exited(let code) = c.state { lastExitCode[c.id] = code }
            }
            var out: [(ByteStream, Int)] = []
            waiters.removeAll { w in
                guard let c = engine.containers[w.containerID] else {
                    out.append((w.stream, lastExitCode[w.containerID] ?? 0))
                    return true
                }
                if c.isRunning { return false }
                var code = 0
                if case .exited(let x) = c.state { code = x }
                switch w.condition {
                case "removed": return false
                case "next-exit":
                    guard c.finishedAt != nil, c.finishedAt != w.baseline else { return false }
                    out.append((w.stream, code))
                    return true
                default:
                    out.append((w.stream, code))
                    return true
                }
            }
            // Forget exit codes of containers nobody waits for and that are gone.
            let watched = Set(waiters.map(\.containerID))
            lastExitCode = lastExitCode.filter { engine.containers[$0.key] != nil || watched.contains($0.key) || exitHints[$0.key] != nil }
            return out
        }
        for (stream, code) in due { Self.answer(stream, code: code) }
    }

    /// The server stops: every open stream ends.
    func closeAllStreams() {
        let (ws, ats): ([Waiter], [HijackSession]) = lock.withLock {
            defer { waiters = []; attaches = [:] }
            return (waiters, attaches.values.flatMap { $0 })
        }
        for w in ws { w.stream.finish() }
        for f in lock.withLock({ defer { followers = [] }; return followers }) { f.stream.finish() }
        for a in ats { a.output.finish() }
        events.closeAll()
    }
}
