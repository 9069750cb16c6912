import CNMCommands
import CNMSim

/// Swarm changes (moby v28.2.2 api/server/router/swarm/cluster_routes.go) as `docker swarm …` and
/// `docker service …` lines: init, leave, and services created, removed and scaled.
extension Router {
    /// moby's swarm errors are "unavailable" (503) when the node is in the wrong swarm state.
    static func swarmStatus(_ failure: APIError) -> APIError {
        let m = failure.message
        if m.hasPrefix("This node is not a swarm manager") || m.hasPrefix("This node is already part of a swarm")
            || m.hasPrefix("This node is not part of a swarm") {
            return APIError(503, m)
        }
        return failure
    }

    /// `GET /swarm` (moby `swarm.Swarm`): the cluster, its spec's defaults and the join tokens.
    func swarmInspect() -> APIResponse {
        read { sim in
            switch managerStore(sim) {
            case .failure(let e): return e.response
            case .success(let s):
                let spec = JSONText.object([
                    ("Name", JSONText.quote("default")), ("Labels", "{}"),
                    ("Orchestration", JSONText.object([("TaskHistoryRetentionLimit", "5")])),
                    ("Raft", JSONText.object([("SnapshotInterval", "10000"), ("KeepOldSnapshots", "0"),
                                              ("LogEntriesForSlowFollowers", "500"), ("ElectionTick", "10"), ("HeartbeatTick", "1")])),
                    ("Dispatcher", JSONText.object([("HeartbeatPeriod", "5000000000")])),
                    ("CAConfig", JSONText.object([("NodeCertExpiry", "7776000000000000")])),
                    ("TaskDefaults", "{}"), ("EncryptionConfig", JSONText.object([("AutoLockManagers", "false")])),
                ])
                return .json(HTTPStatus.ok, JSONText.object([
                    ("ID", JSONText.quote(s.id)), ("Version", "{}"),
                    ("CreatedAt", JSONText.quote(s.created.rfc3339Nano)), ("UpdatedAt", JSONText.quote(s.created.rfc3339Nano)),
                    ("Spec", spec), ("TLSInfo", "{}"), ("RootRotationInProgress", "false"),
                    ("DefaultAddrPool", JSONText.strings(["10.0.0.0/8"])), ("SubnetSize", "24"), ("DataPathPort", "4789"),
                    ("JoinTokens", JSONText.object([("Worker", JSONText.quote(s.workerToken)), ("Manager", JSONText.quote(s.managerToken))])),
                ]))
            }
        }
    }

    func swarmInit(_ request: APIRequest) -> APIResponse {
        var w = ["docker", "swarm", "init"]
        do {
            let f = try body(request, typeName: "InitRequest").get()
            if let a = try f.string("AdvertiseAddr"), !a.isEmpty { w += ["--advertise-addr", a] }
            if let l = try f.string("ListenAddr"), !l.isEmpty, l != "0.0.0.0:2377" { w += ["--listen-addr", l] }
            if let d = try f.string("DataPathAddr"), !d.isEmpty { w += ["--data-path-addr", d] }
            if let a = try f.string("Availability"), !a.isEmpty, a != "active" { w += ["--availability", a] }
            if try f.bool("ForceNewCluster") == true { w.append("--force-new-cluster") }
            if try f.bool("AutoLockManagers") == true { w.append("--autolock") }
        } catch {
            return .bodyError(error)
        }
        return change { s in
            let result = LineResult(s.run(CommandLineText.join(w)))
            if let failure = result.failure { return Self.swarmStatus(failure).response }
            // "Swarm initialized: current node (ID) is now a manager."
            let out = result.output.stdout
            guard let open = out.firstIndex(of: "("), let close = out[open...].firstIndex(of: ")") else {
                return .error(HTTPStatus.serverError, "swarm initialized, but its node ID is unknown")
            }
            return .json(HTTPStatus.ok, JSONText.quote(String(out[out.index(after: open)..<close])))
        }
    }

    func swarmLeave(_ request: APIRequest) -> APIResponse {
        change { s in
            let result = LineResult(s.run(request.flag("force") ? "docker swarm leave --force" : "docker swarm leave"))
            if let failure = result.failure { return Self.swarmStatus(failure).response }
            return .full(status: HTTPStatus.ok, contentType: nil, body: [])
        }
    }

    func serviceCreate(_ request: APIRequest) -> APIResponse {
        let words: [String]
        do {
            words = try Self.serviceCreateWords(body(request, typeName: "ServiceSpec").get())
        } catch {
            return .bodyError(error)
        }
        return change { s in
            let result = LineResult(s.run(CommandLineText.join(words)))
            if let failure = result.failure { return Self.swarmStatus(failure).response }
            let id = result.output.stdout.split(separator: "\n").first.map(String.init) ?? ""
            // moby v28.2.2 api/types/swarm/service_create_response.go.
            return .json(HTTPStatus.created, JSONText.object([("ID", JSONText.quote(id))]))
        }
    }

