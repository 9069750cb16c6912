/// How a simulated machine is wired to its LAN, as the course material has it: the course's
/// `docker-host` has eth0 192.168.1.100/24, a default route via 192.168.1.1
/// and that router as its nameserver.
public struct HostConfig: Sendable, Hashable {
    public var hostname: String
    public var address: IPv4Address
    public var prefixLength: Int
    public var gateway: IPv4Address
    public var nameservers: [IPv4Address]
    public var searchDomains: [String]
    public var mac: MACAddress

    public init(hostname: String = "docker-host", address: IPv4Address = IPv4Address(192, 168, 1, 100),
                prefixLength: Int = 24, gateway: IPv4Address = IPv4Address(192, 168, 1, 1),
                nameservers: [IPv4Address] = [IPv4Address(192, 168, 1, 1)], searchDomains: [String] = [],
                mac: MACAddress = MACAddress(bytes: [0x52, 0x54, 0x00, 0x12, 0x34, 0x56])) {
        self.hostname = hostname; self.address = address; self.prefixLength = prefixLength
        self.gateway = gateway; self.nameservers = nameservers; self.searchDomains = searchDomains; self.mac = mac
    }

    /// The LAN the host's eth0 is on (an on-link route that Docker's IPAM avoids).
    public var lan: IPv4Subnet { IPv4Subnet(address: address, prefixLength: prefixLength).canonical }
}
