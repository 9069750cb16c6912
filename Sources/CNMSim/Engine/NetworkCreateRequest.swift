/// What `docker network create` sends to the daemon (API `NetworkCreateRequest`).
public struct NetworkCreateRequest: Sendable, Hashable {
    public var name: String
    public var driver: String
    public var scope: String
    public var enableIPv4: Bool?
    public var enableIPv6: Bool?
    public var ipamDriver: String
    public var ipamOptions: [String: String]
    public var ipamConfig: [IPAMConfig]
    public var isInternal: Bool
    public var attachable: Bool
    public var ingress: Bool
    public var configOnly: Bool
    public var configFrom: String
    public var options: [String: String]
    public var labels: [String: String]

    public init(name: String, driver: String = "bridge", scope: String = "", enableIPv4: Bool? = nil,
                enableIPv6: Bool? = nil, ipamDriver: String = "default", ipamOptions: [String: String] = [:],
                ipamConfig: [IPAMConfig] = [], isInternal: Bool = false, attachable: Bool = false,
                ingress: Bool = false, configOnly: Bool = false, configFrom: String = "",
                options: [String: String] = [:], labels: [String: String] = [:]) {
        self.name = name; self.driver = driver; self.scope = scope; self.enableIPv4 = enableIPv4
        self.enableIPv6 = enableIPv6; self.ipamDriver = ipamDriver; self.ipamOptions = ipamOptions
        self.ipamConfig = ipamConfig; self.isInternal = isInternal; self.attachable = attachable
        self.ingress = ingress; self.configOnly = configOnly; self.configFrom = configFrom
        self.options = options; self.labels = labels
    }
}
