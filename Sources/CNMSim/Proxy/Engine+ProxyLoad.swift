/// When a proxy container reads its configuration: as its main process starts (a refused file makes
/// it exit 1, its lines in `docker logs`), and when it reloads (`nginx -s reload`, a SIGHUP to nginx,
/// a SIGHUP or SIGUSR2 to HAProxy's master), which keeps the old configuration when the new one is
/// refused. Names are resolved from inside the container, through its own resolv.conf, /etc/hosts and
/// Docker's embedded DNS, at that moment only (unless `resolver` / `resolvers` say otherwise).
extension Engine {
    /// The proxy `c`'s main process runs, if any: the official nginx or haproxy image running its
    /// own program (`nginx -g 'daemon off;'`, `haproxy -f …`).
    public static func proxySoftware(of c: Container) -> ProxyConfig.Software? {
        let isEntrypointScript = !c.image.entrypoint.isEmpty && c.path == c.image.entrypoint.first
        let command = isEntrypointScript ? c.args : [c.path] + c.args
        guard let first = command.first else { return nil }
        let base = first.split(separator: "/").last.map(String.init) ?? first
        switch (c.image.repository, base) {
        case ("nginx", "nginx"): return .nginx
        case ("haproxy", "haproxy"): return .haproxy
        default: return nil
        }
    }

    /// The file the main process reads: nginx's `-c FILE`, HAProxy's `-f FILE`, or the default.
    public static func proxyConfigPath(of c: Container, software: ProxyConfig.Software) -> String {
        let args = c.args
        let flag = software == .nginx ? "-c" : "-f"
        if let k = args.firstIndex(of: flag), k + 1 < args.count { return args[k + 1] }
        return software == .nginx ? NginxConfigParser.defaultPath : HaproxyConfigParser.defaultPath
    }

    /// Reads `path` as `software` would now, from inside container `id`.
    public func readProxyConfig(_ software: ProxyConfig.Software, path: String, containerID id: String)
        -> Result<ProxyConfig, ProxyConfigError> {
        readProxyConfigWarning(software, path: path, containerID: id).result
    }

    /// `readProxyConfig` with the warnings the proxy prints while reading (nginx `[warn]` texts,
    /// HAProxy `[WARNING]` texts), which are not part of the loaded configuration.
    public func readProxyConfigWarning(_ software: ProxyConfig.Software, path: String, containerID id: String)
        -> (result: Result<ProxyConfig, ProxyConfigError>, warnings: [String]) {
        // The stock nginx files, unchanged and unmounted, always read the same way (they name no
        // host): read once, not at every start of every nginx container.
        if software == .nginx, path == NginxConfigParser.defaultPath, let c = containers[id], c.mounts.isEmpty,
           c.files.nodes.isEmpty, c.files.whiteouts.isEmpty {
            return (Self.stockNginx, [])
        }
        guard let view = files(at: .container(id)) else {
            return (.failure(ProxyConfigError(nginx: "open() \"\(path)\" failed (2: No such file or directory)")), [])
        }
        var world = self
        let resolve: (String) -> [IPv4Address]? = { name in NameResolution.resolve(name: name, from: id, engine: &world) }
        switch software {
        case .nginx:
            var parser = NginxConfigParser(files: view, resolve: resolve)
            let result = parser.parse(path: path)
            return (result, parser.warnings)
        case .haproxy:
            var parser = HaproxyConfigParser(files: view, resolve: resolve)
            let result = parser.parse(path: path)
            return (result, parser.warnings)
        }
    }

    /// The official images' own files (the same in every nginx tag cnmlab models: `ImageFiles`), as read.
    static let stockNginx: Result<ProxyConfig, ProxyConfigError> = {
        let files = LayeredFiles(lower: ImageFiles.tree(for: Image(repository: "nginx", cmd: [], tools: [], defaultProgram: "nginx")), upper: FileTree())
        var parser = NginxConfigParser(files: files) { _ in nil }
        return parser.parse()
    }()

