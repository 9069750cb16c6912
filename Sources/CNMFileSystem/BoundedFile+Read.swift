import CNMLabs
#if canImport(Glibc)
import Glibc
#endif

/// The one reader of files that come from someone else (a lab, a learner's transcript), behind
/// `DiskFiles.read`: it cannot stall on a FIFO or a device, nor read more than it was allowed.
extension BoundedFile {
    /// The bytes of the regular file at `path`, refused past `limit`. With `followLinks` false a
    /// symbolic link is refused (O_NOFOLLOW) — and, as the check is made on the opened file, a file
    /// swapped for a link meanwhile is refused too.
    public static func read(_ path: String, limit: Int, followLinks: Bool = true) -> Result<[UInt8], Problem> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return .failure(errno == ENOENT ? .missing : errno == ELOOP ? .notRegular : .unreadable) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        if Int(st.st_size) > limit { return .failure(.tooLarge) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while out.count <= limit {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return .failure(.unreadable) }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out.count > limit ? .failure(.tooLarge) : .success(out)
    }
}
