import CNMSim

/// The shape of one docker CLI command: its path, usage line, flags and how
/// many arguments it takes — what cobra checks before the command runs.
struct DockerCommandSpec: Sendable {
    enum Arity: Sendable {
        case none
        case exact(Int)
        case atLeast(Int)
        case atMost(Int)
        case range(Int, Int)
    }

    /// `docker network create`
    var path: String
    /// `docker network create [OPTIONS] NETWORK`
    var useLine: String
    let flags: [FlagSpec]
    let arity: Arity
    var interspersed: Bool = true
    /// Flags that parse but whose effect cnmlab does not model (using one says so); TAB does not offer them.
    var unsimulatedFlags: Set<String> = []
    /// `flags` indexed for parsing, built once with the spec (the specs are constants: building
    /// the index on every command was 4% of grading a class).
    let flagSet: FlagSet

    init(path: String, useLine: String, flags: [FlagSpec], arity: Arity, interspersed: Bool = true,
         unsimulatedFlags: Set<String> = []) {
        self.path = path; self.useLine = useLine; self.flags = flags; self.arity = arity
        self.interspersed = interspersed; self.unsimulatedFlags = unsimulatedFlags
        self.flagSet = FlagSet(flags, interspersed: interspersed)
    }

    /// Parses the arguments after the command path, as cobra does before the command runs: a flag
    /// error is `.usage` (exit 125), a wrong argument count `.arguments` (exit 1), `--help` `.help`.
    func parse(_ args: [String]) throws(CommandError) -> ParsedFlags {
        let parsed: ParsedFlags
        var set = flagSet
        set.interspersed = interspersed
        switch set.parse(args) {
        case .failure(let error): throw .usage(error.dockerUsageText(useLine: useLine, commandPath: path))
        case .help: throw .help(DockerHelp.output(path, shorthand: DockerHelp.askedWithShorthand(args)))
        case .parsed(let p): parsed = p
        }
        if let message = arityError(parsed.positionals.count) { throw .arguments(message) }
        return parsed
    }

    /// The same command reached by another path (`docker container start` for `docker start`): its
    /// usage line and messages name that path, as cobra's `CommandPath` does.
    func at(_ typed: String?) -> DockerCommandSpec {
        guard let typed else { return self }
        let newPath = DockerHelp.aliases[typed] ?? typed
        guard newPath != path else { return self }
        var copy = self
        copy.path = newPath
        copy.useLine = newPath + useLine.dropFirst(path.count)
        return copy
    }

    /// The flags TAB offers (`--name`, `-p`…): the visible ones cnmlab simulates.
    var completedFlags: [String] {
        flags.filter { !$0.hidden && $0.deprecated == nil && !unsimulatedFlags.contains($0.name) }
            .flatMap { f in ["--" + f.name] + (f.shorthand.map { ["-" + String($0)] } ?? []) }
    }

    /// The flag a word spells (`--network`, `--net`, `-p`, the last letter of `-dp`), if any.
    func flag(spelled word: String) -> FlagSpec? {
        if word.hasPrefix("--") {
            let name = String(word.dropFirst(2).prefix { $0 != "=" })
            return flags.first { $0.name == name || $0.aliases.contains(name) }
        }
        guard word.hasPrefix("-"), let letter = word.dropFirst().last else { return nil }
        return flags.first { $0.shorthand == letter }
    }

    /// How many positional arguments `words` hold: flags and the values they take are skipped.
    func positionalCount(_ words: [String]) -> Int {
        var count = 0
        var takesValue = false
        for (i, word) in words.enumerated() {
            if takesValue { takesValue = false; continue }
            if word == "--" { return count + words.count - i - 1 }
            guard word.hasPrefix("-"), word.count > 1 else { count += 1; continue }
            if word.hasPrefix("--") && word.contains("=") { continue }
            if let f = flag(spelled: word), f.noOptDefVal == nil { takesValue = true }
        }
        return count
    }

    private func plural(_ n: Int) -> String { n == 1 ? "argument" : "arguments" }

    /// docker/cli v28.2.2 `cli/required.go`, texts and all (including its "SRun" typo).
    func arityError(_ count: Int) -> String? {
        switch arity {
        case .none where count > 0:
            return "docker: '\(path)' accepts no arguments\n\nUsage:  \(useLine)\n\nRun '\(path) --help' for more information"
        case .exact(let n) where count != n:
            return "docker: '\(path)' requires \(n) \(plural(n))\n\nUsage:  \(useLine)\n\nRun '\(path) --help' for more information"
        case .atLeast(let n) where count < n:
            return "docker: '\(path)' requires at least \(n) \(plural(n))\n\nUsage:  \(useLine)\n\nSee '\(path) --help' for more information"
        case .atMost(let n) where count > n:
            return "docker: '\(path)' requires at most \(n) \(plural(n))\n\nUsage:  \(useLine)\n\nSRun '\(path) --help' for more information"
        case .range(let lo, let hi) where count < lo || count > hi:
            return "docker: '\(path)' requires at least \(lo) and at most \(hi) \(plural(hi))\n\nUsage:  \(useLine)\n\nRun '\(path) --help' for more information"
        default:
            return nil
        }
    }
}

/// Formats daemon errors the way the docker CLI prints them.
enum DaemonError {
    /// `Error response from daemon: MESSAGE`: the docker client trims the daemon's message
    /// (moby v28.2.2 client/request.go `checkResponseErr`).
    static func text(_ error: EngineError) -> String {
        "Error response from daemon: \(error.message.trimmingSpaces)"
    }

    /// The line the CLI prints for it; for what the engine does not simulate, cnmlab's line.
    static func line(_ error: EngineError) -> String {
        if error.kind == .notSimulated { return "cnmlab: \(error.message) (not simulated)\n" }
        return text(error) + "\n"
    }

    static func output(_ error: EngineError) -> CommandOutput {
        CommandOutput(stderr: line(error), exitCode: error.kind == .notSimulated ? 127 : 1, errors: [error])
    }
}
