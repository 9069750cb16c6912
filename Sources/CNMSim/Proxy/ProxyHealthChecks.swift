/// HAProxy's active health checks in simulated time: every `inter` after the configuration loaded,
/// each checked server gets a TCP connect (or, with `option httpchk`, an HTTP request) from the proxy
/// container over the packet path; `fall` failures in a row mark an UP server DOWN, `rise` successes
/// mark a DOWN one UP, and the proxy logs the transition on stderr as HAProxy does.
///
/// Within one advance of the clock the network does not change, so each server is probed once and
/// that result counts for every check tick that fell in the interval.
///
/// Message forms: haproxy v3.0.0 `src/server.c` (`srv_update_status`: "Server %s/%s is DOWN/UP,
/// reason: …, check duration: …ms. N active and M backup servers left/online. …"), `src/check.c`
/// (`get_check_status_info`: "Layer4 timeout", "Layer4 connection problem", "Layer4 check passed",
/// "Layer7 check passed"), `src/backend.c` ("backend '%s' has no server available!").
extension Engine {
    /// The result of one check of a server, and the words HAProxy's log gives it.
    public struct ProxyCheckResult: Sendable, Hashable {
        public var passed: Bool
        public var reason: String
        public var durationMilliseconds: Int
    }

    /// Runs the checks due since each proxy's last run up to now.
    mutating func runProxyHealthChecks() {
        // Only HAProxy runs active checks; every nginx keeps a state too, and going through them all
        // (sorting their IDs, copying each container) on every advance of the clock made each command
        // cost in proportion to the nginx containers. The view names the HAProxy ones.
        let haproxies = views.mode == .rebuild ? EngineViews.build(self).haproxies : views.haproxies
        for id in haproxies.sorted() {
            guard var state = proxyStates[id], let c = containers[id], c.isRunning, let config = c.proxy,
                  config.software == .haproxy else { continue }
            let from = state.checkedUntil
            state.checkedUntil = clock
            for backend in config.backends {
                guard var bs = state.backends[backend.name] else { continue }
                for (i, server) in backend.servers.enumerated() where i < bs.servers.count {
                    guard let check = server.check, check.intervalMilliseconds > 0 else { continue }
                    // Clamped to a day so that no interval overflows the nanosecond clock.
                    let inter = Int64(min(check.intervalMilliseconds, 86_400_000)) * 1_000_000
                    let elapsedBefore = from.nanoseconds - state.loadedAt.nanoseconds
                    let elapsedNow = clock.nanoseconds - state.loadedAt.nanoseconds
                    let first = elapsedBefore / inter + 1
                    let last = elapsedNow / inter
                    guard last >= first else { continue }
                    let result = proxyCheck(from: c, backend: backend, server: server)
                    // A constant result changes the state at most once: stop after rise + fall ticks.
                    let ticks = min(last - first + 1, Int64(min(max(check.rise, 0), 1000) + min(max(check.fall, 0), 1000) + 1))
                    for k in 0..<ticks {
                        let at = SimTime(nanoseconds: state.loadedAt.nanoseconds + (first + k) * inter)
                        var s = bs.servers[i]
                        var changed = false
                        if result.passed == s.up { s.streak = 0 } else {
                            s.streak += 1
                            if s.streak >= (s.up ? check.fall : check.rise) { s.up.toggle(); s.streak = 0; changed = true }
                        }
                        bs.servers[i] = s
                        if changed { logTransition(id, backend: backend, server: i, state: bs, result: result, at: at) }
                    }
                }
                state.backends[backend.name] = bs
            }
            proxyStates[id] = state
        }
    }

    /// One check from the proxy container to a server, over the packet path (the rules decide).
    public func proxyCheck(from proxy: Container, backend: ProxyBackend, server: ProxyServer) -> ProxyCheckResult {
        let interval = server.check?.intervalMilliseconds ?? 2000
        guard let address = server.address else {
            return ProxyCheckResult(passed: false, reason: "Socket error", durationMilliseconds: 0)
        }
        let r = PacketPath(engine: self).trace(from: .container(proxy.id), to: address, proto: "tcp", port: server.port)
        switch r.verdict {
        case .delivered(_, _, let service?):
            if backend.httpCheck != nil {
                return service.kind == .http
                    ? ProxyCheckResult(passed: true, reason: "Layer7 check passed, code: 200", durationMilliseconds: 0)
                    : ProxyCheckResult(passed: false, reason: "Layer7 invalid response", durationMilliseconds: 0)
            }
            return ProxyCheckResult(passed: true, reason: "Layer4 check passed", durationMilliseconds: 0)
        case .refused, .rejected, .proxyBackendFailed:
            return ProxyCheckResult(passed: false, reason: "Layer4 connection problem, info: \"Connection refused\"", durationMilliseconds: 0)
        case .networkUnreachable:
            return ProxyCheckResult(passed: false, reason: "Layer4 connection problem, info: \"Network is unreachable\"", durationMilliseconds: 0)
        case .delivered, .dropped, .noHost, .handoff:
            return ProxyCheckResult(passed: false, reason: "Layer4 timeout", durationMilliseconds: interval + 1)
        }
    }

    /// HAProxy's lines for a server that changed state, on the container's stderr.
    mutating func logTransition(_ id: String, backend: ProxyBackend, server i: Int, state: ProxyBackendState,
                                result: ProxyCheckResult, at time: SimTime) {
        let server = backend.servers[i]
        let up = state.servers[i].up
        var active = 0, backup = 0
        for (j, s) in backend.servers.enumerated() where j < state.servers.count && state.servers[j].up {
            if s.backup { backup += 1 } else { active += 1 }
        }
        let kind = server.backup ? "Backup Server" : "Server"
        // HAProxy adds " Running on backup." when only backup servers are left (src/server.c `srv_append_more`).
        let onBackup = backup > 0 && active == 0 ? " Running on backup." : ""
        var lines = [String]()
        if up {
            lines.append("[WARNING]  (8) : \(kind) \(backend.name)/\(server.name) is UP, reason: \(result.reason), check duration: \(result.durationMilliseconds)ms. \(active) active and \(backup) backup servers online.\(onBackup) 0 sessions requeued, 0 total in queue.")
        } else {
            lines.append("[WARNING]  (8) : \(kind) \(backend.name)/\(server.name) is DOWN, reason: \(result.reason), check duration: \(result.durationMilliseconds)ms. \(active) active and \(backup) backup servers left.\(onBackup) 0 sessions active, 0 requeued, 0 remaining in queue.")
            if active == 0 && backup == 0 { lines.append("[ALERT]    (8) : backend '\(backend.name)' has no server available!") }
        }
        appendLog(id, lines.map { ContainerLogLine(time: time, stream: .stderr, text: $0) })
    }
}
