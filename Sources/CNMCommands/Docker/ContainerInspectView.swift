import CNMSim

/// The value `docker inspect <container>` prints for a simulated container:
/// moby's `container.InspectResponse` at v28.2.2 (API 1.50), built as a
/// `TemplateValue` so both the indented JSON and `--format` templates read it.
///
/// Struct field order is Go's JSON key order and `omitempty` is honoured.
/// Go's embedded structs (`*ContainerJSONBase`, `NetworkSettingsBase`,
/// `DefaultNetworkSettings`, `Resources`) are flattened, as `encoding/json`
/// flattens them. Fields are named by their JSON key (`Id`, `Dns`,
/// `CpuShares`…), the spelling docker users write and which real docker
/// accepts through its raw-JSON template fallback (same convention as
/// `NetworkInspectView`).
///
/// What cnmlab does not model is shown as a fresh `docker run` of the image
/// with default flags on a cgroup-v2 host with overlay2 and no AppArmor shows
/// it: no mounts, no exec sessions, default HostConfig (moby v28.2.2 daemon/inspect.go,
/// api/types/container/network_settings.go).
enum ContainerInspectView {
    /// The whole inspect object.
    ///
    /// - Parameter attached: whether the container was created by an attached
    ///   `docker run`/`docker create` (no `-d`): the CLI then sets
    ///   `AttachStdout`/`AttachStderr` (and `AttachStdin`/`StdinOnce` with
    ///   `-i`). The model does not record it, so the default is the detached
    ///   `docker run -d` form (all false).
    static func value(for c: Container, engine: Engine, attached: Bool = false) -> TemplateValue {
        let everStarted = c.startedAt != nil
        let containerDir = "/var/lib/docker/containers/" + c.id
        return .structure(TemplateStruct(typeName: "container.InspectResponse", fields: [
            // ContainerJSONBase
            TemplateField("Id", .string(c.id)),
            TemplateField("Created", .string(c.created.rfc3339Nano)),
            TemplateField("Path", .string(c.path)),
            TemplateField("Args", .list(c.args.map { .string($0) })),
            TemplateField("State", state(c, engine: engine)),
            TemplateField("Image", .string(c.image.id)),
            // Set when the container first starts (daemon initializeNetworking /
            // setupPathsAndSandboxOptions / StartLogger), kept after it stops.
            TemplateField("ResolvConfPath", .string(everStarted ? containerDir + "/resolv.conf" : "")),
            TemplateField("HostnamePath", .string(everStarted ? containerDir + "/hostname" : "")),
            TemplateField("HostsPath", .string(everStarted ? containerDir + "/hosts" : "")),
            TemplateField("LogPath", .string(everStarted ? containerDir + "/" + c.id + "-json.log" : "")),
            TemplateField("Name", .string("/" + c.name)),
            TemplateField("RestartCount", .int(Int64(c.restartCount))),
            TemplateField("Driver", .string("overlay2")),
            TemplateField("Platform", .string("linux")),
            TemplateField("MountLabel", .string("")),
            TemplateField("ProcessLabel", .string("")),
            // "docker-default" only on AppArmor hosts; the simulated host has none.
            TemplateField("AppArmorProfile", .string("")),
            TemplateField("ExecIDs", .nilList),
            TemplateField("HostConfig", hostConfig(c)),
            TemplateField("GraphDriver", graphDriver(c)),
            TemplateField("SizeRw", .null, omitEmpty: true),
            TemplateField("SizeRootFs", .null, omitEmpty: true),
            // InspectResponse
            TemplateField("Mounts", MountInspectView.mounts(c)),
            TemplateField("Config", config(c, attached: attached)),
            TemplateField("NetworkSettings", networkSettings(c, engine: engine)),
            TemplateField("ImageManifestDescriptor", .null, omitEmpty: true),
        ]))
    }

    // MARK: State

    /// Go's zero `time.Time` formatted with RFC3339Nano.
    static let zeroTime = "0001-01-01T00:00:00Z"

