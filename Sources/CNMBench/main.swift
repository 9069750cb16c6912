import CNMCommands
import CNMProgress
import CNMLabs
#if canImport(Glibc)
import Glibc
#endif

// `make bench`: the issue-2 scenario through the command layer, at two sizes,
// printing the time of each phase and the process's peak memory.

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakMemoryMB() -> Double {
    guard let f = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, f) != nil {
        let s = String(cString: line)
        if s.hasPrefix("VmHWM:") {
            let kb = s.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
    }
    return 0
}

func scenario(networks: Int, containers: Int) {
    var sim = Simulator(seed: 1)
    sim.secondsPerLine = 0
    var phases: [(String, Double, Int)] = []
    var t = now()
    for i in 0..<networks {
        let out = sim.run(line: "docker network create --subnet 10.\(i / 256).\(i % 256).0/24 net\(i)")
        precondition(out.exitCode == 0, out.stderr)
    }
    phases.append(("create networks", now() - t, networks)); t = now()
    for i in 0..<containers {
        let out = sim.run(line: "docker run -d --name c\(i) --network net\(i % networks) --network-alias svc\(i % 7) -p \(20000 + i):80 nginx")
        precondition(out.exitCode == 0, out.stderr)
    }
    phases.append(("run containers", now() - t, containers)); t = now()
    let reach = reachabilityVerdicts(sim.engine, count: 1_000)
    phases.append(("packet path setup", reach.setup, 1))
    phases.append(("reachability verdicts", reach.verdicts, 1_000)); t = now()
    let ls = sim.run(line: "docker network ls")
    precondition(ls.exitCode == 0)
    phases.append(("docker network ls", now() - t, 1)); t = now()
    for i in 0..<networks { _ = sim.run(line: "docker network inspect net\(i)") }
    phases.append(("inspect every network", now() - t, networks)); t = now()
    for i in 0..<containers { _ = sim.run(line: "docker rm -f c\(i)") }
    for i in 0..<networks { _ = sim.run(line: "docker network rm net\(i)") }
    phases.append(("remove everything", now() - t, containers + networks))
    print("scenario: \(networks) networks, \(containers) containers")
    var total = 0.0
    for (name, seconds, ops) in phases {
        total += seconds
        let per = ops > 0 ? seconds / Double(ops) * 1e6 : 0
        print("  \(name.padding(22)) \(String(format3(seconds))) s   \(String(format3(per))) µs/op")
    }
    print("  total                  \(format3(total)) s")
}

func format3(_ x: Double) -> String {
    let scaled = (x * 1000).rounded() / 1000
    return String(scaled)
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}

if CommandLine.arguments.dropFirst().first == "grade" {
    // `CNMBench grade`: only the grading figures.
    gradeScenarios()
    exit(0)
}
fingerprintBench()
scenario(networks: 1_000, containers: 1_000)
scenario(networks: 1_000, containers: 10_000)
swarmScenario(services: 20, replicas: 4, connections: 200)
gradeScenarios()
let recordSeconds = ProgressBench.recordCommands(count: 1_000)
print("record one command in the progress store: \(format3(recordSeconds / 1_000 * 1_000)) ms (1,000 commands in \(format3(recordSeconds)) s)")
if let latency = shellLatency(labsFolder: "Labs", samples: 400) {
    print("shell, Enter to prompt (lab with 50 containers, recorded): p50 \(format3(latency.p50)) ms, p99 \(format3(latency.p99)) ms, max \(format3(latency.max)) ms")
} else {
    print("shell latency: skipped, run from the repository root so that Labs/ is found")
}
print("peak memory: \(format3(peakMemoryMB())) MB")
