import CNMSim
import CNMCommands

/// TAB completion of file names, as bash completes them: the simulated machine's files (never the
/// real machine's) for the operands of the commands that take files, the value of `nginx -c` and
/// `haproxy -f`, a redirection's target, both sides of `docker cp`, and a command run by
/// `docker exec C …` (in that container's files). A folder completes with `/` (no space after it),
/// so TAB goes on inside it; hidden names are offered only once the word starts with `.`.
enum FileCompletion {
    /// Programs whose operands are files.
    static let filePrograms: Set<String> = ["cat", "head", "tail", "wc", "grep", "ls", "cp", "rm", "touch", "mkdir",
                                            "vi", "vim", "nano"]
    /// Flags whose value is a file, by program.
    static let fileFlags: [String: Set<String>] = ["nginx": ["-c"], "haproxy": ["-f"]]
    /// Words that end one simple command and start the next.
    static let separators: Set<String> = ["|", "||", "&&", ";", "&"]
    /// `docker exec` flags that take a value as the next word.
    static let execValueFlags: Set<String> = ["-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--detach-keys"]

    /// Candidates for the last word of `words` when it names a file, or nil when it does not (then the
    /// command tables complete it). `site` is where the line runs: the host, or an attached container.
    static func candidates(words: [String], site: Engine.FileSite, engine: Engine) -> [String]? {
        guard let current = words.last else { return nil }
        var before = Array(words.dropLast())
        if let cut = before.lastIndex(where: { separators.contains($0) }) { before = Array(before[(cut + 1)...]) }
        // `> FILE`, `>> FILE`, `2> FILE`, `< FILE`.
        if let last = before.last, last.hasSuffix(">") || last == "<" {
            return paths(current, site: site, engine: engine)
        }
        if before.first == "sudo" { before.removeFirst() }
        guard let program = before.first.map({ String($0.split(separator: "/").last ?? "") }) else { return nil }
        if program == "docker" { return docker(Array(before.dropFirst()), current: current, engine: engine) }
        if let flags = fileFlags[program], let last = before.last, flags.contains(last) {
            return paths(current, site: site, engine: engine)
        }
        if filePrograms.contains(program), !current.hasPrefix("-") { return paths(current, site: site, engine: engine) }
        return nil
    }

    /// `docker cp` (a local path, `CONTAINER:` or a path in it) and `docker exec C PROGRAM …` (in C's files).
    static func docker(_ args: [String], current: String, engine: Engine) -> [String]? {
        var rest = args
        if rest.first == "container" { rest.removeFirst() }
        switch rest.first {
        case "cp":
            guard !current.hasPrefix("-") else { return nil }
            if let colon = current.firstIndex(of: ":"), !current[..<colon].contains("/") {
                let name = String(current[..<colon])
                guard case .success(let c) = engine.findContainer(name) else { return [] }
                let typed = String(current[current.index(after: colon)...])
                return paths(typed, site: .container(c.id), engine: engine).map { name + ":" + $0 }
            }
            let containers = current.contains("/") ? [] : engine.allContainers.map { $0.name + ":" }
            return paths(current, site: .host, engine: engine) + containers.filter { $0.hasPrefix(current) }
        case "exec":
            rest.removeFirst()
            while let flag = rest.first, flag.hasPrefix("-") {
                rest.removeFirst()
                if execValueFlags.contains(flag), !rest.isEmpty { rest.removeFirst() }
            }
            guard rest.count >= 2, case .success(let c) = engine.findContainer(rest[0]) else { return nil }
            return candidates(words: Array(rest.dropFirst()) + [current], site: .container(c.id), engine: engine)
        default:
            return nil
        }
    }

    /// The paths at `site` that start with `word`, as typed (relative to the current folder, or `~/…`),
    /// a folder's with its `/`.
    static func paths(_ word: String, site: Engine.FileSite, engine: Engine) -> [String] {
        guard let files = engine.files(at: site) else { return [] }
        let home = HostFiles.home
        let workingDirectory: String
        if case .container(let id) = site, let c = engine.containers[id] {
            workingDirectory = ContainerShell.workingDirectory(c)
        } else {
            workingDirectory = home
        }
        let typedFolder: Substring
        let namePrefix: Substring
        if let slash = word.lastIndex(of: "/") {
            typedFolder = word[...slash]
            namePrefix = word[word.index(after: slash)...]
        } else {
            typedFolder = ""
            namePrefix = Substring(word)
        }
        var folder = String(typedFolder)
        if folder == "~/" || folder.hasPrefix("~/") { folder = home + folder.dropFirst() }
        guard let directory = folder.isEmpty ? workingDirectory : FilePath.resolve(folder, in: workingDirectory) else { return [] }
        let showHidden = namePrefix.hasPrefix(".")
        return files.knownNames(directory).compactMap { name in
            guard name.hasPrefix(namePrefix), showHidden || !name.hasPrefix(".") else { return nil }
            let path = directory == "/" ? "/" + name : directory + "/" + name
            return typedFolder + name + (files.isDirectory(path) ? "/" : "")
        }
    }

    /// What the list of several candidates shows for `match`: the part after the folder already typed
    /// (`hostname`, `nginx/` for `/etc/ho…`), as bash lists them.
    static func display(_ match: String, word: String) -> String {
        guard let slash = word.lastIndex(of: "/"), match.hasPrefix(word[...slash]) else { return match }
        return String(match.dropFirst(word[...slash].count))
    }

    /// Whether a unique candidate is still open (a folder, or `CONTAINER:` of `docker cp`): no space after it.
    static func staysOpen(_ match: String) -> Bool { match.hasSuffix("/") || match.hasSuffix(":") }
}
