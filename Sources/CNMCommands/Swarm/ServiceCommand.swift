import CNMSim

/// `docker service …` (docker/cli cli/command/service): routes to one file per subcommand.
enum ServiceCommand {
    static func run(_ args: [String], engine: inout Engine) -> CommandOutput {
        guard let sub = args.first else { return NotSimulated.feature("the help text of 'docker service'") }
        return NotSimulated.feature("docker service \(sub)")
    }
}
