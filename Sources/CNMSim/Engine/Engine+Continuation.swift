extension Engine {
    /// Goes on with `later`'s random stream and, when it is ahead, its clock: the world is this
    /// engine's, the entropy and time are `later`'s.
    ///
    /// Why: `undo` rebuilds an earlier world by replaying fewer commands; Docker never hands out an
    /// ID twice and its clock never runs backwards, so the rebuilt world must not draw the IDs,
    /// MACs and ports the undone commands already drew, nor go back in time.
    public mutating func continueStreams(from later: Engine) {
        rng = later.rng
        if later.clock > clock {
            clock = later.clock
            reapFinishedProcesses()
        }
    }
}

extension Cluster {
    /// Every machine goes on with the random stream and clock of the same machine in `later`.
    public mutating func continueStreams(from later: Cluster) {
        for k in machines.indices where later.machines.indices.contains(k) {
            machines[k].engine.continueStreams(from: later.machines[k].engine)
        }
    }
}
