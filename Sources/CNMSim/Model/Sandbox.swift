/// A CNM sandbox: one container's isolated network stack (a network namespace)
/// holding its endpoints, routes and DNS configuration. It exists while the
/// container runs.
public struct Sandbox: Sendable, Hashable, Identifiable {
    public let id: String
    public let containerID: String
    /// Endpoint IDs in the order they joined.
    public var endpointIDs: [String]
    /// Whether the embedded DNS server (127.0.0.11) was started in this sandbox:
    /// on the first endpoint on a user-defined network; it then stays for the
    /// sandbox's life (moby `Sandbox.startResolver` runs once).
    public var embeddedResolver: Bool = false

    public init(id: String, containerID: String, endpointIDs: [String] = []) {
        self.id = id; self.containerID = containerID; self.endpointIDs = endpointIDs
    }

    /// `/var/run/docker/netns/<id12>`.
    public var key: String { "/var/run/docker/netns/" + id.prefix(12) }
}