    static func state(_ c: Container, engine: Engine) -> TemplateValue {
        var exitCode = 0
        if case .exited(let code) = c.state { exitCode = code }
        var pid = 0
        if c.isRunning {
            // cnmlab has no real processes: a running container's PID is a
            // deterministic stand-in, 2000 + 111 × its position in creation order
            // (so it is stable across replays and differs between containers).
            let mine = engine.creationIndex(of: c.id)
            let position = engine.containers.values.reduce(0) { $0 + (engine.creationIndex(of: $1.id) < mine ? 1 : 0) }
            pid = 2000 + 111 * position
        }
        return .structure(TemplateStruct(typeName: "container.State", fields: [
            TemplateField("Status", .string(c.state.status)),
            TemplateField("Running", .bool(c.isRunning)),
            TemplateField("Paused", .bool(false)),
            TemplateField("Restarting", .bool(false)),
            TemplateField("OOMKilled", .bool(false)),
            TemplateField("Dead", .bool(false)),
            TemplateField("Pid", .int(Int64(pid))),
            TemplateField("ExitCode", .int(Int64(exitCode))),
            TemplateField("Error", .string("")),
            TemplateField("StartedAt", .string(c.startedAt?.rfc3339Nano ?? zeroTime)),
            TemplateField("FinishedAt", .string(c.finishedAt?.rfc3339Nano ?? zeroTime)),
            TemplateField("Health", .null, omitEmpty: true),
        ]))
    }

    // MARK: HostConfig

    static func strings(_ items: [String]) -> TemplateValue { .list(items.map { .string($0) }) }

    /// A CLI `ListOpts.GetSlice()` value: nil (JSON `null`) when no flag was given.
    static func stringsOrNil(_ items: [String]) -> TemplateValue { items.isEmpty ? .nilList : strings(items) }

    static func portBinding(hostIP: String, hostPort: String) -> TemplateValue {
        .structure(TemplateStruct(typeName: "nat.PortBinding", fields: [
            TemplateField("HostIp", .string(hostIP)),
            TemplateField("HostPort", .string(hostPort)),
        ]))
    }

    /// The `-p` requests (`nat.PortMap`, never nil from the CLI).
    static func requestedBindings(_ c: Container) -> TemplateValue {
        var m: [String: TemplateValue] = [:]
        for (port, bindings) in c.portBindings {
            m[port.description] = .list(bindings.map { portBinding(hostIP: $0.hostIP, hostPort: $0.hostPort) })
        }
        return .map(m, kind: portMapKind)
    }

    static let portMapKind = TemplateMapKind(goTypeName: "nat.PortMap", elementZero: .nilList)

    /// `HostConfig.Links` as the daemon rebuilds it from its link index:
    /// `/<child>:/<parent>/<alias>`.
    static func legacyLinks(_ c: Container) -> TemplateValue {
        stringsOrNil(c.links.map { link in
            let parts = link.split(separator: ":", maxSplits: 1).map(String.init)
            let child = parts.first ?? link
            let alias = parts.count > 1 ? parts[1] : child
            return "/\(child):/\(c.name)/\(alias)"
        })
    }

