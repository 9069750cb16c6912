/// The `docker create` words for a `POST /containers/create` body (moby
/// api/types/container `CreateRequest`: the `Config`, `HostConfig` and `NetworkingConfig`),
/// the inverse of what docker/cli v28.2.2 cli/command/container/opts.go builds from flags.
/// Fields cnmlab does not simulate become the flags that say so.
enum ContainerCreateWords {
    static func words(name: String?, _ f: JSONFields) throws -> [String] {
        var w = ["docker", "create"]
        if let name, !name.isEmpty { w += ["--name", name] }
        if let h = try f.string("Hostname"), !h.isEmpty { w += ["--hostname", h] }
        if let d = try f.string("Domainname"), !d.isEmpty { w += ["--domainname", d] }
        if let u = try f.string("User"), !u.isEmpty { w += ["--user", u] }
        if let d = try f.string("WorkingDir"), !d.isEmpty { w += ["--workdir", d] }
        if try f.bool("OpenStdin") == true { w.append("--interactive") }
        if try f.bool("Tty") == true { w.append("--tty") }
        for e in try f.strings("Env") ?? [] { w += ["--env", e] }
        for (k, v) in (try f.stringMap("Labels") ?? [:]).sorted(by: { $0.key < $1.key }) { w += ["--label", "\(k)=\(v)"] }
        let entrypoint = try f.strSlice("Entrypoint")
        var cmd = try f.strSlice("Cmd") ?? []
        if let ep = entrypoint {
            w += ["--entrypoint", ep.first ?? ""]
            // The CLI's --entrypoint takes one word; further words run before the command.
            cmd = Array(ep.dropFirst()) + cmd
        }
        let host = try f.object("HostConfig", typeName: "HostConfig", goType: "*container.HostConfig")
        var published: Set<String> = []
        if let h = host {
            if try h.bool("AutoRemove") == true { w.append("--rm") }
            if try h.bool("Privileged") == true { w.append("--privileged") }
            for b in try h.strings("Binds") ?? [] { w += ["--volume", b] }
            if let rp = try h.object("RestartPolicy", typeName: "RestartPolicy", goType: "container.RestartPolicy"),
               let n = try rp.string("Name"), !n.isEmpty, n != "no" {
                w += ["--restart", n]
            }
            for c in try h.strings("CapAdd") ?? [] { w += ["--cap-add", c] }
            for c in try h.strings("CapDrop") ?? [] { w += ["--cap-drop", c] }
            if let ports = try h.keys("PortBindings", goType: "nat.PortMap") {
                for port in ports.sorted() {
                    published.insert(port)
                    let value = h.raw("PortBindings")?[port]
                    guard case .array(let bindings)? = value else {
                        if let value, value != .null {
                            throw JSONFields.TypeError(message: "invalid JSON: json: cannot unmarshal \(value.goKind) into Go struct field CreateRequest.HostConfig.PortBindings of type []nat.PortBinding")
                        }
                        w += ["--publish", port]
                        continue
                    }
                    if bindings.isEmpty { w += ["--publish", port] }
                    for b in bindings {
                        let binding = JSONFields(b, typeName: h.typeName, path: h.path + ["PortBindings"])
                        let ip = try binding.string("HostIp") ?? ""
                        let hostPort = try binding.string("HostPort") ?? ""
                        let shownIP = ip.contains(":") ? "[\(ip)]" : ip
                        if ip.isEmpty && hostPort.isEmpty {
                            w += ["--publish", port]
                        } else if ip.isEmpty {
                            w += ["--publish", "\(hostPort):\(port)"]
                        } else {
                            w += ["--publish", "\(shownIP):\(hostPort):\(port)"]
                        }
                    }
                }
            }
            if try h.bool("PublishAllPorts") == true { w.append("--publish-all") }
            for l in try h.strings("Links") ?? [] { w += ["--link", l] }
            for d in try h.strings("Dns") ?? [] { w += ["--dns", d] }
            for d in try h.strings("DnsSearch") ?? [] { w += ["--dns-search", d] }
            for d in try h.strings("DnsOptions") ?? [] { w += ["--dns-option", d] }
            for x in try h.strings("ExtraHosts") ?? [] { w += ["--add-host", x] }
        }
        for port in (try f.keys("ExposedPorts", goType: "nat.PortSet") ?? []).sorted() where !published.contains(port) {
            w += ["--expose", port]
        }
        w += try networkWords(mode: try host?.string("NetworkMode") ?? "", f)
        guard let image = try f.string("Image"), !image.isEmpty else {
            throw APIError(HTTPStatus.badRequest, "No command specified")
        }
        // Everything after the image is the command: `--` keeps a command that starts with `-` apart.
        return w + [image] + cmd
    }

    /// `--network` and its endpoint flags: the NetworkMode network first (it takes
    /// `--network-alias`, `--ip`, `--mac-address`), then the other EndpointsConfig entries.
    static func networkWords(mode: String, _ f: JSONFields) throws -> [String] {
        var w: [String] = []
        let net = try f.object("NetworkingConfig", typeName: "NetworkingConfig", goType: "*network.NetworkingConfig")
        let endpoints = try net?.objectMap("EndpointsConfig", goType: "map[string]*network.EndpointSettings") ?? []
        let first = mode.isEmpty ? "default" : mode
        func endpointFlags(_ ep: JSONFields) throws -> (aliases: [String], ip: String, mac: String, links: [String]) {
            let aliases = try ep.strings("Aliases") ?? []
            var ip = ""
            if let ipam = try ep.object("IPAMConfig", typeName: "EndpointIPAMConfig", goType: "*network.EndpointIPAMConfig") {
                ip = try ipam.string("IPv4Address") ?? ""
            }
            return (aliases, ip, try ep.string("MacAddress") ?? "", try ep.strings("Links") ?? [])
        }
        if first != "default" { w += ["--network", first] }
        if let ep = endpoints.first(where: { $0.0 == first })?.1 {
            let e = try endpointFlags(ep)
            for a in e.aliases { w += ["--network-alias", a] }
            if !e.ip.isEmpty { w += ["--ip", e.ip] }
            if !e.mac.isEmpty { w += ["--mac-address", e.mac] }
        }
        for (name, ep) in endpoints.sorted(by: { $0.0 < $1.0 }) where name != first {
            let e = try endpointFlags(ep)
            var spec = "name=\(name)"
            for a in e.aliases { spec += ",alias=\(a)" }
            if !e.ip.isEmpty { spec += ",ip=\(e.ip)" }
            if !e.mac.isEmpty { spec += ",mac-address=\(e.mac)" }
            for l in e.links { spec += ",link=\(l)" }
            w += ["--network", spec == "name=\(name)" ? name : spec]
        }
        return w
    }
}
