import CNMSim

/// `docker volume ls` (docker/cli v28.2.2 cli/command/volume/list.go, cli/command/formatter/volume.go):
/// sorted by name, `DRIVER    VOLUME NAME`.
enum VolumeLsCommand {
    static let spec = DockerCommandSpec(
        path: "docker volume ls", useLine: "docker volume ls [OPTIONS]",
        flags: [.bool("cluster"), .stringArray("filter", "f"), .string("format"), .bool("quiet", "q")],
        arity: .none, unsimulatedFlags: ["cluster", "filter"])

    static let defaultFormat = "table {{.Driver}}\t{{.Name}}"

    static let headers: [String: String] = [
        "Name": "VOLUME NAME", "Driver": "DRIVER", "Scope": "SCOPE", "Mountpoint": "MOUNTPOINT", "Labels": "LABELS",
        "Links": "LINKS", "Size": "SIZE", "Group": "GROUP", "Availability": "AVAILABILITY", "Status": "STATUS",
    ]

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        if flags.bool("cluster") { throw .notSimulated("docker volume ls --cluster") }
        if !flags.strings("filter").isEmpty { throw .notSimulated("docker volume ls --filter") }
        var format = flags.string("format")
        if flags.bool("quiet") && format.isEmpty { format = "{{.Name}}" }
        let rows = engine.volumes.values.sorted { NaturalOrder.less($0.name, $1.name) }.map(row)
        return DockerFormatter.render(format: format, defaultFormat: defaultFormat, rows: rows, headers: headers)
    }

    /// docker's `volumeContext`; fields in JSON (sorted) order.
    static func row(_ v: Volume) -> TemplateValue {
        let labels = (v.labels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return .object([
            ("Availability", .string("N/A")),
            ("Driver", .string(v.driver)),
            ("Group", .string("N/A")),
            ("Labels", .string(labels)),
            ("Links", .string("N/A")),
            ("Mountpoint", .string(v.mountpoint)),
            ("Name", .string(v.name)),
            ("Scope", .string("local")),
            ("Size", .string("N/A")),
            ("Status", .string("N/A")),
        ], type: "*formatter.volumeContext", methods: [:])
    }
}
