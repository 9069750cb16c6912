import CNMSim

/// The environment a process in a container starts with, for `env`: moby v28.2.2
/// container/container.go `CreateDaemonEnvironment` (`PATH`, `HOSTNAME`, `TERM=xterm` with a
/// terminal, the link variables, then `Config.Env`), the `docker exec -e` values
/// (container/env.go `ReplaceOrAppendEnvValues`), and `HOME` from `/etc/passwd`, which runc adds
/// last when it is unset (root's `/root`).
///
/// `current` is nil where cnmlab does not know the whole environment: inside a shell script (a
/// shell adds variables of its own) or with an image whose `Config.Env` cnmlab does not carry.
enum ProcessEnvironment {
    @TaskLocal static var current: [String]?

    /// oci.DefaultPathEnv for Linux.
    static let defaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// A new process's environment; nil when an image involved keeps variables cnmlab does not carry.
    static func of(_ c: Container, tty: Bool, linkEnv: [String], extra: [String] = [], engine: Engine) -> [String]? {
        guard c.image.envIsModelled,
              engine.legacyLinkChildren(of: c).allSatisfy({ $0.0.image.envIsModelled }) else { return nil }
        var env = [defaultPath, "HOSTNAME=" + c.hostname]
        if tty { env.append("TERM=xterm") }
        env += linkEnv
        env = replaceOrAppend(replaceOrAppend(env, c.configEnv), extra)
        if !env.contains(where: { $0.hasPrefix("HOME=") }) { env.append("HOME=/root") }
        return env
    }

    /// `ReplaceOrAppendEnvValues`: a value replaces the default of the same name, a name without `=`
    /// removes it, anything else is appended.
    static func replaceOrAppend(_ defaults: [String], _ overrides: [String]) -> [String] {
        var out: [String?] = defaults
        var index: [Substring: Int] = [:]
        for (i, e) in defaults.enumerated() { index[e.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]] = i }
        for v in overrides {
            guard let eq = v.firstIndex(of: "=") else {
                if let i = index[Substring(v)] { out[i] = nil }
                continue
            }
            if let i = index[v[..<eq]] { out[i] = v } else { out.append(v) }
        }
        return out.compactMap { $0 }
    }
}
