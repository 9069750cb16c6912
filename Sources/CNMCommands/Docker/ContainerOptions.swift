import CNMSim

/// The `docker run`/`docker create` flags (docker/cli v28.2.2 cli/command/container/opts.go)
/// and their translation into a create request.
enum ContainerOptions {
    /// Flags whose effect cnmlab does not model; using one says so instead of pretending.
    static let unmodelled: [FlagSpec] = [
        .stringArray("volumes-from"), .stringArray("tmpfs"),
        .stringArray("device"), .stringArray("cap-add"), .stringArray("cap-drop"), .bool("privileged"),
        .string("memory", "m"), .string("cpus"), .int("cpu-shares", "c"), .string("restart", default: "no"),
        .string("user", "u"), .string("workdir", "w"), .string("log-driver"), .stringArray("log-opt"),
        .string("platform"), .string("runtime"), .bool("init"), .bool("read-only"), .stringArray("env-file"),
        .stringArray("label-file"), .string("pid"), .string("ipc"), .string("uts"), .string("cidfile"),
        .stringArray("security-opt"), .stringArray("ulimit"), .string("health-cmd"),
        .bool("no-healthcheck"), .string("stop-signal"), .int("stop-timeout"), .string("shm-size"),
        .stringArray("attach", "a"), .string("gpus"),
    ]

    static let unmodelledNames = Set(unmodelled.map(\.name))

    static let flags: [FlagSpec] = [
        .string("name"),
        .string("hostname", "h"),
        .string("domainname"),
        .bool("interactive", "i"),
        .bool("tty", "t"),
        .bool("rm"),
        .stringArray("env", "e"),
        .stringArray("label", "l"),
        .string("entrypoint"),
        .stringArray("network", aliases: ["net"]),
        .stringArray("network-alias", aliases: ["net-alias"]),
        .string("ip"),
        .string("ip6"),
        .string("mac-address"),
        .stringArray("link", validator: { v in
            v.split(separator: ":", omittingEmptySubsequences: false).count > 2 ? "bad format for links: \(v)" : nil
        }),
        .stringArray("link-local-ip"),
        .stringArray("publish", "p"),
        .bool("publish-all", "P"),
        .stringArray("expose"),
        .stringArray("dns", validator: { v in
            IPv4Address(v) != nil || v.contains(":") ? nil : "IP address is not correctly formatted: \(v)"
        }),
        .stringArray("dns-search"),
        .stringArray("dns-option", aliases: ["dns-opt"]),
        .stringArray("add-host", validator: { v in
            let sep = v.firstIndex(of: "=") ?? v.firstIndex(of: ":")
            guard let s = sep, s != v.startIndex, v.index(after: s) != v.endIndex else {
                return "bad format for add-host: \(GoQuote.quote(v))"
            }
            return nil
        }),
        .string("pull", default: "missing"),
        .stringArray("sysctl", validator: validateSysctl),
        .stringArray("volume", "v"),
        .stringArray("mount", validator: MountOptions.validate),
    ] + unmodelled

    /// docker/cli v28.2.2 `opts.ValidateSysctl` (opts/opts.go line 306): `key=value` with a namespaced
    /// key (`net.*`, `fs.mqueue.*`, the IPC `kernel.*` ones).
    @Sendable static func validateSysctl(_ value: String) -> String? {
        let allowed: Set<String> = ["kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall",
                                    "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced"]
        guard let eq = value.firstIndex(of: "="), eq != value.startIndex else { return "sysctl '\(value)' is not allowed" }
        let key = String(value[..<eq])
        if allowed.contains(key) || key.hasPrefix("net.") || key.hasPrefix("fs.mqueue.") { return nil }
        return "sysctl '\(value)' is not allowed"
    }

    /// Builds the create request from the parsed flags (docker/cli v28.2.2 cli/command/container/opts.go `parse`).
    /// A flag cnmlab does not model is `.notSimulated`; a value the CLI refuses is `.refused`, with the
    /// message `docker run` reports after `docker: `.
    static func request(from flags: ParsedFlags) throws(CommandError) -> ContainerCreateRequest {
        for spec in unmodelled where flags.wasSet(spec.name) { throw .notSimulated("--\(spec.name)") }
        guard let image = flags.positionals.first else { throw .refused("image required") }
        var request = ContainerCreateRequest(image: image)
        if flags.wasSet("name") { request.name = flags.string("name") }
        if flags.wasSet("hostname") { request.hostname = flags.string("hostname") }
        request.domainname = flags.string("domainname")
        request.openStdin = flags.bool("interactive")
        request.tty = flags.bool("tty")
        request.autoRemove = flags.bool("rm")
        request.env = flags.strings("env")
        request.labels = MapOption.parse(flags.strings("label"))
        request.sysctls = MapOption.parse(flags.strings("sysctl"))
        if flags.wasSet("entrypoint") {
            let ep = flags.string("entrypoint")
            request.entrypoint = ep.isEmpty ? [] : [ep]
        }
        let command = Array(flags.positionals.dropFirst())
        if !command.isEmpty { request.cmd = command }
        request.dns = flags.strings("dns")
        request.dnsSearch = flags.strings("dns-search")
        request.dnsOptions = flags.strings("dns-option")
        request.extraHosts = flags.strings("add-host").map { $0.replacingFirst("=", with: ":") }
        request.publishAll = flags.bool("publish-all")
        try addPorts(flags, to: &request)
        try addNetworks(flags, to: &request)
        for m in flags.strings("mount") {
            if let reason = MountOptions.parseMount(m).1, reason.hasSuffix("is not simulated") {
                throw .notSimulated(String(reason.dropLast(" is not simulated".count)))
            }
        }
        request.mounts = try MountOptions.mounts(volumes: flags.strings("volume"), mountFlags: flags.strings("mount"))
        return request
    }

