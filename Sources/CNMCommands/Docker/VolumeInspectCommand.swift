import CNMSim

/// `docker volume inspect` (docker/cli v28.2.2 cli/command/volume/inspect.go; moby v28.2.2 api/types/volume
/// `Volume`): CreatedAt, Driver, Labels, Mountpoint, Name, Options, Scope.
enum VolumeInspectCommand {
    static let spec = DockerCommandSpec(
        path: "docker volume inspect", useLine: "docker volume inspect [OPTIONS] VOLUME [VOLUME...]",
        flags: [.string("format", "f")], arity: .atLeast(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        var items: [InspectPrinter.Item] = []
        for name in flags.positionals {
            switch engine.findVolume(name) {
            case .success(let v): items.append(.found(value(v)))
            case .failure(let e): items.append(.failed(DaemonError.text(e)))
            }
        }
        return InspectPrinter.print(items, format: flags.string("format"))
    }

    /// moby v28.2.2 volume/local: the creation time in RFC 3339 without a fraction (`time.RFC3339`).
    static func createdAt(_ v: Volume) -> String {
        let nano = v.created.rfc3339Nano
        guard let dot = nano.firstIndex(of: ".") else { return nano }
        return String(nano[..<dot]) + "Z"
    }

    static func value(_ v: Volume) -> TemplateValue {
        func map(_ m: [String: String]?) -> TemplateValue {
            guard let m else { return .map([:], kind: .string, isNil: true) }
            return .map(m.mapValues { .string($0) }, kind: .string)
        }
        return .structure(TemplateStruct(typeName: "volume.Volume", fields: [
            TemplateField("ClusterVolume", .null, omitEmpty: true),
            TemplateField("CreatedAt", .string(createdAt(v))),
            TemplateField("Driver", .string(v.driver)),
            TemplateField("Labels", map(v.labels)),
            TemplateField("Mountpoint", .string(v.mountpoint)),
            TemplateField("Name", .string(v.name)),
            TemplateField("Options", map(v.options)),
            TemplateField("Scope", .string("local")),
            TemplateField("Status", .null, omitEmpty: true),
            TemplateField("UsageData", .null, omitEmpty: true),
        ]))
    }
}
