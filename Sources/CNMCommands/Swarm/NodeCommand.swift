import CNMSim

/// `docker node …` (docker/cli cli/command/node/cmd.go): routes to one file per
/// subcommand. `demote`, `promote`, `rm` and `update` change the cluster's
/// membership, which cnmlab does not simulate.
enum NodeCommand {
    static func run(_ args: [String], engine: inout Engine) -> CommandOutput {
        guard let sub = args.first else { return NotSimulated.feature("the help text of 'docker node'") }
        let rest = Array(args.dropFirst())
        switch sub {
        case "ls", "list": return NodeLsCommand.run(rest, engine: &engine)
        case "inspect": return NodeInspectCommand.run(rest, engine: &engine)
        case "ps": return NodePsCommand.run(rest, engine: &engine)
        case "demote", "promote", "rm", "remove", "update": return NotSimulated.feature("docker node \(sub)")
        default:
            if sub.hasPrefix("-") { return NotSimulated.feature("the help text of 'docker node'") }
            return .fail("docker: unknown command: docker node \(sub)\n\nUsage:  docker node COMMAND\n\nRun 'docker node --help' for more information\n")
        }
    }
}
