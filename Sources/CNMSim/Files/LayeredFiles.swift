/// The files one process sees: a read-only lower layer (an image's files, or the host's own) under
/// the machine's or container's upper layer, where every change goes (overlayfs' rules: a write
/// copies up, a removal leaves a whiteout). The operations are the system calls the shell's
/// programs make; each fails with the `errno` the kernel would give.
public struct LayeredFiles: Sendable {
    public let lower: FileTree
    public var upper: FileTree
    /// Files served from the model (`/etc/hosts`…) with their text: read, never written through this view.
    public let derived: [String: String]

    /// What is mounted over this view, longest destination first (a container's binds and volumes).
    public var mounts: [MountedFiles] = []

    public init(lower: FileTree, upper: FileTree, derived: [String: String] = [:]) {
        self.lower = lower; self.upper = upper; self.derived = derived
    }

    /// The mount holding `path` and the path inside its source, if any.
    func mount(for path: String) -> (Int, String)? {
        for (k, m) in mounts.enumerated() {
            if path == m.destination { return (k, m.sourceRoot) }
            if path.hasPrefix(m.destination + "/") {
                let rest = path.dropFirst(m.destination.count)
                return (k, (m.sourceRoot == "/" ? "" : m.sourceRoot) + rest)
            }
        }
        return nil
    }

    /// Runs a change on the mount holding `path` (refused on a read-only one).
    mutating func inMount<T>(_ k: Int, _ body: (inout LayeredFiles) throws(FileError) -> T) throws(FileError) -> T {
        guard !mounts[k].readOnly else { throw .readOnly }
        return try body(&mounts[k].files)
    }

    /// What is at `path`: a file's text, a directory, or nothing.
    public func node(_ path: String) -> FileTree.Node? {
        if let (k, inner) = mount(for: path) { return mounts[k].files.node(inner) }
        if path == "/" { return .directory }
        if let n = upper.nodes[path] { return n }
        if hidden(path) { return nil }
        if let t = derived[path] { return .file(t) }
        return lower.nodes[path]
    }

    /// Whether `path` or a directory above it was removed from the lower layer.
    func hidden(_ path: String) -> Bool {
        if upper.whiteouts.isEmpty { return false }
        if upper.whiteouts.contains(path) { return true }
        return FilePath.ancestors(path).contains { upper.whiteouts.contains($0) && upper.nodes[$0] == nil }
    }

    public func isDirectory(_ path: String) -> Bool { node(path) == .directory }

    /// The names inside directory `path`, sorted as `ls` sorts them in the C locale (by bytes).
    public func list(_ path: String) throws(FileError) -> [String] {
        if let (k, inner) = mount(for: path) { return try mounts[k].files.list(inner) }
        guard let n = node(path) else { throw .noSuchFile }
        guard n == .directory else { throw .notDirectory }
        if lower.partial.contains(path) || upper.partial.contains(path) {
            throw .partialListing(path)
        }
        return knownNames(path)
    }

