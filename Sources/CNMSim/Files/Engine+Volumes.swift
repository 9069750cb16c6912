/// Volumes and a container's mounts (moby v28.2.2 daemon/volumes.go, volume/service, volume/local).
extension Engine {
    /// Where a bind or volume of a create request goes wrong, as the daemon says it (nil: all good).
    func checkMounts(_ mounts: [Mount]) -> EngineError? {
        var seen = Set<String>()
        for m in mounts {
            guard m.destination.hasPrefix("/") else {
                return EngineError(.invalidParameter, "invalid mount config for type \"\(m.kind.rawValue)\": invalid mount path: '\(m.destination)' mount path must be absolute")
            }
            guard seen.insert(FilePath.resolve(m.destination, in: "/") ?? m.destination).inserted else {
                return EngineError(.invalidParameter, "Duplicate mount point: \(m.destination)")
            }
            switch m.kind {
            case .bind:
                guard m.source.hasPrefix("/") else {
                    return EngineError(.invalidParameter, "invalid mount config for type \"bind\": invalid mount path: '\(m.source)' mount path must be absolute")
                }
                // `--mount type=bind` wants the source to exist; `-v` creates a missing folder (prepareMounts).
                if !m.fromVolumeFlag, files(at: .host)?.node(FilePath.resolve(m.source, in: "/") ?? m.source) == nil {
                    return EngineError(.invalidParameter, "invalid mount config for type \"bind\": bind source path does not exist: \(m.source)")
                }
            case .volume:
                if !m.source.isEmpty, !Self.isValidVolumeName(m.source) {
                    return EngineError(.invalidParameter, "create \(m.source): \"\(m.source)\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path")
                }
            }
        }
        return nil
    }

    /// moby v28.2.2 volume/local `validateName`: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`.
    static func isValidVolumeName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func alnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        guard bytes.count >= 2, let first = bytes.first, alnum(first) else { return false }
        return bytes.dropFirst().allSatisfy { alnum($0) || $0 == 95 || $0 == 46 || $0 == 45 }
    }

    /// Makes what the mounts need: a `-v` bind's missing host folder, a named volume that does not
    /// exist yet, an anonymous volume's name; a new volume mounted over image files gets a copy of
    /// them (moby copies the image's content into an empty volume).
    mutating func prepareMounts(_ mounts: [Mount], image: Image) -> [Mount] {
        var out: [Mount] = []
        for var m in mounts {
            m.source = m.kind == .bind ? (FilePath.resolve(m.source, in: "/") ?? m.source) : m.source
            m.destination = FilePath.resolve(m.destination, in: "/") ?? m.destination
            switch m.kind {
            case .bind:
                if files(at: .host)?.node(m.source) == nil {
                    _ = try? changeFiles(at: .host) { (f: inout LayeredFiles) throws(FileError) in try f.makeDirectory(m.source, parents: true) }
                }
            case .volume:
                if m.source.isEmpty {
                    m.source = rng.hex(64)
                    volumes[m.source] = Volume(name: m.source, labels: ["com.docker.volume.anonymous": ""], options: nil,
                                               created: clock, anonymous: true)
                } else if volumes[m.source] == nil {
                    volumes[m.source] = Volume(name: m.source, labels: nil, options: nil, created: clock)
                }
                if var v = volumes[m.source], v.files.nodes.isEmpty {
                    let prefix = m.destination + "/"
                    for (path, node) in ImageFiles.tree(for: image).nodes.sorted(by: { $0.key < $1.key }) where path.hasPrefix(prefix) {
                        let inside = "/" + path.dropFirst(prefix.count)
                        for a in FilePath.ancestors(inside) where v.files.nodes[a] == nil { try? v.files.put(a, .directory) }
                        try? v.files.put(inside, node)
                    }
                    // What the image has there beyond the modelled files is not known: neither is the copy's listing.
                    for p in ImageFiles.tree(for: image).partial where p == m.destination || p.hasPrefix(prefix) {
                        v.files.partial.insert(p == m.destination ? "/" : "/" + p.dropFirst(prefix.count))
                    }
                    volumes[m.source] = v
                }
            }
            out.append(m)
        }
        return out
    }

    /// `POST /volumes/create`: a volume of the local driver; an existing name is returned as it is.
    public mutating func createVolume(name: String?, labels: [String: String], options: [String: String])
        -> Result<Volume, EngineError> {
        tick(milliseconds: 5)
        let n = name ?? rng.hex(64)
        if let existing = volumes[n] { return .success(existing) }
        guard Self.isValidVolumeName(n) else {
            return .failure(EngineError(.invalidParameter, "create \(n): \"\(n)\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path"))
        }
        let v = Volume(name: n, labels: labels, options: options, created: clock)
        volumes[n] = v
        return .success(v)
    }

    /// `GET /volumes/{name}`.
    public func findVolume(_ name: String) -> Result<Volume, EngineError> {
        guard let v = volumes[name] else { return .failure(EngineError(.notFound, "get \(name): no such volume")) }
        return .success(v)
    }

    /// The containers (running or not) that mount volume `name`, by ID.
    public func containersUsing(volume name: String) -> [String] {
        containers.values.filter { c in c.mounts.contains { $0.kind == .volume && $0.source == name } }
            .map(\.id).sorted { (creationSequence[$0] ?? 0) < (creationSequence[$1] ?? 0) }
    }

    /// `DELETE /volumes/{name}`: refused while a container uses it.
    public mutating func removeVolume(_ name: String, force: Bool) -> Result<Void, EngineError> {
        guard volumes[name] != nil else {
            return force ? .success(()) : .failure(EngineError(.notFound, "get \(name): no such volume"))
        }
        let users = containersUsing(volume: name)
        if !users.isEmpty {
            return .failure(EngineError(.conflict, "remove \(name): volume is in use - [\(users.joined(separator: ", "))]"))
        }
        volumes.removeValue(forKey: name)
        return .success(())
    }

    /// `POST /volumes/prune`: the unused volumes, anonymous ones only unless `all`; names sorted.
    public mutating func pruneVolumes(all: Bool) -> [String] {
        let gone = volumes.values.filter { ($0.anonymous || all) && containersUsing(volume: $0.name).isEmpty }.map(\.name).sorted()
        for n in gone { volumes.removeValue(forKey: n) }
        return gone
    }

    /// A swarm task's container, removed with its anonymous volumes (moby v28.2.2
    /// daemon/cluster/executor/container/adapter.go `remove`: `RemoveVolume: true, ForceRemove: true`).
    public mutating func removeTaskContainer(_ id: String) {
        if case .success(let c) = removeContainer(id, force: true) { removeAnonymousVolumes(of: c) }
    }

    /// A container removed with `--rm`, or `docker rm -v`: its anonymous volumes go with it.
    public mutating func removeAnonymousVolumes(of c: Container) {
        for m in c.mounts where m.kind == .volume {
            if volumes[m.source]?.anonymous == true && containersUsing(volume: m.source).isEmpty { volumes.removeValue(forKey: m.source) }
        }
    }
}
