/// What a network driver decides for its networks and endpoints, so the engine asks the driver
/// instead of testing the driver's kind (moby v28.2.2 libnetwork/driverapi/driverapi.go `Driver`:
/// `CreateNetwork`, `CreateEndpoint`, `Join`, `Leave`, `ProgramExternalConnectivity`; the drivers in
/// libnetwork/drivers/bridge, host, null, macvlan, ipvlan and overlay).
///
/// The engine keeps the state (pools, endpoints, links); a driver is a stateless value that answers
/// from a network's options. One type per driver, one file each, in this folder.
public protocol NetworkDriver: Sendable {
    var kind: DriverKind { get }

    // MARK: Networks

    /// `local` or `swarm` (`Capability.DataScope`).
    var scope: String { get }
    /// Whether networks of this driver take an IPv4 pool from IPAM (moby v28.2.2 libnetwork/network.go
    /// `hasSpecialDriver`: host and null take none).
    var usesIPAM: Bool { get }
    /// Only one network of this driver may exist (host, null: the daemon made it).
    var isSingleton: Bool { get }
    /// The driver checks its options in `CreateNetwork`, after IPAM allocated the pool (macvlan,
    /// ipvlan), not before it as bridge's `parseNetworkOptions` does.
    var validatesAfterIPAM: Bool { get }
    /// Validates driver options at network creation; returns Docker's error text on failure.
    func validate(options: [String: String], engine: Engine) -> String?
    /// A refusal of the whole request beyond the options' syntax (bridge: an isolated gateway mode on
    /// a network that is not internal); nil when the request is fine.
    func refusal(options: [String: String], isInternal: Bool) -> EngineError?
    /// Whether IPAM reserves no gateway address for the network (`GetSkipGwAlloc`).
    func skipsGatewayAllocation(options: [String: String], isInternal: Bool) -> Bool
    /// The answer to a request with several IPv4 subnets.
    var multipleSubnetsError: EngineError { get }
    /// The kernel device that carries the network on the host (`docker0`, `br-<id12>`), if any.
    func deviceName(networkID: String, options: [String: String]) -> String?
    /// The MTU of the network's interfaces.
    func mtu(options: [String: String]) -> Int
    /// The IPv4 gateway mode (only bridge networks have a choice).
    func gatewayMode(options: [String: String]) -> GatewayMode

    // MARK: Endpoints

    /// Whether endpoints get an interface in the container's sandbox.
    var givesInterface: Bool { get }
    /// Whether a container on the network shares the host's network stack (`host`).
    var sharesHostStack: Bool { get }
    /// Where an endpoint's IPv4 address comes from.
    var addressing: EndpointAddressing { get }
    /// How the sandbox's interface is made (`Join`).
    var endpointLink: EndpointLink { get }
    /// A refusal of the endpoint's settings (`CreateEndpoint`), as the driver words it; nil when fine.
    func endpointRefusal(_ attachment: NetworkAttachment) -> String?
    /// The MAC address of a new endpoint.
    func endpointMAC(requested: MACAddress?, ip: IPv4Address?, rng: inout SeededGenerator) -> MACAddress?
    /// The default gateway the endpoint gets at join (`jinfo.SetGateway`), if any.
    func endpointGateway(_ network: Network) -> IPv4Address?
    /// Whether the endpoint gets a default route through its device with no gateway (ipvlan l3/l3s:
    /// `jinfo.AddStaticRoute(0.0.0.0/0, CONNECTED)`, `default dev eth0`).
    func givesDeviceDefaultRoute(_ network: Network) -> Bool

    // MARK: Ports, firewall, kernel view