    /// The HostConfig of a container created by the 28.2 CLI with default flags,
    /// as the daemon completes it (runtime, shm size, IPC/cgroupns modes, OCI
    /// masked/read-only paths). On cgroup v2 the daemon drops MemorySwappiness,
    /// the API router turns PidsLimit 0 into nil, and OomKillDisable becomes false.
    static func hostConfig(_ c: Container) -> TemplateValue {
        let emptyList = TemplateValue.list([])
        return .structure(TemplateStruct(typeName: "container.HostConfig", fields: [
            TemplateField("Binds", MountInspectView.binds(c)),
            TemplateField("ContainerIDFile", .string("")),
            TemplateField("LogConfig", .structure(TemplateStruct(typeName: "container.LogConfig", fields: [
                TemplateField("Type", .string("json-file")),
                TemplateField("Config", .map([:], kind: .string)),
            ]))),
            TemplateField("NetworkMode", .string(c.networkMode)),
            TemplateField("PortBindings", requestedBindings(c)),
            TemplateField("RestartPolicy", .structure(TemplateStruct(typeName: "container.RestartPolicy", fields: [
                TemplateField("Name", .string("no")),
                TemplateField("MaximumRetryCount", .int(0)),
            ]))),
            TemplateField("AutoRemove", .bool(c.autoRemove)),
            TemplateField("VolumeDriver", .string("")),
            TemplateField("VolumesFrom", .nilList),
            // The CLI sends its terminal size; a CLI whose output is not a terminal sends 0×0.
            TemplateField("ConsoleSize", .list([.uint(0), .uint(0)])),
            TemplateField("Annotations", .nilStringMap, omitEmpty: true),
            TemplateField("CapAdd", .nilList),
            TemplateField("CapDrop", .nilList),
            TemplateField("CgroupnsMode", .string("private")),
            TemplateField("Dns", strings(c.dns)),
            TemplateField("DnsOptions", strings(c.dnsOptions)),
            TemplateField("DnsSearch", strings(c.dnsSearch)),
            TemplateField("ExtraHosts", stringsOrNil(c.extraHosts)),
            TemplateField("GroupAdd", .nilList),
            TemplateField("IpcMode", .string("private")),
            TemplateField("Cgroup", .string("")),
            TemplateField("Links", legacyLinks(c)),
            TemplateField("OomScoreAdj", .int(0)),
            TemplateField("PidMode", .string("")),
            TemplateField("Privileged", .bool(false)),
            TemplateField("PublishAllPorts", .bool(c.publishAll)),
            TemplateField("ReadonlyRootfs", .bool(false)),
            TemplateField("SecurityOpt", .nilList),
            TemplateField("StorageOpt", .nilStringMap, omitEmpty: true),
            TemplateField("Tmpfs", .nilStringMap, omitEmpty: true),
            TemplateField("UTSMode", .string("")),
            TemplateField("UsernsMode", .string("")),
            TemplateField("ShmSize", .int(67_108_864)),
            TemplateField("Sysctls", c.sysctls.isEmpty ? .nilStringMap : .stringMap(c.sysctls), omitEmpty: true),
            TemplateField("Runtime", .string("runc"), omitEmpty: true),
            TemplateField("Isolation", .string("")),
            // Resources (embedded)
            TemplateField("CpuShares", .int(0)),
            TemplateField("Memory", .int(0)),
            TemplateField("NanoCpus", .int(0)),
            TemplateField("CgroupParent", .string("")),
            TemplateField("BlkioWeight", .uint(0)),
            TemplateField("BlkioWeightDevice", emptyList),
            TemplateField("BlkioDeviceReadBps", emptyList),
            TemplateField("BlkioDeviceWriteBps", emptyList),
            TemplateField("BlkioDeviceReadIOps", emptyList),
            TemplateField("BlkioDeviceWriteIOps", emptyList),
            TemplateField("CpuPeriod", .int(0)),
            TemplateField("CpuQuota", .int(0)),
            TemplateField("CpuRealtimePeriod", .int(0)),
            TemplateField("CpuRealtimeRuntime", .int(0)),
            TemplateField("CpusetCpus", .string("")),
            TemplateField("CpusetMems", .string("")),
            TemplateField("Devices", emptyList),
            TemplateField("DeviceCgroupRules", .nilList),
            TemplateField("DeviceRequests", .nilList),
            TemplateField("KernelMemory", .int(0), omitEmpty: true),
            TemplateField("KernelMemoryTCP", .int(0), omitEmpty: true),
            TemplateField("MemoryReservation", .int(0)),
            TemplateField("MemorySwap", .int(0)),
            TemplateField("MemorySwappiness", .null),
            TemplateField("OomKillDisable", .bool(false)),
            TemplateField("PidsLimit", .null),
            TemplateField("Ulimits", emptyList),
            TemplateField("CpuCount", .int(0)),
            TemplateField("CpuPercent", .int(0)),
            TemplateField("IOMaximumIOps", .uint(0)),
            TemplateField("IOMaximumBandwidth", .uint(0)),
            // End of Resources
            TemplateField("Mounts", MountInspectView.hostConfigMounts(c), omitEmpty: true),
            // oci.DefaultSpec; real hosts may append per-CPU thermal_throttle paths,
            // which depend on the hardware and are left out.
            TemplateField("MaskedPaths", strings([
                "/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys",
                "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
                "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap",
            ])),
            TemplateField("ReadonlyPaths", strings([
                "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
            ])),
            TemplateField("Init", .null, omitEmpty: true),
        ]))
    }

