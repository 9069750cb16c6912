/// The one-line answers for what cnmlab does not simulate: honest, never invented output.
public enum NotSimulated {
    /// A program the simulated host does not have. Exit 127, as a shell gives for an unknown command.
    public static func program(_ name: String) -> CommandOutput {
        CommandOutput(stderr: "cnmlab: \(name): not simulated (no such program on the simulated host)\n", exitCode: 127)
    }

    /// A known command or feature that is not simulated.
    public static func feature(_ what: String) -> CommandOutput {
        CommandOutput(stderr: "cnmlab: \(what) is not simulated\n", exitCode: 127)
    }
}
