#if canImport(Glibc)
import Glibc
#endif

/// Writes text straight to a file descriptor (1 = standard output, 2 = standard error),
/// unbuffered and whole, so the shell's and the subcommands' output never interleave out of order.
public enum Output {
    public static func write(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.write(fd, base + offset, raw.count - offset)
            }
            if n <= 0 { break }
            offset += n
        }
    }
}
