import CNMSim

/// `docker volume prune` (docker/cli v28.2.2 cli/command/volume/prune.go): unused anonymous volumes,
/// or with `-a` every unused one; `Total reclaimed space:` in go-units' `HumanSize`.
enum VolumePruneCommand {
    static let spec = DockerCommandSpec(
        path: "docker volume prune", useLine: "docker volume prune [OPTIONS]",
        flags: [.bool("all", "a"), .stringArray("filter"), .bool("force", "f")], arity: .none, unsimulatedFlags: ["filter"])

    static let anonymousWarning = "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] "
    static let allWarning = "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] "

    /// go-units `HumanSize`: decimal units, four significant digits.
    static func humanSize(_ n: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var size = Double(n)
        var i = 0
        while size >= 1000 && i < units.count - 1 { size /= 1000; i += 1 }
        return GoFormat.sprintf("%.4g", [.float(size)]) + units[i]
    }

    static func run(_ args: [String], engine: inout Engine, stdin: String?) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        if !flags.strings("filter").isEmpty { throw .notSimulated("docker volume prune --filter") }
        var out = CommandOutput()
        if !flags.bool("force") {
            out.stdout = flags.bool("all") ? allWarning : anonymousWarning
            let answer = (stdin ?? "").split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard ["y", "yes"].contains(answer.trimmingSpaces.lowercased()) else {
                out.stdout += "\n"
                out.stderr = "volume prune has been cancelled\n"
                out.exitCode = 1
                return out
            }
        }
        // The space is the volumes' file bytes (moby v28.2.2 pkg/directory `Size` sums regular files).
        let reclaimed = engine.volumes.values.filter { v in
            (v.anonymous || flags.bool("all")) && engine.containersUsing(volume: v.name).isEmpty
        }.reduce(0) { $0 + $1.files.totalBytes }
        let removed = engine.pruneVolumes(all: flags.bool("all"))
        if !removed.isEmpty { out.stdout += "Deleted Volumes:\n" + removed.map { $0 + "\n" }.joined() + "\n" }
        out.stdout += "Total reclaimed space: \(humanSize(reclaimed))\n"
        return out
    }
}
