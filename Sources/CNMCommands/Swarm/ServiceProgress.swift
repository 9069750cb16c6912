/// What `docker service create|scale|update` print while they wait for a
/// replicated service to converge (docker/cli v28.2.2 cli/command/service/helpers.go
/// `WaitOnService`, cli/command/service/progress/progress.go), as a transcript
/// shows it: stdout is not a terminal.
///
/// Without a terminal, `jsonmessage.DisplayJSONMessagesStream` drops every
/// message whose progress bar renders (the per-task `N/M: running [====>]`
/// lines) and prints the others as `ID: status`, one line per message, with no
/// cursor movement. What is left:
///
/// * once: `overall progress: 0 out of M tasks`, then `i/M: ` plus the blank
///   action `" "` for each slot when M ≤ 20 (`maxProgressBars`);
/// * on every poll (every 200 ms) until converged: `overall progress: R out of M tasks`;
/// * once converged, on every poll: `verify: Waiting N seconds to verify that tasks are stable...`,
///   with N = ⌊(5 s − elapsed) / 1 s⌋ + 1, until the 5-second monitor period
///   has passed; then `verify: Service REF converged`.
///
/// The simulation's timing: the first poll (a few milliseconds after the API
/// call returned) sees the tasks that were already running; new tasks run by
/// the next poll; polls are 200 ms apart plus a negligible request time, so
/// the monitor period shows each N from 5 down to 1 five times.
enum ServiceProgress {
    /// swarmkit's default `UpdateConfig.Monitor`.
    static let monitorSeconds = 5
    /// `progress.go` polls every 200 ms.
    static let pollsPerSecond = 5
    /// `maxProgressBars`: no per-slot lines above this many replicas.
    static let maxProgressBars = 20

    /// The lines for a replicated service of `replicas` tasks, `runningAtFirstPoll` of which
    /// (up-to-date, desired running) already run when the CLI starts watching. `reference` is
    /// what the CLI passed to `WaitOnService`: the new ID for `create`, the user's argument otherwise.
    static func replicated(reference: String, replicas: Int, runningAtFirstPoll: Int) -> String {
        let first = max(0, min(runningAtFirstPoll, replicas))
        var out = overall(0, replicas)
        if replicas <= maxProgressBars {
            for slot in stride(from: 1, through: replicas, by: 1) { out += "\(slot)/\(replicas):  \n" }
        }
        out += overall(first, replicas)
        if first < replicas { out += overall(replicas, replicas) }
        for remaining in stride(from: monitorSeconds, through: 1, by: -1) {
            for _ in 0..<pollsPerSecond {
                out += "verify: Waiting \(remaining) seconds to verify that tasks are stable...\n"
            }
        }
        out += "verify: Service \(reference) converged\n"
        return out
    }

    private static func overall(_ running: Int, _ replicas: Int) -> String {
        "overall progress: \(running) out of \(replicas) tasks\n"
    }
}
