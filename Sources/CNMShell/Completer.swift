import CNMSim

/// TAB completion: what may come next on a command line, from the words already
/// typed — docker's subcommands and flags, container and network names, the
/// other simulated programs, the shell's own commands and lab ids.
public struct Completer: Sendable {
    public var metaCommands: [String]
    public var labIDs: [String]
    /// The LAN's other Docker hosts, for `ssh`.
    public var machines: [String]
    /// What may follow a shell command (`lab` → start, resume…; `lang` → ko, en), from the shell's command table.
    public var subcommands: [String: [String]]

    public init(metaCommands: [String], labIDs: [String] = [], machines: [String] = [], subcommands: [String: [String]] = [:]) {
        self.metaCommands = metaCommands
        self.labIDs = labIDs
        self.machines = machines
        self.subcommands = subcommands
    }

    static let dockerCommands = ["container", "create", "exec", "inspect", "network", "node", "port", "ps", "restart", "rm",
                                 "run", "service", "start", "stop", "swarm"]
    static let swarmCommands = ["init", "join", "join-token", "leave"]
    static let serviceCommands = ["create", "inspect", "ls", "ps", "rm", "scale", "update"]
    static let nodeCommands = ["inspect", "ls"]
    static let serviceCreateFlags = ["--name", "--replicas", "--network", "--publish", "-p", "--endpoint-mode", "--detach", "-d"]
    static let networkCommands = ["connect", "create", "disconnect", "inspect", "ls", "prune", "rm"]
    static let containerCommands = ["create", "exec", "inspect", "ls", "port", "restart", "rm", "run", "start", "stop"]
    static let programs = ["docker", "iptables", "iptables-save", "ip", "ping", "curl", "wget", "nslookup", "why",
                           "bridge", "brctl", "ss", "netstat", "hostname", "ssh", "hosts", "cat", "echo", "grep", "head", "sleep"]
    static let runFlags = ["--name", "--network", "--network-alias", "--ip", "--mac-address", "--publish", "-p",
                           "--publish-all", "-P", "--hostname", "--dns", "--dns-search", "--dns-option", "--add-host",
                           "--link", "--env", "-e", "--rm", "--detach", "-d", "--interactive", "-i", "--tty", "-t",
                           "--expose", "--entrypoint", "--label"]
    static let networkCreateFlags = ["--driver", "-d", "--subnet", "--gateway", "--ip-range", "--aux-address",
                                     "--internal", "--attachable", "--label", "--opt", "-o", "--ipv6", "--ipam-driver"]
    static let images = ["alpine", "busybox", "haproxy", "httpd", "mysql", "nginx", "nginx:alpine", "postgres", "redis",
                         "traefik", "ubuntu"]

    /// Candidates for the last (possibly empty) word of `words`.
    public func candidates(words: [String], engine: Engine) -> [String] {
        let current = words.last ?? ""
        let before = Array(words.dropLast())
        let containers = engine.allContainers.map(\.name)
        let networks = engine.allNetworks.map(\.name)
        var pool: [String]
        switch before.first {
        case nil:
            pool = Self.programs + metaCommands
        case "docker":
            let sub = before.count > 1 ? before[1] : nil
            let third = before.count > 2 ? before[2] : nil
            switch (sub, third) {
            case (nil, _): pool = Self.dockerCommands
            case ("network", nil): pool = Self.networkCommands
            case ("network", "create"): pool = current.hasPrefix("-") ? Self.networkCreateFlags : []
            case ("network", "connect"), ("network", "disconnect"):
                pool = before.count == 3 ? networks : containers
            case ("network", "inspect"), ("network", "rm"): pool = networks
            case ("container", nil): pool = Self.containerCommands
            case ("swarm", nil): pool = Self.swarmCommands
            case ("swarm", "join-token"): pool = ["worker", "manager"]
            case ("node", nil): pool = Self.nodeCommands
            case ("service", nil): pool = Self.serviceCommands
            case ("service", "create"):
                if current.hasPrefix("-") { pool = Self.serviceCreateFlags }
                else if let last = before.last, last == "--network" { pool = networks }
                else if let last = before.last, last == "--endpoint-mode" { pool = ["vip", "dnsrr"] }
                else { pool = Self.images }
            case ("service", _): pool = engine.swarm?.services.map(\.name) ?? []
            case ("run", _), ("create", _):
                if current.hasPrefix("-") {
                    pool = Self.runFlags
                } else if let last = before.last, ["--network", "--net"].contains(last) {
                    pool = networks + ["bridge", "host", "none"]
                } else {
                    pool = Self.images
                }
            case ("exec", _), ("start", _), ("stop", _), ("restart", _), ("rm", _), ("port", _), ("inspect", _):
                pool = containers + (sub == "inspect" ? networks : [])
            default: pool = []
            }
        case "lab":
            pool = before.count == 1 ? subcommands["lab"] ?? [] : (before.count == 2 && before[1] != "quit" ? labIDs : [])
        case let first? where before.count == 1 && subcommands[first] != nil:
            pool = subcommands[first] ?? []
        case "why", "ping", "curl", "nslookup":
            pool = containers + ["host", "remote"]
        case "ssh":
            pool = before.count == 1 ? machines + ["remote"] : []
        default:
            pool = []
        }
        var seen = Set<String>()
        return pool.filter { $0.hasPrefix(current) && seen.insert($0).inserted }.sorted()
    }

    /// The longest common prefix, by whole characters (so a Hangul syllable is never cut in half).
    public static func commonPrefix(_ items: [String]) -> String {
        guard var prefix = items.first.map(Array.init) else { return "" }
        for item in items.dropFirst() {
            let chars = Array(item)
            var n = 0
            while n < prefix.count && n < chars.count && prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }
}
