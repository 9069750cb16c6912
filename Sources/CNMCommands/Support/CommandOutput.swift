import CNMSim

/// What one command printed and how it ended, as a terminal would show it.
public struct CommandOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32
    /// The typed errors behind what stderr reports, in order: each daemon error printed as
    /// `Error response from daemon: …`, and cnmlab's not-simulated refusals (kind `.notSimulated`).
    /// The Engine API answers with the HTTP status of the first (`EngineError.Kind`), never by reading
    /// the text. Not part of equality: two outputs are equal when the terminal shows the same.
    public var errors: [EngineError]

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0, errors: [EngineError] = []) {
        self.stdout = stdout; self.stderr = stderr; self.exitCode = exitCode; self.errors = errors
    }

    /// Equal when the terminal shows the same: stdout, stderr and the exit status.
    public static func == (a: CommandOutput, b: CommandOutput) -> Bool {
        a.stdout == b.stdout && a.stderr == b.stderr && a.exitCode == b.exitCode
    }

    public static func ok(_ stdout: String = "") -> CommandOutput { CommandOutput(stdout: stdout) }

    public static func fail(_ stderr: String, code: Int32 = 1, stdout: String = "") -> CommandOutput {
        CommandOutput(stdout: stdout, stderr: stderr, exitCode: code)
    }

    /// Appends another command's output (for `;`/`&&` sequences).
    public mutating func append(_ other: CommandOutput) {
        stdout += other.stdout
        stderr += other.stderr
        exitCode = other.exitCode
        errors += other.errors
    }
}
