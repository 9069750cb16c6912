import CNMSim

/// `docker network prune` (docker/cli v28.2.2 cli/command/network/prune.go).
enum NetworkPruneCommand {
    static let spec = DockerCommandSpec(
        path: "docker network prune", useLine: "docker network prune [OPTIONS]",
        flags: [.bool("force", "f"), .stringArray("filter", validator: FilterValidation.validate)],
        arity: .none)

    static let warning = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] "

    static func run(_ args: [String], engine: inout Engine, stdin: String?) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        if !flags.strings("filter").isEmpty {
            throw .notSimulated("docker network prune --filter")
        }
        var out = CommandOutput()
        if !flags.bool("force") {
            out.stdout = warning
            let answer = (stdin ?? "").split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let yes = ["y", "yes"].contains(answer.trimmingSpaces.lowercased())
            if !yes {
                out.stdout += "\n"
                return out
            }
        }
        let removed = engine.pruneNetworks()
        if !removed.isEmpty {
            out.stdout += "Deleted Networks:\n" + removed.map { $0 + "\n" }.joined() + "\n"
        }
        return out
    }
}
