/// A mount of a container (moby v28.2.2 api/types/mount, `HostConfig.Binds`/`HostConfig.Mounts`):
/// a folder or file of the simulated host (`bind`), or a named or anonymous volume, at `destination`.
public struct Mount: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case bind, volume
    }

    public var kind: Kind
    /// The host path (bind) or the volume's name (volume).
    public var source: String
    public var destination: String
    public var readOnly: Bool
    /// Given with `-v` (`HostConfig.Binds`, and `Mode` as typed) rather than `--mount`.
    public var fromVolumeFlag: Bool
    /// The options typed after the second `:` of `-v` (`ro`, `rw`, `z`…), for `Mode`.
    public var mode: String

    public init(kind: Kind, source: String, destination: String, readOnly: Bool = false, fromVolumeFlag: Bool = true,
                mode: String = "") {
        self.kind = kind; self.source = source; self.destination = destination; self.readOnly = readOnly
        self.fromVolumeFlag = fromVolumeFlag; self.mode = mode
    }
}

/// A volume (moby v28.2.2 volume/local): a folder Docker keeps under `/var/lib/docker/volumes`.
public struct Volume: Sendable, Hashable {
    public let name: String
    public let driver: String
    /// nil: created with a container (`Labels: null`); `[:]` by `docker volume create`.
    public var labels: [String: String]?
    public var options: [String: String]?
    public let created: SimTime
    /// Created for a container's `-v /path` (labelled `com.docker.volume.anonymous`).
    public var anonymous: Bool
    /// Its files, with paths from the volume's root.
    public internal(set) var files = FileTree()

    public init(name: String, driver: String = "local", labels: [String: String]?, options: [String: String]?,
                created: SimTime, anonymous: Bool = false) {
        self.name = name; self.driver = driver; self.labels = labels; self.options = options; self.created = created
        self.anonymous = anonymous
    }

    /// `/var/lib/docker/volumes/NAME/_data`.
    public var mountpoint: String { "/var/lib/docker/volumes/\(name)/_data" }
}
