import CNMSim

/// One command of the `docker` CLI as cnmlab knows it (`docker run`, the `docker network` group,
/// `docker kill` that it does not simulate): how it runs, its flags, whether it may change the
/// world, and what its operands name. `DockerCommand.commands` lists them once; the dispatcher,
/// TAB completion (`CommandCatalog`) and the judgement of what `undo` takes back (`CommandEffect`)
/// all read that list, so none of them can forget a command another knows.
struct DockerSubcommand: Sendable {
    /// A command that runs on one machine's engine: its arguments, the path it was typed as
    /// (`docker container rm`, for its messages), the engine, standard input (from a pipe).
    typealias EngineRun = @Sendable (_ args: [String], _ path: String, _ engine: inout Engine, _ stdin: String?)
        throws(CommandError) -> CommandOutput
    /// A command that needs the whole cluster (`docker swarm join` reaches the manager on another machine).
    typealias ClusterRun = @Sendable (_ args: [String], _ cluster: inout Cluster, _ machine: Int)
        throws(CommandError) -> CommandOutput

    enum Action: Sendable {
        case engine(EngineRun)
        case cluster(ClusterRun)
        /// A command group (`docker network`) and its subcommands.
        case group([DockerSubcommand])
        /// A real docker command cnmlab does not simulate: answered in one line.
        case notSimulated
    }

    /// What an operand or a flag's value names, for TAB.
    enum Operand: Sendable, Equatable {
        case containers, networks, containersAndNetworks, images, services, nodes
        /// Networks and the network modes `--network` also takes (`bridge`, `host`, `none`).
        case networkModes
        case words([String])
    }

    /// The names it answers to; the first is the one TAB offers.
    let names: [String]
    let action: Action
    /// Its flags, nil for a group or a command that is not simulated.
    let spec: DockerCommandSpec?
    /// Whether it may change the world (containers, networks, the swarm): what `undo` takes back.
    let changesState: Bool
    /// What its positional arguments name, in order; the last one repeats.
    let operands: [Operand]
    /// What the values of some of its flags name (`--network` → networks).
    let flagValues: [String: Operand]

    init(_ names: [String], spec: DockerCommandSpec, changesState: Bool = false, operands: [Operand] = [.containers],
         flagValues: [String: Operand] = [:], run: @escaping EngineRun) {
        self.names = names; self.action = .engine(run); self.spec = spec; self.changesState = changesState
        self.operands = operands; self.flagValues = flagValues
    }

    init(_ names: [String], spec: DockerCommandSpec, changesState: Bool = false, operands: [Operand] = [],
         cluster run: @escaping ClusterRun) {
        self.names = names; self.action = .cluster(run); self.spec = spec; self.changesState = changesState
        self.operands = operands; self.flagValues = [:]
    }

    init(group names: [String], _ subcommands: [DockerSubcommand]) {
        self.names = names; self.action = .group(subcommands); self.spec = nil; self.changesState = false
        self.operands = []; self.flagValues = [:]
    }

    init(_ name: String, notSimulated: Bool, changesState: Bool = false) {
        self.names = [name]; self.action = .notSimulated; self.spec = nil; self.changesState = changesState
        self.operands = []; self.flagValues = [:]
    }

    /// The entry of `entries` a word names.
    static func find(_ word: String, in entries: [DockerSubcommand]) -> DockerSubcommand? {
        entries.first { $0.names.contains(word) }
    }

    /// Whether cnmlab simulates it (a group counts).
    var isSimulated: Bool {
        if case .notSimulated = action { return false }
        return true
    }

    /// The subcommands of a group (empty for a command).
    var subcommands: [DockerSubcommand] {
        if case .group(let entries) = action { return entries }
        return []
    }

    /// Runs it with the arguments after `path` (`docker network create` …) on machine `machine`.
    func run(_ args: [String], path: String, cluster: inout Cluster, machine: Int, stdin: String?)
        throws(CommandError) -> CommandOutput {
        switch action {
        case .engine(let run): return try run(args, path, &cluster.machines[machine].engine, stdin)
        case .cluster(let run): return try run(args, &cluster, machine)
        case .notSimulated: throw .notSimulated(path)
        case .group(let entries):
            guard let sub = args.first else { return DockerHelp.bareGroup(path) }
            if let help = DockerHelp.groupFlag(path, sub) { return help }
            guard let entry = Self.find(sub, in: entries) else {
                if sub.hasPrefix("-") { return DockerHelp.unknownFlag(path, sub) }
                return DockerHelp.unknownSubcommand(path, sub)
            }
            return try entry.run(Array(args.dropFirst()), path: path + " " + sub, cluster: &cluster, machine: machine,
                                 stdin: stdin)
        }
    }
}
