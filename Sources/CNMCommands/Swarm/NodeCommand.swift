import CNMSim

/// `docker node …` (docker/cli cli/command/node): routes to one file per subcommand.
enum NodeCommand {
    static func run(_ args: [String], engine: inout Engine) -> CommandOutput {
        guard let sub = args.first else { return NotSimulated.feature("the help text of 'docker node'") }
        return NotSimulated.feature("docker node \(sub)")
    }
}