    // MARK: GraphDriver

    /// overlay2 metadata. The real directories are named after the container's
    /// RW-layer ID and list every image layer; cnmlab models neither, so the
    /// paths are derived from the container ID (RW layer, its `-init` layer)
    /// and the image ID (one lower layer).
    static func graphDriver(_ c: Container) -> TemplateValue {
        let root = "/var/lib/docker/overlay2/"
        let imageLayer = c.image.id.hasPrefix("sha256:") ? String(c.image.id.dropFirst(7)) : c.image.id
        let data: [String: String] = [
            "LowerDir": root + c.id + "-init/diff:" + root + imageLayer + "/diff",
            "MergedDir": root + c.id + "/merged",
            "UpperDir": root + c.id + "/diff",
            "WorkDir": root + c.id + "/work",
        ]
        return .structure(TemplateStruct(typeName: "storage.DriverData", fields: [
            TemplateField("Data", .stringMap(data)),
            TemplateField("Name", .string("overlay2")),
        ]))
    }

    // MARK: Config

    /// Image ENV first, then the container's entries (same key replaces in place),
    /// as the daemon merges them.
    static func mergedEnv(_ c: Container) -> [String] { c.configEnv }

    /// Splits the stored argv back into `Entrypoint` and `Cmd`: the image's
    /// entrypoint is kept unless the argv no longer starts with it.
    static func entrypointAndCmd(_ c: Container) -> (entrypoint: [String], cmd: [String]) {
        let argv = c.path.isEmpty ? c.args : [c.path] + c.args
        if !c.cmdOverridden { return (c.image.entrypoint, c.image.cmd) }
        let ep = c.image.entrypoint
        if argv.starts(with: ep) { return (ep, Array(argv.dropFirst(ep.count))) }
        return (argv.first.map { [$0] } ?? [], Array(argv.dropFirst()))
    }

