import CNMSim

/// Where a program runs: on the simulated host, or inside a running container's sandbox.
public enum ExecutionSite: Sendable, Equatable {
    case host
    case container(id: String)
}

/// What a program sees when it runs: the engine it may read and change, where it
/// runs, and its standard input (from a pipe).
struct ProgramContext {
    var engine: Engine
    var site: ExecutionSite
    var stdin: String
    /// Language of cnmlab's own explanations (`why`): `en` or `ko`. Tool output stays as the real tools print it.
    var language: String = "en"
    /// The name the program was called by (`ss` or `netstat`, `ping` or `/bin/ping`).
    var invokedAs: String = ""

    /// The container the program runs in, if any.
    var container: Container? {
        if case .container(let id) = site { return engine.containers[id] }
        return nil
    }
}

/// A program of the simulated host or of a container image (`ping`, `ip`, `grep`…).
/// Each lives in its own file and is listed once in `ProgramRegistry`.
protocol SimulatedProgram {
    /// The names it answers to (`ifconfig`, `ip`…).
    static var names: [String] { get }
    /// Whether the simulated host has it on PATH (container images list their own tools).
    static var onHost: Bool { get }
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput
}

extension SimulatedProgram {
    static var onHost: Bool { true }
}
