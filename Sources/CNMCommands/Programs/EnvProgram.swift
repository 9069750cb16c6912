import CNMSim

/// `env` and `printenv` without arguments in a container (busybox 1.36.1 `coreutils/env.c`,
/// `coreutils/printenv.c`; GNU coreutils in Debian images): one `NAME=value` line per variable, in
/// the order of the process's environment (`ProcessEnvironment`). The link variables a `docker
/// exec` shows are the linked containers' current addresses; those the main process started with
/// may be older.
enum EnvProgram: SimulatedProgram {
    static let names = ["env", "printenv"]
    static var onHost: Bool { false }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard args.isEmpty else { return NotSimulated.feature("\(ctx.invokedAs) with arguments") }
        guard ctx.container != nil, let env = ProcessEnvironment.current else {
            return NotSimulated.feature("'\(ctx.invokedAs)' in a shell script, in an image other than busybox, alpine and ubuntu, or linked (--link) to one")
        }
        return .ok(env.map { $0 + "\n" }.joined())
    }
}
