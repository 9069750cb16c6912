import CNMSim

/// `-v`/`--volume` and `--mount` of `docker run`/`docker create`, read as the 28.2 CLI reads them
/// (docker/cli v28.2.2 cli/compose/loader/volume.go `ParseVolume`, opts/mount.go, and
/// cli/command/container/opts.go): a host path (absolute, or starting with `.`, which the CLI
/// makes absolute against the current folder) is a bind; any other source is a volume's name
/// (`-v nginx.conf:/etc/nginx/nginx.conf` makes a volume named `nginx.conf`, as on a real host);
/// `-v /path` alone is an anonymous volume. Every path is of the simulated host.
enum MountOptions {
    /// The mounts of `-v` values then `--mount` values.
    static func mounts(volumes: [String], mountFlags: [String]) throws(CommandError) -> [Mount] {
        var out: [Mount] = []
        for v in volumes { out.append(try volume(v)) }
        for m in mountFlags {
            let (mount, reason) = parseMount(m)
            if let mount { out.append(mount) } else { throw .refused(reason ?? "") }
        }
        return out
    }

    /// One `-v SRC:DST[:MODE]` or `-v DST`.
    static func volume(_ spec: String) throws(CommandError) -> Mount {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.contains(where: \.isEmpty) { throw .refused("invalid spec: \(spec): empty section between colons") }
        switch parts.count {
        case 1:
            return Mount(kind: .volume, source: "", destination: parts[0])
        case 2, 3:
            let mode = parts.count == 3 ? parts[2] : ""
            let options = mode.split(separator: ",").map(String.init)
            let known: Set<String> = ["ro", "rw", "z", "Z", "nocopy", "private", "rprivate", "shared", "rshared", "slave", "rslave"]
            if let bad = options.first(where: { !known.contains($0) }) { throw .refused("invalid mode: \(bad)") }
            var source = parts[0]
            let bind = source.hasPrefix("/") || source.hasPrefix(".")
            if source.hasPrefix(".") { source = FilePath.resolve(source, in: HostFiles.home) ?? source }
            return Mount(kind: bind ? .bind : .volume, source: source, destination: parts[1], readOnly: options.contains("ro"),
                         mode: mode.isEmpty && !bind ? "z" : mode)
        default:
            throw .refused("invalid spec: \(spec): too many colons")
        }
    }

    /// One `--mount type=bind|volume,source=…,target=…[,readonly]`; the reason the CLI refuses it.
    static func parseMount(_ value: String) -> (Mount?, String?) {
        switch mount(value) {
        case .success(let m): return (m, nil)
        case .failure(let r): return (nil, r.text)
        }
    }

    /// pflag's check of one `--mount` value: the CLI's reason (`target is required`); a feature cnmlab
    /// leaves out is not refused here (`ContainerOptions.request` says it is not simulated).
    @Sendable static func validate(_ value: String) -> String? {
        guard let reason = parseMount(value).1, !reason.hasSuffix("is not simulated") else { return nil }
        return reason
    }

    /// A reason the CLI gives for a `--mount` value.
    struct Refusal: Error { let text: String }

    static func mount(_ value: String) -> Result<Mount, Refusal> {
        var kind = Mount.Kind.volume
        var source = ""
        var target = ""
        var readOnly = false
        for field in value.split(separator: ",").map(String.init) {
            let kv = field.split(separator: "=", maxSplits: 1).map(String.init)
            let key = kv[0].lowercased()
            let val = kv.count > 1 ? kv[1] : nil
            switch key {
            case "readonly", "ro":
                guard let val else { readOnly = true; continue }
                switch val.lowercased() {
                case "1", "true": readOnly = true
                case "0", "false": readOnly = false
                default: return .failure(Refusal(text: "invalid value for \(kv[0]): \(val)"))
                }
                continue
            default: break
            }
            guard let val else { return .failure(Refusal(text: "invalid field '\(field)' must be a key=value pair")) }
            switch key {
            case "type":
                switch val.lowercased() {
                case "bind": kind = .bind
                case "volume": kind = .volume
                case "tmpfs", "npipe", "cluster", "image": return .failure(Refusal(text: "--mount type=\(val) is not simulated"))
                default: return .failure(Refusal(text: "invalid mount type: \(val)"))
                }
            case "source", "src":
                source = val
                if val == "." || val.hasPrefix("./") { source = FilePath.resolve(val, in: HostFiles.home) ?? val }
            case "target", "dst", "destination":
                target = val
            case "bind-propagation", "consistency", "volume-nocopy", "volume-driver", "volume-label", "volume-opt",
                 "bind-recursive", "bind-nonrecursive", "volume-subpath":
                return .failure(Refusal(text: "--mount \(key) is not simulated"))
            default:
                return .failure(Refusal(text: "unexpected key '\(kv[0])' in '\(field)'"))
            }
        }
        if target.isEmpty { return .failure(Refusal(text: "target is required")) }
        return .success(Mount(kind: kind, source: source, destination: target, readOnly: readOnly, fromVolumeFlag: false))
    }
}
