import CNMCommands
import CNMSim

/// Image routes (moby v28.2.2 api/server/router/image/image_routes.go) over cnmlab's image
/// catalogue: its images count as pulled; any other image fails as Docker Hub refuses it.
/// Sizes and layers are not modelled and stay at zero; images date from the simulated host's boot.
extension Router {
    func imageList() -> APIResponse {
        let created = String(SimTime.epoch.nanoseconds / 1_000_000_000)
        let items = ImageCatalogue.all.map { image -> String in
            JSONText.object([
                ("Containers", "-1"), ("Created", created), ("Id", JSONText.quote(image.id)), ("Labels", "null"),
                ("ParentId", JSONText.quote("")), ("RepoDigests", "[]"), ("RepoTags", JSONText.strings([image.reference])),
                ("SharedSize", "-1"), ("Size", "0"),
            ])
        }
        return .json(HTTPStatus.ok, JSONText.array(items))
    }

    func imageInspect(_ name: String) -> APIResponse {
        guard let image = ImageCatalogue.find(name) else {
            return .error(HTTPStatus.notFound, "No such image: \(name)")
        }
        var exposed: [(String, String)] = image.exposedPorts.map { ($0, "{}") }
        exposed.sort { $0.0 < $1.0 }
        let config = JSONText.object([
            ("Env", JSONText.strings(image.env)),
            ("Cmd", image.cmd.isEmpty ? "null" : JSONText.strings(image.cmd)),
            ("Entrypoint", image.entrypoint.isEmpty ? "null" : JSONText.strings(image.entrypoint)),
        ] + (exposed.isEmpty ? [] : [("ExposedPorts", JSONText.object(exposed))]))
        return .json(HTTPStatus.ok, JSONText.object([
            ("Id", JSONText.quote(image.id)), ("RepoTags", JSONText.strings([image.reference])), ("RepoDigests", "[]"),
            ("Comment", JSONText.quote("")), ("Created", JSONText.quote(SimTime.epoch.rfc3339Nano)), ("Config", config),
            ("Architecture", JSONText.quote("amd64")), ("Os", JSONText.quote("linux")), ("Size", "0"),
            ("RootFS", JSONText.object([("Type", JSONText.quote("layers"))])),
            ("Metadata", JSONText.object([("LastTagTime", JSONText.quote("0001-01-01T00:00:00Z"))])),
        ]))
    }

    /// `POST /images/create?fromImage=&tag=`: a catalogue image is already here (the daemon's
    /// "up to date" progress stream); any other is refused as Docker Hub refuses an unknown repository.
    func imageCreate(_ request: APIRequest) -> APIResponse {
        guard let from = request.query("fromImage"), !from.isEmpty else {
            return .error(HTTPStatus.notImplemented, "cnmlab: importing an image (docker import) is not simulated")
        }
        let tag = request.query("tag") ?? ""
        let reference = tag.isEmpty ? from : (tag.hasPrefix("sha256:") ? from + "@" + tag : from + ":" + tag)
        let normal = ImageCatalogue.normalise(reference)
        guard let image = ImageCatalogue.find(reference) else {
            let repo = normal?.repository ?? from
            return .error(HTTPStatus.notFound, "pull access denied for \(repo), repository does not exist or may require 'docker login': denied: requested access to the resource is denied")
        }
        let path = image.repository.contains("/") ? image.repository : "library/" + image.repository
        let stream = ByteStream()
        // moby v28.2.2 daemon/images pull progress: JSON messages separated by CRLF.
        stream.write("{\"status\":\"Pulling from \(path)\",\"id\":\(JSONText.quote(image.tag))}\r\n")
        stream.write("{\"status\":\"Status: Image is up to date for \(image.reference)\"}\r\n")
        stream.finish()
        return .stream(status: HTTPStatus.ok, contentType: "application/json", stream)
    }
}
