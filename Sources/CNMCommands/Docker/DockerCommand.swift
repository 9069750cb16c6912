import CNMSim

/// The `docker` program: routes `docker network create …`, `docker run …`,
/// `docker container ls …` to the command that implements it, through `commands`.
enum DockerCommand {
    static let version = "Docker version 28.2.2, build e6534b4"

    /// Runs `docker ARGS…` on machine `machine` of `cluster` (`docker swarm` needs the whole LAN).
    static func run(_ args: [String], cluster: inout Cluster, machine: Int, stdin: String?) -> CommandOutput {
        CommandError.catching { () throws(CommandError) in try dispatch(args, cluster: &cluster, machine: machine, stdin: stdin) }
    }

    static func dispatch(_ args: [String], cluster: inout Cluster, machine: Int, stdin: String?) throws(CommandError) -> CommandOutput {
        guard let first = args.first else { return DockerHelp.bareGroup("docker") }
        switch first {
        case "--version", "-v": return .ok(version + "\n")
        case "--help": return DockerHelp.output("docker", shorthand: false)
        case "-h": return DockerHelp.output("docker", shorthand: true)
        default: break
        }
        if let command = DockerSubcommand.find(first, in: commands) {
            return try command.run(Array(args.dropFirst()), path: "docker \(first)", cluster: &cluster, machine: machine,
                                   stdin: stdin)
        }
        if first.hasPrefix("-") {
            let name = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
            if first.hasPrefix("--"), !globalOptions.contains(name) {
                return .fail("unknown flag: \(name)\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n", code: 125)
            }
            throw .notSimulated("docker global option \(first)")
        }
        return .fail("docker: unknown command: docker \(first)\n\nRun 'docker --help' for more information\n")
    }

    /// The root command's options (`docker --help`, "Global Options"), none of them simulated.
    static let globalOptions: Set<String> = [
        "--config", "--context", "--debug", "--host", "--log-level", "--tls", "--tlscacert", "--tlscert", "--tlskey",
        "--tlsverify",
    ]

    /// Real docker commands that cnmlab does not simulate (so they are not "unknown").
    static let knownUnsimulated: [String] = [
        "attach", "build", "builder", "buildx", "checkpoint", "commit", "compose", "config", "context", "diff",
        "events", "export", "history", "image", "images", "import", "info", "load", "login", "logout",
        "manifest", "pause", "plugin", "pull", "push", "rename", "rmi", "save", "search", "secret",
        "stack", "stats", "system", "tag", "top", "trust", "unpause", "update", "version",
        "wait",
    ]

    /// Those of `knownUnsimulated` that change a real host's containers (what `undo` counts).
    static let unsimulatedChanges: Set<String> = ["pause", "rename", "unpause", "update"]

    /// `knownUnsimulated` as entries of a command table.
    static let unsimulated: [DockerSubcommand] = knownUnsimulated.map {
        DockerSubcommand($0, notSimulated: true, changesState: unsimulatedChanges.contains($0))
    }

    /// Every `docker` command cnmlab answers: the one list the dispatcher, TAB completion and
    /// `CommandEffect` read.
    static let commands: [DockerSubcommand] = [
        DockerSubcommand(group: ["network"], network),
        DockerSubcommand(group: ["container"], container),
        DockerSubcommand(["rm"], spec: RmCommand.spec, changesState: true) { a, p, e, _ throws(CommandError) in try RmCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["ps"], spec: PsCommand.spec(path: "docker ps"), operands: []) { a, p, e, _ throws(CommandError) in try PsCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["inspect"], spec: InspectCommand.spec, operands: [.containersAndNetworks]) { a, _, e, _ throws(CommandError) in try InspectCommand.run(a, engine: &e) },
        DockerSubcommand(group: ["service"], ServiceCommand.commands),
        DockerSubcommand(group: ["node"], NodeCommand.commands),
        DockerSubcommand(group: ["swarm"], SwarmCommand.commands),
        DockerSubcommand(group: ["volume"], VolumeCommand.commands),
    ] + containerCommands + unsimulated

