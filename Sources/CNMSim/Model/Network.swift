/// A CNM network: a set of endpoints that can talk to each other, implemented by a driver.
public struct Network: Sendable, Hashable, Identifiable {
    public let id: String
    public var name: String
    public let driver: DriverKind
    public let created: SimTime
    public var scope: String { driver.scope }
    public var enableIPv4: Bool
    public var enableIPv6: Bool
    public var ipamDriver: String
    /// `nil` for the predefined networks, `{}` or the user's `--ipam-opt` for created ones.
    public var ipamOptions: [String: String]?
    /// What `inspect` shows under `IPAM.Config`: the user's config verbatim, or the allocated pool.
    public var ipamConfig: [IPAMConfig]?
    /// The allocated subnet and its gateway (nil for host/none).
    public var subnet: IPv4Subnet?
    public var gateway: IPv4Address?
    public var isInternal: Bool
    public var attachable: Bool
    public var ingress: Bool
    public var configOnly: Bool
    public var configFrom: String
    public var options: [String: String]
    public var labels: [String: String]
    /// `bridge`, `host` and `none`, created by the daemon and never removable.
    public let predefined: Bool
    /// The kernel device on the host (`docker0`, `br-<id12>`), when the driver makes one.
    public var deviceName: String?
    /// Whether the user gave `--subnet` (static `--ip` needs it).
    public var userSubnet: Bool
    public var deviceMAC: MACAddress?
    /// The MAC the bridge device shows (`ip link`, neighbour tables): `deviceMAC`, or Docker's
    /// placeholder before one is drawn. One place for the three views that list the bridge.
    public var bridgeMAC: MACAddress { deviceMAC ?? MACAddress(bytes: [2, 0x42, 0, 0, 0, 0]) }

    public init(id: String, name: String, driver: DriverKind, created: SimTime, enableIPv4: Bool = true,
                enableIPv6: Bool = false, ipamDriver: String = "default", ipamOptions: [String: String]?,
                ipamConfig: [IPAMConfig]?, subnet: IPv4Subnet?, gateway: IPv4Address?, isInternal: Bool = false,
                attachable: Bool = false, ingress: Bool = false, configOnly: Bool = false, configFrom: String = "",
                options: [String: String] = [:], labels: [String: String] = [:], predefined: Bool = false,
                deviceName: String? = nil, userSubnet: Bool = false, deviceMAC: MACAddress? = nil) {
        self.id = id; self.name = name; self.driver = driver; self.created = created
        self.enableIPv4 = enableIPv4; self.enableIPv6 = enableIPv6; self.ipamDriver = ipamDriver
        self.ipamOptions = ipamOptions; self.ipamConfig = ipamConfig; self.subnet = subnet; self.gateway = gateway
        self.isInternal = isInternal; self.attachable = attachable; self.ingress = ingress; self.configOnly = configOnly
        self.configFrom = configFrom; self.options = options; self.labels = labels; self.predefined = predefined
        self.deviceName = deviceName; self.userSubnet = userSubnet; self.deviceMAC = deviceMAC
    }

    /// User-defined networks get the embedded DNS server and network-scoped aliases.
    public var isUserDefined: Bool { !predefined }

    /// Whether containers on this network can talk to each other (bridge `enable_icc`).
    public var iccEnabled: Bool {
        options[BridgeDriver.iccOption].flatMap(GoBool.parse) ?? true
    }

    public var masqueradeEnabled: Bool {
        options[BridgeDriver.masqueradeOption].flatMap(GoBool.parse) ?? true
    }

    /// The MTU of the network's interfaces (the driver's answer).
    public var mtu: Int { networkDriver.mtu(options: options) }

    /// The IPv4 gateway mode (`nat` unless a bridge network's option says otherwise).
    public var gatewayModeIPv4: GatewayMode { networkDriver.gatewayMode(options: options) }

    /// The host address published ports bind to by default (`host_binding_ipv4`).
    public var hostBindingIPv4: IPv4Address? {
        options[BridgeDriver.hostBindingOption].flatMap { IPv4Address($0) }
    }
}
