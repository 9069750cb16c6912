/// What one command printed and how it ended, as a terminal would show it.
public struct CommandOutput: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout; self.stderr = stderr; self.exitCode = exitCode
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
    }
}
