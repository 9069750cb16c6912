import CNMSim

/// `docker network disconnect` (docker/cli v28.2.2 cli/command/network/disconnect.go).
enum NetworkDisconnectCommand {
    static let spec = DockerCommandSpec(
        path: "docker network disconnect", useLine: "docker network disconnect [OPTIONS] NETWORK CONTAINER",
        flags: [.bool("force", "f")], arity: .exact(2))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        switch engine.disconnect(container: flags.positionals[1], network: flags.positionals[0], force: flags.bool("force")) {
        case .success: return .ok()
        case .failure(let e): throw .daemon(e)
        }
    }
}
