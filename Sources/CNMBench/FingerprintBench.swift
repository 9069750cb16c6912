import CNMCommands
import CNMProgress
import CNMSim

/// The state fingerprint (canonical bytes of the whole model, then SHA-256): it is computed for
/// every command a recorded lab logs and again on replay. "first" walks the whole world; "next"
/// is what a recorded session pays per command, with the cache of the state before it.
func fingerprintBench() {
    for (networks, containers, rules) in [(10, 10, 5), (10, 50, 20), (200, 500, 50)] {
        var sim = Simulator(seed: 3)
        sim.secondsPerLine = 0
        for i in 0..<networks { _ = sim.run(line: "docker network create --subnet 10.\(i / 256).\(i % 256).0/24 n\(i)") }
        for i in 0..<containers { _ = sim.run(line: "docker run -d --name c\(i) --network n\(i % networks) -p \(20000 + i):80 nginx") }
        for i in 0..<rules { _ = sim.run(line: "iptables -I DOCKER-USER -s 10.99.\(i).0/24 -j DROP") }
        let rounds = networks > 100 ? 5 : 40
        var t = now()
        for _ in 0..<rounds { _ = StateFingerprint.hash(simulator: sim) }
        let first = (now() - t) / Double(rounds)
        var cache = FingerprintCache()
        _ = StateFingerprint.hash(simulator: sim, cache: &cache)
        var next = 0.0
        for i in 0..<rounds {
            _ = sim.run(line: "docker run -d --name extra\(i) busybox sleep 3600")
            t = now()
            _ = StateFingerprint.hash(simulator: sim, cache: &cache)
            next += now() - t
        }
        let bytes = StateFingerprint.canonicalBytes(cluster: sim.cluster).count
        print("state fingerprint, \(networks) networks, \(containers) containers, \(rules) learner rules (\(bytes / 1024) KiB): "
            + "first \(format3(first * 1000)) ms, next after a command \(format3(next / Double(rounds) * 1000)) ms")
    }
}