    /// `docker service create -d` words for a `swarm.ServiceSpec`.
    static func serviceCreateWords(_ f: JSONFields) throws -> [String] {
        var w = ["docker", "service", "create", "--detach"]
        if let name = try f.string("Name"), !name.isEmpty { w += ["--name", name] }
        for (k, v) in (try f.stringMap("Labels") ?? [:]).sorted(by: { $0.key < $1.key }) { w += ["--label", "\(k)=\(v)"] }
        var image = ""
        var command: [String] = []
        var networks: [JSONFields] = try f.objects("Networks", goType: "[]swarm.NetworkAttachmentConfig") ?? []
        if let task = try f.object("TaskTemplate", typeName: "TaskSpec", goType: "swarm.TaskSpec") {
            if let c = try task.object("ContainerSpec", typeName: "ContainerSpec", goType: "*swarm.ContainerSpec") {
                image = try c.string("Image") ?? ""
                for e in try c.strings("Env") ?? [] { w += ["--env", e] }
                if let h = try c.string("Hostname"), !h.isEmpty { w += ["--hostname", h] }
                let entry = try c.strings("Command") ?? []
                if !entry.isEmpty { w += ["--entrypoint", entry.joined(separator: " ")] }
                command = try c.strings("Args") ?? []
            }
            networks += try task.objects("Networks", goType: "[]swarm.NetworkAttachmentConfig") ?? []
        }
        for n in networks {
            guard let target = try n.string("Target"), !target.isEmpty else { continue }
            let aliases = try n.strings("Aliases") ?? []
            w += ["--network", aliases.isEmpty ? target : "name=\(target)" + aliases.map { ",alias=\($0)" }.joined()]
        }
        if let mode = try f.object("Mode", typeName: "ServiceMode", goType: "swarm.ServiceMode") {
            if mode.raw("Global") != nil { w += ["--mode", "global"] }
            if let r = try mode.object("Replicated", typeName: "ReplicatedService", goType: "*swarm.ReplicatedService"),
               let n = try r.int("Replicas", goType: "uint64") {
                w += ["--replicas", String(n)]
            }
        }
        if let ep = try f.object("EndpointSpec", typeName: "EndpointSpec", goType: "*swarm.EndpointSpec") {
            if let m = try ep.string("Mode"), !m.isEmpty, m != "vip" { w += ["--endpoint-mode", m] }
            for p in try ep.objects("Ports", goType: "[]swarm.PortConfig") ?? [] {
                let target = try p.int("TargetPort", goType: "uint32") ?? 0
                let published = try p.int("PublishedPort", goType: "uint32") ?? 0
                var spec = "target=\(target)"
                if published != 0 { spec = "published=\(published),\(spec)" }
                if let proto = try p.string("Protocol"), !proto.isEmpty, proto != "tcp" { spec += ",protocol=\(proto)" }
                if let mode = try p.string("PublishMode"), !mode.isEmpty, mode != "ingress" { spec += ",mode=\(mode)" }
                w += ["--publish", spec]
            }
        }
        guard !image.isEmpty else { throw APIError(HTTPStatus.badRequest, "ContainerSpec: image reference must be provided") }
        return w + [image] + command
    }

    func serviceRemove(_ term: String) -> APIResponse {
        change { s in
            let result = LineResult(s.run(CommandLineText.join(["docker", "service", "rm", term])))
            if let failure = result.failure { return Self.swarmStatus(failure).response }
            return .full(status: HTTPStatus.ok, contentType: nil, body: [])
        }
    }

    /// `POST /services/{id}/update`: a new replica count runs as `docker service scale`; other
    /// changes are not simulated through the API (type `docker service update` in the shell).
    func serviceUpdate(_ request: APIRequest, _ term: String) -> APIResponse {
        let replicas: Int?
        do {
            let f = try body(request, typeName: "ServiceSpec").get()
            let mode = try f.object("Mode", typeName: "ServiceMode", goType: "swarm.ServiceMode")
            replicas = try mode?.object("Replicated", typeName: "ReplicatedService", goType: "*swarm.ReplicatedService")?.int("Replicas", goType: "uint64")
        } catch let e as JSONFields.TypeError {
            return .error(HTTPStatus.badRequest, e.message)
        } catch {
            return .error(HTTPStatus.badRequest, "invalid JSON")
        }
        return change { s in
            let store: Swarm
            switch managerStore(s.simulator) {
            case .failure(let e): return e.response
            case .success(let found): store = found
            }
            guard let service = store.findService(term) else { return .error(HTTPStatus.notFound, "service \(term) not found") }
            guard let n = replicas, n != service.replicas else {
                if replicas == service.replicas { return .json(HTTPStatus.ok, "{}") }
                return .error(HTTPStatus.notImplemented, "cnmlab: changing a service other than its replica count through the API is not simulated (use docker service update in the cnmlab shell)")
            }
            let result = LineResult(s.run(CommandLineText.join(["docker", "service", "scale", "--detach", "\(service.name)=\(n)"])))
            if let failure = result.failure { return Self.swarmStatus(failure).response }
            // moby v28.2.2 api/types/swarm/service_update_response.go: no warnings.
            return .json(HTTPStatus.ok, "{}")
        }
    }
}
