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
protocol SimulatedProgram: SendableMetatype {
    /// The names it answers to (`ifconfig`, `ip`…).
    static var names: [String] { get }
    /// Whether the simulated host has it on PATH (container images list their own tools).
    static var onHost: Bool { get }
    /// Whether its operand names a machine or a container (`ping web`), for TAB.
    static var takesDestination: Bool { get }
    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput
    /// Whether running it with `args` may change the world (what `undo` takes back); judged from the
    /// words alone, before it runs.
    static func mayChangeState(_ args: [String]) -> Bool
}

/// The verbs with which `ip`, `bridge` and `brctl` change links. These programs only read in the
/// simulator, but a learner may try to change links with them: such a line counts as one `undo`
/// takes back.
enum LinkChangeVerbs {
    static let all: Set<String> = ["add", "del", "delete", "set", "change", "replace", "flush", "addbr", "delbr", "addif", "delif"]

    static func appear(in args: [String]) -> Bool { args.contains { all.contains($0) } }
}

extension SimulatedProgram {
    static var onHost: Bool { true }
    static var takesDestination: Bool { false }
    static func mayChangeState(_ args: [String]) -> Bool { false }
}
