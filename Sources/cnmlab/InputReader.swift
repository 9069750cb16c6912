#if canImport(Glibc)
import Glibc
#endif

/// Reads raw bytes from a file or standard input (no decoding: bad UTF-8 stays as bytes).
enum InputReader {
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return readAll(fd)
    }

    static func readStandardInput() -> [UInt8] { readAll(0) }

    private static func readAll(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }
}
