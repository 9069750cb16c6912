import CNMSim

/// `docker node …` (docker/cli v28.2.2 cli/command/node/cmd.go): one file per
/// subcommand. `demote`, `promote`, `rm` and `update` change the cluster's
/// membership, which cnmlab does not simulate.
enum NodeCommand {
    static let commands: [DockerSubcommand] = [
        DockerSubcommand(["ls", "list"], spec: NodeLsCommand.spec, operands: []) { a, _, e, _ throws(CommandError) in
            try NodeLsCommand.run(a, engine: &e)
        },
        DockerSubcommand(["inspect"], spec: NodeInspectCommand.spec, operands: [.nodes]) { a, _, e, _ throws(CommandError) in
            try NodeInspectCommand.run(a, engine: &e)
        },
        DockerSubcommand(["ps"], spec: NodePsCommand.spec, operands: [.nodes]) { a, _, e, _ throws(CommandError) in
            try NodePsCommand.run(a, engine: &e)
        },
        DockerSubcommand("demote", notSimulated: true, changesState: true),
        DockerSubcommand("promote", notSimulated: true, changesState: true),
        DockerSubcommand("rm", notSimulated: true, changesState: true),
        DockerSubcommand("remove", notSimulated: true, changesState: true),
        DockerSubcommand("update", notSimulated: true, changesState: true),
    ]
}
