/// The file system as CNMLabs sees it: where labs are found and read (`LabCatalog`, `LabLibrary`,
/// `LabReference`), where the validation cache is kept (`LabValidationCache`), and where a grading
/// run reads submissions and writes reports (`GradeJob`, `GradeBatch`). The library decides what to
/// read and write and never touches a file itself: the executables hand it the real file system
/// (`DiskFiles` in CNMFileSystem), tests may hand it one in memory, so the logic stays testable and
/// the library free of I/O.
public protocol GradeFiles: Sendable {
    /// Standard input, at most `limit` + 1 bytes (more is refused as too large).
    func standardInput(limit: Int) -> [UInt8]
    /// The bytes of a regular file, at most `limit` (`BoundedFile`); `followLinks` false refuses a link.
    func read(_ path: String, limit: Int, followLinks: Bool) -> Result<[UInt8], BoundedFile.Problem>
    /// What is at `path`, a link not followed.
    func kind(_ path: String) -> FileKind
    /// Whether `path` is a directory, a link followed.
    func isDirectory(_ path: String) -> Bool
    /// Whether something is at `path`, a link followed (a link to nothing is not there).
    func exists(_ path: String) -> Bool
    /// The names a directory holds; nil when it cannot be listed.
    func names(in directory: String) -> [String]?
    /// Creates a directory and its parents; whether it exists afterwards.
    func makeDirectory(_ path: String) -> Bool
    /// Writes a file: `atomically` (a temporary file renamed over it), or in place without following
    /// a link (fewer system calls, which a class of a thousand feels).
    func write(_ text: String, to path: String, atomically: Bool) -> Bool
    /// Where a path leads once links and `..` are resolved (a path that does not exist yet through its
    /// nearest existing parent), for telling whether two places are the same or one lies in the other.
    func resolved(_ path: String) -> String
}

/// What one file is, looked at without following links.
public enum FileKind: Sendable, Equatable { case regular, directory, link, other, missing }

extension GradeFiles {
    /// Whether something is at `path`, judged without following a link (a file system that holds no
    /// links need not say more).
    public func exists(_ path: String) -> Bool { kind(path) != .missing }

    /// Whether `path` is a symbolic link that leads nowhere (a missing target, or links that point
    /// at each other): named so, since "not a regular file" sends a reader looking for a FIFO.
    func isBrokenLink(_ path: String) -> Bool { kind(path) == .link && !exists(path) }

    /// Whether `inner` is `outer` or lies inside it.
    func contains(_ outer: String, _ inner: String) -> Bool {
        let o = resolved(outer), i = resolved(inner)
        return i == o || i.hasPrefix(o.hasSuffix("/") ? o : o + "/")
    }
}

extension BoundedFile.Problem {
    /// Why a submission was not read, in `locale`.
    func text(_ locale: LabLocale) -> String {
        switch self {
        case .missing: return GradeText.noSuchFile.format(locale)
        case .notRegular: return GradeText.notRegularFile.format(locale)
        case .tooLarge: return GradeText.tooLarge.format(locale, [String(Submission.maxBytes)])
        case .unreadable: return GradeText.cannotOpen.format(locale)
        }
    }
}