    static func config(_ c: Container, attached: Bool) -> TemplateValue {
        let (entrypoint, cmd) = entrypointAndCmd(c)
        var exposed: [String: TemplateValue] = [:]
        for p in c.exposedPorts {
            exposed[p.description] = .structure(TemplateStruct(typeName: "struct {}", fields: []))
        }
        // The MAC requested on the NetworkMode network (deprecated field, API < 1.44 users).
        let modeAttachment = c.attachments.first { $0.network == c.networkMode || $0.networkID == c.networkMode }
        let requestedMAC = modeAttachment?.macAddress?.description ?? ""
        let attachStdin = attached && c.openStdin
        return .structure(TemplateStruct(typeName: "container.Config", fields: [
            TemplateField("Hostname", .string(c.hostname)),
            TemplateField("Domainname", .string(c.domainname)),
            TemplateField("User", .string("")),
            TemplateField("AttachStdin", .bool(attachStdin)),
            TemplateField("AttachStdout", .bool(attached)),
            TemplateField("AttachStderr", .bool(attached)),
            TemplateField("ExposedPorts", .map(exposed, kind: TemplateMapKind(goTypeName: "nat.PortSet", elementZero: nil)),
                          omitEmpty: true),
            TemplateField("Tty", .bool(c.tty)),
            TemplateField("OpenStdin", .bool(c.openStdin)),
            TemplateField("StdinOnce", .bool(attachStdin)),
            TemplateField("Env", strings(mergedEnv(c))),
            TemplateField("Cmd", stringsOrNil(cmd)),
            TemplateField("Healthcheck", .null, omitEmpty: true),
            TemplateField("ArgsEscaped", .bool(false), omitEmpty: true),
            TemplateField("Image", .string(c.imageReference)),
            TemplateField("Volumes", MountInspectView.configVolumes(c)),
            TemplateField("WorkingDir", .string("")),
            TemplateField("Entrypoint", stringsOrNil(entrypoint)),
            TemplateField("NetworkDisabled", .bool(false), omitEmpty: true),
            TemplateField("MacAddress", .string(requestedMAC), omitEmpty: true),
            TemplateField("OnBuild", .nilList),
            TemplateField("Labels", .stringMap(c.labels)),
            TemplateField("StopSignal", .string(""), omitEmpty: true),
            TemplateField("StopTimeout", .null, omitEmpty: true),
            TemplateField("Shell", .nilList, omitEmpty: true),
        ]))
    }

    // MARK: NetworkSettings

    /// `EndpointSettings` values of one network entry.
    struct EndpointFields {
        var networkID = ""
        var endpointID = ""
        var gateway = ""
        var ipAddress = ""
        var prefixLength = 0
        var mac = ""
        var dnsNames: [String]? = nil
    }

    /// `buildEndpointDNSNames`: name, aliases, short ID, hostname, de-duplicated.
    static func dnsNames(_ c: Container, aliases: [String]) -> [String] {
        var out: [String] = []
        for n in [c.name] + aliases + [c.shortID, c.hostname] where !out.contains(n) { out.append(n) }
        return out
    }

    static func endpointSettings(_ a: NetworkAttachment, _ f: EndpointFields) -> TemplateValue {
        var ipam: TemplateValue = .null
        if let ip = a.ipv4Address {
            ipam = .structure(TemplateStruct(typeName: "network.EndpointIPAMConfig", fields: [
                TemplateField("IPv4Address", .string(ip.description), omitEmpty: true),
                TemplateField("IPv6Address", .string(""), omitEmpty: true),
                TemplateField("LinkLocalIPs", .nilList, omitEmpty: true),
            ]))
        }
        return .structure(TemplateStruct(typeName: "network.EndpointSettings", fields: [
            TemplateField("IPAMConfig", ipam),
            TemplateField("Links", stringsOrNil(a.links)),
            TemplateField("Aliases", stringsOrNil(a.aliases)),
            TemplateField("MacAddress", .string(f.mac)),
            TemplateField("DriverOpts", a.driverOpts.isEmpty ? .nilStringMap : .stringMap(a.driverOpts)),
            TemplateField("GwPriority", .int(Int64(a.gwPriority))),
            TemplateField("NetworkID", .string(f.networkID)),
            TemplateField("EndpointID", .string(f.endpointID)),
            TemplateField("Gateway", .string(f.gateway)),
            TemplateField("IPAddress", .string(f.ipAddress)),
            TemplateField("IPPrefixLen", .int(Int64(f.prefixLength))),
            TemplateField("IPv6Gateway", .string("")),
            TemplateField("GlobalIPv6Address", .string("")),
            TemplateField("GlobalIPv6PrefixLen", .int(0)),
            TemplateField("DNSNames", f.dnsNames.map(stringsOrNil) ?? .nilList),
        ]))
    }

