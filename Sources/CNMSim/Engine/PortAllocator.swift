/// Host ports handed out for published container ports, per host IP and protocol.
///
/// Mirrors libnetwork's portallocator: a specific port fails when taken; a
/// random port continues after the last one handed out in its range and wraps,
/// so released ports are not reused at once.
public struct PortAllocator: Sendable, Hashable {
    public static let ephemeralRange = 32768...60999

    private struct Key: Hashable, Sendable { var ip: String; var proto: String }
    private struct RangeKey: Hashable, Sendable { var ip: String; var proto: String; var start: Int; var end: Int }

    private var taken: [Key: Set<Int>] = [:]
    private var last: [RangeKey: Int] = [:]

    public init() {}

    public func isTaken(ip: String, proto: String, port: Int) -> Bool {
        taken[Key(ip: ip, proto: proto)]?.contains(port) ?? false
    }

    /// Requests one port for all of `ips` (the same number on each).
    /// `range` nil means the ephemeral range. Returns the port or Docker's error text.
    public mutating func request(ips: [String], proto: String, range: ClosedRange<Int>?) -> Result<Int, EngineError> {
        if let r = range, r.lowerBound == r.upperBound {
            let port = r.lowerBound
            for ip in ips where isTaken(ip: ip, proto: proto, port: port) {
                return .failure(EngineError(.forbidden, "Bind for \(ip == "::" ? "::" : ip):\(port) failed: port is already allocated"))
            }
            for ip in ips { taken[Key(ip: ip, proto: proto), default: []].insert(port) }
            return .success(port)
        }
        let r = range ?? Self.ephemeralRange
        guard let firstIP = ips.first else { return .failure(EngineError(.system, "no host IP")) }
        let rk = RangeKey(ip: firstIP, proto: proto, start: r.lowerBound, end: r.upperBound)
        var port = last[rk] ?? r.upperBound
        for _ in r {
            port += 1
            if port > r.upperBound { port = r.lowerBound }
            if !ips.contains(where: { isTaken(ip: $0, proto: proto, port: port) }) {
                for ip in ips {
                    taken[Key(ip: ip, proto: proto), default: []].insert(port)
                    last[RangeKey(ip: ip, proto: proto, start: r.lowerBound, end: r.upperBound)] = port
                }
                return .success(port)
            }
        }
        return .failure(EngineError(.system, "all ports are allocated"))
    }

    public mutating func release(ip: String, proto: String, port: Int) {
        taken[Key(ip: ip, proto: proto)]?.remove(port)
    }
}
