import CNMSim

/// What the file programs (`cat`, `ls`, `rm`, `mkdir`, `cp`, `touch`) share: the files of the site
/// they run on, its current folder, and whether their messages are GNU coreutils' (the host,
/// Debian-based images) or busybox's (busybox and Alpine-based images).
extension ProgramContext {
    var fileSite: Engine.FileSite {
        if case .container(let id) = site { return .container(id) }
        return .host
    }

    /// The current folder: root's home on the host, the image's `WORKDIR` in a container.
    var workingDirectory: String {
        container.map(ContainerShell.workingDirectory) ?? HostFiles.home
    }

    /// `path` made absolute and normalised (nil: longer than `PATH_MAX`).
    func resolve(_ path: String) -> String? { FilePath.resolve(path, in: workingDirectory) }

    /// The files the program sees.
    var files: LayeredFiles? { engine.files(at: fileSite) }

    /// Whether the program is busybox's applet (its messages differ from GNU's).
    var busybox: Bool { container?.image.tools.contains("busybox") ?? false }
}

/// Splits the arguments of a file program into its one-letter options and its operands, as
/// getopt does (`-rf`, `--` ends the options; a lone `-` is an operand).
enum FileProgramArguments {
    static func split(_ args: [String], allowed: Set<Character>) -> (options: Set<Character>, operands: [String], bad: String?) {
        var options = Set<Character>()
        var operands: [String] = []
        var done = false
        for a in args {
            if done || !a.hasPrefix("-") || a == "-" { operands.append(a); continue }
            if a == "--" { done = true; continue }
            if a.hasPrefix("--") { return (options, operands, a) }
            for ch in a.dropFirst() {
                guard allowed.contains(ch) else { return (options, operands, "-" + String(ch)) }
                options.insert(ch)
            }
        }
        return (options, operands, nil)
    }
}
