/// Legacy `--link` on the default bridge as moby v28.2.2 keeps it up to date
/// (daemon/container_operations_unix.go `addLegacyLinks`, `setupLinkedContainers`;
/// daemon/links/links.go `ToEnv`; libnetwork/etchosts/etchosts.go `Update`).
///
/// The linking container's `/etc/hosts` lines are written when it joins the default
/// bridge and rewritten in place whenever a linked container joins it again (a restart
/// with a new address); a linked container that stops leaves its line as it was. The
/// link environment variables are computed from the linked containers' current
/// addresses each time a process starts: the main process keeps those of its start,
/// a `docker exec` gets fresh ones, and fails while a linked container is stopped.
extension Engine {
    /// `addLegacyLinks` for a container that just joined the default bridge: its own link lines
    /// (`<child IP>\t<alias> <child hostname> [<child name>]`, for running linked containers),
    /// then the lines of every running container linking to it get its new address.
    mutating func addLegacyLinks(containerID: String) {
        guard var c = containers[containerID], let bridge = network(named: "bridge"),
              let ownEndpoint = c.endpoints[bridge.id] else { return }
        var records: [HostsFile.Record] = []
        for (child, alias) in legacyLinkChildren(of: c) {
            guard let epID = child.endpoints[bridge.id], let ip = endpoints[epID]?.ipv4 else { continue }
            var names = alias + " " + child.hostname
            if alias != child.name { names += " " + child.name }
            records.append(HostsFile.Record(ip: ip.description, names: names))
        }
        c.legacyLinkRecords = records
        containers[containerID] = c
        // Parents are updated only for a container in a private network mode (not host, not container:).
        guard !c.sharesHostNetwork, c.sharedContainer == nil, let ip = endpoints[ownEndpoint]?.ipv4 else { return }
        // Only containers that have links can be parents: they are few, so the others are skipped
        // without copying them (a start among thousands of containers stays cheap).
        // (`values[i]` is read in place: no container is copied to look at its links.)
        var parents: [String] = []
        for i in containers.indices where !containers.values[i].links.isEmpty && containers.keys[i] != c.id {
            parents.append(containers.keys[i])
        }
        for parentID in parents.sorted() {
            guard var parent = containers[parentID], parent.isRunning, parent.sandboxID != nil else { continue }
            var changed = false
            for link in parent.links {
                let (name, alias) = Self.linkTarget(link)
                guard findContainer(name).successValue?.id == c.id else { continue }
                // etchosts.Update: the address of every line whose first name is the alias.
                for i in parent.legacyLinkRecords.indices
                where parent.legacyLinkRecords[i].names.split(separator: " ").first.map(String.init) == alias {
                    parent.legacyLinkRecords[i].ip = ip.description
                    changed = true
                }
            }
            if changed {
                containers[parentID] = parent
                noteContainerChanged(parentID)
            }
        }
    }

    /// `setupLinkedContainers`: the link environment variables of a new process in `c`, from the
    /// linked containers' current addresses; an error when one of them is not running or not on the
    /// default bridge. Empty for a container that is not on the default bridge.
    public func legacyLinkEnvironment(of c: Container) -> Result<[String], EngineError> {
        guard let bridge = network(named: "bridge"), c.attachments.contains(where: { $0.network == "bridge" }) else {
            return .success([])
        }
        var env: [String] = []
        for (child, alias) in legacyLinkChildren(of: c) {
            let linkName = "/\(c.name)/\(alias)"
            guard child.isRunning else {
                return .failure(EngineError(.system, "Cannot link to a non running container: /\(child.name) AS \(linkName)"))
            }
            guard let epID = child.endpoints[bridge.id], let childIP = endpoints[epID]?.ipv4 else {
                return .failure(EngineError(.system, "container \(child.id) not attached to default bridge network"))
            }
            env += Self.linkEnvVars(childIP: childIP.description, name: linkName, child: child)
        }
        return .success(env)
    }

    /// moby v28.2.2 daemon/links/links.go `ToEnv`: `ALIAS_PORT`, per port `ALIAS_PORT_P_PROTO[_ADDR|_PORT|_PROTO]`,
    /// ranges of consecutive ports, `ALIAS_NAME`, then `ALIAS_ENV_*` for the linked container's variables.
    static func linkEnvVars(childIP: String, name: String, child: Container) -> [String] {
        let alias = (name.split(separator: "/").last.map(String.init) ?? name).uppercased().map { $0 == "-" ? "_" : String($0) }.joined()
        // nat.Sort with withTCPPriority: TCP first, then by protocol name; by number within a protocol.
        let ports = child.exposedPorts.sorted { a, b in
            if a.proto == b.proto { return a.port < b.port }
            if a.proto == "tcp" { return true }
            if b.proto == "tcp" { return false }
            return a.proto < b.proto
        }
        var env: [String] = []
        var start: ContainerPort?
        var end: ContainerPort?
        for (i, p) in ports.enumerated() {
            if i == 0 {
                start = p; end = p
                env.append("\(alias)_PORT=\(p.proto)://\(childIP):\(p.port)")
            }
            let prefix = "\(alias)_PORT_\(p.port)_\(p.proto.uppercased())"
            env.append("\(prefix)=\(p.proto)://\(childIP):\(p.port)")
            env.append("\(prefix)_ADDR=\(childIP)")
            env.append("\(prefix)_PORT=\(p.port)")
            env.append("\(prefix)_PROTO=\(p.proto)")
            if let e = end, let s = start, p.port == e.port + 1, p.proto == s.proto {
                end = p
                if i < ports.count - 1 { continue }
            }
            if let s = start, let e = end, s != e {
                let rangePrefix = "\(alias)_PORT_\(s.port)_\(s.proto.uppercased())"
                env.append("\(rangePrefix)_START=\(s.proto)://\(childIP):\(s.port)")
                env.append("\(rangePrefix)_PORT_START=\(s.port)")
                env.append("\(rangePrefix)_END=\(e.proto)://\(childIP):\(e.port)")
                env.append("\(rangePrefix)_PORT_END=\(e.port)")
            }
            start = p; end = p
        }
        env.append("\(alias)_NAME=\(name)")
        for v in child.configEnv {
            guard let eq = v.firstIndex(of: "=") else { continue }
            let key = String(v[..<eq])
            if key == "HOME" || key == "PATH" { continue }
            env.append("\(alias)_ENV_\(key)=\(v[v.index(after: eq)...])")
        }
        return env
    }
}
