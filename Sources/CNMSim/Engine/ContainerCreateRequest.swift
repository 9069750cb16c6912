/// What `docker create`/`docker run` send to the daemon: the container's
/// `Config`, `HostConfig` and `NetworkingConfig`, already parsed by the CLI.
public struct ContainerCreateRequest: Sendable, Hashable {
    public var name: String?
    public var image: String
    /// Replaces the image's command when non-nil.
    public var cmd: [String]?
    /// Replaces the image's entrypoint when non-nil.
    public var entrypoint: [String]?
    public var env: [String]
    public var hostname: String?
    public var domainname: String
    public var tty: Bool
    public var openStdin: Bool
    public var autoRemove: Bool
    public var labels: [String: String]
    /// `default`, `bridge`, `host`, `none`, `container:<x>` or a network name.
    public var networkMode: String
    public var attachments: [NetworkAttachment]
    public var exposedPorts: [ContainerPort]
    public var portBindings: [ContainerPort: [PortBindingRequest]]
    public var publishAll: Bool
    public var dns: [String]
    public var dnsSearch: [String]
    public var dnsOptions: [String]
    public var extraHosts: [String]
    public var links: [String]
    /// `--sysctl key=value` (`HostConfig.Sysctls`).
    public var sysctls: [String: String] = [:]
    /// `-v` and `--mount`, as the CLI parsed them (`Engine+Volumes` checks and creates what they need).
    public var mounts: [Mount] = []

    public init(name: String? = nil, image: String, cmd: [String]? = nil, entrypoint: [String]? = nil,
                env: [String] = [], hostname: String? = nil, domainname: String = "", tty: Bool = false,
                openStdin: Bool = false, autoRemove: Bool = false, labels: [String: String] = [:],
                networkMode: String = "default", attachments: [NetworkAttachment] = [],
                exposedPorts: [ContainerPort] = [], portBindings: [ContainerPort: [PortBindingRequest]] = [:],
                publishAll: Bool = false, dns: [String] = [], dnsSearch: [String] = [], dnsOptions: [String] = [],
                extraHosts: [String] = [], links: [String] = []) {
        self.name = name; self.image = image; self.cmd = cmd; self.entrypoint = entrypoint; self.env = env
        self.hostname = hostname; self.domainname = domainname; self.tty = tty; self.openStdin = openStdin
        self.autoRemove = autoRemove; self.labels = labels; self.networkMode = networkMode
        self.attachments = attachments; self.exposedPorts = exposedPorts; self.portBindings = portBindings
        self.publishAll = publishAll; self.dns = dns; self.dnsSearch = dnsSearch; self.dnsOptions = dnsOptions
        self.extraHosts = extraHosts; self.links = links
    }
}
