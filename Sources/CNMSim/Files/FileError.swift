/// Why a file operation failed, as the kernel's `errno` names it; each program prints it in its
/// own form (`cat: f: No such file or directory`, `rm: cannot remove 'f': Is a directory`).
public enum FileError: Error, Sendable, Equatable {
    /// `ENOENT`
    case noSuchFile
    /// `EISDIR`
    case isDirectory
    /// `ENOTDIR`
    case notDirectory
    /// `EEXIST`
    case exists
    /// `ENOTEMPTY`
    case notEmpty
    /// `ENOSPC`: past `FileLimits`.
    case noSpace
    /// `ENAMETOOLONG`
    case nameTooLong
    /// `EROFS`: a read-only mount.
    case readOnly
    /// `EBUSY`: a mount point.
    case busy
    /// A file the simulation derives from the model (`/etc/hosts`): cnmlab does not let it be changed.
    case derived(String)
    /// A directory of an image whose full listing cnmlab does not model.
    case partialListing(String)

    /// `strerror`'s text (glibc and musl agree on these).
    public var reason: String {
        switch self {
        case .noSuchFile: return "No such file or directory"
        case .isDirectory: return "Is a directory"
        case .notDirectory: return "Not a directory"
        case .exists: return "File exists"
        case .notEmpty: return "Directory not empty"
        case .noSpace: return "No space left on device"
        case .nameTooLong: return "File name too long"
        case .derived, .readOnly: return "Read-only file system"
        case .busy: return "Device or resource busy"
        case .partialListing: return "Operation not supported"
        }
    }
}
