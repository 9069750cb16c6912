#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The unix socket file the engine listens on: a stale one (nothing listening) is
/// replaced, a live one is left alone, the new one is readable and writable by its
/// owner only (0600), and it is removed when the engine stops.
public enum SocketFile {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// Another process answers on the socket.
        case inUse(String)
        /// Something that is not a socket is in the way.
        case notASocket(String)
        /// The path does not fit in `sockaddr_un.sun_path`.
        case pathTooLong(String)
        case cannotRemove(String, Int32)

        public var description: String {
            switch self {
            case .inUse(let p): return "\(p): another engine is listening on this socket"
            case .notASocket(let p): return "\(p): exists and is not a socket"
            case .pathTooLong(let p): return "\(p): socket path is too long (at most 107 bytes)"
            case .cannotRemove(let p, let e): return "\(p): cannot remove the stale socket: \(String(cString: strerror(e)))"
            }
        }
    }

    /// Makes `path` free for a new socket: nothing there, or a stale socket removed.
    public static func prepare(_ path: String) throws(Problem) {
        if path.utf8.count > 107 { throw .pathTooLong(path) }
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFSOCK else { throw .notASocket(path) }
        if isListening(path) { throw .inUse(path) }
        if unlink(path) != 0 && errno != ENOENT { throw .cannotRemove(path, errno) }
    }

    /// Whether a process accepts connections on the socket at `path`.
    public static func isListening(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { return false }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        let size = socklen_t(MemoryLayout<sockaddr_un>.size)
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, size) }
        }
        return rc == 0
    }

    /// The identity of the file at `path` (device, inode), to remove only our own socket.
    static func identity(_ path: String) -> (UInt64, UInt64)? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return (UInt64(st.st_dev), UInt64(st.st_ino))
    }

    static func restrict(_ path: String) {
        _ = chmod(path, 0o600)
    }

    /// Removes the socket if it is still the one with `identity`.
    static func remove(_ path: String, identity: (UInt64, UInt64)?) {
        guard let identity, let now = self.identity(path), now == identity else { return }
        _ = unlink(path)
    }

    /// Runs `body` with a umask that makes new files 0600, so the socket never exists with wider modes.
    static func withPrivateUmask<T>(_ body: () throws -> T) rethrows -> T {
        let old = umask(0o177)
        defer { umask(old) }
        return try body()
    }
}
