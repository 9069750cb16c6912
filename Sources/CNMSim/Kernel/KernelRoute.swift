/// One route of a namespace's main table.
public struct KernelRoute: Sendable, Hashable {
    /// nil for the default route.
    public var destination: IPv4Subnet?
    public var gateway: IPv4Address?
    public var device: String
    /// Preferred source address (`src`), set on connected routes.
    public var source: IPv4Address?
    /// `kernel` for connected routes, `static` for configured ones.
    public var proto: String
    /// Whether the device has no carrier (`linkdown`).
    public var linkDown: Bool

    public init(destination: IPv4Subnet?, gateway: IPv4Address? = nil, device: String, source: IPv4Address? = nil,
                proto: String = "kernel", linkDown: Bool = false) {
        self.destination = destination; self.gateway = gateway; self.device = device; self.source = source
        self.proto = proto; self.linkDown = linkDown
    }

    public var prefixLength: Int { destination?.prefixLength ?? 0 }

    public func covers(_ ip: IPv4Address) -> Bool { destination?.contains(ip) ?? true }
}
