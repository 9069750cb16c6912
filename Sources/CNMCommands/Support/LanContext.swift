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
}

enum LanContext {
    @TaskLocal static var current: LanView?
}
