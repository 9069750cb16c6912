import CNMSim

/// `docker volume rm` (docker/cli v28.2.2 cli/command/volume/remove.go): prints each removed name;
/// the daemon's errors, one a line, then exit 1.
enum VolumeRmCommand {
    static let spec = DockerCommandSpec(
        path: "docker volume rm", useLine: "docker volume rm [OPTIONS] VOLUME [VOLUME...]",
        flags: [.bool("force", "f")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        var out = CommandOutput()
        for name in flags.positionals {
            switch engine.removeVolume(name, force: flags.bool("force")) {
            case .success: out.stdout += name + "\n"
            case .failure(let e):
                out.stderr += DaemonError.line(e)
                out.exitCode = 1
            }
        }
        return out
    }
}
