import CNMCommands
import CNMProgress
import CNMLabs
#if canImport(Glibc)
import Glibc
#endif

// `make bench`: issue 15's targets (each figure beside its target), then the issue-2
// scenario through the command layer at two sizes, the swarm scenario, grading and the
// progress store, and the process's peak memory.

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// This thread's CPU time in seconds (what the work cost, whatever else the machine runs).
func threadCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
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

switch CommandLine.arguments.dropFirst().first {
// One scenario alone, to profile it (`perf record … CNMBench shell`).
case "shell":
    if let l = shellLatency(labsFolder: "Labs", samples: 2_000) {
        print("shell, Enter to prompt (recorded): p50 \(format3(l.p50)) ms, p99 \(format3(l.p99)) ms [\(format3(l.cpuP99))]; "
              + "commit to disk: p50 \(format3(l.diskP50)) ms, p99 \(format3(l.diskP99)) ms")
    }
    exit(0)
case "fingerprint":
    fingerprintBench()
    exit(0)
case "ping":
    // `CNMBench ping [CONTAINERS]`: the ping figures alone (CNMBENCH_PINGS pings, default 2,000).
    let n = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 10_000
    let l = pingLatency(containers: n, pings: envCount("CNMBENCH_PINGS", 2_000))
    print("ping, \(n) containers: p50 \(format3(l.p50)) ms, p99 \(format3(l.p99)) ms [cpu p50 \(format3(l.cpuP50)), p99 \(format3(l.cpuP99))]")
    exit(0)
case "class":
    // `CNMBench class`: the class of 1,000 submissions alone.
    if let c = GradeBench.gradeClass(submissions: 1_000) {
        print("class of 1,000: \(format3(c.concurrent.seconds)) s")
        print(classDetail(c))
    }
    exit(0)
default:
    break
}

if CommandLine.arguments.dropFirst().first == "grade" {
    // `CNMBench grade`: only the grading figures.
    gradeScenarios()
    exit(0)
}

/// A figure beside its target, with the verdict in words.
func target(_ label: String, _ value: Double, _ unit: String, atMost limit: Double, cpu: Double? = nil) {
    let verdict = value <= limit ? "within target" : "OVER TARGET"
    let cpuText = cpu.map { " [\(format3($0))]" } ?? ""
    print("  \(label.padding(64)) \(format3(value)) \(unit)\(cpuText)   (target ≤ \(format3(limit)) \(unit): \(verdict))")
}

/// A count from the environment (to measure an older, slower build in reasonable time), else `fallback`.
func envCount(_ name: String, _ fallback: Int) -> Int {
    guard let v = getenv(name), let n = Int(String(cString: v)), n > 0 else { return fallback }
    return n
}

print("issue 15 targets, through the command layer (wall time; CPU time in brackets):")
let pings = envCount("CNMBENCH_PINGS", 2_000)
let ping10 = pingLatency(containers: 10, pings: 2_000)
let ping10k = pingLatency(containers: 10_000, pings: pings)
target("ping between containers, 10 containers: median", ping10.p50, "ms", atMost: 0.2, cpu: ping10.cpuP50)
target("ping between containers, 10 containers: p99", ping10.p99, "ms", atMost: 1, cpu: ping10.cpuP99)
target("ping between containers, 10,000 containers: median", ping10k.p50, "ms", atMost: 0.2, cpu: ping10k.cpuP50)
target("ping between containers, 10,000 containers: p99", ping10k.p99, "ms", atMost: 1, cpu: ping10k.cpuP99)
target("ping median, 10,000 containers / 10 containers", ping10k.p50 / max(ping10.p50, 1e-9), "×", atMost: 2,
       cpu: ping10k.cpuP50 / max(ping10.cpuP50, 1e-9))
let simPings = envCount("CNMBENCH_SIM_PINGS", 1_000)
if let sim = simScale(networks: 1_000, containers: 10_000, pings: simPings) {
    target("cnmlab sim: 10,000 containers on 1,000 networks + \(simPings) pings", sim.seconds, "s", atMost: 3, cpu: sim.cpuSeconds)
    target("cnmlab sim: peak memory", sim.peakMB, "MB", atMost: 300)
} else {
    print("  cnmlab sim: skipped (build the release cnmlab beside CNMBench: make bench)")
}
if let latency = shellLatency(labsFolder: "Labs", samples: 400) {
    target("shell, Enter to prompt (lab with 50 containers, recorded): p99", latency.p99, "ms", atMost: 2, cpu: latency.cpuP99)
    print("    p50 \(format3(latency.p50)) ms, max \(format3(latency.max)) ms")
    print("    commit to disk (the sync after the prompt; what a power cut could lose): p50 \(format3(latency.diskP50)) ms, "
          + "p99 \(format3(latency.diskP99)) ms")
    if let bare = shellLatency(labsFolder: "Labs", samples: 400, recorded: false) {
        print("    without the progress store (command and step check only): p50 \(format3(bare.p50)) ms, "
              + "p99 \(format3(bare.p99)) ms [\(format3(bare.cpuP99))]")
    }
} else {
    print("  shell latency: skipped, run from the repository root so that Labs/ is found")
}
if let startup = versionStartup(runs: 31) {
    target("cnmlab --version: median of 31 runs", startup.wall, "ms", atMost: 10, cpu: startup.cpu)
} else {
    print("  cnmlab --version: skipped (build the release cnmlab beside CNMBench: make bench)")
}
let submissionLength = envCount("CNMBENCH_SUBMISSION_LINES", 10_000)
if let submission = submissionLines(submissionLength, labsFolder: "Labs") {
    print("  a \(submissionLength)-line submission in a lab session (commands and step checks): \(format3(submission.total)) s, "
          + "\(format3(submission.perLine)) ms per line (grading's own benchmark holds the grading targets)")
}
gradeScenarios()
print("")
parserBench()
fingerprintBench()
scenario(networks: 1_000, containers: 1_000)
scenario(networks: 1_000, containers: 10_000)
swarmScenario(services: 20, replicas: 4, connections: 200)
let recordSeconds = ProgressBench.recordCommands(count: 1_000)
print("record one command in the progress store: \(format3(recordSeconds / 1_000 * 1_000)) ms (1,000 commands in \(format3(recordSeconds)) s)")
print("peak memory: \(format3(peakMemoryMB())) MB")
