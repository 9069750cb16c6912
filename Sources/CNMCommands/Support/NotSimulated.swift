import CNMSim

/// The one-line answers for what cnmlab does not simulate: honest, never invented output.
public enum NotSimulated {
    static let programSuffix = ": not simulated (a real host has this command; cnmlab does not simulate it)"
    static let featureSuffix = " is not simulated"

    /// A command a real host has that the simulated host does not simulate. Exit 127, as a shell gives
    /// for a command it cannot run.
    public static func program(_ name: String) -> CommandOutput {
        CommandOutput(stderr: "cnmlab: \(name)\(programSuffix)\n", exitCode: 127, errors: [EngineError(.notSimulated, name)])
    }

    /// A name no real host has: bash's own answer (`bash: dokcer: command not found`, exit 127).
    public static func commandNotFound(_ name: String) -> CommandOutput {
        CommandOutput(stderr: "bash: \(name): command not found\n", exitCode: 127)
    }

    /// A known command or feature that is not simulated.
    public static func feature(_ what: String) -> CommandOutput {
        CommandOutput(stderr: "cnmlab: \(what)\(featureSuffix)\n", exitCode: 127, errors: [EngineError(.notSimulated, what)])
    }

    /// The same lines in `language` (`ko`): the one place that knows how they read, so that the
    /// programs producing them need no language of their own. Other lines pass unchanged.
    public static func localize(_ stderr: String, language: String) -> String {
        guard language == "ko", stderr.contains("not simulated") else { return stderr }
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("cnmlab: ") else { return String(line) }
            if line.hasSuffix(programSuffix) {
                let name = line.dropFirst("cnmlab: ".count).dropLast(programSuffix.count)
                return "cnmlab: \(name): 시뮬레이션하지 않습니다 (실제 호스트에는 있는 명령이지만 cnmlab이 흉내 내지 않습니다)"
            }
            if line.hasSuffix(featureSuffix) {
                let what = line.dropFirst("cnmlab: ".count).dropLast(featureSuffix.count)
                return "cnmlab: \(what) — 시뮬레이션하지 않습니다"
            }
            return String(line)
        }
        return lines.joined(separator: "\n")
    }
}
