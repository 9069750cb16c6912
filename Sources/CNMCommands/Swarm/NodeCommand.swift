import CNMSim

/// `docker node …` (docker/cli cli/command/node/cmd.go): routes to one file per
/// subcommand. `demote`, `promote`, `rm` and `update` change the cluster's
/// membership, which cnmlab does not simulate.
enum NodeCommand {
    static func run(_ args: [String], engine: inout Engine) -> CommandOutput {
        guard let sub = args.first else { return DockerHelp.bareGroup("docker node") }
        if let help = DockerHelp.groupFlag("docker node", sub) { return help }
        let rest = Array(args.dropFirst())
        switch sub {
        case "ls", "list": return NodeLsCommand.run(rest, engine: &engine)
        case "inspect": return NodeInspectCommand.run(rest, engine: &engine)
        case "ps": return NodePsCommand.run(rest, engine: &engine)
        case "demote", "promote", "rm", "remove", "update": return NotSimulated.feature("docker node \(sub)")
        default:
            if sub.hasPrefix("-") { return DockerHelp.unknownFlag("docker node", sub) }
            return DockerHelp.unknownSubcommand("docker node", sub)
        }
    }
}
