import CNMCommands
import CNMSim
import NIOPosix

/// Answers each Engine API request: matches the route as moby's mux does (an unknown
/// route is `404 page not found`), checks the API version, then runs the route.
/// Routes that change the host run the equivalent command line through `EngineHost`.
struct Router: Sendable {
    let host: EngineHost
    let state: EngineState
    let pool: NIOThreadPool

    typealias Handler = @Sendable (Router, APIRequest, [String]) -> APIResponse

    /// (method, path pattern, handler); `{}` matches one segment, `{*}` the rest up to the final segments.
    static let routes: [(String, [String], Handler)] = [
        ("GET", ["_ping"], { r, q, _ in r.ping(q) }),
        ("HEAD", ["_ping"], { r, q, _ in r.ping(q) }),
        ("GET", ["version"], { r, _, _ in r.version() }),
        ("GET", ["info"], { r, _, _ in r.info() }),
        ("GET", ["events"], { r, q, _ in r.events(q) }),
        // Networks (moby v28.2.2 api/server/router/network/network.go).
        ("GET", ["networks"], { r, q, _ in r.networkList(q) }),
        ("GET", ["networks", "{}"], { r, q, p in r.networkInspect(q, p[0]) }),
        ("POST", ["networks", "create"], { r, q, _ in r.networkCreate(q) }),
        ("POST", ["networks", "prune"], { r, q, _ in r.networkPrune(q) }),
        ("DELETE", ["networks", "{}"], { r, _, p in r.networkRemove(p[0]) }),
        ("POST", ["networks", "{}", "connect"], { r, q, p in r.networkConnect(q, p[0]) }),
        ("POST", ["networks", "{}", "disconnect"], { r, q, p in r.networkDisconnect(q, p[0]) }),
        // Containers (moby v28.2.2 api/server/router/container/container.go).
        ("GET", ["containers", "json"], { r, q, _ in r.containerList(q) }),
        ("POST", ["containers", "create"], { r, q, _ in r.containerCreate(q) }),
        ("GET", ["containers", "{}", "json"], { r, _, p in r.containerInspect(p[0]) }),
        ("GET", ["containers", "{}", "logs"], { r, q, p in r.containerLogs(q, p[0]) }),
        ("POST", ["containers", "{}", "start"], { r, _, p in r.containerStart(p[0]) }),
        ("POST", ["containers", "{}", "stop"], { r, q, p in r.containerStop(q, p[0]) }),
        ("POST", ["containers", "{}", "restart"], { r, q, p in r.containerRestart(q, p[0]) }),
        ("POST", ["containers", "{}", "kill"], { r, q, p in r.containerKill(q, p[0]) }),
        ("POST", ["containers", "{}", "wait"], { r, q, p in r.containerWait(q, p[0]) }),
        ("POST", ["containers", "{}", "attach"], { r, q, p in r.containerAttach(q, p[0]) }),
        ("POST", ["containers", "{}", "resize"], { r, _, p in r.containerResize(p[0]) }),
        ("POST", ["containers", "{}", "exec"], { r, q, p in r.execCreate(q, p[0]) }),
        ("DELETE", ["containers", "{}"], { r, q, p in r.containerRemove(q, p[0]) }),
        ("POST", ["exec", "{}", "start"], { r, q, p in r.execStart(q, p[0]) }),
        ("POST", ["exec", "{}", "resize"], { r, _, p in r.execResize(p[0]) }),
        ("GET", ["exec", "{}", "json"], { r, _, p in r.execInspect(p[0]) }),
        // Images (moby v28.2.2 api/server/router/image/image.go); names may contain slashes.
        ("GET", ["images", "json"], { r, _, _ in r.imageList() }),
        ("POST", ["images", "create"], { r, q, _ in r.imageCreate(q) }),
        ("GET", ["images", "{*}", "json"], { r, _, p in r.imageInspect(p[0]) }),
        // Swarm (moby v28.2.2 api/server/router/swarm/cluster.go).
        ("GET", ["nodes"], { r, _, _ in r.nodeList() }),
        ("GET", ["nodes", "{}"], { r, _, p in r.nodeInspect(p[0]) }),
        ("GET", ["services"], { r, q, _ in r.serviceList(q) }),
        ("GET", ["services", "{}"], { r, _, p in r.serviceInspect(p[0]) }),
        ("GET", ["swarm"], { r, _, _ in r.swarmInspect() }),
        ("POST", ["swarm", "init"], { r, q, _ in r.swarmInit(q) }),
        ("POST", ["swarm", "leave"], { r, q, _ in r.swarmLeave(q) }),
        ("POST", ["services", "create"], { r, q, _ in r.serviceCreate(q) }),
        ("DELETE", ["services", "{}"], { r, _, p in r.serviceRemove(p[0]) }),
        ("POST", ["services", "{}", "update"], { r, q, p in r.serviceUpdate(q, p[0]) }),
        ("GET", ["tasks"], { r, q, _ in r.taskList(q) }),
        ("GET", ["tasks", "{}"], { r, _, p in r.taskInspect(p[0]) }),
    ]

