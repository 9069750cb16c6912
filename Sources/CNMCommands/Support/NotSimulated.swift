/// The one-line answers for what cnmlab does not simulate: honest, never invented output.
public enum NotSimulated {
    static let programSuffix = ": not simulated (no such program on the simulated host)"
    static let featureSuffix = " is not simulated"

    /// A program the simulated host does not have. Exit 127, as a shell gives for an unknown command.
    public static func program(_ name: String) -> CommandOutput {
        CommandOutput(stderr: "cnmlab: \(name)\(programSuffix)\n", exitCode: 127)
    }

    /// A known command or feature that is not simulated.
    public static func feature(_ what: String) -> CommandOutput {
        CommandOutput(stderr: "cnmlab: \(what)\(featureSuffix)\n", exitCode: 127)
    }

    /// The same lines in `language` (`ko`): the one place that knows how they read, so that the
    /// programs producing them need no language of their own. Other lines pass unchanged.
    public static func localize(_ stderr: String, language: String) -> String {
        guard language == "ko", stderr.contains("not simulated") else { return stderr }
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("cnmlab: ") else { return String(line) }
            if line.hasSuffix(programSuffix) {
                let name = line.dropFirst("cnmlab: ".count).dropLast(programSuffix.count)
                return "cnmlab: \(name): 시뮬레이션하지 않는 프로그램입니다 (시뮬레이션된 호스트에 없습니다)"
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
