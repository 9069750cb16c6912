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
    let path: String
    /// `docker network create [OPTIONS] NETWORK`
    let useLine: String
    let flags: [FlagSpec]
    let arity: Arity
    var interspersed: Bool = true

    /// Parses the arguments after the command path; on failure returns the
    /// output docker prints (flag errors exit 125, argument-count errors exit 1).
    func parse(_ args: [String]) -> Result<ParsedFlags, CommandOutputError> {
        let set = FlagSet(flags, interspersed: interspersed)
        let parsed: ParsedFlags
        switch set.parse(args) {
        case .failure(let error):
            return .failure(CommandOutputError(output: CommandOutput(
                stderr: error.dockerUsageText(useLine: useLine, commandPath: path) + "\n", exitCode: 125)))
        case .help:
            return .failure(CommandOutputError(output: DockerHelp.output(path, shorthand: DockerHelp.askedWithShorthand(args))))
        case .parsed(let p):
            parsed = p
        }
        if let message = arityError(parsed.positionals.count) {
            return .failure(CommandOutputError(output: CommandOutput(stderr: message + "\n", exitCode: 1)))
        }
        return .success(parsed)
    }

    /// The same command reached by another path (`docker container start` for `docker start`): its
    /// usage line and messages name that path, as cobra's `CommandPath` does.
    func at(_ typed: String?) -> DockerCommandSpec {
        guard let typed else { return self }
        let newPath = DockerHelp.aliases[typed] ?? typed
        guard newPath != path else { return self }
        var copy = DockerCommandSpec(path: newPath, useLine: newPath + useLine.dropFirst(path.count), flags: flags, arity: arity)
        copy.interspersed = interspersed
        return copy
    }

    private func plural(_ n: Int) -> String { n == 1 ? "argument" : "arguments" }

    /// docker/cli `cli/required.go`, texts and all (including its "SRun" typo).
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

/// A command's early exit carried as an error (bad flags, wrong arity).
struct CommandOutputError: Error {
    let output: CommandOutput
}

/// Formats daemon errors the way the docker CLI prints them.
enum DaemonError {
    static func line(_ error: EngineError) -> String {
        if error.kind == .notSimulated { return "cnmlab: \(error.message) (not simulated)\n" }
        // The docker client trims the daemon's message (moby v28.2.2 client/request.go checkResponseErr).
        return "Error response from daemon: \(error.message.trimmingSpaces)\n"
    }

    static func output(_ error: EngineError) -> CommandOutput {
        CommandOutput(stderr: line(error), exitCode: error.kind == .notSimulated ? 127 : 1)
    }
}
