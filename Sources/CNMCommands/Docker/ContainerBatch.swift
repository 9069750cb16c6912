import CNMSim

/// How docker/cli's stop, restart and rm treat their arguments: each container
/// in turn, its name printed on success, the errors joined after (exit 1).
enum ContainerBatch {
    enum Outcome {
        /// Done: the argument is printed.
        case done
        /// Printed on standard error without failing the command (`rm -f` of a missing
        /// container: docker/cli v28.2.2 cli/command/container/rm.go prints the daemon's error and goes on).
        case ignored(String, EngineError? = nil)
        /// The error line as docker prints it, and the daemon's error it reports.
        case failed(String, EngineError? = nil)

        /// A daemon result: its error printed as `Error response from daemon: …`.
        static func from<T>(_ result: Result<T, EngineError>) -> Outcome {
            switch result {
            case .success: return .done
            case .failure(let e): return .failed(DaemonError.line(e), e)
            }
        }
    }

    static func run(_ terms: [String], _ operation: (String) -> Outcome) -> CommandOutput {
        var out = CommandOutput()
        var errors: [String] = []
        for term in terms {
            switch operation(term) {
            case .done: out.stdout += term + "\n"
            case .ignored(let line, let e):
                out.stderr += line
                out.errors += e.map { [$0] } ?? []
            case .failed(let line, let e):
                errors.append(line)
                out.errors += e.map { [$0] } ?? []
            }
        }
        if !errors.isEmpty { out.stderr += errors.joined(); out.exitCode = 1 }
        return out
    }
}
