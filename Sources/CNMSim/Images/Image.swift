/// A simulated container image: what its main process is, which ports it
/// exposes and listens on, and which programs it carries.
public struct Image: Sendable, Hashable {
    /// Repository name as users type it (`nginx`, `busybox`).
    public let repository: String
    public let tag: String
    public let id: String
    public let entrypoint: [String]
    public let cmd: [String]
    /// `EXPOSE` ports, e.g. `80/tcp`.
    public let exposedPorts: [String]
    public let env: [String]
    /// Executables on the image's PATH.
    public let tools: Set<String>
    /// Ports the default process listens on, with what answers there.
    public let services: [ServiceListener]
    /// Environment variables the entrypoint requires (any one of them), or empty.
    public let requiresOneOfEnv: [String]
    /// The program the image's default command runs (used to tell a service from a shell).
    public let defaultProgram: String

    /// Whether `env` is the whole of the image's `Config.Env`: busybox, alpine and ubuntu set only
    /// `PATH` (which the engine gives every container); the other images set variables of their own
    /// (`NGINX_VERSION`, `REDIS_VERSION`…) that cnmlab does not carry.
    public var envIsModelled: Bool { ["busybox", "alpine", "ubuntu"].contains(repository) }

    public init(repository: String, tag: String = "latest", entrypoint: [String] = [], cmd: [String],
                exposedPorts: [String] = [], env: [String] = [], tools: Set<String>, services: [ServiceListener] = [],
                requiresOneOfEnv: [String] = [], defaultProgram: String) {
        self.repository = repository; self.tag = tag
        self.entrypoint = entrypoint; self.cmd = cmd; self.exposedPorts = exposedPorts; self.env = env
        self.tools = tools; self.services = services; self.requiresOneOfEnv = requiresOneOfEnv
        self.defaultProgram = defaultProgram
        self.id = "sha256:" + Image.digest(of: repository + ":" + tag)
    }

    /// `repository:tag` as Docker normalises a reference.
    public var reference: String { repository + ":" + tag }

    /// A stable 64-hex digest for a name (FNV-1a widened), so image IDs do not depend on the seed.
    static func digest(of text: String) -> String {
        var out = ""
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for round in 0..<4 {
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h = (h ^ UInt64(round)) &* 0x100_0000_01b3
            let hex = String(h, radix: 16)
            out += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return out
    }
}

/// A port on which an image's default process accepts connections.
public struct ServiceListener: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case http
        case redis
        case mysql
        case postgres
        case dns
    }
    public let port: Int
    public let proto: String
    public let kind: Kind

    public init(port: Int, proto: String = "tcp", kind: Kind) {
        self.port = port; self.proto = proto; self.kind = kind
    }
}
