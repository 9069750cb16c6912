/// A port a container exposes: number and protocol (`80/tcp`).
public struct ContainerPort: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var port: Int
    public var proto: String

    public init(port: Int, proto: String = "tcp") { self.port = port; self.proto = proto }

    /// Parses `80`, `80/tcp`, `53/udp`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let p = Int(parts[0]), p >= 0, p <= 65535 else { return nil }
        port = p
        proto = parts.count > 1 ? String(parts[1]).lowercased() : "tcp"
    }

    public var description: String { "\(port)/\(proto)" }

    public static func < (a: ContainerPort, b: ContainerPort) -> Bool {
        a.port != b.port ? a.port < b.port : a.proto < b.proto
    }
}

/// A requested binding from `-p`: host IP (may be empty) and host port or range (may be empty).
public struct PortBindingRequest: Sendable, Hashable {
    public var hostIP: String
    /// Empty for a random port; `8080` or `8000-8010`.
    public var hostPort: String

    public init(hostIP: String, hostPort: String) { self.hostIP = hostIP; self.hostPort = hostPort }
}

/// A binding that exists while the container runs: `0.0.0.0:8080 -> 80/tcp`.
public struct PortMapping: Sendable, Hashable {
    public var containerPort: ContainerPort
    public var hostIP: String
    /// 0 when no host port is bound: a routed network only opens the container's port.
    public var hostPort: Int

    /// The host port as the API reports it: empty when none is bound (moby v28.2.2
    /// daemon/network.go `getEndpointPortMapInfo`).
    public var hostPortText: String { hostPort > 0 ? String(hostPort) : "" }

    public init(containerPort: ContainerPort, hostIP: String, hostPort: Int) {
        self.containerPort = containerPort; self.hostIP = hostIP; self.hostPort = hostPort
    }
}
