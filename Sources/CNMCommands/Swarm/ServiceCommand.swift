import CNMSim

/// `docker service …` (docker/cli cli/command/service/cmd.go): routes to one
/// file per subcommand. `logs` and `rollback` are real subcommands cnmlab does
/// not simulate; anything else is cobra's unknown-command error.
enum ServiceCommand {
    static func run(_ args: [String], engine: inout Engine) -> CommandOutput {
        guard let sub = args.first else { return DockerHelp.bareGroup("docker service") }
        if let help = DockerHelp.groupFlag("docker service", sub) { return help }
        let rest = Array(args.dropFirst())
        switch sub {
        case "create": return ServiceCreateCommand.run(rest, engine: &engine)
        case "inspect": return ServiceInspectCommand.run(rest, engine: &engine)
        case "ls", "list": return ServiceLsCommand.run(rest, engine: &engine)
        case "ps": return ServicePsCommand.run(rest, engine: &engine)
        case "rm", "remove": return ServiceRmCommand.run(rest, engine: &engine)
        case "scale": return ServiceScaleCommand.run(rest, engine: &engine)
        case "update": return ServiceUpdateCommand.run(rest, engine: &engine)
        case "logs", "rollback": return NotSimulated.feature("docker service \(sub)")
        default:
            if sub.hasPrefix("-") { return DockerHelp.unknownFlag("docker service", sub) }
            return DockerHelp.unknownSubcommand("docker service", sub)
        }
    }
}
