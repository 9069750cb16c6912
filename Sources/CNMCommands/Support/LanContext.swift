import CNMSim

/// The other machines of the LAN while a command runs on one of them, so that
/// `ping`, `curl` and `why` can follow a packet that leaves this machine (over
/// the LAN or an overlay) without every command signature carrying the cluster.
/// Bound by `Simulator` around each command when the LAN has several machines.
struct LanView: Sendable {
    /// Every machine but the one the command runs on, in cluster order.
    var others: [Machine]
    /// The running machine's position in the cluster.
    var index: Int
    /// Where walks leave the counts they owe the other machines (`others` are copies).
    var tally: LanTally?
}

/// The traffic a command sent into other machines of the LAN, kept while it runs so that `Simulator`
/// counts it on the real machines afterwards: each entry is one walk as that machine met it, with the
/// packets it carried. Only the command's own task touches it, one entry after another.
final class LanTally: @unchecked Sendable {
    struct Entry {
        var machine: String
        var result: PathResult
        var exchange: TrafficExchange
    }

    private(set) var entries: [Entry] = []

    func record(_ machine: String, _ result: PathResult, _ exchange: TrafficExchange) {
        entries.append(Entry(machine: machine, result: result, exchange: exchange))
    }
}

enum LanContext {
    @TaskLocal static var current: LanView?
}
