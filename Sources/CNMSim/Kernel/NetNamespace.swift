/// One network namespace's view: its interfaces and routes. The host, each
/// running container's sandbox, and the LAN machine `remote` each have one.
public struct NetNamespace: Sendable, Hashable {
    public enum Owner: Sendable, Hashable {
        case host
        case container(String)
        case remote
    }

    public var owner: Owner
    public var interfaces: [KernelInterface]
    public var routes: [KernelRoute]

    public init(owner: Owner, interfaces: [KernelInterface], routes: [KernelRoute]) {
        self.owner = owner; self.interfaces = interfaces; self.routes = routes
    }

    /// The longest-prefix route for `ip`, if any.
    public func route(to ip: IPv4Address) -> KernelRoute? {
        routes.filter { $0.covers(ip) }.max { $0.prefixLength < $1.prefixLength }
    }

    /// Every address configured on this namespace's interfaces.
    public var addresses: [IPv4Address] { interfaces.flatMap { $0.addresses.map(\.address) } }

    /// Whether `ip` is an address of this namespace (the kernel's LOCAL address type).
    public func isLocal(_ ip: IPv4Address) -> Bool { ip.isLoopback || addresses.contains(ip) }

    public func interface(named name: String) -> KernelInterface? { interfaces.first { $0.name == name } }
}
