/// A CNM sandbox: one container's isolated network stack (a network namespace)
/// holding its endpoints, routes and DNS configuration. It exists while the
/// container runs.
public struct Sandbox: Sendable, Hashable, Identifiable {
    public let id: String
    public let containerID: String
    /// Endpoint IDs in the order they joined.
    public var endpointIDs: [String]

    public init(id: String, containerID: String, endpointIDs: [String] = []) {
        self.id = id; self.containerID = containerID; self.endpointIDs = endpointIDs
    }

    /// `/var/run/docker/netns/<id12>`.
    public var key: String { "/var/run/docker/netns/" + id.prefix(12) }
}
