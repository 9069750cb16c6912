import CNMCommands
import CNMSim

/// Network routes (moby v28.2.2 api/server/router/network/network_routes.go). Changes run
/// as `docker network …` lines; bodies come from the views `docker network inspect` prints.
extension Router {
    func networkList(_ request: APIRequest) -> APIResponse {
        let raw: [String]
        switch filterWords(request) {
        case .failure(let e): return e.response
        case .success(let words): raw = words
        }
        return read { sim in
            switch EngineAPIBodies.networks(filters: raw, engine: sim.engine) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success(let list):
                return .json(HTTPStatus.ok, JSONText.array(list.map { EngineAPIBodies.networkListItem($0, engine: sim.engine) }))
            }
        }
    }

    func networkInspect(_ request: APIRequest, _ term: String) -> APIResponse {
        if let v = request.query("verbose"), !v.isEmpty, Self.parseBool(v) == nil {
            return .error(HTTPStatus.badRequest, "invalid value for verbose: \(v): strconv.ParseBool: parsing \(GoQuoted(v)): invalid syntax")
        }
        let verbose = request.query("verbose").flatMap(Self.parseBool) ?? false
        return read { sim in
            switch sim.engine.findNetwork(term) {
            case .failure(let e): return .error(e.kind.status, e.message)
            case .success(let n):
                if verbose && n.isSwarmScoped {
                    return .error(HTTPStatus.notImplemented, "cnmlab: network inspect --verbose on a swarm network (its Services section) is not simulated")
                }
                return .json(HTTPStatus.ok, EngineAPIBodies.networkInspect(n, engine: sim.engine))
            }
        }
    }

    /// Go's `strconv.ParseBool`.
    static func parseBool(_ s: String) -> Bool? {
        switch s {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }

    func networkCreate(_ request: APIRequest) -> APIResponse {
        let words: [String]
        do {
            words = try Self.networkCreateWords(body(request, typeName: "CreateRequest").get())
        } catch {
            return .bodyError(error)
        }
        return change { s in
            let result = LineResult(s.run(CommandLineText.join(words)))
            if let failure = result.failure { return failure.response }
            let id = result.output.stdout.split(separator: "\n").last.map(String.init) ?? ""
            // moby v28.2.2 api/types/network/create_response.go.
            return .json(HTTPStatus.created, JSONText.object([("Id", JSONText.quote(id)), ("Warning", JSONText.quote(""))]))
        }
    }

    /// `docker network create` words for a `network.CreateRequest`.
    static func networkCreateWords(_ f: JSONFields) throws -> [String] {
        guard let name = try f.string("Name"), !name.isEmpty else {
            throw APIError(HTTPStatus.badRequest, "network name must not be empty")
        }
        var w = ["docker", "network", "create"]
        if let d = try f.string("Driver"), !d.isEmpty, d != "bridge" { w += ["--driver", d] }
        if let s = try f.string("Scope"), !s.isEmpty { w += ["--scope", s] }
        if let v4 = try f.bool("EnableIPv4"), !v4 { w.append("--ipv4=false") }
        if let v6 = try f.bool("EnableIPv6"), v6 { w.append("--ipv6") }
        if try f.bool("Internal") == true { w.append("--internal") }
        if try f.bool("Attachable") == true { w.append("--attachable") }
        if try f.bool("Ingress") == true { w.append("--ingress") }
        if try f.bool("ConfigOnly") == true { w.append("--config-only") }
        if let from = try f.object("ConfigFrom", typeName: "ConfigReference", goType: "*network.ConfigReference"),
           let n = try from.string("Network"), !n.isEmpty {
            w += ["--config-from", n]
        }
        if let ipam = try f.object("IPAM", typeName: "IPAM", goType: "*network.IPAM") {
            if let d = try ipam.string("Driver"), !d.isEmpty, d != "default" { w += ["--ipam-driver", d] }
            for (k, v) in (try ipam.stringMap("Options") ?? [:]).sorted(by: { $0.key < $1.key }) { w += ["--ipam-opt", "\(k)=\(v)"] }
            for c in try ipam.objects("Config", goType: "[]network.IPAMConfig") ?? [] {
                guard let subnet = try c.string("Subnet"), !subnet.isEmpty else {
                    if try c.string("Gateway").map({ !$0.isEmpty }) == true || (try c.string("IPRange")).map({ !$0.isEmpty }) == true {
                        throw APIError(HTTPStatus.badRequest, "cnmlab: an IPAM config without a subnet is not simulated")
                    }
                    continue
                }
                w += ["--subnet", subnet]
                if let r = try c.string("IPRange"), !r.isEmpty { w += ["--ip-range", r] }
                if let g = try c.string("Gateway"), !g.isEmpty { w += ["--gateway", g] }
                for (k, v) in (try c.stringMap("AuxiliaryAddresses") ?? [:]).sorted(by: { $0.key < $1.key }) {
                    w += ["--aux-address", "\(k)=\(v)"]
                }
            }
        }
        for (k, v) in (try f.stringMap("Options") ?? [:]).sorted(by: { $0.key < $1.key }) { w += ["--opt", "\(k)=\(v)"] }
        for (k, v) in (try f.stringMap("Labels") ?? [:]).sorted(by: { $0.key < $1.key }) { w += ["--label", "\(k)=\(v)"] }
        return w + [name]
    }

    func networkRemove(_ term: String) -> APIResponse {
        change { s in
            let result = LineResult(s.run(CommandLineText.join(["docker", "network", "rm", term])))
            if let failure = result.failure { return failure.response }
            return .empty(HTTPStatus.noContent)
        }
    }

    func networkConnect(_ request: APIRequest, _ network: String) -> APIResponse {
        var w = ["docker", "network", "connect"]
        let container: String
        do {
            let f = try body(request, typeName: "ConnectOptions").get()
            container = try f.string("Container") ?? ""
            if let ep = try f.object("EndpointConfig", typeName: "EndpointSettings", goType: "*network.EndpointSettings") {
                for a in try ep.strings("Aliases") ?? [] { w += ["--alias", a] }
                if let ipam = try ep.object("IPAMConfig", typeName: "EndpointIPAMConfig", goType: "*network.EndpointIPAMConfig") {
                    if let ip = try ipam.string("IPv4Address"), !ip.isEmpty { w += ["--ip", ip] }
                    if let ip = try ipam.string("IPv6Address"), !ip.isEmpty { w += ["--ip6", ip] }
                    for ip in try ipam.strings("LinkLocalIPs") ?? [] { w += ["--link-local-ip", ip] }
                }
                for l in try ep.strings("Links") ?? [] { w += ["--link", l] }
                for (k, v) in (try ep.stringMap("DriverOpts") ?? [:]).sorted(by: { $0.key < $1.key }) { w += ["--driver-opt", "\(k)=\(v)"] }
                if let p = try ep.int("GwPriority"), p != 0 { w += ["--gw-priority", String(p)] }
                if let mac = try ep.string("MacAddress"), !mac.isEmpty {
                    return .error(HTTPStatus.notImplemented, "cnmlab: a MAC address on network connect is not simulated (docker network connect has no flag for it)")
                }
            }
        } catch {
            return .bodyError(error)
        }
        w += [network, container]
        return runLine(w)
    }

    func networkDisconnect(_ request: APIRequest, _ network: String) -> APIResponse {
        var w = ["docker", "network", "disconnect"]
        let container: String
        do {
            let f = try body(request, typeName: "DisconnectOptions").get()
            container = try f.string("Container") ?? ""
            if try f.bool("Force") == true { w.append("--force") }
        } catch {
            return .bodyError(error)
        }
        w += [network, container]
        return runLine(w)
    }

    func networkPrune(_ request: APIRequest) -> APIResponse {
        let filters: [String: [String]]
        switch self.filters(request) {
        case .failure(let e): return e.response
        case .success(let f): filters = f
        }
        if !filters.isEmpty {
            return .error(HTTPStatus.notImplemented, "cnmlab: docker network prune --filter is not simulated")
        }
        return change { s in
            let result = LineResult(s.run("docker network prune -f"))
            if let failure = result.failure { return failure.response }
            let names = result.output.stdout.split(separator: "\n").dropFirst().map(String.init).filter { !$0.isEmpty }
            // moby v28.2.2 api/types/network/network.go `PruneReport`: null when nothing went.
            return .json(HTTPStatus.ok, JSONText.object([("NetworksDeleted", names.isEmpty ? "null" : JSONText.strings(names))]))
        }
    }

    /// Runs the command line a request became: 200 with no body, or the daemon's refusal.
    func runLine(_ words: [String]) -> APIResponse {
        change { s in
            let result = LineResult(s.run(CommandLineText.join(words)))
            if let failure = result.failure { return failure.response }
            return .full(status: HTTPStatus.ok, contentType: nil, body: [])
        }
    }
}

/// Go's `%q` of a string (`strconv.Quote`), for error messages.
func GoQuoted(_ s: String) -> String { GoQuote.quote(s) }
