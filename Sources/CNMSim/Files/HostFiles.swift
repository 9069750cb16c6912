/// The simulated host's own files below the learner's changes: root's home (the shell's current
/// folder, where `-v ./nginx.conf:…` looks), `/tmp`, and `/etc`, whose full listing is not
/// modelled. Nothing here is read from, or written to, the real machine running cnmlab.
public enum HostFiles {
    /// The shell's current folder (root's home).
    public static let home = "/root"

    public static let base = FileTree(files: [:], directories: [home, "/tmp", "/etc"], partial: ["/", "/etc"])
}
