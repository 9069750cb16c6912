import CNMCommands
import CNMFileSystem
import CNMLabs
import CNMSim

/// Issue 15's ping target, through the command layer: one user network with `containers`
/// busybox containers, then `pings` × `docker exec cA ping -c 1 cB` typed into the `Simulator`
/// (name resolution through the embedded DNS, the packet walk, the counters), each timed alone.
/// Returns the median and 99th percentile in milliseconds, of wall time and of this thread's CPU
/// time (on a machine shared with other work, preemption shows in the wall-time tail only).
func pingLatency(containers: Int, pings: Int) -> (p50: Double, p99: Double, cpuP50: Double, cpuP99: Double) {
    var sim = Simulator(seed: 5)
    precondition(sim.run(line: "docker network create --subnet 10.8.0.0/16 net").exitCode == 0)
    for i in 0..<containers {
        let out = sim.run(line: "docker run -d --name c\(i) --network net busybox sleep 86400")
        precondition(out.exitCode == 0, out.stderr)
    }
    var times: [Double] = [], cpu: [Double] = []
    times.reserveCapacity(pings)
    cpu.reserveCapacity(pings)
    for k in 0..<pings {
        let from = (k &* 7_919) % containers, to = (k &* 104_729 &+ 1) % containers
        let line = "docker exec c\(from) ping -c 1 c\(to)"
        let t = now(), c = threadCPU()
        let out = sim.run(line: line)
        times.append((now() - t) * 1000)
        cpu.append((threadCPU() - c) * 1000)
        precondition(out.exitCode == 0, line + ": " + out.stderr)
    }
    return (percentile(times, 0.5), percentile(times, 0.99), percentile(cpu, 0.5), percentile(cpu, 0.99))
}

/// The `p` percentile of `values` (nearest rank).
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// The simulation cost of a long submission: `lines` command lines of a learner's kind typed into
/// a lab session of the shipped lab `w2d1s3-user-bridge-web-db`, each followed by its step's
/// checks (reachability and DNS among them): containers started and removed in turn (a dozen
/// alive at a time), pings, wget, inspections, iptables listings, `docker ps`. Returns seconds
/// in all and milliseconds per line; nil without `Labs/`.
func submissionLines(_ lines: Int, labsFolder: String) -> (total: Double, perLine: Double)? {
    guard let lab = LabCatalog.labs(paths: [labsFolder], files: DiskFiles()).first(where: { $0.id == "w2d1s3-user-bridge-web-db" }) else { return nil }
    var session = LabSession(lab: lab)
    var transcript: [String] = ["docker network create appnet", "docker run -d --name w0 --network appnet nginx:alpine"]
    var k = 0
    while transcript.count < lines {
        k += 1
        let w = "w\(k % 12 + 1)"
        transcript += ["docker rm -f \(w)", "docker run -d --name \(w) --network appnet nginx:alpine", "docker exec \(w) ping -c 1 w0",
                       "docker exec w0 wget -qO- http://\(w)", "docker network inspect appnet -f '{{len .Containers}}'",
                       "iptables -L DOCKER -n -v", "docker ps -q", "docker exec w0 nslookup \(w)"]
    }
    let t = now()
    for line in transcript.prefix(lines) { _ = session.input(line) }
    let total = now() - t
    return (total, total / Double(max(lines, 1)) * 1000)
}
