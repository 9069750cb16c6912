import CNMSim

/// `docker kill [-s SIGNAL] CONTAINER…` (docker/cli v28.2.2 cli/command/container/kill.go): each
/// container's name is printed once the daemon took the signal; errors after, exit 1.
enum KillCommand {
    static let spec = DockerCommandSpec(
        path: "docker kill", useLine: "docker kill [OPTIONS] CONTAINER [CONTAINER...]",
        flags: [.string("signal", "s")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine, path: String? = nil) throws(CommandError) -> CommandOutput {
        let flags = try spec.at(path).parse(args)
        let signal = flags.string("signal")
        var unsimulated: CommandOutput? = nil
        let out = ContainerBatch.run(flags.positionals) { term in
            switch engine.killContainer(term, signal: signal) {
            case .success(.notSimulated(let s)):
                unsimulated = NotSimulated.feature("docker kill -s \(s)")
                return .ignored("")
            case .success: return .done
            case .failure(let e): return .failed(DaemonError.line(e), e)
            }
        }
        return unsimulated ?? out
    }
}
