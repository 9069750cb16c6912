import CNMCommands
import CNMProgress
import CNMSim
import Foundation

/// `make bench`: recording a command in the progress store (state hash, chain hash, one committed
/// transaction with `synchronous = FULL`) runs before every prompt; the target is under 2 ms.
enum ProgressBench {
    /// Records `count` commands into a fresh database in a temporary directory, one
    /// transaction each, as a shell does (state hash included), and returns the seconds
    /// spent recording. The world is lab-sized (10 networks, 10 running containers) and the
    /// commands connect and disconnect containers; the simulation itself is not timed.
    /// Returns -1 when the temporary database cannot be made.
    static func recordCommands(count: Int) -> Double {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("cnmlab-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let store = try ProgressStore(path: dir + "/progress.sqlite")
            let attempt = try store.startAttempt(learner: "bench", labID: "bench", labVersion: "1", seed: 1)
            var sim = Simulator(seed: 1)
            for i in 0..<10 {
                _ = sim.run(line: "docker network create --subnet 10.0.\(i).0/24 n\(i)")
                _ = sim.run(line: "docker run -d --name c\(i) --network n\(i) -p \(8000 + i):80 nginx")
            }
            var spent = 0.0
            // As a recorded session does: the cache of the previous state's canonical bytes.
            var cache = FingerprintCache()
            _ = StateFingerprint.hash(simulator: sim, cache: &cache)
            for i in 0..<max(0, count) {
                let verb = i % 2 == 0 ? "connect" : "disconnect"
                let line = Array("docker network \(verb) n\((i / 2) % 10) c\((i / 2 + 1) % 10)".utf8)
                let out = sim.run(bytes: line)
                let start = DispatchTime.now().uptimeNanoseconds
                let hash = StateFingerprint.hash(simulator: sim, cache: &cache)
                try store.recordCommand(attempt: attempt.id, command: line, exitCode: out.exitCode, stateHash: hash)
                spent += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
            return spent
        } catch {
            return -1
        }
    }
}
