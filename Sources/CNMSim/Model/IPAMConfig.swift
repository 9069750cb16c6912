/// One `IPAM.Config` entry as the user gave it (echoed verbatim by `inspect`).
public struct IPAMConfig: Sendable, Hashable, Codable {
    public var subnet: String?
    public var ipRange: String?
    public var gateway: String?
    public var auxAddresses: [String: String]

    public init(subnet: String? = nil, ipRange: String? = nil, gateway: String? = nil, auxAddresses: [String: String] = [:]) {
        self.subnet = subnet
        self.ipRange = ipRange
        self.gateway = gateway
        self.auxAddresses = auxAddresses
    }
}
