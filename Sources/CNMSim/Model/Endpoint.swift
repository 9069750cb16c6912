/// A CNM endpoint: the attachment of one sandbox to one network — an interface
/// with its MAC and IP, created when the container starts or connects and
/// deleted when it stops or disconnects.
public struct Endpoint: Sendable, Hashable, Identifiable {
    public let id: String
    public let networkID: String
    public let containerID: String
    /// The container's name, as `network inspect` lists it.
    public var name: String
    public var mac: MACAddress?
    public var ipv4: IPv4Address?
    public var prefixLength: Int
    public var gateway: IPv4Address?
    /// Interface name inside the sandbox (`eth0`), nil for host/none.
    public var interfaceName: String?
    /// Host-global interface indexes of the veth pair (container side, host side).
    public var interfaceIndex: Int
    public var peerIndex: Int
    /// The host-side veth name (`veth` + 7 hex).
    public var hostVeth: String?
    /// Names the embedded DNS answers for this endpoint (`DNSNames`).
    public var dnsNames: [String]
    public var aliases: [String]

    public init(id: String, networkID: String, containerID: String, name: String, mac: MACAddress?, ipv4: IPv4Address?,
                prefixLength: Int, gateway: IPv4Address?, interfaceName: String?, interfaceIndex: Int, peerIndex: Int,
                hostVeth: String?, dnsNames: [String], aliases: [String]) {
        self.id = id; self.networkID = networkID; self.containerID = containerID; self.name = name
        self.mac = mac; self.ipv4 = ipv4; self.prefixLength = prefixLength; self.gateway = gateway
        self.interfaceName = interfaceName; self.interfaceIndex = interfaceIndex; self.peerIndex = peerIndex
        self.hostVeth = hostVeth; self.dnsNames = dnsNames; self.aliases = aliases
    }
}