    /// Whether published ports are programmed on the network's endpoints (bridge only; macvlan and
    /// ipvlan ignore `-p` with a daemon log warning).
    var mapsPorts: Bool { get }
    /// Whether the driver programs Docker's iptables rules for its networks (bridge only: macvlan,
    /// ipvlan and overlay traffic never meets the host's chains).
    var programsFirewall: Bool { get }
    /// Appends the rules the driver programs for one of its networks at creation, at `key` in the
    /// daemon's programming order (bridge: moby v28.2.2 libnetwork/drivers/bridge/internal/iptabler/network.go).
    func appendNetworkRules(_ network: Network, key: Int, to out: inout RuleOpList)
    /// Appends the rules for an endpoint of a running container (bridge: iptabler/endpoint.go).
    func appendEndpointRules(_ endpoint: Endpoint, network: Network, key: Int, to out: inout RuleOpList)
    /// Appends the rules for a running container's published ports, `gateway` being its gateway
    /// endpoint on `network` (bridge: iptabler/port.go).
    func appendPortRules(_ container: Container, gateway: Endpoint, network: Network, key: Int, to out: inout RuleOpList)
    /// The kind and MAC of an endpoint's interface in the container's namespace.
    func sandboxInterface(_ endpoint: Endpoint, network: Network, engine: Engine) -> (KernelInterface.Kind, MACAddress)
}

/// Where an endpoint's IPv4 address comes from.
public enum EndpointAddressing: Sendable, Hashable {
    /// None (host, null).
    case none
    /// The network's pool on this engine.
    case localPool
    /// The swarm's pool for the network, shared by every node (overlay).
    case swarmPool
}

/// How an endpoint's interface is plugged in.
public enum EndpointLink: Sendable, Hashable {
    /// No interface of its own (host, null).
    case none
    /// A veth pair; `hostEnd`: the peer is on the host (bridge), not in the network's own namespace (overlay).
    case veth(hostEnd: Bool)
    /// A macvlan/ipvlan child of the network's parent link, no veth.
    case child
}

extension NetworkDriver {
    public var scope: String { "local" }
    public var isSingleton: Bool { false }
    public var validatesAfterIPAM: Bool { false }
    public func refusal(options: [String: String], isInternal: Bool) -> EngineError? { nil }
    public func skipsGatewayAllocation(options: [String: String], isInternal: Bool) -> Bool { false }
    public var multipleSubnetsError: EngineError { EngineError(.forbidden, "bridge driver doesn't support multiple subnets") }
    public func mtu(options: [String: String]) -> Int { options[BridgeDriver.mtuOption].flatMap { Int($0) } ?? 1500 }
    public func gatewayMode(options: [String: String]) -> GatewayMode { .nat }
    public var sharesHostStack: Bool { false }
    public func endpointRefusal(_ attachment: NetworkAttachment) -> String? { nil }
    public func givesDeviceDefaultRoute(_ network: Network) -> Bool { false }
    public var mapsPorts: Bool { false }
    public var programsFirewall: Bool { false }
    public func appendNetworkRules(_ network: Network, key: Int, to out: inout RuleOpList) {}
    public func appendEndpointRules(_ endpoint: Endpoint, network: Network, key: Int, to out: inout RuleOpList) {}
    public func appendPortRules(_ container: Container, gateway: Endpoint, network: Network, key: Int, to out: inout RuleOpList) {}
    public func sandboxInterface(_ endpoint: Endpoint, network: Network, engine: Engine) -> (KernelInterface.Kind, MACAddress) {
        (.veth, endpoint.mac ?? MACAddress(bytes: [2, 0x42, 0, 0, 0, 0]))
    }
}

/// Looks up the driver object for a kind.
public func networkDriver(for kind: DriverKind) -> any NetworkDriver {
    switch kind {
    case .bridge: return BridgeDriver()
    case .host: return HostDriver()
    case .null: return NullDriver()
    case .macvlan: return MacvlanDriver()
    case .ipvlan: return IpvlanDriver()
    case .overlay: return OverlayDriver()
    }
}

extension Network {
    /// The driver that implements this network.
    public var networkDriver: any NetworkDriver { CNMSim.networkDriver(for: driver) }

    /// A swarm-scoped network (overlay): kept in the swarm's store, its addresses in the swarm's pool.
    public var isSwarmScoped: Bool { networkDriver.scope == "swarm" }
}
