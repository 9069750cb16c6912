/// A network interface as the kernel of one namespace shows it (`ip addr`):
/// index, name, peer of a veth pair, flags, MTU, MAC, bridge master, addresses.
public struct KernelInterface: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case loopback
        case ethernet
        case bridge
        /// One end of a veth pair; `peerIndex` is the other end's index.
        case veth
        /// An 802.1Q sub-interface Docker made for a macvlan/ipvlan parent (`eth0.10@eth0`).
        case vlan
        /// A dummy link Docker made for a macvlan/ipvlan network without parent (`dm-<id12>`).
        case dummy
        /// A container's macvlan/ipvlan child of a host link; `peerIndex` is the parent's index.
        case macvlan
        case ipvlan
    }

    public var index: Int
    public var name: String
    public var kind: Kind
    public var peerIndex: Int?
    public var mtu: Int
    public var mac: MACAddress
    /// The bridge a host-side veth is plugged into.
    public var master: String?
    /// Whether the link has carrier (a bridge without ports has none).
    public var carrier: Bool
    /// IPv4 addresses with their prefix (`address` is the interface's own address).
    public var addresses: [IPv4Subnet]
    /// IPv6 addresses as text with prefix and scope (`::1/128 scope host`).
    public var ipv6: [String]
    /// Network namespace id of the peer, for host-side veths (`link-netnsid N`).
    public var linkNetnsID: Int?
    /// The endpoint a veth belongs to, if any.
    public var endpointID: String?
    /// The network a bridge or veth belongs to.
    public var networkID: String?
    /// The lower link of a VLAN sub-interface, shown as `eth0.10@eth0`.
    public var lowerLink: String?

    public init(index: Int, name: String, kind: Kind, peerIndex: Int? = nil, mtu: Int, mac: MACAddress, master: String? = nil,
                carrier: Bool = true, addresses: [IPv4Subnet] = [], ipv6: [String] = [], linkNetnsID: Int? = nil,
                endpointID: String? = nil, networkID: String? = nil) {
        self.index = index; self.name = name; self.kind = kind; self.peerIndex = peerIndex; self.mtu = mtu
        self.mac = mac; self.master = master; self.carrier = carrier; self.addresses = addresses; self.ipv6 = ipv6
        self.linkNetnsID = linkNetnsID; self.endpointID = endpointID; self.networkID = networkID
    }

    /// `eth0@if24` for a veth end, the plain name otherwise.
    public var displayName: String {
        if let lowerLink { return "\(name)@\(lowerLink)" }
        return peerIndex.map { "\(name)@if\($0)" } ?? name
    }
}
