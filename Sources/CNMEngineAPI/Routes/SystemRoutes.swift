import CNMCommands
import CNMSim

/// `/_ping`, `/version`, `/info`, `/events` (moby v28.2.2 api/server/router/system/system_routes.go).
extension Router {
    /// Every docker CLI command starts with `HEAD /_ping`: the simulated clock moves on
    /// as it does between two typed lines.
    func ping(_ request: APIRequest) -> APIResponse {
        state.clientCommandStarted()
        change { s in s.clientCommandStarted() }
        return .full(status: HTTPStatus.ok, contentType: "text/plain; charset=utf-8", body: Array("OK".utf8))
    }

    func version() -> APIResponse {
        let kernel = Self.kernelVersion
        let details = JSONText.object([
            ("ApiVersion", JSONText.quote(EngineVersion.api)), ("Arch", JSONText.quote("amd64")),
            ("BuildTime", JSONText.quote(Self.buildTime)), ("Experimental", JSONText.quote("false")),
            ("GitCommit", JSONText.quote(Self.gitCommit)), ("GoVersion", JSONText.quote(Self.goVersion)),
            ("KernelVersion", JSONText.quote(kernel)), ("MinAPIVersion", JSONText.quote(EngineVersion.minAPI)),
            ("Os", JSONText.quote("linux")),
        ])
        func component(_ name: String, _ version: String, _ commit: String) -> String {
            JSONText.object([("Name", JSONText.quote(name)), ("Version", JSONText.quote(version)),
                             ("Details", JSONText.object([("GitCommit", JSONText.quote(commit))]))])
        }
        let components = JSONText.array([
            JSONText.object([("Name", JSONText.quote("Engine")), ("Version", JSONText.quote(EngineVersion.engine)), ("Details", details)]),
            component("containerd", "1.7.27", "05044ec0a9a75232cad458027ca83437aae3f4da"),
            component("runc", "1.2.5", "v1.2.5-0-g59923ef"),
            component("docker-init", "0.19.0", "de40ad0"),
        ])
        // moby v28.2.2 api/types/types.go `Version`.
        return .json(HTTPStatus.ok, JSONText.object([
            ("Platform", JSONText.object([("Name", JSONText.quote("Docker Engine - Community"))])),
            ("Components", components),
            ("Version", JSONText.quote(EngineVersion.engine)), ("ApiVersion", JSONText.quote(EngineVersion.api)),
            ("MinAPIVersion", JSONText.quote(EngineVersion.minAPI)), ("GitCommit", JSONText.quote(Self.gitCommit)),
            ("GoVersion", JSONText.quote(Self.goVersion)), ("Os", JSONText.quote("linux")), ("Arch", JSONText.quote("amd64")),
            ("KernelVersion", JSONText.quote(kernel)), ("BuildTime", JSONText.quote(Self.buildTime)),
        ]))
    }

    /// The kernel of the Debian 12 host cnmlab simulates (cnmlab models no kernel version of its own).
    static let kernelVersion = "6.1.0-37-amd64"
    /// The docker-ce 28.2.2 engine build (its `docker version` output).
    static let gitCommit = "45873be", goVersion = "go1.24.3", buildTime = "2025-05-30T12:07:26.000000000+00:00"