    /// The names directory `path` is known to hold, sorted by bytes: all of them, or, in a directory
    /// modelled only in part (`/etc`), the ones cnmlab models. TAB completion offers these: each one
    /// exists, though the list may not be complete. Empty when `path` is not a directory.
    public func knownNames(_ path: String) -> [String] {
        if let (k, inner) = mount(for: path) { return mounts[k].files.knownNames(inner) }
        guard node(path) == .directory else { return [] }
        var names = Set(upper.children(of: path))
        for c in lower.children(of: path) where !hidden(c) { names.insert(c) }
        for d in derived.keys where FilePath.parent(d) == path { names.insert(d) }
        for m in mounts where FilePath.parent(m.destination) == path { names.insert(m.destination) }
        return names.map(FilePath.base).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Checks that the directory to hold `path` exists.
    func checkParent(_ path: String) throws(FileError) {
        let p = FilePath.parent(path)
        guard let n = node(p) else { throw .noSuchFile }
        guard n == .directory else { throw .notDirectory }
    }

    /// `open(O_WRONLY|O_CREAT|O_TRUNC or O_APPEND)` then `write`.
    public mutating func write(_ path: String, _ text: String, append: Bool = false) throws(FileError) {
        if let (k, inner) = mount(for: path) {
            return try inMount(k) { (f: inout LayeredFiles) throws(FileError) in try f.write(inner, text, append: append) }
        }
        if derived[path] != nil && !hidden(path) { throw .derived(path) }
        try checkParent(path)
        var content = text
        switch node(path) {
        case .directory?: throw .isDirectory
        case .file(let old)?: if append { content = old + text }
        case nil: break
        }
        try upper.put(path, .file(content))
    }

    /// `mkdir`, and with `parents` each missing directory above it (`mkdir -p`).
    public mutating func makeDirectory(_ path: String, parents: Bool = false) throws(FileError) {
        if let (k, inner) = mount(for: path) {
            if inner == mounts[k].sourceRoot { if parents { return }; throw .exists }
            return try inMount(k) { (f: inout LayeredFiles) throws(FileError) in try f.makeDirectory(inner, parents: parents) }
        }
        if parents {
            for a in FilePath.ancestors(path) + [path] {
                switch node(a) {
                case .directory?: continue
                case .file?: throw .notDirectory
                case nil: try upper.put(a, .directory)
                }
            }
            return
        }
        if node(path) != nil { throw .exists }
        try checkParent(path)
        try upper.put(path, .directory)
    }

    /// `unlink` (a file) or, with `recursive`, the whole tree under a directory (`rm -r`).
    public mutating func remove(_ path: String, recursive: Bool) throws(FileError) {
        if mounts.contains(where: { $0.destination == path || $0.destination.hasPrefix(path == "/" ? "/" : path + "/") }) {
            throw .busy
        }
        if let (k, inner) = mount(for: path) {
            return try inMount(k) { (f: inout LayeredFiles) throws(FileError) in try f.remove(inner, recursive: recursive) }
        }
        if derived[path] != nil && !hidden(path) { throw .derived(path) }
        guard let n = node(path) else { throw .noSuchFile }
        if n == .directory {
            guard recursive else { throw .isDirectory }
            let prefix = path == "/" ? "/" : path + "/"
            for p in upper.nodes.keys where p.hasPrefix(prefix) { upper.drop(p, whiteout: false) }
            for p in lower.nodes.keys where p.hasPrefix(prefix) && !hidden(p) { upper.drop(p, whiteout: true) }
        }
        upper.drop(path, whiteout: lower.nodes[path] != nil || derived[path] != nil)
    }

    /// `rmdir`: an empty directory only.
    public mutating func removeDirectory(_ path: String) throws(FileError) {
        if mounts.contains(where: { $0.destination == path }) { throw .busy }
        if let (k, inner) = mount(for: path) {
            return try inMount(k) { (f: inout LayeredFiles) throws(FileError) in try f.removeDirectory(inner) }
        }
        guard let n = node(path) else { throw .noSuchFile }
        guard n == .directory else { throw .notDirectory }
        let inside: [String]
        do { inside = try list(path) } catch .partialListing { throw .notEmpty } catch { throw error }
        guard inside.isEmpty else { throw .notEmpty }
        upper.drop(path, whiteout: lower.nodes[path] != nil)
    }

    /// Every file under `path` (itself when a file) as (path relative to `path`'s parent, text),
    /// and the directories, for copying a tree (`cp -r`, `docker cp`).
    public func tree(_ path: String) -> (files: [(String, String)], directories: [String]) {
        guard let n = node(path) else { return ([], []) }
        if case .file(let t) = n { return ([(FilePath.base(path), t)], []) }
        var files: [(String, String)] = []
        var dirs = [FilePath.base(path)]
        var queue = [path]
        while let d = queue.popLast() {
            let names = (try? list(d)) ?? []
            for name in names {
                let full = d == "/" ? "/" + name : d + "/" + name
                let rel = String(full.dropFirst(path.count + (path == "/" ? 0 : 1)))
                let relative = FilePath.base(path) + "/" + rel
                switch node(full) {
                case .file(let t)?: files.append((relative, t))
                case .directory?: dirs.append(relative); queue.append(full)
                case nil: break
                }
            }
        }
        return (files, dirs)
    }
}

/// A mount inside a view: the files of its source (the host's, or a volume's) seen at `destination`.
public struct MountedFiles: Sendable {
    public var destination: String
    /// Where the mount's source starts inside `files` (the bind's host path; `/` for a volume).
    public var sourceRoot: String
    public var readOnly: Bool
    /// Which source to store the changes back to.
    public var origin: Origin
    public var files: LayeredFiles

    public enum Origin: Sendable, Hashable {
        case host
        case volume(String)
    }
}
