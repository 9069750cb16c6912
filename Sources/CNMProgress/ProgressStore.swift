import Foundation
import GRDB

/// A learner's progress in one SQLite file: learners, lab attempts, step results,
/// quiz answers and the hash-chained command log.
///
/// Why this shape: several shells and graders may use one file at once, a laptop
/// may die mid-lab, and a learner's file outlives the cnmlab that wrote it. So the
/// store opens the file in WAL mode with a busy timeout and `synchronous = FULL`,
/// commits every write before returning (a lab line's commit returns before its sync to the disk,
/// which a `WALFlusher` runs right after it: see `writeFlushingLater`), checks an existing file
/// (`PRAGMA quick_check`, `application_id`, `user_version`, migration identifiers)
/// before touching it, and refuses damaged, foreign or newer files without
/// writing to them.
public final class ProgressStore: Sendable {
    /// How a store opens its file.
    public enum Mode: Sendable {
        /// Creates the file (and its directory) when missing and migrates it.
        case readWrite
        /// Never creates the database or changes it; for reports and verification. (SQLite may
        /// still create the `-wal` and `-shm` files beside a WAL database to read it.)
        case readOnly
    }

    /// The database file.
    public let path: String
    public let mode: Mode
    /// Where record timestamps come from.
    public let clock: ProgressClock
    let reader: any DatabaseReader
    let writer: (any DatabaseWriter)?
    /// False for a read-only store on a file that has no progress tables yet.
    let hasSchema: Bool
    /// Syncs the WAL after the commits of `writeFlushingLater` (nil for a read-only store).
    let flusher: WALFlusher?

    /// How long a writer waits for another process's lock before failing.
    public static let busyTimeout: TimeInterval = 5

