import CNMShell
import CNMLabs
import CNMProgress
#if canImport(Glibc)
import Glibc
#endif

/// Issue 6's benchmark: from Enter to the next prompt (the command, the step check and the
/// progress commit) in a lab whose world holds 50 containers. Returns the 50th, 99th
/// percentile and maximum, in milliseconds.
func shellLatency(labsFolder: String, samples: Int) -> (p50: Double, p99: Double, max: Double)? {
    guard let lab = LabCatalog.labs(paths: [labsFolder]).first(where: { $0.id == "w2d1s3-user-bridge-web-db" }) else {
        return nil
    }
    let dbPath = "/tmp/cnmlab-bench-\(getpid()).sqlite"
    defer { for suffix in ["", "-wal", "-shm"] { unlink(dbPath + suffix) } }
    guard let store = try? ProgressStore(path: dbPath) else { return nil }
    var session = ShellSession(language: .en, labs: [lab], store: store, learner: "bench")
    _ = session.startLab(lab.id)
    for i in 0..<50 { _ = session.handle("docker run -d --name filler\(i) busybox sleep 3600") }
    var times: [Double] = []
    let commands = ["docker ps -q", "docker network ls", "docker inspect -f '{{.Name}}' filler1", "check"]
    for i in 0..<samples {
        let t = now()
        _ = session.handle(commands[i % commands.count])
        times.append((now() - t) * 1000)
    }
    times.sort()
    func pct(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
    return (pct(0.5), pct(0.99), times.last ?? 0)
}
