extension SeededGenerator {
    /// A swarmkit object ID (nodes, services, tasks, swarm networks): 25 lowercase
    /// base-36 characters, as `identity.NewID` prints a random 128-bit number.
    public mutating func swarmID() -> String {
        base36(25)
    }

    /// `count` random base-36 characters (`0-9a-z`).
    public mutating func base36(_ count: Int) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var out = ""
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(digits[Int(next() % 36)]) }
        return out
    }
}
