import CNMSim

/// `docker volume …` (docker/cli v28.2.2 cli/command/volume/cmd.go): volumes of the local driver.
/// `docker volume update` is for cluster volumes, which cnmlab does not simulate.
enum VolumeCommand {
    static let commands: [DockerSubcommand] = [
        DockerSubcommand(["create"], spec: VolumeCreateCommand.spec, changesState: true, operands: []) { a, _, e, _ throws(CommandError) in try VolumeCreateCommand.run(a, engine: &e) },
        DockerSubcommand(["ls", "list"], spec: VolumeLsCommand.spec, operands: []) { a, _, e, _ throws(CommandError) in try VolumeLsCommand.run(a, engine: &e) },
        DockerSubcommand(["inspect"], spec: VolumeInspectCommand.spec, operands: []) { a, _, e, _ throws(CommandError) in try VolumeInspectCommand.run(a, engine: &e) },
        DockerSubcommand(["rm", "remove"], spec: VolumeRmCommand.spec, changesState: true, operands: []) { a, _, e, _ throws(CommandError) in try VolumeRmCommand.run(a, engine: &e) },
        DockerSubcommand(["prune"], spec: VolumePruneCommand.spec, changesState: true, operands: []) { a, _, e, stdin throws(CommandError) in try VolumePruneCommand.run(a, engine: &e, stdin: stdin) },
        DockerSubcommand("update", notSimulated: true, changesState: true),
    ]
}
