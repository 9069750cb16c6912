/// What a container asked for on one network (`--network`, `--network-alias`,
/// `--ip`, `--mac-address`, `docker network connect --alias`…): the container's
/// `EndpointSettings` before an endpoint exists.
public struct NetworkAttachment: Sendable, Hashable {
    /// The network name or ID as the user gave it (resolved at start).
    public var network: String
    /// The resolved network ID once known.
    public var networkID: String?
    public var aliases: [String]
    public var ipv4Address: IPv4Address?
    /// `--ip` as typed when it is not an IPv4 address (the daemon reports it), else nil.
    public var ipv4Text: String?
    /// `--ip6` as typed (IPv6 networks are not simulated; the daemon still validates it).
    public var ipv6Text: String?
    public var macAddress: MACAddress?
    public var links: [String]
    public var gwPriority: Int
    public var driverOpts: [String: String]

    public init(network: String, networkID: String? = nil, aliases: [String] = [], ipv4Address: IPv4Address? = nil,
                macAddress: MACAddress? = nil, links: [String] = [], gwPriority: Int = 0, driverOpts: [String: String] = [:]) {
        self.network = network; self.networkID = networkID; self.aliases = aliases; self.ipv4Address = ipv4Address
        self.macAddress = macAddress; self.links = links; self.gwPriority = gwPriority; self.driverOpts = driverOpts
    }
}