    /// The container commands `docker` and `docker container` both have under the same names
    /// (docker/cli v28.2.2 cli/command/commands/commands.go adds them at the top level too).
    static let containerCommands: [DockerSubcommand] = [
        DockerSubcommand(["run"], spec: RunCommand.runSpec, changesState: true, operands: [.images],
                         flagValues: ["network": .networkModes]) { a, p, e, _ throws(CommandError) in try RunCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["create"], spec: RunCommand.createSpec, changesState: true, operands: [.images],
                         flagValues: ["network": .networkModes]) { a, p, e, _ throws(CommandError) in try RunCommand.run(a, engine: &e, create: true, path: p) },
        DockerSubcommand(["start"], spec: StartCommand.spec, changesState: true) { a, p, e, _ throws(CommandError) in try StartCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["stop"], spec: StopCommand.spec, changesState: true) { a, p, e, _ throws(CommandError) in try StopCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["restart"], spec: RestartCommand.spec, changesState: true) { a, p, e, _ throws(CommandError) in try RestartCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["kill"], spec: KillCommand.spec, changesState: true) { a, p, e, _ throws(CommandError) in try KillCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["port"], spec: PortCommand.spec) { a, p, e, _ throws(CommandError) in try PortCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["exec"], spec: ExecCommand.spec, changesState: true) { a, p, e, _ throws(CommandError) in try ExecCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["logs"], spec: LogsCommand.spec) { a, p, e, _ throws(CommandError) in try LogsCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["cp"], spec: CpCommand.spec, changesState: true) { a, p, e, _ throws(CommandError) in try CpCommand.run(a, engine: &e, path: p) },
    ]

    /// `docker network …` (docker/cli v28.2.2 cli/command/network/cmd.go).
    static let network: [DockerSubcommand] = [
        DockerSubcommand(["ls", "list"], spec: NetworkLsCommand.spec, operands: []) { a, _, e, _ throws(CommandError) in try NetworkLsCommand.run(a, engine: &e) },
        DockerSubcommand(["create"], spec: NetworkCreateCommand.spec, changesState: true, operands: []) { a, _, e, _ throws(CommandError) in try NetworkCreateCommand.run(a, engine: &e) },
        DockerSubcommand(["inspect"], spec: NetworkInspectCommand.spec, operands: [.networks]) { a, _, e, _ throws(CommandError) in try NetworkInspectCommand.run(a, engine: &e) },
        DockerSubcommand(["rm", "remove"], spec: NetworkRmCommand.spec, changesState: true, operands: [.networks]) { a, _, e, _ throws(CommandError) in try NetworkRmCommand.run(a, engine: &e) },
        DockerSubcommand(["connect"], spec: NetworkConnectCommand.spec, changesState: true, operands: [.networks, .containers]) { a, _, e, _ throws(CommandError) in try NetworkConnectCommand.run(a, engine: &e) },
        DockerSubcommand(["disconnect"], spec: NetworkDisconnectCommand.spec, changesState: true, operands: [.networks, .containers]) { a, _, e, _ throws(CommandError) in try NetworkDisconnectCommand.run(a, engine: &e) },
        DockerSubcommand(["prune"], spec: NetworkPruneCommand.spec, changesState: true, operands: []) { a, _, e, stdin throws(CommandError) in try NetworkPruneCommand.run(a, engine: &e, stdin: stdin) },
    ]

    /// `docker container …` (docker/cli v28.2.2 cli/command/container/cmd.go); a real subcommand cnmlab
    /// does not simulate says so.
    static let container: [DockerSubcommand] = [
        DockerSubcommand(["ls", "list", "ps"], spec: PsCommand.spec(path: "docker container ls"), operands: []) { a, p, e, _ throws(CommandError) in try PsCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["rm", "remove"], spec: RmCommand.spec, changesState: true) { a, p, e, _ throws(CommandError) in try RmCommand.run(a, engine: &e, path: p) },
        DockerSubcommand(["inspect"], spec: InspectCommand.containerSpec) { a, _, e, _ throws(CommandError) in try InspectCommand.run(a, engine: &e, containerOnly: true) },
    ] + containerCommands + unsimulated
}
