/// A file that came from someone else (a lab, a learner's transcript), read without letting it stall
/// or exhaust the machine: a regular file only (never a FIFO or a device, which could block), at most
/// a given number of bytes. CNMLabs names only why such a file was not read; the reader itself,
/// `BoundedFile.read`, lives with the disk in CNMFileSystem (`DiskFiles` reads through it).
public enum BoundedFile {
    /// Why a file was not read.
    public enum Problem: Error, Sendable, Equatable {
        case missing, notRegular, tooLarge, unreadable
    }
}
