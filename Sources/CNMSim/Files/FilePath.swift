/// Absolute paths inside a simulated machine, normalised as the kernel walks them: `.` and empty
/// components dropped, `..` climbs (never above `/`). Bounded: a path longer than `maxBytes`
/// (Linux's `PATH_MAX`) is refused, as the kernel refuses it with `ENAMETOOLONG`.
public enum FilePath {
    /// Linux `PATH_MAX` (include/uapi/linux/limits.h).
    public static let maxBytes = 4096

    /// `path` made absolute against `directory` and normalised; nil when too long.
    public static func resolve(_ path: String, in directory: String) -> String? {
        guard path.utf8.count <= maxBytes, directory.utf8.count <= maxBytes else { return nil }
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The directory holding `path` (`/` for `/` itself).
    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        let p = String(path[..<slash])
        return p.isEmpty ? "/" : p
    }

    /// The last component (`nginx.conf` of `/etc/nginx/nginx.conf`).
    public static func base(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        let b = String(path[path.index(after: slash)...])
        return b.isEmpty ? "/" : b
    }

    /// `/a/b/c` → `["/a", "/a/b"]`: the directories above `path`, outermost first (without `/`).
    public static func ancestors(_ path: String) -> [String] {
        var out: [String] = []
        var p = parent(path)
        while p != "/" { out.append(p); p = parent(p) }
        return out.reversed()
    }
}