    /// Loads the configuration of a proxy whose main process just started (the container is running
    /// and on its networks). Returns the lines to log, and whether the process exits (code 1).
    mutating func startProxy(_ c: Container, software: ProxyConfig.Software, startLines: [ContainerLogLine])
        -> (lines: [ContainerLogLine], exits: Bool) {
        let path = Self.proxyConfigPath(of: c, software: software)
        func err(_ text: String) -> ContainerLogLine { ContainerLogLine(time: clock, stream: .stderr, text: text) }
        let (result, warnings) = readProxyConfigWarning(software, path: path, containerID: c.id)
        // The entrypoint's own lines come first; nginx's warnings while it reads its files come
        // before its start-up notices (`ngx_init_cycle` parses, then `ngx_event_module_init` logs).
        let entrypoint = startLines.filter { $0.stream == .stdout }
        let nginxWarned = ProxyMessages.nginxWarnings(warnings, pid: 1, at: clock, alsoStderr: true).map(err)
        switch result {
        case .success(let config):
            if software == .haproxy && config.frontends.isEmpty {
                let line = ProxyMessages.haproxy("ALERT", pid: 1, "[haproxy.main()] No enabled listener found (check for 'bind' directives) ! Exiting.")
                return (ProxyMessages.haproxyWarnings(warnings, pid: 1).map(err) + [err(line)], true)
            }
            setProxyConfig(config, forContainer: c.id)
            if software == .haproxy {
                let lines = ProxyMessages.haproxyWarnings(warnings, pid: 1) + ProxyMessages.haproxyStarted(generation: 0)
                return (startLines + lines.map(err), false)
            }
            return (entrypoint + nginxWarned + startLines.filter { $0.stream != .stdout }, false)
        case .failure(let e):
            switch software {
            case .nginx:
                // nginx stops before its start-up notices.
                return (entrypoint + nginxWarned + ProxyMessages.nginxRefused(e, pid: 1, at: clock).map(err), true)
            case .haproxy:
                return (ProxyMessages.haproxyRefused(e, pid: 1, after: warnings).map(err), true)
            }
        }
    }

    /// How many reloads the running proxy `c` has made since it started (the next one's generation − 1).
    public static func proxyGeneration(_ c: Container, software: ProxyConfig.Software) -> Int {
        let since = c.startedAt
        let marker = software == .nginx ? "[notice] 1#1: start worker processes" : "Loading success."
        return c.logs.filter { line in (since.map { line.time >= $0 } ?? true) && line.text.hasSuffix(marker) }.count
    }

    /// Reloads the running proxy `id`: the master reads its file again; on success the new
    /// configuration replaces the old, on failure the old stays. `sender`: the PID of `nginx -s
    /// reload` inside the container (nil for a signal from outside, `docker kill -s HUP`).
    /// Returns the refusal, if any; nil when `id` is not a running proxy.
    @discardableResult
    public mutating func reloadProxy(_ id: String, sender: Int? = nil) -> Result<ProxyConfig, ProxyConfigError>? {
        guard let c = containers[id], c.isRunning, let software = Self.proxySoftware(of: c) else { return nil }
        let path = Self.proxyConfigPath(of: c, software: software)
        let (result, warnings) = readProxyConfigWarning(software, path: path, containerID: id)
        let generation = Self.proxyGeneration(c, software: software)
        let refused: ProxyConfigError? = { if case .failure(let e) = result { return e }; return nil }()
        let texts: [String]
        switch software {
        case .nginx:
            texts = ProxyMessages.nginxReload(from: sender, generation: generation, cpus: host.cpus,
                                              alpine: c.image.tag.contains("alpine"), at: clock, refused: refused,
                                              warnings: warnings)
        case .haproxy:
            texts = ProxyMessages.haproxyReload(generation: generation, refused: refused, warnings: warnings)
        }
        containers[id]?.logs += texts.map { ContainerLogLine(time: clock, stream: .stderr, text: $0) }
        if case .success(let config) = result { setProxyConfig(config, forContainer: id) }
        noteContainerChanged(id)
        return result
    }
}
