import CNMSim

extension ProgramContext {
    /// `/etc/hosts` or `/etc/resolv.conf` as the program's site sees it (served to `cat`).
    func resolutionFile(_ path: String) -> String? {
        ResolutionFiles.read(path, site: container?.id, engine: engine)
    }
}