    func info() -> APIResponse {
        read { sim in
            let e = sim.engine
            let all = e.allContainers
            let running = all.filter(\.isRunning).count
            let swarmState = e.swarmNodeID == nil ? "inactive" : "active"
            let swarm = JSONText.object([
                ("NodeID", JSONText.quote(e.swarmNodeID ?? "")),
                ("NodeAddr", JSONText.quote(e.swarmNodeID == nil ? "" : e.host.address.description)),
                ("LocalNodeState", JSONText.quote(swarmState)),
                ("ControlAvailable", String(e.swarm.map { s in s.nodes.contains { $0.id == e.swarmNodeID && $0.role == .manager } } ?? false)),
                ("Error", JSONText.quote("")), ("RemoteManagers", "null"),
            ])
            // moby v28.2.2 api/types/system/info.go `Info`, the fields `docker info` prints.
            return .json(HTTPStatus.ok, JSONText.object([
                ("ID", JSONText.quote(Self.daemonID(e))),
                ("Containers", String(all.count)), ("ContainersRunning", String(running)),
                ("ContainersPaused", "0"), ("ContainersStopped", String(all.count - running)),
                ("Images", String(ImageCatalogue.all.count)), ("Driver", JSONText.quote("overlay2")),
                ("DriverStatus", "[[\"Backing Filesystem\",\"extfs\"],[\"Supports d_type\",\"true\"],[\"Using metacopy\",\"false\"],[\"Native Overlay Diff\",\"true\"],[\"userxattr\",\"false\"]]"),
                ("Plugins", JSONText.object([
                    ("Volume", JSONText.strings(["local"])),
                    ("Network", JSONText.strings(["bridge", "host", "ipvlan", "macvlan", "null", "overlay"])),
                    ("Authorization", "null"),
                    ("Log", JSONText.strings(["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"])),
                ])),
                ("MemoryLimit", "true"), ("SwapLimit", "true"), ("CpuCfsPeriod", "true"), ("CpuCfsQuota", "true"),
                ("CPUShares", "true"), ("CPUSet", "true"), ("PidsLimit", "true"), ("IPv4Forwarding", "true"),
                ("Debug", "false"), ("NFd", "0"), ("OomKillDisable", "false"), ("NGoroutines", "0"),
                ("SystemTime", JSONText.quote(e.clock.rfc3339Nano)), ("LoggingDriver", JSONText.quote("json-file")),
                ("CgroupDriver", JSONText.quote("systemd")), ("CgroupVersion", JSONText.quote("2")),
                ("NEventsListener", "0"), ("KernelVersion", JSONText.quote(Self.kernelVersion)),
                ("OperatingSystem", JSONText.quote("Debian GNU/Linux 12 (bookworm)")), ("OSVersion", JSONText.quote("12")),
                ("OSType", JSONText.quote("linux")), ("Architecture", JSONText.quote("x86_64")),
                ("IndexServerAddress", JSONText.quote("https://index.docker.io/v1/")),
                ("RegistryConfig", JSONText.object([
                    ("IndexConfigs", JSONText.object([("docker.io", JSONText.object([
                        ("Name", JSONText.quote("docker.io")), ("Mirrors", "[]"), ("Secure", "true"), ("Official", "true"),
                    ]))])),
                    ("InsecureRegistryCIDRs", JSONText.strings(["::1/128", "127.0.0.0/8"])), ("Mirrors", "null"),
                ])),
                ("NCPU", "2"), ("MemTotal", "0"), ("GenericResources", "null"),
                ("DockerRootDir", JSONText.quote("/var/lib/docker")), ("HttpProxy", JSONText.quote("")),
                ("HttpsProxy", JSONText.quote("")), ("NoProxy", JSONText.quote("")), ("Name", JSONText.quote(e.host.hostname)),
                ("Labels", "[]"), ("ExperimentalBuild", "false"), ("ServerVersion", JSONText.quote(EngineVersion.engine)),
                ("Runtimes", JSONText.object([
                    ("io.containerd.runc.v2", JSONText.object([("path", JSONText.quote("runc")), ("status", JSONText.object([("org.opencontainers.runtime-spec.features", JSONText.quote("{}"))]))])),
                    ("runc", JSONText.object([("path", JSONText.quote("runc")), ("status", JSONText.object([("org.opencontainers.runtime-spec.features", JSONText.quote("{}"))]))])),
                ])),
                ("DefaultRuntime", JSONText.quote("runc")), ("Swarm", swarm), ("LiveRestoreEnabled", "false"),
                ("Isolation", JSONText.quote("")), ("InitBinary", JSONText.quote("docker-init")),
                ("ContainerdCommit", JSONText.object([("ID", JSONText.quote("05044ec0a9a75232cad458027ca83437aae3f4da"))])),
                ("RuncCommit", JSONText.object([("ID", JSONText.quote("v1.2.5-0-g59923ef"))])),
                ("InitCommit", JSONText.object([("ID", JSONText.quote("de40ad0"))])),
                ("SecurityOptions", JSONText.strings(["name=seccomp,profile=builtin", "name=cgroupns"])),
                ("CDISpecDirs", JSONText.strings(["/etc/cdi", "/var/run/cdi"])), ("Warnings", "null"),
            ]))
        }
    }

    /// A daemon ID in moby's UUID form, derived from the host's first network ID (seeded, stable).
    static func daemonID(_ e: Engine) -> String {
        let hex = Array((e.network(named: "bridge")?.id ?? String(repeating: "0", count: 64)).prefix(32))
        func part(_ a: Int, _ b: Int) -> String { String(hex[a..<b]) }
        return [part(0, 8), part(8, 12), part(12, 16), part(16, 20), part(20, 32)].joined(separator: "-")
    }

    /// `GET /events?since=&until=&filters=`: past events from `since`, then live ones until `until` or the client leaves.
    func events(_ request: APIRequest) -> APIResponse {
        let filters: [String: [String]]
        switch self.filters(request) {
        case .failure(let e): return e.response
        case .success(let f): filters = f
        }
        func timestamp(_ name: String) -> Result<Int64?, APIError> {
            guard let raw = request.query(name), !raw.isEmpty else { return .success(nil) }
            // moby v28.2.2 api/types/time/timestamp.go: seconds[.nanoseconds].
            let parts = raw.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let seconds = Int64(parts[0]) else {
                return .failure(APIError(HTTPStatus.badRequest, "invalid value for \(name): \(raw)"))
            }
            var nanos: Int64 = 0
            if parts.count > 1 {
                let digits = String(parts[1].prefix(9)).padding(toLength: 9)
                nanos = Int64(digits) ?? 0
            }
            return .success(seconds * 1_000_000_000 + nanos)
        }
        let since: Int64?, until: Int64?
        switch (timestamp("since"), timestamp("until")) {
        case (.failure(let e), _), (_, .failure(let e)): return e.response
        case (.success(let s), .success(let u)): since = s; until = u
        }
        let stream = ByteStream()
        let now = read { $0.engine.clock.nanoseconds }
        state.events.subscribe(stream, filters: filters, since: since, until: until, now: now)
        return .stream(status: HTTPStatus.ok, contentType: "application/json", stream)
    }
}

extension String {
    func padding(toLength n: Int) -> String {
        count >= n ? self : self + String(repeating: "0", count: n - count)
    }
}
