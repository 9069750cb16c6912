import CNMSim

/// The `docker` program: routes `docker network create …`, `docker run …`,
/// `docker container ls …` to the command that implements it.
enum DockerCommand {
    static let version = "Docker version 28.2.2, build e6534b4"

    static func run(_ args: [String], engine: inout Engine, stdin: String?) -> CommandOutput {
        guard let first = args.first else { return DockerHelp.bareGroup("docker") }
        let rest = Array(args.dropFirst())
        switch first {
        case "--version", "-v": return .ok(version + "\n")
        case "--help": return DockerHelp.output("docker", shorthand: false)
        case "-h": return DockerHelp.output("docker", shorthand: true)
        case "network": return network(rest, engine: &engine, stdin: stdin)
        case "container": return container(rest, engine: &engine)
        case "run": return RunCommand.run(rest, engine: &engine)
        case "create": return RunCommand.run(rest, engine: &engine, create: true)
        case "start": return StartCommand.run(rest, engine: &engine)
        case "stop": return StopCommand.run(rest, engine: &engine)
        case "restart": return RestartCommand.run(rest, engine: &engine)
        case "rm": return RmCommand.run(rest, engine: &engine)
        case "ps": return PsCommand.run(rest, engine: &engine)
        case "inspect": return InspectCommand.run(rest, engine: &engine)
        case "port": return PortCommand.run(rest, engine: &engine)
        case "exec": return ExecCommand.run(rest, engine: &engine)
        case "logs": return LogsCommand.run(rest, engine: &engine)
        case "service": return ServiceCommand.run(rest, engine: &engine)
        case "node": return NodeCommand.run(rest, engine: &engine)
        case "swarm": return NotSimulated.feature("docker swarm inside a container")
        default:
            if first.hasPrefix("-") {
                let name = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
                if first.hasPrefix("--"), !globalOptions.contains(name) {
                    return .fail("unknown flag: \(name)\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n", code: 125)
                }
                return NotSimulated.feature("docker global option \(first)")
            }
            if knownUnsimulated.contains(first) { return NotSimulated.feature("docker \(first)") }
            return .fail("docker: unknown command: docker \(first)\n\nRun 'docker --help' for more information\n")
        }
    }

    /// The root command's options (`docker --help`, "Global Options"), none of them simulated.
    static let globalOptions: Set<String> = [
        "--config", "--context", "--debug", "--host", "--log-level", "--tls", "--tlscacert", "--tlscert", "--tlskey",
        "--tlsverify",
    ]

    /// Real docker commands that cnmlab does not simulate (so they are not "unknown").
    static let knownUnsimulated: Set<String> = [
        "attach", "build", "builder", "buildx", "checkpoint", "commit", "compose", "config", "context", "cp", "diff",
        "events", "export", "history", "image", "images", "import", "info", "kill", "load", "login", "logout",
        "manifest", "pause", "plugin", "pull", "push", "rename", "rmi", "save", "search", "secret",
        "stack", "stats", "system", "tag", "top", "trust", "unpause", "update", "version",
        "volume", "wait",
    ]

    static func network(_ args: [String], engine: inout Engine, stdin: String?) -> CommandOutput {
        guard let sub = args.first else { return DockerHelp.bareGroup("docker network") }
        if let help = DockerHelp.groupFlag("docker network", sub) { return help }
        let rest = Array(args.dropFirst())
        switch sub {
        case "ls", "list": return NetworkLsCommand.run(rest, engine: &engine)
        case "create": return NetworkCreateCommand.run(rest, engine: &engine)
        case "inspect": return NetworkInspectCommand.run(rest, engine: &engine)
        case "rm", "remove": return NetworkRmCommand.run(rest, engine: &engine)
        case "connect": return NetworkConnectCommand.run(rest, engine: &engine)
        case "disconnect": return NetworkDisconnectCommand.run(rest, engine: &engine)
        case "prune": return NetworkPruneCommand.run(rest, engine: &engine, stdin: stdin)
        default:
            if sub.hasPrefix("-") { return DockerHelp.unknownFlag("docker network", sub) }
            return DockerHelp.unknownSubcommand("docker network", sub)
        }
    }

    static func container(_ args: [String], engine: inout Engine) -> CommandOutput {
        guard let sub = args.first else { return DockerHelp.bareGroup("docker container") }
        if let help = DockerHelp.groupFlag("docker container", sub) { return help }
        let rest = Array(args.dropFirst())
        switch sub {
        case "ls", "list", "ps": return PsCommand.run(rest, engine: &engine, path: "docker container \(sub)")
        case "run": return RunCommand.run(rest, engine: &engine, path: "docker container run")
        case "create": return RunCommand.run(rest, engine: &engine, create: true, path: "docker container create")
        case "start": return StartCommand.run(rest, engine: &engine, path: "docker container start")
        case "stop": return StopCommand.run(rest, engine: &engine, path: "docker container stop")
        case "restart": return RestartCommand.run(rest, engine: &engine, path: "docker container restart")
        case "rm", "remove": return RmCommand.run(rest, engine: &engine, path: "docker container \(sub)")
        case "inspect": return InspectCommand.run(rest, engine: &engine, containerOnly: true)
        case "port": return PortCommand.run(rest, engine: &engine, path: "docker container port")
        case "exec": return ExecCommand.run(rest, engine: &engine, path: "docker container exec")
        case "logs": return LogsCommand.run(rest, engine: &engine, path: "docker container logs")
        default:
            if knownUnsimulated.contains(sub) { return NotSimulated.feature("docker container \(sub)") }
            if sub.hasPrefix("-") { return DockerHelp.unknownFlag("docker container", sub) }
            return DockerHelp.unknownSubcommand("docker container", sub)
        }
    }
}
