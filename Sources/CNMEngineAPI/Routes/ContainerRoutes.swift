import CNMCommands
import CNMSim

/// Container routes (moby v28.2.2 api/server/router/container/container_routes.go).
/// Changes run as `docker create/start/stop/restart/rm` lines; bodies come from the
/// views `docker inspect` and `docker ps` print.
extension Router {
    func containerList(_ request: APIRequest) -> APIResponse {
        let filters: [String: [String]]
        switch self.filters(request) {
        case .failure(let e): return e.response
        case .success(let f): filters = f
        }
        let limit = request.query("limit").flatMap { Int($0) } ?? -1
        return read { sim in
            switch EngineAPIBodies.containers(filters: filters, all: request.flag("all"), limit: limit > 0 ? limit : -1, engine: sim.engine) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success(let list):
                return .json(HTTPStatus.ok, JSONText.array(list.map { EngineAPIBodies.containerSummary($0, engine: sim.engine) }))
            }
        }
    }

    func containerInspect(_ term: String) -> APIResponse {
        read { sim in
            switch sim.engine.findContainer(term) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success(let c): return .json(HTTPStatus.ok, EngineAPIBodies.containerInspect(c, engine: sim.engine))
            }
        }
    }

    func containerCreate(_ request: APIRequest) -> APIResponse {
        let words: [String]
        let image: String
        // moby runconfig.ErrEmptyConfig.
        if request.body.isEmpty { return .error(HTTPStatus.badRequest, "config cannot be empty in order to create a container") }
        do {
            let f = try body(request, typeName: "CreateConfig").get()
            image = try f.string("Image") ?? ""
            words = try ContainerCreateWords.words(name: request.query("name"), f)
        } catch {
            return .bodyError(error)
        }
        // A 404 here makes the docker CLI pull the image (and fail there as Docker Hub refuses it).
        if ImageCatalogue.find(image) == nil {
            let shown = ImageCatalogue.normalise(image).map { "\($0.repository):\($0.tag)" } ?? image
            return .error(HTTPStatus.notFound, "No such image: \(shown)")
        }
        return change { s in
            let result = LineResult(s.run(CommandLineText.join(words)))
            if let failure = result.failure {
                // Only a missing image may answer 404 at create: the CLI takes any 404 for one.
                return .error(failure.status == HTTPStatus.notFound ? HTTPStatus.badRequest : failure.status, failure.message)
            }
            let id = result.output.stdout.split(separator: "\n").last.map(String.init) ?? ""
            let warnings = result.output.stderr.split(separator: "\n")
                .filter { $0.hasPrefix("WARNING: ") }.map { String($0.dropFirst("WARNING: ".count)) }
            // moby v28.2.2 daemon/create.go: Warnings is never null.
            return .json(HTTPStatus.created, JSONText.object([("Id", JSONText.quote(id)), ("Warnings", JSONText.strings(warnings))]))
        }
    }

    func containerStart(_ term: String) -> APIResponse {
        var hints: [String: Int] = [:]
        return change(exitHintsFrom: { hints }) { s in
            let (c, target) = lineName(term, s.simulator)
            let attaches = c.map { state.takeAttaches($0.id) } ?? []
            if let c, c.isRunning {
                // Already running: moby answers 304 and the CLI prints the name all the same.
                _ = s.run(CommandLineText.join(["docker", "start", target]))
                for a in attaches { Self.deliver(CommandOutput(stderr: "cnmlab: attaching to a running container's output is not simulated\n"), to: a, tty: c.tty) }
                return .empty(HTTPStatus.notModified)
            }
            let line = attaches.isEmpty ? ["docker", "start", target] : ["docker", "start", "--attach", target]
            let out = s.run(CommandLineText.join(line))
            if let r = out.stderr.range(of: LineResult.daemonPrefix) {
                let message = LineResult.trimTrailer(String(out.stderr[r.upperBound...]))
                for a in attaches { a.output.finish() }
                return .error(LineResult.status(of: out), message)
            }
            guard let c else { return .error(EngineError.noSuchContainer(term)) }
            if !attaches.isEmpty {
                hints[c.id] = Int(out.exitCode)
                for a in attaches { Self.deliver(out, to: a, tty: c.tty) }
                if s.simulator.engine.containers[c.id]?.isRunning == true {
                    state.releaseAttachedRunWaiters(c.id)
                }
            }
            return .empty(HTTPStatus.noContent)
        }
    }

    /// Sends a process's output on an attached stream and ends it.
    static func deliver(_ out: CommandOutput, to session: HijackSession, tty: Bool) {
        if tty {
            // What a terminal shows: one stream, every line ending CR LF (the line already has them
            // for a program's output; cnmlab's own notes get them here).
            session.output.write(Self.crlf(out.stdout + out.stderr))
        } else {
            // One frame per piece, in the order the process wrote them.
            for piece in out.segments {
                session.output.write(StdCopy.frame(piece.stream == .stdout ? StdCopy.stdout : StdCopy.stderr, Array(piece.text.utf8)))
            }
        }
        session.output.finish()
    }

    /// Each LF not already after a CR becomes CR LF, as a tty's ONLCR writes it.
    static func crlf(_ text: String) -> String {
        var out = ""
        var previous: Character = " "
        for ch in text {
            if ch == "\n" && previous != "\r" { out += "\r\n" } else { out.append(ch) }
            previous = ch
        }
        return out
    }

    /// The name a line should use for a container, and the word a line uses for it: the name instead of a full
    /// ID (the CLI sends IDs after `docker run`), else the term as sent (daemon messages quote it).
    func lineName(_ term: String, _ sim: Simulator) -> (Container?, String) {
        guard case .success(let c) = sim.engine.findContainer(term) else { return (nil, term) }
        return (c, term == c.id ? c.name : term)
    }

    func containerStop(_ request: APIRequest, _ term: String) -> APIResponse {
        var hints: [String: Int] = [:]
        return change(exitHintsFrom: { hints }) { s in
            let (c, name) = lineName(term, s.simulator)
            var w = ["docker", "stop"]
            if let t = request.query("t"), !t.isEmpty { w += ["--time", t] }
            if let sig = request.query("signal"), !sig.isEmpty { w += ["--signal", sig] }
            let result = LineResult(s.run(CommandLineText.join(w + [name])))
            if let failure = result.failure { return failure.response }
            guard let c else { return .error(EngineError.noSuchContainer(term)) }
            if !c.isRunning { return .empty(HTTPStatus.notModified) }
            hints[c.id] = ProcessPlan.stopExitCode(for: c).code
            return .empty(HTTPStatus.noContent)
        }
    }

    func containerRestart(_ request: APIRequest, _ term: String) -> APIResponse {
        change { s in
            let (_, name) = lineName(term, s.simulator)
            var w = ["docker", "restart"]
            if let t = request.query("t"), !t.isEmpty { w += ["--time", t] }
            if let sig = request.query("signal"), !sig.isEmpty { w += ["--signal", sig] }
            let result = LineResult(s.run(CommandLineText.join(w + [name])))
            if let failure = result.failure { return failure.response }
            return .empty(HTTPStatus.noContent)
        }
    }

    /// `docker kill` is not simulated; the CLI sends it only when it forwards a signal.
    func containerKill(_ request: APIRequest, _ term: String) -> APIResponse {
        read { sim in
            switch sim.engine.findContainer(term) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success(let c):
                if !c.isRunning { return .error(HTTPStatus.conflict, "cannot kill container: \(term): " + EngineError.notRunning(c.id).message) }
                return .error(HTTPStatus.notImplemented, "cnmlab: docker kill is not simulated")
            }
        }
    }

    func containerRemove(_ request: APIRequest, _ term: String) -> APIResponse {
        var hints: [String: Int] = [:]
        return change(exitHintsFrom: { hints }) { s in
            let (c, name) = lineName(term, s.simulator)
            let force = request.flag("force")
            var w = ["docker", "rm"]
            if force { w.append("--force") }
            if request.flag("v") { w.append("--volumes") }
            if request.flag("link") { w.append("--link") }
            let out = s.run(CommandLineText.join(w + [name]))
            if let r = out.stderr.range(of: LineResult.daemonPrefix) {
                let message = LineResult.trimTrailer(String(out.stderr[r.upperBound...]))
                return .error(LineResult.status(of: out), message)
            }
            guard let c else { return .error(EngineError.noSuchContainer(term)) }
            if let failure = LineResult(out).failure { return failure.response }
            if c.isRunning { hints[c.id] = 137 }
            return .empty(HTTPStatus.noContent)
        }
    }

    func containerWait(_ request: APIRequest, _ term: String) -> APIResponse {
        let condition = request.query("condition") ?? ""
        if !condition.isEmpty && !["not-running", "next-exit", "removed"].contains(condition) {
            return .error(HTTPStatus.badRequest, "invalid condition: \(GoQuoted(condition))")
        }
        return host.withSession { s in
            let sim = s.simulator
            switch sim.engine.findContainer(term) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success(let c):
                let stream = ByteStream()
                if c.isRunning && state.takeAttachedWhileRunning(c.id) {
                    EngineState.answer(stream, code: 0)
                    return .stream(status: HTTPStatus.ok, contentType: "application/json", stream)
                }
                let waiter = EngineState.Waiter(containerID: c.id, condition: condition.isEmpty ? "not-running" : condition,
                                                stream: stream, baseline: c.finishedAt, partOfAttachedRun: state.hasAttach(c.id))
                state.addWaiter(waiter, now: sim)
                return .stream(status: HTTPStatus.ok, contentType: "application/json", stream)
            }
        }
    }

    func containerAttach(_ request: APIRequest, _ term: String) -> APIResponse {
        read { sim in
            switch sim.engine.findContainer(term) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success(let c):
                let session = HijackSession(tty: c.tty)
                if c.isRunning {
                    state.markAttachedWhileRunning(c.id)
                    Self.deliver(CommandOutput(stderr: "cnmlab: attaching to a running container's output is not simulated\n"), to: session, tty: c.tty)
                } else {
                    // Recorded before the 101 goes out: the CLI starts the container as soon as it has it.
                    state.addAttach(session, to: c.id)
                }
                return .hijack(session)
            }
        }
    }

    func containerResize(_ term: String) -> APIResponse {
        read { sim in
            switch sim.engine.findContainer(term) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success: return .full(status: HTTPStatus.ok, contentType: nil, body: [])
            }
        }
    }

    /// `GET /containers/{id}/logs`: what `docker logs` prints in cnmlab, stdcopy-framed unless TTY.
    /// With `follow`, a running container's stream stays open until it stops (cnmlab adds no lines
    /// meanwhile); a stopped one's ends at once, as moby does.
    func containerLogs(_ request: APIRequest, _ term: String) -> APIResponse {
        read { sim in
            let c: Container
            switch sim.engine.findContainer(term) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success(let found): c = found
            }
            var w = ["docker", "logs"]
            if request.flag("timestamps") { w.append("--timestamps") }
            if let t = request.query("tail"), !t.isEmpty, t != "all" { w += ["--tail", t] }
            if let since = request.query("since"), !since.isEmpty, since != "0" { w += ["--since", since] }
            var copy = sim
            let out = copy.run(line: CommandLineText.join(w + [c.name]))
            // A form of `docker logs` cnmlab does not simulate (its typed error), not log text that says so.
            if out.errors.first?.kind == .notSimulated {
                return .error(HTTPStatus.notImplemented, LineResult.trimTrailer(out.stderr))
            }
            var body: [UInt8] = []
            if c.tty {
                body = Array(out.terminalText.utf8)
            } else {
                // One frame per log line, both streams in the order they were logged (moby v28.2.2
                // api/server/httputils/write_log_stream.go writes each message as it comes).
                for piece in out.segments {
                    let wanted = piece.stream == .stdout ? request.flag("stdout") : request.flag("stderr")
                    guard wanted else { continue }
                    let kind = piece.stream == .stdout ? StdCopy.stdout : StdCopy.stderr
                    var lines = piece.text.split(separator: "\n", omittingEmptySubsequences: false)
                    if lines.last?.isEmpty == true { lines.removeLast() }
                    for line in lines { body += StdCopy.frame(kind, Array((line + "\n").utf8)) }
                }
            }
            let contentType = c.tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream"
            guard request.flag("follow"), c.isRunning else {
                return .full(status: HTTPStatus.ok, contentType: contentType, body: body)
            }
            let stream = ByteStream()
            stream.write(body)
            state.addFollower(stream, of: c.id)
            return .stream(status: HTTPStatus.ok, contentType: contentType, stream)
        }
    }
}
