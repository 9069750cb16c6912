import CNMSim

/// Redirections of a typed command (`> f`, `>> f`, `< f`, here-documents, `2> f`, `2>> f`, `2>&1`,
/// `>&2`, `/dev/null`), applied as a shell applies them: left to right before the command runs (`>`
/// creates or empties its file first, so `cat f > f` leaves it empty), then each stream goes where
/// its descriptor points.
/// Every file is one of the simulated machine's or container's (`Engine+Files`); nothing is
/// read from or written to the real machine.
extension Simulator {
    /// Where the files of the current site live.
    var fileSite: Engine.FileSite {
        if case .container(let id) = site { return .container(id) }
        return .host
    }

    /// The current folder of the typed commands: root's home on the host, the image's `WORKDIR`
    /// in a container.
    var workingDirectory: String {
        if case .container(let id) = site, let c = engine.containers[id] { return ContainerShell.workingDirectory(c) }
        return HostFiles.home
    }

    /// Where one of the two standard streams goes: the terminal (as that stream), a file, or
    /// `/dev/null`.
    enum StreamTarget: Equatable { case terminal(CommandOutput.Stream), file(String), discard }

    /// Runs `words` with `redirections` applied (no redirection: exactly `runSimple`). Descriptors 1
    /// and 2 are set left to right as bash sets them (`> f 2>&1` sends both to f, `2>&1 > f` only
    /// standard output); then each piece the command wrote goes where its stream points, in order.
    mutating func runRedirected(_ words: [String], _ redirections: [ShellRedirection.Expanded], stdin: String?) -> CommandOutput {
        if redirections.isEmpty { return words.isEmpty ? CommandOutput() : runSimple(words, stdin: stdin) }
        var input = stdin
        var fd1 = StreamTarget.terminal(.stdout)
        var fd2 = StreamTarget.terminal(.stderr)
        let at = fileSite
        for r in redirections {
            switch r.kind {
            case .hereDocument:
                input = r.text
            case .errorToOutput:
                fd2 = fd1
            case .outputToError:
                fd1 = fd2
            case .input:
                if r.text == Self.devNull { input = ""; continue }
                guard let path = FilePath.resolve(r.text, in: workingDirectory) else { return redirectionError(r.text, .nameTooLong, reading: true) }
                switch engine.files(at: at)?.node(path) {
                case .file(let text)?: input = text
                case .directory?: input = ""
                case nil: return redirectionError(r.text, .noSuchFile, reading: true)
                }
            case .output, .append, .errorOutput, .errorAppend:
                let target: StreamTarget
                if r.text == Self.devNull {
                    target = .discard
                } else {
                    guard let path = FilePath.resolve(r.text, in: workingDirectory) else { return redirectionError(r.text, .nameTooLong, reading: false) }
                    let append = r.kind == .append || r.kind == .errorAppend
                    do throws(FileError) {
                        try engine.changeFiles(at: at) { (f: inout LayeredFiles) throws(FileError) in try f.write(path, "", append: true) }
                        if !append { try engine.changeFiles(at: at) { (f: inout LayeredFiles) throws(FileError) in try f.write(path, "") } }
                    } catch {
                        return redirectionError(r.text, error, reading: false)
                    }
                    target = .file(path)
                }
                if r.kind == .output || r.kind == .append { fd1 = target } else { fd2 = target }
            }
        }
        let ran = words.isEmpty ? CommandOutput() : runSimple(words, stdin: input)
        if fd1 == .terminal(.stdout) && fd2 == .terminal(.stderr) { return ran }
        var out = CommandOutput(exitCode: ran.exitCode, errors: ran.errors)
        var failed: FileError?
        for piece in ran.segments {
            switch piece.stream == .stdout ? fd1 : fd2 {
            case .terminal(.stdout): out.stdout += piece.text
            case .terminal(.stderr): out.stderr += piece.text
            case .discard: break
            case .file(let path):
                do throws(FileError) {
                    try engine.changeFiles(at: at) { (f: inout LayeredFiles) throws(FileError) in try f.write(path, piece.text, append: true) }
                } catch {
                    failed = error
                }
            }
        }
        if let failed {
            // The file filled up (`FileLimits`): the program's write fails as on a full disk.
            let program = words.first.map { String($0.split(separator: "/").last ?? "") } ?? "sh"
            out.stderr += "\(program): write error: \(failed.reason)\n"
            if out.exitCode == 0 { out.exitCode = 1 }
        }
        return out
    }

    /// The one device file a redirection names: everything written to it is dropped, reading it
    /// gives nothing.
    static let devNull = "/dev/null"

    /// The shell's own message when a redirection's file cannot be opened (exit 1, the command
    /// does not run): bash on the host and in Debian's `bash`; busybox ash; dash.
    func redirectionError(_ name: String, _ error: FileError, reading: Bool) -> CommandOutput {
        if case .derived(let path) = error { return NotSimulated.feature("changing \(path) (Docker writes it; cnmlab derives it)") }
        if case .container = site, let shell {
            switch shell.flavor {
            case .ash:
                let reason = error == .noSuchFile ? (reading ? "no such file" : "nonexistent directory") : error.reason
                return CommandOutput(stderr: "sh: can't \(reading ? "open" : "create") \(name): \(reason)\n", exitCode: reading ? 1 : 2)
            case .dash:
                let reason = error == .noSuchFile ? (reading ? "No such file" : "Directory nonexistent") : error.reason
                return CommandOutput(stderr: "sh: 1: cannot \(reading ? "open" : "create") \(name): \(reason)\n", exitCode: 2)
            case .bash, .bashPosix:
                break
            }
        }
        return CommandOutput(stderr: "bash: \(name): \(error.reason)\n", exitCode: 1)
    }
}
