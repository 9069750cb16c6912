/// How much a learner may store in one machine's or one container's files: a file, the number of
/// entries, all bytes together. No input (a huge here-document, a loop of `>>`) can make the
/// simulation hold more; past a limit the write fails with the kernel's `ENOSPC` text.
public enum FileLimits {
    /// One file's bytes (1 MiB: an nginx or HAProxy configuration is a few kB).
    public static let maxFileBytes = 1 << 20
    /// Files and directories one layer may hold.
    public static let maxEntries = 4096
    /// All file bytes of one layer together (8 MiB).
    public static let maxTotalBytes = 8 << 20
}
