/// An error the simulated daemon returns, with the HTTP status class Docker gives it.
///
/// `message` is exactly the daemon's text; the CLI layer adds
/// `Error response from daemon: ` as the real CLI does.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case notFound        // 404
        case invalidParameter // 400
        case conflict        // 409
        case forbidden       // 403
        case system          // 500
        /// The swarm cannot serve the request here (not in a swarm, not a manager): 503.
        case unavailable
        /// Something Docker does that cnmlab does not simulate.
        case notSimulated
    }

    public let kind: Kind
    public let message: String
    /// For a container whose process could not start: the exit status the daemon gave it (moby
    /// v28.2.2 daemon/errors.go `translateContainerdStartErr`: 127 when the command is not found,
    /// 126 when it cannot be run), which `docker run` exits with too. Nil for every other error.
    public let exitStatus: Int32?

    public init(_ kind: Kind, _ message: String, exitStatus: Int32? = nil) {
        self.kind = kind
        self.message = message
        self.exitStatus = exitStatus
    }

    public var description: String { message }
}

extension EngineError {
    /// moby v28.2.2 daemon/errors.go `containerNotFound`.
    public static func noSuchContainer(_ term: String) -> EngineError {
        EngineError(.notFound, "No such container: \(term)")
    }

    /// moby v28.2.2 daemon/errors.go `errNotRunning` (`docker exec` into a stopped container).
    public static func notRunning(_ id: String) -> EngineError {
        EngineError(.conflict, "container \(id) is not running")
    }
}
