/// A simulated container: its configuration (what `docker run` asked for) and,
/// while it runs, its sandbox and published ports.
public struct Container: Sendable, Hashable, Identifiable {
    public let id: String
    public var name: String
    public let image: Image
    /// The image reference as typed (`nginx`, `nginx:alpine`).
    public let imageReference: String
    public let created: SimTime
    /// Main process: path and arguments (entrypoint + command).
    public var path: String
    public var args: [String]
    /// Whether the user replaced the image's command.
    public var cmdOverridden: Bool
    public var env: [String]
    public var hostname: String
    public var domainname: String
    public var tty: Bool
    public var openStdin: Bool
    public var autoRemove: Bool
    public var labels: [String: String]

    /// `HostConfig.NetworkMode`: `bridge`, `host`, `none`, `container:<id>` or a network name.
    public var networkMode: String
    /// Requested networks in the order given (the first gets the endpoint flags).
    public var attachments: [NetworkAttachment]
    public var exposedPorts: [ContainerPort]
    public var portBindings: [ContainerPort: [PortBindingRequest]]
    public var publishAll: Bool
    public var dns: [String]
    public var dnsSearch: [String]
    public var dnsOptions: [String]
    /// `--add-host` entries as `host:ip`.
    public var extraHosts: [String]
    /// Legacy `--link name:alias` on the default bridge.
    public var links: [String]
    /// The `/etc/hosts` lines its links wrote when it joined the default bridge, each rewritten when the
    /// linked container joins again (`Engine.addLegacyLinks`); a stopped linked container's line stays.
    public var legacyLinkRecords: [HostsFile.Record] = []
    /// The link variables the main process started with (`setupLinkedContainers` at start); a linked
    /// container that restarts with a new address leaves them as they were.
    public var startLinkEnvironment: [String] = []

    public var state: ContainerState
    public var startedAt: SimTime?
    public var finishedAt: SimTime?
    public var restartCount: Int
    /// Set while running.
    public var sandboxID: String?
    /// Network ID → endpoint ID, while running.
    public var endpoints: [String: String]
    public var portMappings: [PortMapping]
    /// `HostConfig.Sysctls` (`--sysctl`).
    public var sysctls: [String: String] = [:]
    /// Whether IPv6 is off in the container's namespace (`net.ipv6.conf.all|lo.disable_ipv6=1`):
    /// its loopback has no `::1`, so moby writes `/etc/hosts` without IPv6 lines.
    public var ipv6Disabled: Bool {
        ["net.ipv6.conf.all.disable_ipv6", "net.ipv6.conf.lo.disable_ipv6"].contains { sysctls[$0] == "1" }
    }
    /// What the main process wrote so far (`docker logs`), oldest first.
    public internal(set) var logs: [ContainerLogLine] = []
    /// The container's own changes to its image's files (its writable layer; `Engine+Files`).
    public internal(set) var files = FileTree()
    /// Binds and volumes, in the order given (`-v`, then `--mount`).
    public internal(set) var mounts: [Mount] = []
    /// The load-balancer configuration its proxy (nginx, haproxy) read at start or last reload; nil for
    /// other images and while stopped. Runtime state (turns, health, connections) lives beside it.
    public var proxy: ProxyConfig? = nil

    public init(id: String, name: String, image: Image, imageReference: String, created: SimTime, path: String,
                args: [String], cmdOverridden: Bool, env: [String], hostname: String, domainname: String, tty: Bool,
                openStdin: Bool, autoRemove: Bool, labels: [String: String], networkMode: String,
                attachments: [NetworkAttachment], exposedPorts: [ContainerPort],
                portBindings: [ContainerPort: [PortBindingRequest]], publishAll: Bool, dns: [String],
                dnsSearch: [String], dnsOptions: [String], extraHosts: [String], links: [String]) {
        self.id = id; self.name = name; self.image = image; self.imageReference = imageReference
        self.created = created; self.path = path; self.args = args; self.cmdOverridden = cmdOverridden
        self.env = env; self.hostname = hostname; self.domainname = domainname; self.tty = tty
        self.openStdin = openStdin; self.autoRemove = autoRemove; self.labels = labels
        self.networkMode = networkMode; self.attachments = attachments; self.exposedPorts = exposedPorts
        self.portBindings = portBindings; self.publishAll = publishAll; self.dns = dns; self.dnsSearch = dnsSearch
        self.dnsOptions = dnsOptions; self.extraHosts = extraHosts; self.links = links
        self.state = .created; self.startedAt = nil; self.finishedAt = nil; self.restartCount = 0
        self.sandboxID = nil; self.endpoints = [:]; self.portMappings = []
    }

    public var shortID: String { String(id.prefix(12)) }

    /// `Config.Env`: the image's variables, each replaced by the one of the same name given at
    /// creation, then the other given ones (moby v28.2.2 daemon/commit.go `merge`).
    public var configEnv: [String] {
        var out = image.env
        func key(_ e: String) -> Substring { e.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0] }
        for e in env {
            if let i = out.firstIndex(where: { key($0) == key(e) }) { out[i] = e } else { out.append(e) }
        }
        return out
    }
    public var isRunning: Bool { state.isRunning }

    /// `host` and `container:` modes share another stack and get no sandbox of their own.
    public var sharesHostNetwork: Bool { networkMode == "host" }
    public var sharedContainer: String? {
        networkMode.hasPrefix("container:") ? String(networkMode.dropFirst("container:".count)) : nil
    }

    /// The full command line as `docker ps` shows it (args with spaces quoted).
    public var commandLine: String {
        guard !args.isEmpty else { return path }
        return path + " " + args.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}
