/// A machine's membership of the swarm, as `docker node ls|inspect` shows it.
public struct SwarmNode: Sendable, Hashable, Identifiable {
    public enum Role: String, Sendable, Hashable { case manager, worker }

    public let id: String
    /// The machine's hostname (its key in the cluster).
    public let hostname: String
    /// The address other nodes reach it on (`--advertise-addr`, default its eth0 address).
    public let address: IPv4Address
    public var role: Role
    /// `Leader` for the manager that initialised the swarm, `Reachable` for other managers.
    public var leader: Bool
    public let created: SimTime
    public var updated: SimTime
    /// The NetworkDB node name shown under `Peers` (12 hex characters).
    public let peerName: String

    public init(id: String, hostname: String, address: IPv4Address, role: Role, leader: Bool, created: SimTime, peerName: String) {
        self.id = id; self.hostname = hostname; self.address = address; self.role = role; self.leader = leader
        self.created = created; self.updated = created; self.peerName = peerName
    }

    /// `MANAGER STATUS` in `docker node ls`: `Leader`, `Reachable` or empty for workers.
    public var managerStatus: String {
        guard role == .manager else { return "" }
        return leader ? "Leader" : "Reachable"
    }
}
