import CNMCommands
import CNMSim

/// Issue 3's benchmark: `count` reachability verdicts (TCP to port 80) between
/// containers of the scenario, through the netfilter evaluator. Returns the
/// one-off cost of building the host's view and rules, the time of all
/// verdicts, and how many were delivered (same-network pairs).
func reachabilityVerdicts(_ engine: Engine, count: Int) -> (setup: Double, verdicts: Double, delivered: Int) {
    var t = now()
    let path = PacketPath(engine: engine)
    let setup = now() - t
    let running = engine.allContainers.filter(\.isRunning)
    let targets = running.map { engine.endpoints(ofContainer: $0).first?.ipv4 ?? IPv4Address(0) }
    guard !running.isEmpty else { return (setup, 0, 0) }
    t = now()
    var delivered = 0
    for i in 0..<count {
        let from = running[(i &* 7_919) % running.count].id
        let to = targets[(i &* 104_729 &+ 1) % running.count]
        if path.trace(from: .container(from), to: to, proto: "tcp", port: 80).verdict.isDelivered { delivered += 1 }
    }
    return (setup, now() - t, delivered)
}
