import CNMLabs
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real file system, for the executables (`cnmlab`, `CNMBench`): where CNMLabs finds and reads
/// labs, keeps its validation cache, reads submissions and writes reports. The layered libraries
/// never touch these files themselves; an executable hands them this.
public struct DiskFiles: GradeFiles {
    public init() {}

    public func standardInput(limit: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count <= limit {
            guard let chunk = try? FileHandle.standardInput.read(upToCount: 65_536), !chunk.isEmpty else { break }
            out += chunk
        }
        return out
    }

    public func read(_ path: String, limit: Int, followLinks: Bool) -> Result<[UInt8], BoundedFile.Problem> {
        BoundedFile.read(path, limit: limit, followLinks: followLinks)
    }

    public func kind(_ path: String) -> FileKind {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public func names(in directory: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: directory)
    }

    public func makeDirectory(_ path: String) -> Bool {
        (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil && isDirectory(path)
    }

    public func write(_ text: String, to path: String, atomically: Bool) -> Bool {
        if atomically { return (try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)) != nil }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 { if errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }

    public func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var url = existing.resolvingSymlinksInPath()
        for part in rest { url = url.appendingPathComponent(part) }
        return url.standardizedFileURL.path
    }
}