    /// `$XDG_DATA_HOME/cnmlab/progress.sqlite`, else `$HOME/.local/share/cnmlab/progress.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return join(xdg, "cnmlab/progress.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return join(home, ".local/share/cnmlab/progress.sqlite")
    }

    private static func join(_ dir: String, _ rest: String) -> String {
        dir.hasSuffix("/") ? dir + rest : dir + "/" + rest
    }

    /// Opens (and in `.readWrite` mode creates and migrates) the progress database at `path`.
    /// - Throws: `ProgressError` for a missing file (read-only), a file that is not SQLite,
    ///   a damaged file, another program's database, or a newer schema. None of these is modified.
    public convenience init(path: String, mode: Mode = .readWrite, clock: ProgressClock = .system) throws {
        try self.init(path: path, mode: mode, clock: clock, flush: nil)
    }

    /// `flush`: what syncs the commits of `writeFlushingLater` (default: `fdatasync` of the `-wal`
    /// file); tests count and hold syncs through it.
    init(path: String, mode: Mode = .readWrite, clock: ProgressClock = .system, flush: WALFlusher.Flush?) throws {
        self.path = path
        self.mode = mode
        self.clock = clock
        // SQLite would open a temporary database for "", and the learner's work would vanish.
        guard !path.isEmpty else { throw ProgressError(.emptyPath) }
        let existing = try Self.checkFile(path: path, mode: mode)
        var state = FileState.fresh
        if existing {
            state = try Self.inspect(path: path)
        }
        switch mode {
        case .readOnly:
            var config = Self.configuration()
            config.readonly = true
            do {
                let queue = try DatabaseQueue(path: path, configuration: config)
                reader = queue
            } catch {
                throw Self.map(error, path: path)
            }
            writer = nil
            flusher = nil
            // A file of an older schema is read as it is (newer columns are optional when read).
            hasSchema = state != .fresh
        case .readWrite:
            do {
                let pool = try DatabasePool(path: path, configuration: Self.configuration())
                // GRDB's pool sets `synchronous = NORMAL` on its writer after `prepareDatabase` ran
                // (GRDB.swift v7.10.0 GRDB/Core/Database.swift `setUpWALMode`): in WAL mode that syncs
                // only at checkpoints, so a power cut could lose the last commits. FULL again, on the
                // pool's one writer connection: the WAL is synced (one fdatasync) at every commit.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
                try Self.migrate(pool, path: path)
                reader = pool
                writer = pool
                let wal = WALFlusher.WALFile(databasePath: path)
                flusher = WALFlusher(label: (path as NSString).lastPathComponent, flush: flush ?? { try wal.sync() })
                WALFlusher.waitAtExit()
            } catch let e as ProgressError {
                throw e
            } catch {
                throw Self.map(error, path: path)
            }
            hasSchema = true
        }
    }

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "cnmlab-progress"
        config.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        return config
    }

    // MARK: Opening safely

    private enum FileState: Equatable { case fresh, older, current }

    /// Whether a non-empty file exists; throws for what must not be opened.
    private static func checkFile(path: String, mode: Mode) throws -> Bool {
        var isDirectory: ObjCBool = false
        let fm = FileManager.default
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if mode == .readOnly { throw ProgressError(.noDatabase(path: path)) }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty, !fm.fileExists(atPath: dir) {
                do {
                    try fm.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                           attributes: [.posixPermissions: 0o700])
                } catch {
                    throw ProgressError(.cannotCreateDirectory(path: dir))
                }
            }
            return false
        }
        if isDirectory.boolValue { throw ProgressError(.notADatabase(path: path)) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ProgressError(.databaseFailure(path: path, detail: "cannot read the file"))
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return false }
        let magic = Array("SQLite format 3".utf8) + [0]
        guard header.count == 100, Array(header.prefix(16)) == magic else {
            throw ProgressError(.notADatabase(path: path))
        }
        return true
    }

    /// Reads an existing file without writing to it and decides whether it may be used.
    private static func inspect(path: String) throws -> FileState {
        do {
            do {
                return try inspectOnce(path: path)
            } catch let e as DatabaseError where e.resultCode == .SQLITE_READONLY {
                // A process killed mid-write left a hot journal or an unrecovered WAL index, which
                // a read-only connection may not repair. SQLite's own crash recovery (rolling back to
                // the last commit) runs on the first read of a read-write connection; then look again.
                try recover(path: path)
                return try inspectOnce(path: path)
            }
        } catch let e as ProgressError {
            throw e
        } catch {
            throw map(error, path: path)
        }
    }

    private static func inspectOnce(path: String) throws -> FileState {
        var config = configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db -> FileState in
            let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
            if check != ["ok"] {
                throw ProgressError(.corrupted(path: path, detail: check.first ?? "quick_check failed"))
            }
            let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                """)
            var applied: [String] = []
            if tables.contains("grdb_migrations") {
                applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
            // Nothing yet, or killed between GRDB creating its bookkeeping table and the first migration.
            if appID == 0 && userVersion == 0 && applied.isEmpty && tables.allSatisfy({ $0 == "grdb_migrations" }) {
                return .fresh
            }
            guard appID == ProgressSchema.applicationID else {
                throw ProgressError(.foreignDatabase(path: path))
            }
            if userVersion > ProgressSchema.version {
                throw ProgressError(.newerSchema(path: path, found: String(userVersion)))
            }
            if let unknown = applied.first(where: { !ProgressSchema.identifiers.contains($0) }) {
                throw ProgressError(.newerSchema(path: path, found: unknown))
            }
            return Set(applied) == Set(ProgressSchema.identifiers) ? .current : .older
        }
    }

    /// Lets SQLite finish its crash recovery with one read on a read-write connection.
    private static func recover(path: String) throws {
        var config = configuration()
        config.journalMode = .default
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
    }

    /// Runs the migrations; a second process migrating the same new file at the same
    /// moment makes one of them fail, and that one then finds the work done.
    private static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = ProgressSchema.migrator
        var lastError: (any Error)?
        for _ in 0..<3 {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                lastError = error
                if (try? pool.read({ try migrator.hasCompletedMigrations($0) })) == true { return }
            }
        }
        throw map(lastError ?? ProgressError(.databaseFailure(path: path, detail: "migration failed")), path: path)
    }

    static func map(_ error: any Error, path: String) -> ProgressError {
        if let e = error as? ProgressError { return e }
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return ProgressError(.corrupted(path: path, detail: e.message ?? "\(e.resultCode)"))
            default:
                return ProgressError(.databaseFailure(path: path, detail: e.message ?? "\(e.resultCode)"))
            }
        }
        if error is RowDecodingError {
            return ProgressError(.corrupted(path: path, detail: "a value has the wrong type"))
        }
        return ProgressError(.databaseFailure(path: path, detail: String(describing: error)))
    }

    // MARK: Access

    /// Runs a read, mapping every failure to a `ProgressError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try reader.read { db in try body(db) }
        } catch {
            throw Self.map(error, path: path)
        }
    }

    /// Runs one IMMEDIATE transaction, committed before this returns.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer else { throw ProgressError(.readOnlyStore(path: path)) }
        do {
            return try writer.write { db in try body(db) }
        } catch {
            throw Self.map(error, path: path)
        }
    }

    /// Runs one IMMEDIATE transaction with `synchronous = NORMAL`: committed (in the WAL, seen by
    /// every reader, kept through a crash of this process) before this returns, but not yet synced
    /// to the disk; the flusher syncs it right after, off the caller's path. `waitUntilOnDisk()`
    /// waits for that sync. The writer connection is set back to FULL for every other write.
    func writeFlushingLater<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer, let flusher else { throw ProgressError(.readOnlyStore(path: path)) }
        do {
            let result = try writer.writeWithoutTransaction { db -> T in
                try db.cachedStatement(sql: "PRAGMA synchronous = NORMAL").execute()
                defer { try? db.cachedStatement(sql: "PRAGMA synchronous = FULL").execute() }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
            flusher.commitDidReturn()
            return result
        } catch {
            throw Self.map(error, path: path)
        }
    }

    /// Blocks until every line committed so far is synced to the disk (the end of a lab, `lab quit`,
    /// `exit`, end of input, a termination signal). Throws when a sync failed since the last call.
    public func waitUntilOnDisk() throws {
        guard let failure = flusher?.waitUntilFlushed() else { return }
        throw ProgressError(.databaseFailure(path: path, detail: failure))
    }

    /// Nanoseconds from the commit of the oldest line in the last sync to the end of that sync (the
    /// time a power cut could lose it); 0 before the first sync.
    public var lastCommitToDiskNanoseconds: UInt64 { flusher?.lastCommitToDiskNanoseconds ?? 0 }

    deinit { flusher?.waitUntilFlushed() }

    /// `PRAGMA quick_check` of the open file: true when SQLite finds nothing wrong.
    public func quickCheck() throws -> Bool {
        try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") == ["ok"] }
    }

    /// The schema version of the open file (0 for a read-only store on an empty file).
    public func schemaVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }
}
