/// `POST /containers/{id}/kill`: a signal to the container's main process. SIGKILL (the default)
/// ends it with exit code 137. A proxy's master reloads its configuration on SIGHUP (nginx), or on
/// SIGHUP and SIGUSR2 (HAProxy in the official image's master-worker mode, `haproxy -W`). What other
/// signals do depends on the program and is not simulated.
///
/// Sources: moby v28.2.2 `daemon/kill.go` (`ContainerKill`, `Kill`), `container/container.go`
/// (`GetRunningTask`: `container %s is not running`), `api/server/router/container/container_routes.go`
/// (`cannot kill container: %s`), moby/sys `signal.ParseSignal` (`Invalid signal: %s`); nginx
/// release-1.27.5 `src/os/unix/ngx_process.c` (signals); haproxy v3.0.0 `src/haproxy.c`
/// (`mworker_catch_sighup` registered for SIGHUP and SIGUSR2); docker-library/haproxy
/// `3.0/docker-entrypoint.sh` (`haproxy -W -db`).
extension Engine {
    /// What a signal did.
    public enum KillOutcome: Sendable, Equatable {
        case killed
        case reloaded
        /// The signal is valid but its effect on this process is not simulated.
        case notSimulated(signal: String)
    }

    /// Linux signal numbers by name (without `SIG`).
    static let signalNumbers: [String: Int] = [
        "HUP": 1, "INT": 2, "QUIT": 3, "ILL": 4, "TRAP": 5, "ABRT": 6, "IOT": 6, "BUS": 7, "FPE": 8, "KILL": 9,
        "USR1": 10, "SEGV": 11, "USR2": 12, "PIPE": 13, "ALRM": 14, "TERM": 15, "STKFLT": 16, "CHLD": 17,
        "CONT": 18, "STOP": 19, "TSTP": 20, "TTIN": 21, "TTOU": 22, "URG": 23, "XCPU": 24, "XFSZ": 25,
        "VTALRM": 26, "PROF": 27, "WINCH": 28, "IO": 29, "POLL": 29, "PWR": 30, "SYS": 31,
    ]

    public mutating func killContainer(_ term: String, signal: String?) -> Result<KillOutcome, EngineError> {
        func wrapped(_ e: EngineError) -> EngineError { EngineError(e.kind, "cannot kill container: \(term): " + e.message) }
        var number = 9
        if let raw = signal, !raw.isEmpty {
            if let n = Int(raw) {
                guard n > 0 && n <= 64 else { return .failure(wrapped(EngineError(.invalidParameter, "Invalid signal: \(raw)"))) }
                number = n
            } else {
                var name = raw.uppercased()
                if name.hasPrefix("SIG") { name = String(name.dropFirst(3)) }
                guard let n = Self.signalNumbers[name] else {
                    return .failure(wrapped(EngineError(.invalidParameter, "Invalid signal: \(raw)")))
                }
                number = n
            }
        }
        let c: Container
        switch findContainer(term) {
        case .success(let found): c = found
        case .failure(let e): return .failure(wrapped(e))
        }
        guard c.isRunning else { return .failure(wrapped(.notRunning(c.id))) }
        tick(milliseconds: 20)
        if number == 9 {
            processExited(c.id, code: 137)
            return .success(.killed)
        }
        let software = Self.proxySoftware(of: c)
        if number == 1 && software != nil || number == 12 && software == .haproxy {
            reloadProxy(c.id)
            return .success(.reloaded)
        }
        return .success(.notSimulated(signal: signal ?? "KILL"))
    }
}