    static func match(_ pattern: [String], _ segments: [String]) -> [String]? {
        if let star = pattern.firstIndex(of: "{*}") {
            let tail = pattern.count - star - 1
            guard segments.count >= pattern.count else { return nil }
            for i in 0..<star where pattern[i] != "{}" && pattern[i] != segments[i] { return nil }
            for k in 0..<tail where pattern[pattern.count - 1 - k] != segments[segments.count - 1 - k] { return nil }
            let middle = segments[star..<(segments.count - tail)].joined(separator: "/")
            return middle.isEmpty ? nil : [middle]
        }
        guard pattern.count == segments.count else { return nil }
        var params: [String] = []
        for (p, s) in zip(pattern, segments) {
            if p == "{}" {
                if s.isEmpty { return nil }
                params.append(s)
            } else if p != s {
                return nil
            }
        }
        return params
    }

    func handle(_ request: APIRequest) -> APIResponse {
        let segments = request.segments
        for (method, pattern, handler) in Self.routes where method == request.method {
            guard let params = Self.match(pattern, segments) else { continue }
            if let refusal = versionCheck(request) { return refusal }
            return handler(self, request, params)
        }
        // moby v28.2.2 api/server/server.go: unknown paths and methods.
        return .error(HTTPStatus.notFound, "page not found")
    }

    /// moby v28.2.2 api/server/middleware/version.go.
    func versionCheck(_ request: APIRequest) -> APIResponse? {
        guard request.versioned else { return nil }
        let v = request.version
        if EngineVersion.compare(v, EngineVersion.minAPI) < 0 {
            // Below 1.24 moby answers in plain text (api/server/server.go).
            return .text(HTTPStatus.badRequest, "client version \(v) is too old. Minimum supported API version is \(EngineVersion.minAPI), please upgrade your client to a newer version\n")
        }
        if EngineVersion.compare(v, EngineVersion.api) > 0 {
            return .error(HTTPStatus.badRequest, "client version \(v) is too new. Maximum supported API version is \(EngineVersion.api)")
        }
        return nil
    }

    // MARK: Helpers

    /// Reads a JSON body into a route's fields, or answers moby's 400.
    func body(_ request: APIRequest, typeName: String) -> Result<JSONFields, APIError> {
        if let ct = request.header("content-type"), !request.body.isEmpty {
            let mime = ct.split(separator: ";").first.map { String($0).trimmingCharacters(in: " ").lowercased() } ?? ""
            if mime != "application/json" {
                return .failure(APIError(HTTPStatus.badRequest, "unsupported Content-Type header (\(ct)): must be 'application/json'"))
            }
        }
        if request.body.isEmpty { return .success(JSONFields(.null, typeName: typeName)) }
        switch JSONParser.decodeRequestBody(request.body) {
        case .failure(let e): return .failure(APIError(HTTPStatus.badRequest, e.message))
        case .success(let v):
            do { return .success(try JSONFields.root(v, typeName: typeName)) }
            catch let e as JSONFields.TypeError { return .failure(APIError(HTTPStatus.badRequest, e.message)) }
            catch { return .failure(APIError(HTTPStatus.badRequest, "invalid JSON")) }
        }
    }

