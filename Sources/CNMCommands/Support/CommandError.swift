import CNMSim

/// Why a command ended without doing its work, and so the exit status it gives: the one place
/// where a failure's exit code is chosen. Commands throw it (`throws(CommandError)`); the
/// dispatcher that called them turns it into what the terminal shows (`output`). No caller reads a
/// message to learn its code.
///
/// The statuses are the real tools': docker/cli v28.2.2 `cli.StatusError` and `cmd/docker/docker.go` (125
/// for a flag error, 1 for any other error its commands return), bash for a command it cannot find
/// (127), runc for an executable a container lacks (127), and cnmlab's own 127 for what it does not
/// simulate.
enum CommandError: Error, Equatable {
    /// `--help` or `-h`: the help text, exit 0. Not a failure, but it ends the command early.
    case help(CommandOutput)
    /// A flag the parser refused, as docker/cli v28.2.2 `cli.FlagErrorFunc` prints it (with the usage line): exit 125.
    case usage(String)
    /// The wrong number of arguments (docker/cli v28.2.2 `cli/required.go`): exit 1.
    case arguments(String)
    /// The CLI's own refusal, an error its command returns (`Error: No public port '80' published for web`): exit 1.
    case refused(String)
    /// An error `docker run` or `docker create` reports with the pointer to its help (docker/cli v28.2.2
    /// cli/command/container/run.go `reportError`): `docker: MESSAGE`, exit 125.
    case reported(String, command: String)
    /// The daemon's error (`Error response from daemon: …`, exit 1); one the engine marks as not
    /// simulated is cnmlab's not-simulated line (exit 127).
    case daemon(EngineError)
    /// The daemon could not start a container's process (docker/cli v28.2.2 cli/command/container/run.go
    /// `runStartContainerErr`): `docker run` reports it with its help pointer; the status is the one the
    /// start gave the process (127 command not found, 126 not executable), else 125.
    case startFailed(EngineError, command: String)
    /// Something cnmlab does not simulate (`NotSimulated.feature`): exit 127.
    case notSimulated(String)
    /// A program the container's image does not have, as runc reports it to `docker exec`: exit 127.
    case executableNotFound(String)
    /// A program's own answer that ends it early, printed as it prints it, with the status it gives
    /// (iptables: 2 for bad usage, 3 for a table that does not exist, 4 without permission, 0 for `-V`).
    case exit(CommandOutput)

    /// What the terminal shows for it.
    var output: CommandOutput {
        switch self {
        case .help(let out): return out
        case .usage(let text): return CommandOutput(stderr: text + "\n", exitCode: 125)
        case .arguments(let text): return CommandOutput(stderr: text + "\n", exitCode: 1)
        case .refused(let text): return CommandOutput(stderr: text + "\n", exitCode: 1)
        case .reported(let text, let command): return CommandOutput(stderr: Self.withHelp(text, command), exitCode: 125)
        case .daemon(let e): return DaemonError.output(e)
        case .startFailed(let e, let command):
            return CommandOutput(stderr: Self.withHelp(DaemonError.text(e), command), exitCode: e.exitStatus ?? 125, errors: [e])
        case .notSimulated(let what): return NotSimulated.feature(what)
        case .executableNotFound(let program):
            return CommandOutput(stdout: "OCI runtime exec failed: exec failed: unable to start container process: exec: \(GoQuote.quote(program)): executable file not found in $PATH: unknown\r\n", exitCode: 127)
        case .exit(let out): return out
        }
    }

    /// The exit status it ends the command with.
    var exitCode: Int32 { output.exitCode }

    /// docker/cli v28.2.2 `reportError`: `docker: MESSAGE` and the pointer to the command's help.
    static func withHelp(_ message: String, _ command: String) -> String {
        "docker: \(message)\n\nRun 'docker \(command) --help' for more information\n"
    }
}

extension CommandError {
    /// Runs a command that throws, and gives what the terminal shows either way.
    static func catching(_ body: () throws(CommandError) -> CommandOutput) -> CommandOutput {
        do { return try body() } catch { return error.output }
    }
}

extension Result where Failure == EngineError {
    /// The value, or the daemon's error thrown as the command's (`Error response from daemon: …`).
    func orDaemonError() throws(CommandError) -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let e): throw .daemon(e)
        }
    }
}
