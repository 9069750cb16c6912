import CNMFileSystem
import CNMLabs
import Foundation
import XCTest
@testable import CNMProgress
@testable import CNMShell

/// `lab quit` returns only when the lab's lines are synced to the disk (they were committed before
/// each prompt; the sync follows on the store's flusher).
final class LabQuitSyncTests: XCTestCase {
    /// A sync that takes a while and counts the syncs that finished.
    final class SlowSync: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        var finished: Int { lock.lock(); defer { lock.unlock() }; return done }
        var flush: WALFlusher.Flush {
            { [self] in
                Thread.sleep(forTimeInterval: 0.05)
                lock.lock(); done += 1; lock.unlock()
            }
        }
    }

    func testLabQuitWaitsForTheSyncOfTheLastLine() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let labs = LabCatalog.labs(paths: [root.appendingPathComponent("Labs/00-example.yaml").path], files: DiskFiles())
        let dir = "/tmp/cnmlab-quit-sync-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sync = SlowSync()
        let store = try ProgressStore(path: dir + "/p.sqlite", flush: sync.flush)
        var s = ShellSession(language: .en, labs: labs, store: store, learner: "kim")
        XCTAssertTrue(s.handle("lab start example-publish-port").stdout.contains("-- Step 1/3: "))
        _ = s.handle("docker network ls")
        XCTAssertEqual(store.flusher?.counts.requested, 1, "the line was committed through the flusher")
        XCTAssertTrue(s.handle("lab quit").stdout.contains("example-publish-port"))
        XCTAssertEqual(store.flusher?.counts.flushed, 1)
        XCTAssertEqual(sync.finished, 1, "the sync had finished when lab quit returned")
    }
}
