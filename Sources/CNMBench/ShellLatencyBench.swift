import CNMFileSystem
import CNMShell
import CNMLabs
import CNMProgress
#if canImport(Glibc)
import Glibc
#endif

/// Issue 6's benchmark: from Enter to the next prompt (the command, the step check and the
/// progress commit) in a lab whose world holds 50 containers. Returns the 50th, 99th
/// percentile and maximum, in milliseconds, and the 99th percentile of this thread's CPU time.
/// `recorded: false` leaves the progress store out (the command and the step check alone).
///
/// The commit returns before its sync to the disk (the store's `WALFlusher` runs it right after);
/// `diskP99` is the 99th percentile from a line's commit to the end of its sync, the time in which a
/// power cut could still lose it. Between lines the bench waits for that sync, untimed, as a person
/// typing the next line does (a line takes far longer to type than a sync).
func shellLatency(labsFolder: String, samples: Int, recorded: Bool = true)
    -> (p50: Double, p99: Double, max: Double, cpuP99: Double, diskP50: Double, diskP99: Double)? {
    guard let lab = LabCatalog.labs(paths: [labsFolder], files: DiskFiles()).first(where: { $0.id == "w2d1s3-user-bridge-web-db" }) else {
        return nil
    }
    let dbPath = "/tmp/cnmlab-bench-\(getpid()).sqlite"
    defer { for suffix in ["", "-wal", "-shm"] { unlink(dbPath + suffix) } }
    var store: ProgressStore?
    if recorded {
        guard let s = try? ProgressStore(path: dbPath) else { return nil }
        store = s
    }
    var session = ShellSession(language: .en, labs: [lab], store: store, learner: "bench")
    _ = session.startLab(lab.id)
    for i in 0..<50 { _ = session.handle("docker run -d --name filler\(i) busybox sleep 3600") }
    var times: [Double] = [], cpu: [Double] = [], disk: [Double] = []
    let commands = ["docker ps -q", "docker network ls", "docker inspect -f '{{.Name}}' filler1", "check",
                    "docker exec filler1 ping -c 1 172.17.0.3"]
    for i in 0..<samples {
        let t = now(), c = threadCPU()
        _ = session.handle(commands[i % commands.count])
        times.append((now() - t) * 1000)
        cpu.append((threadCPU() - c) * 1000)
        if let store {
            try? store.waitUntilOnDisk()
            disk.append(Double(store.lastCommitToDiskNanoseconds) / 1e6)
        }
    }
    return (percentile(times, 0.5), percentile(times, 0.99), times.max() ?? 0, percentile(cpu, 0.99),
            disk.isEmpty ? 0 : percentile(disk, 0.5), disk.isEmpty ? 0 : percentile(disk, 0.99))
}
