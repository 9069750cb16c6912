/// The files of the host and of each container, seen and changed through `LayeredFiles`.
extension Engine {
    /// Where a file operation happens: on the host, or in a container (by ID).
    public enum FileSite: Sendable, Hashable {
        case host
        case container(String)
    }

    /// The files `site` sees, or nil for a container that does not exist.
    public func files(at site: FileSite) -> LayeredFiles? {
        switch site {
        case .host:
            return LayeredFiles(lower: HostFiles.base, upper: hostFiles, derived: derivedFiles(site: nil))
        case .container(let id):
            guard let c = containers[id] else { return nil }
            var view = LayeredFiles(lower: ImageFiles.tree(for: c.image), upper: c.files, derived: derivedFiles(site: id))
            view.mounts = c.mounts.sorted { $0.destination.count > $1.destination.count }.compactMap(mountedFiles)
            return view
        }
    }

    /// The files a mount shows: the host's (from the bind's path) or the volume's.
    func mountedFiles(_ m: Mount) -> MountedFiles? {
        switch m.kind {
        case .bind:
            let host = LayeredFiles(lower: HostFiles.base, upper: hostFiles, derived: derivedFiles(site: nil))
            return MountedFiles(destination: m.destination, sourceRoot: m.source, readOnly: m.readOnly, origin: .host, files: host)
        case .volume:
            guard let v = volumes[m.source] else { return nil }
            let files = LayeredFiles(lower: FileTree(), upper: v.files)
            return MountedFiles(destination: m.destination, sourceRoot: "/", readOnly: m.readOnly, origin: .volume(v.name), files: files)
        }
    }

    /// Stores the upper layer of a changed view back (the host's, or the container's).
    public mutating func storeFiles(_ view: LayeredFiles, at site: FileSite) {
        switch site {
        case .host: hostFiles = view.upper
        case .container(let id):
            containers[id]?.files = view.upper
            let original = hostFiles
            for m in view.mounts {
                switch m.origin {
                case .host: if m.files.upper != original { hostFiles = m.files.upper }
                case .volume(let name): volumes[name]?.files = m.files.upper
                }
            }
        }
    }

    /// Runs `change` on the files of `site` and keeps what it wrote, even when it fails part-way
    /// (as `cp a b missing/c` keeps the first copy).
    public mutating func changeFiles<T>(at site: FileSite, _ change: (inout LayeredFiles) throws(FileError) -> T)
        throws(FileError) -> T {
        guard var view = files(at: site) else { throw .noSuchFile }
        defer { storeFiles(view, at: site) }
        return try change(&view)
    }

    /// The files Docker writes for a container and the simulation derives (`/etc/hosts`,
    /// `/etc/resolv.conf`, `/etc/hostname`), and the host's own.
    func derivedFiles(site: String?) -> [String: String] {
        var out: [String: String] = [:]
        for p in ["/etc/hosts", "/etc/resolv.conf"] { out[p] = ResolutionFiles.read(p, site: site, engine: self) }
        out["/etc/hostname"] = (site.flatMap { containers[$0]?.hostname } ?? host.hostname) + "\n"
        return out
    }
}
