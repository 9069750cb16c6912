import CNMSim

/// `docker service …` (docker/cli v28.2.2 cli/command/service/cmd.go): one file per
/// subcommand. `logs` and `rollback` are real subcommands cnmlab does not
/// simulate; anything else is cobra's unknown-command error.
enum ServiceCommand {
    static let commands: [DockerSubcommand] = [
        DockerSubcommand(["create"], spec: ServiceCreateCommand.spec, changesState: true, operands: [.images],
                         flagValues: ["network": .networks, "endpoint-mode": .words(["vip", "dnsrr"])]) { a, _, e, _ throws(CommandError) in
            try ServiceCreateCommand.run(a, engine: &e)
        },
        DockerSubcommand(["inspect"], spec: ServiceInspectCommand.spec, operands: [.services]) { a, _, e, _ throws(CommandError) in
            try ServiceInspectCommand.run(a, engine: &e)
        },
        DockerSubcommand(["ls", "list"], spec: ServiceLsCommand.spec, operands: []) { a, _, e, _ throws(CommandError) in
            try ServiceLsCommand.run(a, engine: &e)
        },
        DockerSubcommand(["ps"], spec: ServicePsCommand.spec, operands: [.services]) { a, _, e, _ throws(CommandError) in
            try ServicePsCommand.run(a, engine: &e)
        },
        DockerSubcommand(["rm", "remove"], spec: ServiceRmCommand.spec, changesState: true, operands: [.services]) { a, _, e, _ throws(CommandError) in
            try ServiceRmCommand.run(a, engine: &e)
        },
        DockerSubcommand(["scale"], spec: ServiceScaleCommand.spec, changesState: true, operands: [.services]) { a, _, e, _ throws(CommandError) in
            try ServiceScaleCommand.run(a, engine: &e)
        },
        DockerSubcommand(["update"], spec: ServiceUpdateCommand.spec, changesState: true, operands: [.services]) { a, _, e, _ throws(CommandError) in
            try ServiceUpdateCommand.run(a, engine: &e)
        },
        DockerSubcommand("logs", notSimulated: true),
        DockerSubcommand("rollback", notSimulated: true, changesState: true),
    ]
}
