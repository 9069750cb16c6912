import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Flushes a progress store's write-ahead log (`…-wal`) to the disk on its own thread, after
/// commits made with `synchronous = NORMAL`.
///
/// Why: a lab line must be committed before the prompt returns (a crash or `kill -9` of cnmlab
/// then loses nothing: the committed transaction is in the WAL file, in the kernel's page cache,
/// and every reader sees it), but waiting for the disk (one `fdatasync`, about 5 ms at p99 on a
/// busy disk) on the prompt's path made the shell feel slow. So the commit no longer syncs; it asks
/// this flusher for a sync, which runs right after it on a dedicated queue. Requests that arrive
/// while a sync runs are coalesced into the next one. `waitUntilFlushed()` blocks until every
/// commit asked for so far is on the disk: `lab quit`, the end of a lab, `exit`, end of input,
/// SIGTERM/SIGHUP (and SIGINT when no terminal catches it) and the process's normal exit wait
/// for it. A power cut can lose at most the sync in flight.
///
/// The sync itself is a seam (`flush`) so that tests can count and hold syncs.
final class WALFlusher: @unchecked Sendable {
    /// One sync of everything committed so far.
    typealias Flush = @Sendable () throws -> Void

    private let condition = NSCondition()
    private let queue: DispatchQueue
    private let flush: Flush
    /// Commits asked to be flushed so far, and how many of them are on the disk.
    private var requested: UInt64 = 0
    private var flushed: UInt64 = 0
    private var running = false
    /// When the oldest commit not yet flushed was asked for (monotonic nanoseconds), or nil.
    private var pendingSince: UInt64?
    private var lastCommitToDisk: UInt64 = 0
    private var failure: String?

    init(label: String, flush: @escaping Flush) {
        self.flush = flush
        queue = DispatchQueue(label: "cnmlab.progress.flush.\(label)", qos: .utility)
        Self.registry.add(self)
    }

    deinit { Self.registry.remove(self) }

    /// Asks for the commit that just returned to be flushed; returns at once.
    func commitDidReturn() {
        condition.lock()
        requested &+= 1
        if pendingSince == nil { pendingSince = DispatchTime.now().uptimeNanoseconds }
        let start = !running
        running = true
        condition.unlock()
        if start { queue.async { self.drain() } }
    }

    /// Syncs until no request is left, one sync per round however many commits it covers.
    private func drain() {
        while true {
            condition.lock()
            let target = requested
            let since = pendingSince
            pendingSince = nil
            if flushed >= target {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            var problem: String?
            do { try flush() } catch { problem = String(describing: error) }
            condition.lock()
            flushed = target
            if let since { lastCommitToDisk = DispatchTime.now().uptimeNanoseconds &- since }
            if let problem { failure = problem }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Blocks until every commit asked for before this call is on the disk; returns the failure of
    /// a sync since the last call, if one failed (it is reported once).
    @discardableResult
    func waitUntilFlushed() -> String? {
        condition.lock()
        let target = requested
        while flushed < target { condition.wait() }
        let f = failure
        failure = nil
        condition.unlock()
        return f
    }

    /// Nanoseconds from the oldest commit of the last sync to the end of that sync.
    var lastCommitToDiskNanoseconds: UInt64 {
        condition.lock(); defer { condition.unlock() }
        return lastCommitToDisk
    }

    /// Commits asked for and commits flushed so far.
    var counts: (requested: UInt64, flushed: UInt64) {
        condition.lock(); defer { condition.unlock() }
        return (requested, flushed)
    }

    // MARK: Every flusher of the process

    /// The live flushers, so that the process's exit and termination signals wait for all of them.
    private static let registry = Registry()

    final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var flushers: [ObjectIdentifier: Weak] = [:]
        struct Weak { weak var flusher: WALFlusher? }

        func add(_ f: WALFlusher) { lock.lock(); flushers[ObjectIdentifier(f)] = Weak(flusher: f); lock.unlock() }
        func remove(_ f: WALFlusher) { lock.lock(); flushers[ObjectIdentifier(f)] = nil; lock.unlock() }
        func all() -> [WALFlusher] {
            lock.lock(); defer { lock.unlock() }
            return flushers.values.compactMap(\.flusher)
        }
    }

    /// Waits for the pending syncs of every store open in this process.
    static func waitForAll() {
        for f in registry.all() { f.waitUntilFlushed() }
    }

    private static let exitHook: Void = {
        atexit { WALFlusher.waitForAll() }
    }()

    /// Makes the process's normal exit (`exit`, the end of `main`) wait for every pending sync.
    static func waitAtExit() { _ = exitHook }

    // MARK: The sync of a WAL file

    /// `fdatasync` of `path`'s `-wal` file through a descriptor of its own, opened at the first
    /// sync and opened again when the file was replaced (another inode); the database file itself
    /// when there is no WAL file.
    final class WALFile: @unchecked Sendable {
        let path: String
        private var fd: Int32 = -1
        private var inode: ino_t = 0

        init(databasePath: String) { path = databasePath }
        deinit { if fd >= 0 { close(fd) } }

        /// Called on the flusher's queue only.
        func sync() throws {
            let wal = path + "-wal"
            var st = stat()
            if stat(wal, &st) == 0 {
                if fd < 0 || st.st_ino != inode {
                    if fd >= 0 { close(fd) }
                    fd = open(wal, O_RDONLY | O_CLOEXEC)
                    inode = st.st_ino
                }
                if fd >= 0 {
                    if fdatasync(fd) != 0 { throw SyncError(errno: errno, file: wal) }
                    return
                }
            }
            // No WAL file (SQLite removed it on its last close, which syncs): sync the database.
            let db = open(path, O_RDONLY | O_CLOEXEC)
            guard db >= 0 else { return }
            defer { close(db) }
            if fdatasync(db) != 0 { throw SyncError(errno: errno, file: path) }
        }

        struct SyncError: Error, CustomStringConvertible {
            let errno: Int32
            let file: String
            var description: String { "fdatasync(\(file)): \(String(cString: strerror(errno)))" }
        }
    }
}

/// The write end of the pipe the termination-signal handler writes to (set once, before handlers run).
nonisolated(unsafe) private var terminationPipe: Int32 = -1

extension ProgressStore {
    /// Makes `signals` (SIGTERM and SIGHUP; SIGINT too when no line editor turns it into Ctrl-C)
    /// wait for every pending sync of the open stores before the process dies of them, as it would
    /// have. The handler only writes the signal's number to a pipe (what a signal handler may do);
    /// a thread reads it, waits for the syncs, restores the default action and raises the signal
    /// again. Installed once per process; later calls do nothing.
    public static func syncBeforeDying(of signals: [Int32]) {
        installOnce(signals)
    }

    private static let installLock = NSLock()
    nonisolated(unsafe) private static var installed = false

    private static func installOnce(_ signals: [Int32]) {
        installLock.lock(); defer { installLock.unlock() }
        guard !installed else { return }
        installed = true
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        terminationPipe = fds[1]
        let readEnd = fds[0]
        let thread = Thread {
            var sig: Int32 = 0
            while Glibc.read(readEnd, &sig, MemoryLayout<Int32>.size) == MemoryLayout<Int32>.size {
                WALFlusher.waitForAll()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
        thread.name = "cnmlab.progress.signals"
        thread.start()
        for s in signals {
            // A caught signal (unlike an ignored one) is back to its default in programs cnmlab starts.
            signal(s) { sig in
                var number = sig
                _ = Glibc.write(terminationPipe, &number, MemoryLayout<Int32>.size)
            }
        }
    }
}
