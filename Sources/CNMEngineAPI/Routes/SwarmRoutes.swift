import CNMCommands
import CNMSim

/// Swarm reads (moby v28.2.2 api/server/router/swarm/cluster_routes.go): nodes and services
/// from the manager's copy of the swarm store, as `docker node inspect` and
/// `docker service inspect` print them. Swarm changes go through the shell's lines.
extension Router {
    func managerStore(_ sim: Simulator) -> Result<Swarm, APIError> {
        EngineAPIBodies.managerStore(sim.engine).mapError { APIError($0.kind == .notFound ? 503 : $0.kind.status, $0.message) }
    }

    func nodeList() -> APIResponse {
        read { sim in
            switch managerStore(sim) {
            case .failure(let e): return e.response
            case .success(let store):
                return .json(HTTPStatus.ok, JSONText.array(store.nodes.map { EngineAPIBodies.nodeInspect($0, store: store) }))
            }
        }
    }

    func nodeInspect(_ term: String) -> APIResponse {
        read { sim in
            switch managerStore(sim) {
            case .failure(let e): return e.response
            case .success(let store):
                guard let n = store.findNode(term) else { return .error(HTTPStatus.notFound, "node \(term) not found") }
                return .json(HTTPStatus.ok, EngineAPIBodies.nodeInspect(n, store: store))
            }
        }
    }

    func serviceList(_ request: APIRequest) -> APIResponse {
        managerList(request) { raw, store in EngineAPIBodies.serviceList(filters: raw, status: request.flag("status"), store: store) }
    }

    /// A list the managers answer, filtered as the request asks: the JSON array, or the refusal.
    func managerList(_ request: APIRequest, _ items: ([String], Swarm) -> Result<[String], EngineError>) -> APIResponse {
        let raw: [String]
        switch filterWords(request) {
        case .failure(let e): return e.response
        case .success(let words): raw = words
        }
        return read { sim in
            switch managerStore(sim) {
            case .failure(let e): return e.response
            case .success(let store):
                switch items(raw, store) {
                case .failure(let e): return .error(e)
                case .success(let items): return .json(HTTPStatus.ok, JSONText.array(items))
                }
            }
        }
    }

    func serviceInspect(_ term: String) -> APIResponse {
        read { sim in
            switch managerStore(sim) {
            case .failure(let e): return e.response
            case .success(let store):
                guard let s = store.findService(term) else { return .error(HTTPStatus.notFound, "service \(term) not found") }
                return .json(HTTPStatus.ok, EngineAPIBodies.serviceInspect(s, store: store))
            }
        }
    }

    func taskList(_ request: APIRequest) -> APIResponse {
        managerList(request) { raw, store in EngineAPIBodies.taskList(filters: raw, store: store) }
    }

    func taskInspect(_ term: String) -> APIResponse {
        read { sim in
            switch managerStore(sim) {
            case .failure(let e): return e.response
            case .success(let store):
                guard let body = EngineAPIBodies.taskInspect(term, store: store) else {
                    return .error(HTTPStatus.notFound, "task \(term) not found")
                }
                return .json(HTTPStatus.ok, body)
            }
        }
    }
}
