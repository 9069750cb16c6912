import CNMSim

/// `docker volume create` (docker/cli v28.2.2 cli/command/volume/create.go): prints the name.
/// The cluster-volume flags and drivers other than `local` are not simulated.
enum VolumeCreateCommand {
    static let clusterFlags: [FlagSpec] = [
        .string("availability", default: "active"), .string("group"), .string("limit-bytes"), .string("required-bytes"),
        .string("scope", default: "single"), .stringArray("secret"), .string("sharing", default: "none"),
        .stringArray("topology-preferred"), .stringArray("topology-required"), .string("type", default: "block"),
    ]

    static let spec = DockerCommandSpec(
        path: "docker volume create", useLine: "docker volume create [OPTIONS] [VOLUME]",
        flags: [.string("driver", "d", default: "local"), .stringArray("label"), .stringArray("opt", "o"), { var f = FlagSpec.string("name"); f.hidden = true; return f }()]
            + clusterFlags,
        arity: .atMost(1), unsimulatedFlags: Set(clusterFlags.map(\.name)))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        for f in clusterFlags where flags.wasSet(f.name) { throw .notSimulated("docker volume create --\(f.name) (cluster volumes)") }
        if flags.string("driver") != "local" { throw .notSimulated("the volume driver \(flags.string("driver"))") }
        if !flags.strings("opt").isEmpty { throw .notSimulated("docker volume create --opt (the local driver's mount options)") }
        var name: String? = flags.positionals.first
        if flags.wasSet("name") {
            if name != nil { throw .refused("conflicting options: cannot specify a volume-name through both --name and as a positional arg") }
            name = flags.string("name")
        }
        let v = try engine.createVolume(name: name, labels: MapOption.parse(flags.strings("label")), options: [:]).orDaemonError()
        return .ok(v.name + "\n")
    }
}
