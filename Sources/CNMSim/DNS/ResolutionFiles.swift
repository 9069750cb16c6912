/// The name-resolution files a program can read, for a container (its ID) or
/// for the host (nil): `/etc/hosts`, `/etc/resolv.conf`, `/etc/hostname`.
/// Derived from the engine's state each time, so connects, disconnects and
/// restarts show at once.
public enum ResolutionFiles {
    public static let paths: Set<String> = ["/etc/hosts", "/etc/resolv.conf", "/etc/hostname"]

    /// The file's text, or nil for a path this type does not serve.
    public static func read(_ path: String, site: String?, engine: Engine) -> String? {
        let container = site.flatMap { engine.containers[$0] }
        switch path {
        case "/etc/hosts":
            return HostsFile.text(containerID: container?.id, engine: engine)
        case "/etc/resolv.conf":
            guard let c = container else { return ResolvConf.hostFileText(engine.host) }
            return ResolvConf.forContainer(c, engine: engine).render()
        case "/etc/hostname":
            return (container?.hostname ?? engine.host.hostname) + "\n"
        default:
            return nil
        }
    }
}