    /// Per-network fields: live values from the endpoint while running; after a
    /// stop only NetworkID, DNSNames and the user's settings survive
    /// (`cleanOperationalData`); before the first start only the user's settings.
    static func networkEntries(_ c: Container, engine: Engine) -> [(name: String, fields: EndpointFields, attachment: NetworkAttachment)] {
        var out: [(String, EndpointFields, NetworkAttachment)] = []
        for a in c.attachments {
            let network = a.networkID.flatMap { engine.networks[$0] } ?? engine.network(named: a.network)
            let name = network?.name ?? a.network
            var f = EndpointFields()
            if let id = a.networkID {
                f.networkID = id
                if let n = network, n.isUserDefined { f.dnsNames = dnsNames(c, aliases: a.aliases) }
            } else {
                // Not started yet: only the MAC the user asked for.
                f.mac = a.macAddress?.description ?? ""
            }
            if c.isRunning, let n = network, let epID = c.endpoints[n.id], let ep = engine.endpoints[epID] {
                f.networkID = n.id
                f.endpointID = ep.id
                f.gateway = ep.gateway?.description ?? ""
                f.ipAddress = ep.ipv4?.description ?? ""
                f.prefixLength = ep.ipv4 == nil ? 0 : ep.prefixLength
                f.mac = ep.mac?.description ?? ""
                f.dnsNames = n.isUserDefined ? ep.dnsNames : nil
            }
            out.append((name, f, a))
        }
        return out
    }

    static func networkSettings(_ c: Container, engine: Engine) -> TemplateValue {
        let entries = networkEntries(c, engine: engine)
        var networks: [String: TemplateValue] = [:]
        for e in entries { networks[e.name] = endpointSettings(e.attachment, e.fields) }
        // DefaultNetworkSettings come only from the "bridge" network's entry.
        let bridge = entries.first { $0.name == "bridge" }?.fields ?? EndpointFields()

        var sandboxID = "", sandboxKey = ""
        var ports: [String: TemplateValue] = [:]
        if c.isRunning, let sid = c.sandboxID {
            sandboxID = sid
            sandboxKey = c.sharesHostNetwork ? "/var/run/docker/netns/default" : (engine.sandboxes[sid]?.key ?? "")
            if !c.sharesHostNetwork && c.networkMode != "none" && !engine.portMapIsEmptyForChildDrivers(c) {
                // Every exposed port appears; unpublished ones map to null (none on macvlan/ipvlan only).
                for p in c.exposedPorts {
                    let bindings = c.portMappings.filter { $0.containerPort == p }
                    ports[p.description] = bindings.isEmpty ? .nilList
                        : .list(bindings.map { portBinding(hostIP: $0.hostIP, hostPort: $0.hostPortText) })
                }
            }
        }
        return .structure(TemplateStruct(typeName: "container.NetworkSettings", fields: [
            // NetworkSettingsBase
            TemplateField("Bridge", .string("")),
            TemplateField("SandboxID", .string(sandboxID)),
            TemplateField("SandboxKey", .string(sandboxKey)),
            TemplateField("Ports", .map(ports, kind: portMapKind)),
            TemplateField("HairpinMode", .bool(false)),
            TemplateField("LinkLocalIPv6Address", .string("")),
            TemplateField("LinkLocalIPv6PrefixLen", .int(0)),
            TemplateField("SecondaryIPAddresses", .nilList),
            TemplateField("SecondaryIPv6Addresses", .nilList),
            // DefaultNetworkSettings
            TemplateField("EndpointID", .string(bridge.endpointID)),
            TemplateField("Gateway", .string(bridge.gateway)),
            TemplateField("GlobalIPv6Address", .string("")),
            TemplateField("GlobalIPv6PrefixLen", .int(0)),
            TemplateField("IPAddress", .string(bridge.ipAddress)),
            TemplateField("IPPrefixLen", .int(Int64(bridge.prefixLength))),
            TemplateField("IPv6Gateway", .string("")),
            TemplateField("MacAddress", .string(bridge.mac)),
            TemplateField("Networks", .map(networks, kind: TemplateMapKind(
                goTypeName: "map[string]*network.EndpointSettings", elementZero: .null))),
        ]))
    }
}