    /// The request's filters as `key=value` words in key order (the CLI's `--filter` form), or the refusal.
    func filterWords(_ request: APIRequest) -> Result<[String], APIError> {
        filters(request).map { f in f.sorted { $0.key < $1.key }.flatMap { k, vs in vs.map { "\(k)=\($0)" } } }
    }

    /// `filters` as moby's `filters.FromJSON` reads it: `{"key":{"value":true}}`, or the old `{"key":["value"]}`.
    func filters(_ request: APIRequest) -> Result<[String: [String]], APIError> {
        guard let raw = request.query("filters"), !raw.isEmpty else { return .success([:]) }
        guard case .success(let v) = JSONParser.parseDocument(raw), case .object(let pairs) = v else {
            return .failure(APIError(HTTPStatus.badRequest, "invalid filter"))
        }
        var out: [String: [String]] = [:]
        for (key, value) in pairs {
            switch value {
            case .object(let items):
                for (item, flag) in items {
                    guard case .bool = flag else { return .failure(APIError(HTTPStatus.badRequest, "invalid filter")) }
                    out[key, default: []].append(item)
                }
            case .array(let items):
                for item in items {
                    guard case .string(let s) = item else { return .failure(APIError(HTTPStatus.badRequest, "invalid filter")) }
                    out[key, default: []].append(s)
                }
            case .null: out[key] = out[key] ?? []
            default: return .failure(APIError(HTTPStatus.badRequest, "invalid filter"))
            }
        }
        for k in out.keys { out[k]?.sort() }
        return .success(out)
    }

    /// Runs `body` with the host, then lets waits and event streams catch up with what changed.
    func change<T>(_ body: (any EngineSession) -> T) -> T {
        change(exitHintsFrom: { [:] }, body)
    }

    /// `change` for a step that learns exit codes on the way (a process that ended, a container
    /// stopped or removed), for the waits on containers that are gone by then.
    func change<T>(exitHintsFrom hints: () -> [String: Int], _ body: (any EngineSession) -> T) -> T {
        host.withSession { s in
            let before = s.simulator
            let result = body(s)
            state.settle(before: before, after: s.simulator, exitHints: hints())
            return result
        }
    }

    /// Reads the host without changing it.
    func read<T>(_ body: (Simulator) -> T) -> T {
        host.withSession { s in body(s.simulator) }
    }
}

/// A failure a route answers with: status and moby's message.
struct APIError: Error {
    let status: Int
    let message: String
    init(_ status: Int, _ message: String) { self.status = status; self.message = message }
    var response: APIResponse { .error(status, message) }
}

extension APIResponse {
    /// The daemon's error with moby's status for its class.
    static func error(_ e: EngineError) -> APIResponse { .error(e.kind.status, e.message) }

    /// moby's answer to a request body it cannot use: the route's own refusal, a field of the wrong
    /// JSON type (400 with Go's message), or JSON it cannot read (400).
    static func bodyError(_ error: any Error) -> APIResponse {
        if let e = error as? APIError { return e.response }
        if let e = error as? JSONFields.TypeError { return .error(HTTPStatus.badRequest, e.message) }
        return .error(HTTPStatus.badRequest, "invalid JSON")
    }
}

extension EngineError.Kind {
    /// moby's errdefs classes → status (moby v28.2.2 api/server/httpstatus/status.go `FromError`).
    var status: Int {
        switch self {
        case .notFound: return HTTPStatus.notFound
        case .invalidParameter: return HTTPStatus.badRequest
        case .conflict: return HTTPStatus.conflict
        case .forbidden: return HTTPStatus.forbidden
        case .system: return HTTPStatus.serverError
        case .unavailable: return HTTPStatus.serviceUnavailable
        case .notSimulated: return HTTPStatus.notImplemented
        }
    }
}
