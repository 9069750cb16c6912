extension Engine {
    static func isValidContainerName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        guard alnum(first) else { return false }
        return bytes.dropFirst().allSatisfy { alnum($0) || $0 == 95 || $0 == 46 || $0 == 45 }
    }

    /// `POST /containers/create`.
    public mutating func createContainer(_ request: ContainerCreateRequest) -> Result<Container, EngineError> {
        tick(milliseconds: 60)
        guard let image = ImageCatalogue.find(request.image) else {
            return .failure(EngineError(.notFound, "No such image: \(request.image)"))
        }
        var mode = request.networkMode
        if mode == "default" || mode.isEmpty { mode = "bridge" }
        if let name = request.name {
            let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
            if !Self.isValidContainerName(bare) {
                return .failure(EngineError(.invalidParameter, "Invalid container name (\(name)), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"))
            }
        }
        // HostConfig checks (runconfig/hostconfig.go).
        if mode.hasPrefix("container:") {
            if request.hostname != nil { return .failure(EngineError(.invalidParameter, "conflicting options: hostname and the network mode")) }
            if !request.links.isEmpty { return .failure(EngineError(.invalidParameter, "conflicting options: container type network can't be used with links. This would result in undefined behavior")) }
            if !request.dns.isEmpty { return .failure(EngineError(.invalidParameter, "conflicting options: dns and the network mode")) }
            if !request.extraHosts.isEmpty { return .failure(EngineError(.invalidParameter, "conflicting options: custom host-to-IP mapping and the network mode")) }
            if !request.portBindings.isEmpty || request.publishAll { return .failure(EngineError(.invalidParameter, "conflicting options: port publishing and the container type network mode")) }
            if !request.exposedPorts.isEmpty { return .failure(EngineError(.invalidParameter, "conflicting options: port exposing and the container type network mode")) }
            return .failure(EngineError(.notSimulated, "--network container:<name> is not simulated yet"))
        }
        if mode == "host" && !request.links.isEmpty {
            return .failure(EngineError(.invalidParameter, "conflicting options: host type networking can't be used with links. This would result in undefined behavior"))
        }
        // Endpoint settings checks (moby v28.2.2 daemon/create.go validateNetworkingConfig).
        var invalid: [String] = []
        for attachment in request.attachments {
            let netName = attachment.network == "default" ? "bridge" : attachment.network
            let errs = EndpointValidation.errors(network: findNetworkQuiet(netName), name: netName, settings: attachment)
            if let m = EndpointValidation.message(errs) { invalid.append("invalid config for network \(netName): \(m)") }
        }
        if invalid.count == 1 { return .failure(EngineError(.invalidParameter, invalid[0])) }
        if invalid.count > 1 {
            return .failure(EngineError(.invalidParameter, "* " + invalid.map { $0.replacing("\n", with: "\n\t") }.joined(separator: "\n* ")))
        }
        if let e = checkMounts(request.mounts) { return .failure(e) }
        let id = newID()
        let name = request.name.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 } ?? generatedName()
        if let existing = containerIDByName[name] {
            return .failure(EngineError(.conflict, "Conflict. The container name \"/\(name)\" is already in use by container \"\(existing)\". You have to remove (or rename) that container to be able to reuse that name."))
        }
        // Legacy links on a network that is not user-defined (moby v28.2.2 daemon/daemon_unix.go
        // registerLinks): the linked container must exist and must not use the host's network.
        if Self.isPredefinedName(mode) {
            for link in request.links {
                let child = Self.linkTarget(link).name
                switch findContainer(child) {
                case .failure(let e):
                    return .failure(EngineError(.invalidParameter, "could not get container for \(child): \(e.message)"))
                case .success(let target) where target.networkMode == "host":
                    return .failure(EngineError(.invalidParameter, "conflicting options: host type networking can't be used with links. This would result in undefined behavior"))
                default: break
                }
            }
        }
        let entrypoint = request.entrypoint ?? image.entrypoint
        let cmd = request.cmd ?? (request.entrypoint != nil ? [] : image.cmd)
        let argv = entrypoint + cmd
        var exposed = Set(image.exposedPorts.compactMap { ContainerPort($0) })
        exposed.formUnion(request.exposedPorts)
        exposed.formUnion(request.portBindings.keys)
        var attachments = request.attachments
        if attachments.isEmpty || mode == "host" || mode == "none" || mode == "bridge" {
            if attachments.isEmpty { attachments = [NetworkAttachment(network: mode)] }
        }
        for i in attachments.indices where attachments[i].network == "default" { attachments[i].network = "bridge" }
        let hostname: String
        if mode == "host" { hostname = host.hostname } else { hostname = request.hostname ?? String(id.prefix(12)) }
        var env = request.env
        if !env.contains(where: { $0.hasPrefix("PATH=") }) {
            env.insert("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", at: 0)
        }
        var container = Container(
            id: id, name: name, image: image, imageReference: request.image, created: clock,
            path: argv.first ?? "", args: Array(argv.dropFirst()), cmdOverridden: request.cmd != nil || request.entrypoint != nil,
            env: env, hostname: hostname, domainname: request.domainname, tty: request.tty,
            openStdin: request.openStdin, autoRemove: request.autoRemove, labels: request.labels,
            networkMode: mode, attachments: attachments, exposedPorts: exposed.sorted(),
            portBindings: mode == "host" ? [:] : request.portBindings, publishAll: request.publishAll,
            dns: request.dns, dnsSearch: request.dnsSearch, dnsOptions: request.dnsOptions,
            extraHosts: request.extraHosts, links: request.links)
        container.sysctls = request.sysctls
        // The image's `VOLUME`s join `Config.Volumes` (moby v28.2.2 daemon/commit.go `merge`); each one
        // nothing is mounted on gets an anonymous volume (daemon/create_unix.go
        // `createContainerOSSpecificSettings`), as `-v /path` would.
        var mounts = request.mounts
        for path in image.volumes where !mounts.contains(where: { (FilePath.resolve($0.destination, in: "/") ?? $0.destination) == path }) {
            mounts.append(Mount(kind: .volume, source: "", destination: path))
        }
        container.mounts = prepareMounts(mounts, image: image)
        containers[id] = container
        creationSequence[id] = nextSequence
        nextSequence += 1
        containerIDByName[name] = id
        if mode == "host" { hostNetworkContainers.insert(id) }
        return .success(container)
    }

    /// `name[:alias]` of a `--link` (opts.ParseLink): the container and the alias (its name by default).
    static func linkTarget(_ link: String) -> (name: String, alias: String) {
        let parts = link.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts.first.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 } ?? link
        return (name, parts.count > 1 ? parts[1] : name)
    }

    /// The containers a container on the default bridge links to, with their aliases (removed ones are gone).
    public func legacyLinkChildren(of c: Container) -> [(Container, String)] {
        guard c.attachments.contains(where: { $0.network == "bridge" }) else { return [] }
        return c.links.compactMap { link in
            let (name, alias) = Self.linkTarget(link)
            guard let child = findContainer(name).successValue else { return nil }
            return (child, alias)
        }
    }

    func findNetworkQuiet(_ term: String) -> Network? {
        if case .success(let n) = findNetwork(term) { return n }
        return nil
    }

    /// Docker's generated names are `adjective_surname`; drawn from the seed.
    mutating func generatedName() -> String {
        let left = ["admiring", "brave", "clever", "dazzling", "eager", "focused", "gallant", "happy", "jolly",
                    "keen", "loving", "modest", "nifty", "optimistic", "peaceful", "quirky", "relaxed", "serene",
                    "tender", "upbeat", "vibrant", "wizardly", "youthful", "zealous"]
        let right = ["albattani", "bohr", "curie", "darwin", "einstein", "fermi", "galileo", "hopper", "johnson",
                     "kepler", "lovelace", "meitner", "newton", "noether", "pascal", "ritchie", "shannon", "tesla",
                     "turing", "volhard", "wozniak", "yalow", "zhukovsky"]
        while true {
            let l = left[Int(rng.next() % UInt64(left.count))]
            let r = right[Int(rng.next() % UInt64(right.count))]
            let name = "\(l)_\(r)"
            if containerIDByName[name] == nil { return name }
            let suffixed = name + String(rng.next() % 10)
            if containerIDByName[suffixed] == nil { return suffixed }
        }
    }

    /// `POST /containers/{id}/start`. Returns the process plan so the command
    /// layer can run a one-shot command's output. A container with AutoRemove that
    /// fails to start is removed, as moby v28.2.2 daemon/start.go does.
    public mutating func startContainer(_ term: String) -> Result<ProcessPlan, EngineError> {
        let result = startContainerOnce(term)
        if case .failure = result, case .success(let c) = findContainer(term), c.autoRemove, !c.isRunning {
            deleteContainer(c)
        }
        return result
    }

    mutating func startContainerOnce(_ term: String) -> Result<ProcessPlan, EngineError> {
        tick(milliseconds: 300)
        var c: Container
        switch findContainer(term) {
        case .success(let found): c = found
        case .failure(let e): return .failure(e)
        }
        if c.isRunning { return .success(.runsUntilStopped) }
        var plan = ProcessPlan.plan(for: c)
        // A host-network server binds the host's ports itself; a port already taken makes it exit,
        // as nginx does with "bind() … failed (98: Address already in use)".
        if c.sharesHostNetwork, case .runsUntilStopped = plan, !c.cmdOverridden,
           c.image.services.contains(where: { hostPortInUse(port: $0.port, proto: $0.proto, except: c.id) }) {
            plan = .exitsAtOnce(code: 1)
        }
        if case .notFound(let program) = plan {
            // moby v28.2.2 daemon/errors.go translateContainerdStartErr: an invalid configuration, exit status 127.
            return .failure(EngineError(.invalidParameter, "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: \"\(program)\": executable file not found in $PATH: unknown", exitStatus: 127))
        }
        // Resolve the networks first: a missing one fails before anything changes.
        var resolved: [(NetworkAttachment, Network)] = []
        for attachment in c.attachments {
            switch networkToAttach(attachment.networkID ?? attachment.network, for: c) {
            case .success(let n): resolved.append((attachment, n))
            case .failure(let e): return .failure(e)
            case nil:
                return .failure(EngineError(.notFound, "failed to set up container networking: network \(attachment.network) not found"))
            }
        }
        let before = c
        let sandboxID = newID()
        sandboxes[sandboxID] = Sandbox(id: sandboxID, containerID: c.id)
        c.sandboxID = sandboxID
        c.endpoints = [:]
        containers[c.id] = c
        /// Undoes a half-done start: endpoints, addresses and the sandbox go; the container is as before.
        func rollBack(_ e: EngineError) -> Result<ProcessPlan, EngineError> {
            if var partial = containers[before.id] { teardownNetworking(&partial) }
            containers[before.id] = before
            noteContainerChanged(before.id)
            return .failure(EngineError(e.kind, "failed to set up container networking: " + e.message))
        }
        for (attachment, network) in resolved {
            if case .failure(let e) = join(containerID: c.id, network: network, attachment: attachment) {
                return rollBack(e)
            }
        }
        if let failure = GatewayBridge.joinIfNeeded(containerID: c.id, engine: &self) {
            return rollBack(failure)
        }
        // addLegacyLinks (moby v28.2.2 daemon/container_operations_unix.go line 87): every linked
        // container must be configured on the default bridge.
        let linkChildren = legacyLinkChildren(of: c)
        for (child, _) in linkChildren where !child.attachments.contains(where: { $0.network == "bridge" }) {
            return rollBack(EngineError(.system, "Cannot link to /\(child.name), as it does not belong to the default network"))
        }
        // setupLinkedContainers (line 41), when the container's spec is made: linked containers must run.
        if let (child, alias) = linkChildren.first(where: { !$0.0.isRunning }) {
            if var partial = containers[before.id] { teardownNetworking(&partial) }
            containers[before.id] = before
            return .failure(EngineError(.system, "Cannot link to a non running container: /\(child.name) AS /\(c.name)/\(alias)"))
        }
        addLegacyLinks(containerID: c.id)
        if var joined = containers[c.id] {
            joined.startLinkEnvironment = legacyLinkEnvironment(of: joined).successValue ?? []
            containers[c.id] = joined
        }
        if let failure = programPorts(containerID: c.id) {
            return rollBack(failure)
        }
        guard var started = containers[c.id] else { return .failure(EngineError(.system, "container vanished")) }
        started.state = .running
        started.startedAt = clock
        started.finishedAt = nil
        var startLines = ImageLogs.startup(started, plan: plan, at: clock, host: host)
        containers[c.id] = started
        // A proxy reads its configuration now, from inside the running container (Engine+ProxyLoad).
        if case .runsUntilStopped = plan, let software = Self.proxySoftware(of: started) {
            let (lines, exits) = startProxy(started, software: software, startLines: startLines)
            startLines = lines
            if exits { plan = .exitsAtOnce(code: 1) }
            started = containers[c.id] ?? started
        }
        started.logs += startLines
        containers[c.id] = started
        noteContainerChanged(c.id)
        switch plan {
        case .exitsAtOnce(let code):
            tick(milliseconds: 20)
            processExited(started.id, code: code)
        case .runsFor(let seconds):
            let until = clock.adding(nanoseconds: seconds * 1_000_000_000)
            runUntil[started.id] = until
            views.exitQueue.insert(ExitQueue.Entry(until: until, id: started.id))
            views.pendingExitBound = min(views.pendingExitBound ?? until, until)
        default:
            break
        }
        return .success(plan)
    }

    /// The main process ended by itself with `code`.
    public mutating func processExited(_ id: String, code: Int) {
        guard var c = containers[id], c.isRunning else { return }
        teardownNetworking(&c)
        c.state = .exited(code: code)
        c.finishedAt = clock
        containers[id] = c
        setProxyConfig(nil, forContainer: id)
        noteContainerChanged(id)
        runUntil.removeValue(forKey: id)
        if c.autoRemove { deleteContainer(c) }
    }

    /// Ends the `sleep N` processes whose time is up, earliest first (by ID among equal times, so
    /// that the order never depends on a dictionary's). `views.pendingExitBound` (no process ends
    /// before it) spares any work while the clock has not reached it; then only the due processes
    /// leave `views.exitQueue`, so reaping costs O(log n) per process, not a sort of all of them.
    mutating func reapFinishedProcesses() {
        guard let bound = views.pendingExitBound, bound <= clock else { return }
        var due: [ExitQueue.Entry] = []
        while let top = views.exitQueue.first, top.until <= clock {
            views.exitQueue.removeFirst()
            if runUntil[top.id] == top.until { due.append(top) }
        }
        // Checked again as each one ends: an entry may have been queued twice for the same time.
        for process in due where runUntil[process.id] == process.until { processExited(process.id, code: 0) }
        while let top = views.exitQueue.first, runUntil[top.id] != top.until { views.exitQueue.removeFirst() }
        views.pendingExitBound = views.exitQueue.first?.until
    }

    /// `POST /containers/{id}/stop`.
    public mutating func stopContainer(_ term: String) -> Result<Container, EngineError> {
        switch findContainer(term) {
        case .failure(let e): return .failure(e)
        case .success(let c):
            guard c.isRunning else { return .success(c) }
            let (code, waited) = ProcessPlan.stopExitCode(for: c)
            advance(seconds: waited)
            tick(milliseconds: 200)
            processExited(c.id, code: code)
            return .success(containers[c.id] ?? c)
        }
    }

    /// `DELETE /containers/{id}`.
    public mutating func removeContainer(_ term: String, force: Bool) -> Result<Container, EngineError> {
        tick(milliseconds: 50)
        switch findContainer(term) {
        case .failure(let e): return .failure(e)
        case .success(var c):
            if c.isRunning {
                guard force else {
                    return .failure(EngineError(.conflict, "cannot remove container \(GoQuote.quote(term)): container is running: stop the container before removing or force remove"))
                }
                teardownNetworking(&c)
                c.state = .exited(code: 137)
                containers[c.id] = c
                noteContainerChanged(c.id)
                runUntil.removeValue(forKey: c.id)
            }
            deleteContainer(c)
            return .success(c)
        }
    }

    mutating func deleteContainer(_ c: Container) {
        noteContainerChanged(c.id)
        containers.removeValue(forKey: c.id)
        views.haproxies.remove(c.id)
        creationSequence.removeValue(forKey: c.id)
        hostNetworkContainers.remove(c.id)
        containerIDByName.removeValue(forKey: c.name)
        if c.autoRemove { removeAnonymousVolumes(of: c) }
    }
}