    /// `--publish` (go-connections `nat.ParsePortSpec`) and `--expose`.
    static func addPorts(_ flags: ParsedFlags, to request: inout ContainerCreateRequest) throws(CommandError) {
        for raw in flags.strings("publish") {
            switch PortSpecParser.parse(raw) {
            case .failure(let m): throw .refused(m.text)
            case .success(let mappings):
                for m in mappings { request.portBindings[m.port, default: []].append(m.binding) }
            }
        }
        for raw in flags.strings("expose") {
            if raw.contains(":") { throw .refused("invalid port format for --expose: \(raw)") }
            var spec = raw
            var proto = "tcp"
            if let slash = raw.lastIndex(of: "/") { proto = String(raw[raw.index(after: slash)...]); spec = String(raw[..<slash]) }
            guard let range = PortSpecParser.parseRange(spec) else {
                throw .refused("invalid range format for --expose: \(raw), error: strconv.ParseUint: parsing \(GoQuote.quote(spec)): invalid syntax")
            }
            for p in range { request.exposedPorts.append(ContainerPort(port: p, proto: proto)) }
        }
    }

    /// The network modes that are not user-defined networks.
    static let builtinModes: Set<String> = ["bridge", "host", "none", "default"]

    /// `--network` (docker/cli v28.2.2 opts/network.go), the endpoint flags the first network takes
    /// (`--network-alias`, `--ip`, `--ip6`, `--mac-address`) and `--link`.
    static func addNetworks(_ flags: ParsedFlags, to request: inout ContainerCreateRequest) throws(CommandError) {
        var attachments = flags.strings("network").map(attachment)
        var seen: Set<String> = []
        for a in attachments {
            if seen.contains(a.network) { throw .refused("network \(GoQuote.quote(a.network)) is specified multiple times") }
            seen.insert(a.network)
        }
        if attachments.count > 1 && attachments.contains(where: { builtinModes.contains($0.network) || $0.network.hasPrefix("container:") }) {
            throw .refused("conflicting options: cannot attach both user-defined and non-user-defined network-modes")
        }
        if attachments.isEmpty { attachments = [NetworkAttachment(network: "default")] }
        try applyEndpointFlags(flags, to: &attachments[0])
        request.links = flags.strings("link")
        let first = attachments[0].network
        request.networkMode = first
        if builtinModes.contains(first) || first.hasPrefix("container:") {
            var only = NetworkAttachment(network: first == "default" ? "bridge" : first,
                                         ipv4Address: attachments[0].ipv4Address, macAddress: attachments[0].macAddress)
            only.ipv4Text = attachments[0].ipv4Text
            only.ipv6Text = attachments[0].ipv6Text
            request.attachments = [only]
        } else {
            request.attachments = attachments
        }
    }

    /// One `--network` value: a name, or the long form `name=N,alias=A,ip=…`.
    static func attachment(_ raw: String) -> NetworkAttachment {
        guard raw.contains("=") else { return NetworkAttachment(network: raw) }
        var a = NetworkAttachment(network: "")
        for field in raw.lowercased().split(separator: ",") {
            let kv = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let value = kv.count > 1 ? kv[1] : ""
            switch kv[0] {
            case "name": a.network = value
            case "alias": a.aliases.append(value)
            case "ip":
                a.ipv4Address = IPv4Address(value)
                if a.ipv4Address == nil && !value.isEmpty { a.ipv4Text = value }
            case "ip6": if !value.isEmpty { a.ipv6Text = value }
            case "mac-address": a.macAddress = MACAddress(value)
            case "gw-priority": a.gwPriority = Int(value) ?? 0
            case "link": a.links.append(value)
            default: break
            }
        }
        return a
    }

    /// `--network-alias`, `--ip`, `--mac-address` and `--ip6`, which apply to the first network.
    static func applyEndpointFlags(_ flags: ParsedFlags, to first: inout NetworkAttachment) throws(CommandError) {
        let aliases = flags.strings("network-alias")
        if !aliases.isEmpty {
            if !first.aliases.isEmpty { throw .refused("conflicting options: cannot specify both --network-alias and per-network alias") }
            if builtinModes.contains(first.network) {
                throw .refused("network-scoped aliases are only supported for user-defined networks")
            }
            first.aliases = aliases
        }
        let ipText = flags.string("ip")
        if !ipText.isEmpty {
            if first.ipv4Address != nil || first.ipv4Text != nil {
                throw .refused("conflicting options: cannot specify both --ip and per-network IPv4 address")
            }
            // The daemon validates the address (EndpointValidation), so a malformed one is kept as typed.
            if let ip = IPv4Address(ipText) { first.ipv4Address = ip } else { first.ipv4Text = ipText }
        }
        let mac = flags.string("mac-address")
        if !mac.isEmpty {
            guard let m = MACAddress(mac) else {
                throw .refused("invalid argument \"\(mac)\" for \"--mac-address\" flag: \(mac) is not a valid mac address")
            }
            first.macAddress = m
        }
        let ip6Text = flags.string("ip6")
        if !ip6Text.isEmpty {
            if first.ipv6Text != nil { throw .refused("conflicting options: cannot specify both --ip6 and per-network IPv6 address") }
            first.ipv6Text = ip6Text
        }
    }
}

extension String {
    func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let i = firstIndex(of: target) else { return self }
        return String(self[..<i]) + replacement + String(self[index(after: i)...])
    }
}
