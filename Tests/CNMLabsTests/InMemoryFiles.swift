import CNMLabs
import Foundation

/// A file system held in memory, for testing what CNMLabs reads and writes without a disk: regular
/// files, folders, symbolic links (absolute or relative targets) and "other" files (a FIFO, a
/// device). Paths are absolute; a relative one is taken from `/`.
final class InMemoryFiles: GradeFiles, @unchecked Sendable {
    /// What one path holds.
    enum Node: Equatable {
        case file([UInt8])
        case directory
        case link(String)
        case other
    }

    private let lock = NSLock()
    private var nodes: [String: Node] = ["/": .directory]
    /// The paths written, in order (atomically or not).
    private(set) var written: [String] = []

    /// Adds a regular file (its folders too).
    func addFile(_ path: String, _ text: String) { put(path, .file(Array(text.utf8))) }
    /// Adds a symbolic link at `path` to `target`.
    func addLink(_ path: String, to target: String) { put(path, .link(target)) }
    /// Adds something that is neither a file, a folder nor a link (a FIFO).
    func addOther(_ path: String) { put(path, .other) }
    /// Adds a folder and its parents.
    func addDirectory(_ path: String) { put(path, .directory) }

    /// What is at `path`, links not followed.
    func node(_ path: String) -> Node? {
        lock.lock(); defer { lock.unlock() }
        return nodes[Self.normal(path)]
    }

    private func put(_ path: String, _ node: Node) {
        lock.lock(); defer { lock.unlock() }
        let p = Self.normal(path)
        var parent = Self.parent(p)
        while nodes[parent] == nil { nodes[parent] = .directory; parent = Self.parent(parent) }
        nodes[p] = node
    }

    // MARK: GradeFiles

    func standardInput(limit: Int) -> [UInt8] { [] }

    func read(_ path: String, limit: Int, followLinks: Bool) -> Result<[UInt8], BoundedFile.Problem> {
        if !followLinks, kind(path) == .link { return .failure(.notRegular) }
        lock.lock(); defer { lock.unlock() }
        switch nodes[follow(Self.normal(path))] {
        case nil: return .failure(.missing)
        case .file(let bytes): return bytes.count > limit ? .failure(.tooLarge) : .success(bytes)
        default: return .failure(.notRegular)
        }
    }

    func kind(_ path: String) -> FileKind {
        lock.lock(); defer { lock.unlock() }
        let p = Self.normal(path)
        let at = p == "/" ? "/" : Self.join(follow(Self.parent(p)), Self.last(p))
        switch nodes[at] {
        case nil: return .missing
        case .file: return .regular
        case .directory: return .directory
        case .link: return .link
        case .other: return .other
        }
    }

    func isDirectory(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return nodes[follow(Self.normal(path))] == .directory
    }

    func exists(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return nodes[follow(Self.normal(path))] != nil
    }

    func names(in directory: String) -> [String]? {
        lock.lock(); defer { lock.unlock() }
        let dir = follow(Self.normal(directory))
        guard nodes[dir] == .directory else { return nil }
        return nodes.keys.filter { $0 != "/" && Self.parent($0) == dir }.map(Self.last).sorted()
    }

    func makeDirectory(_ path: String) -> Bool {
        let p = resolved(path)
        if node(p) == nil { addDirectory(p) }
        return node(p) == .directory
    }

    func write(_ text: String, to path: String, atomically: Bool) -> Bool {
        let p = resolved(path)
        guard node(Self.parent(p)) == .directory, node(p) != .directory else { return false }
        addFile(p, text)
        lock.lock(); written.append(p); lock.unlock()
        return true
    }

    func resolved(_ path: String) -> String {
        lock.lock(); defer { lock.unlock() }
        return follow(Self.normal(path))
    }

    // MARK: Paths

    /// `path` with every link on the way followed (at most 40, as Linux allows); parts that do not
    /// exist are kept as written.
    private func follow(_ path: String, depth: Int = 0) -> String {
        var current = "/"
        for part in path.split(separator: "/").map(String.init) {
            let next = Self.normal(Self.join(current, part))
            if case .link(let target)? = nodes[next], depth < 40 {
                current = follow(Self.normal(target.hasPrefix("/") ? target : Self.join(current, target)), depth: depth + 1)
            } else {
                current = next
            }
        }
        return current
    }

    static func normal(_ path: String) -> String {
        var parts: [String] = []
        for part in path.split(separator: "/").map(String.init) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func parent(_ path: String) -> String { normal(path + "/..") }
    static func last(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? "/" }
    static func join(_ a: String, _ b: String) -> String { a == "/" ? "/" + b : a + "/" + b }
}
