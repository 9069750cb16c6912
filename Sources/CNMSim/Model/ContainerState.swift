/// The lifecycle state of a container's main process.
public enum ContainerState: Sendable, Hashable {
    case created
    case running
    case exited(code: Int)

    /// The word Docker uses in `State.Status`.
    public var status: String {
        switch self {
        case .created: return "created"
        case .running: return "running"
        case .exited: return "exited"
        }
    }

    public var isRunning: Bool { if case .running = self { return true } else { return false } }
}
