import CNMSim

/// A container's mounts as `docker inspect` shows them (moby v28.2.2 api/types/container
/// `MountPoint`, `HostConfig.Binds`/`HostConfig.Mounts`, `Config.Volumes`).
enum MountInspectView {
    /// `Mounts`: each bind and volume, sorted by destination.
    static func mounts(_ c: Container) -> TemplateValue {
        .list(c.mounts.sorted { $0.destination < $1.destination }.map { m in
            var fields = [TemplateField("Type", .string(m.kind.rawValue))]
            switch m.kind {
            case .bind:
                fields += [
                    TemplateField("Source", .string(m.source)),
                    TemplateField("Destination", .string(m.destination)),
                    TemplateField("Mode", .string(m.fromVolumeFlag ? m.mode : "")),
                    TemplateField("RW", .bool(!m.readOnly)),
                    TemplateField("Propagation", .string("rprivate")),
                ]
            case .volume:
                fields += [
                    TemplateField("Name", .string(m.source)),
                    TemplateField("Source", .string("/var/lib/docker/volumes/\(m.source)/_data")),
                    TemplateField("Destination", .string(m.destination)),
                    TemplateField("Driver", .string("local")),
                    TemplateField("Mode", .string(m.fromVolumeFlag ? m.mode : "")),
                    TemplateField("RW", .bool(!m.readOnly)),
                    TemplateField("Propagation", .string("")),
                ]
            }
            return .structure(TemplateStruct(typeName: "container.MountPoint", fields: fields))
        })
    }

    /// `HostConfig.Binds`: the `-v` values with a source, as the CLI sent them.
    static func binds(_ c: Container) -> TemplateValue {
        let binds = c.mounts.filter { $0.fromVolumeFlag && !($0.kind == .volume && isAnonymous($0)) }.map { m -> String in
            let mode = m.kind == .volume && m.mode == "z" ? "" : m.mode
            return m.source + ":" + m.destination + (mode.isEmpty ? "" : ":" + mode)
        }
        return binds.isEmpty ? .nilList : .list(binds.map { .string($0) })
    }

    /// `HostConfig.Mounts`: the `--mount` values.
    static func hostConfigMounts(_ c: Container) -> TemplateValue {
        let mounts = c.mounts.filter { !$0.fromVolumeFlag }
        if mounts.isEmpty { return .nilList }
        return .list(mounts.map { m in
            .structure(TemplateStruct(typeName: "mount.Mount", fields: [
                TemplateField("Type", .string(m.kind.rawValue)),
                TemplateField("Source", .string(m.source), omitEmpty: true),
                TemplateField("Target", .string(m.destination)),
                TemplateField("ReadOnly", .bool(m.readOnly), omitEmpty: true),
            ]))
        })
    }

    /// `Config.Volumes`: the destinations of anonymous `-v` volumes and the image's `VOLUME`s.
    static func configVolumes(_ c: Container) -> TemplateValue {
        let anonymous = c.mounts.filter { $0.fromVolumeFlag && $0.kind == .volume && isAnonymous($0) }.map(\.destination)
        // The image's `VOLUME`s are there whatever is mounted on them (moby v28.2.2 daemon/commit.go `merge`).
        let paths = Set(anonymous + c.image.volumes)
        if paths.isEmpty { return .nilMap }
        var out: [String: TemplateValue] = [:]
        for p in paths { out[p] = .structure(TemplateStruct(typeName: "struct {}", fields: [])) }
        return .map(out)
    }

    /// A volume named by the daemon (64 hex digits) for `-v /path`.
    static func isAnonymous(_ m: Mount) -> Bool {
        m.source.count == 64 && m.source.allSatisfy(\.isHexDigit) && m.mode.isEmpty
    }
}
