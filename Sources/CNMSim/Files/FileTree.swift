/// One layer of files: what an image brings, or what a machine or a container changed on top of it
/// (overlayfs' upper directory, with its whiteouts for what was removed below).
///
/// Paths are absolute and normalised (`FilePath.resolve`); `/` always exists and is never stored.
/// A value: copying a machine copies its files (undo, replays), and the fingerprint walks it as
/// any other stored field.
public struct FileTree: Sendable, Hashable {
    /// A directory, or a regular file with its text.
    public enum Node: Sendable, Hashable {
        case directory
        case file(String)
    }

    /// Every entry of the layer, by path.
    public internal(set) var nodes: [String: Node] = [:]
    /// Paths removed from the layer below (an upper layer's whiteouts).
    public internal(set) var whiteouts: Set<String> = []
    /// Directories whose listing this layer knows only in part (an image's `/etc`: cnmlab models a
    /// few of its files, not all of them). `ls` of one says so instead of inventing a listing.
    public internal(set) var partial: Set<String> = []
    /// The bytes of all files of the layer (kept with `nodes`, checked against `FileLimits`).
    public internal(set) var totalBytes = 0

    public init() {}

    /// A layer holding `files` (path → text), the directories above them, `directories`, and the
    /// partial directories `partial`.
    public init(files: [String: String], directories: [String] = [], partial: [String] = []) {
        for d in directories {
            for a in FilePath.ancestors(d) + [d] where a != "/" { nodes[a] = .directory }
        }
        for (path, text) in files {
            for a in FilePath.ancestors(path) { nodes[a] = .directory }
            nodes[path] = .file(text)
            totalBytes += text.utf8.count
        }
        self.partial = Set(partial)
    }

    /// Stores `node` at `path`, within `FileLimits`.
    mutating func put(_ path: String, _ node: Node) throws(FileError) {
        let old = nodes[path]
        let oldBytes: Int
        if case .file(let t)? = old { oldBytes = t.utf8.count } else { oldBytes = 0 }
        var newBytes = 0
        if case .file(let t) = node {
            newBytes = t.utf8.count
            guard newBytes <= FileLimits.maxFileBytes else { throw .noSpace }
        }
        guard totalBytes - oldBytes + newBytes <= FileLimits.maxTotalBytes else { throw .noSpace }
        if old == nil { guard nodes.count + whiteouts.count < FileLimits.maxEntries else { throw .noSpace } }
        nodes[path] = node
        whiteouts.remove(path)
        totalBytes += newBytes - oldBytes
    }

    /// Takes `path` out of this layer (and hides it below when `whiteout`).
    mutating func drop(_ path: String, whiteout: Bool) {
        if case .file(let t)? = nodes.removeValue(forKey: path) { totalBytes -= t.utf8.count }
        if whiteout, whiteouts.count < FileLimits.maxEntries { whiteouts.insert(path) }
        partial.remove(path)
    }

    /// The paths directly inside `directory` that this layer holds.
    func children(of directory: String) -> [String] {
        nodes.keys.filter { FilePath.parent($0) == directory && $0 != "/" }
    }
}
