import CNMCommands
import CNMSim

/// Exec routes (moby v28.2.2 api/server/router/container/exec.go, daemon/exec.go). An
/// exec instance is the engine's own bookkeeping; starting it runs `docker exec … ` as a
/// line, and its output goes back over the hijacked connection.
extension Router {
    func execCreate(_ request: APIRequest, _ term: String) -> APIResponse {
        var exec: EngineState.Exec
        do {
            let f = try body(request, typeName: "ExecOptions").get()
            let cmd = try f.strSlice("Cmd") ?? []
            if cmd.isEmpty { return .error(HTTPStatus.badRequest, "No exec command specified") }
            exec = EngineState.Exec(
                id: "", containerID: "", argv: cmd, tty: try f.bool("Tty") ?? false,
                attachStdin: try f.bool("AttachStdin") ?? false, attachStdout: try f.bool("AttachStdout") ?? false,
                attachStderr: try f.bool("AttachStderr") ?? false, privileged: try f.bool("Privileged") ?? false,
                user: try f.string("User") ?? "", workingDir: try f.string("WorkingDir") ?? "",
                env: try f.strings("Env") ?? [], detachKeys: try f.string("DetachKeys") ?? "")
        } catch {
            return .bodyError(error)
        }
        return read { sim in
            switch sim.engine.findContainer(term) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success(let c):
                guard c.isRunning else { return .error(EngineError.notRunning(c.id)) }
                exec.id = state.newExecID()
                exec.containerID = c.id
                state.addExec(exec)
                // moby v28.2.2 api/types/container/exec.go `ExecCreateResponse` (common.IDResponse).
                return .json(HTTPStatus.created, JSONText.object([("Id", JSONText.quote(exec.id))]))
            }
        }
    }

    /// The `docker exec` line an exec instance stands for.
    static func execWords(_ e: EngineState.Exec, container: String) -> [String] {
        var w = ["docker", "exec"]
        if e.attachStdin { w.append("--interactive") }
        if e.tty { w.append("--tty") }
        if e.privileged { w.append("--privileged") }
        if !e.user.isEmpty { w += ["--user", e.user] }
        if !e.workingDir.isEmpty { w += ["--workdir", e.workingDir] }
        for v in e.env { w += ["--env", v] }
        return w + [container] + e.argv
    }

    func execStart(_ request: APIRequest, _ id: String) -> APIResponse {
        var detach = false, tty = false
        do {
            let f = try body(request, typeName: "ExecStartOptions").get()
            detach = try f.bool("Detach") ?? false
            tty = try f.bool("Tty") ?? false
        } catch {
            return .bodyError(error)
        }
        guard var exec = state.exec(id) else { return .error(HTTPStatus.notFound, "No such exec instance: \(id)") }
        if exec.running { return .error(HTTPStatus.conflict, "exec command \(exec.id) is already running") }
        if exec.started { return .error(HTTPStatus.conflict, "exec command \(exec.id) has already run") }
        exec.tty = exec.tty || tty
        return change { s in
            guard let c = s.simulator.engine.containers[exec.containerID], c.isRunning else {
                return .error(EngineError.notRunning(exec.containerID))
            }
            state.updateExec(id) { $0.started = true; $0.running = true }
            let out = s.run(CommandLineText.join(Self.execWords(exec, container: c.name)))
            // The exit code is final before the stream ends: the CLI asks for it right after EOF.
            state.updateExec(id) { $0.running = false; $0.exitCode = Int(out.exitCode) }
            if detach { return .full(status: HTTPStatus.ok, contentType: nil, body: []) }
            let session = HijackSession(tty: exec.tty)
            Self.deliver(out, to: session, tty: exec.tty)
            return .hijack(session)
        }
    }

    func execResize(_ id: String) -> APIResponse {
        guard state.exec(id) != nil else { return .error(HTTPStatus.notFound, "No such exec instance: \(id)") }
        return .full(status: HTTPStatus.ok, contentType: nil, body: [])
    }

    /// `GET /exec/{id}/json` (moby v28.2.2 api/types/backend `ExecInspect`).
    func execInspect(_ id: String) -> APIResponse {
        guard let e = state.exec(id) else { return .error(HTTPStatus.notFound, "No such exec instance: \(id)") }
        var process: [(String, String)] = [
            ("tty", String(e.tty)), ("entrypoint", JSONText.quote(e.argv.first ?? "")),
            ("arguments", JSONText.strings(Array(e.argv.dropFirst()))), ("privileged", String(e.privileged)),
        ]
        if !e.user.isEmpty { process.append(("user", JSONText.quote(e.user))) }
        return .json(HTTPStatus.ok, JSONText.object([
            ("ID", JSONText.quote(e.id)), ("Running", String(e.running)),
            ("ExitCode", e.exitCode.map(String.init) ?? "null"),
            ("ProcessConfig", JSONText.object(process)),
            ("OpenStdin", String(e.attachStdin)), ("OpenStderr", String(e.attachStderr)), ("OpenStdout", String(e.attachStdout)),
            ("CanRemove", "false"), ("ContainerID", JSONText.quote(e.containerID)),
            ("DetachKeys", e.detachKeys.isEmpty ? "null" : JSONText.quote(Base64.encode(Array(e.detachKeys.utf8)))),
            // The simulated process has ended by the time anyone can ask: no PID to show.
            ("Pid", "0"),
        ]))
    }
}

/// Standard base64, as Go's `encoding/json` writes a `[]byte`.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? table[Int((b1 & 15) << 2 | b2 >> 6)] : "=")
            out.append(i + 2 < bytes.count ? table[Int(b2 & 63)] : "=")
            i += 3
        }
        return out
    }
}
