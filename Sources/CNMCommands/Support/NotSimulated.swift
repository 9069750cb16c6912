import CNMSim

/// The one-line answers for what cnmlab does not simulate: honest, never invented output.
///
/// The programs write these lines in English (they run below any language choice); `localize`
/// turns them into Korean for a Korean session, from the tables below — the one place that knows
/// how cnmlab's own notes inside program output read. Lines of the simulated programs themselves
/// never start with `cnmlab: ` and are never translated.
public enum NotSimulated {
    static let programSuffix = ": not simulated (a real host has this command; cnmlab does not simulate it)"
    static let featureSuffix = " is not simulated"
    /// The plural of `featureSuffix` (the shell's `ShellUnsupportedFeature` texts).
    static let pluralSuffix = " are not simulated"
    /// How `DaemonError.line` ends an engine's not-simulated error.
    static let daemonSuffix = " (not simulated)"

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

    /// The same lines in `language`: the one place that knows how they read, so that the programs
    /// producing them need no language of their own. Other lines pass unchanged.
    public static func localize(_ stderr: String, language: String) -> String {
        guard Language.named(language) == .ko, stderr.contains("cnmlab: ") else { return stderr }
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("cnmlab: ") else { return String(line) }
            let body = String(line.dropFirst("cnmlab: ".count))
            if let note = NotSimulatedKorean.note(body) { return "cnmlab: " + note }
            if let code = exitedAtOnce(body) {
                return "cnmlab: " + MessageTemplate.fill("컨테이너가 곧바로 종료 코드 {code:으로} 끝났습니다 (엔트리포인트에 설정이 필요합니다. 그 로그 줄은 시뮬레이션하지 않습니다)", ["code": code])
            }
            if body.hasSuffix(programSuffix) {
                let name = String(body.dropLast(programSuffix.count))
                return "cnmlab: \(name): 시뮬레이션하지 않습니다 (실제 호스트에는 있는 명령이지만 cnmlab이 흉내 내지 않습니다)"
            }
            if body.hasSuffix(featureSuffix) {
                let what = String(body.dropLast(featureSuffix.count))
                return "cnmlab: " + notSimulatedSentence(what)
            }
            if body.hasSuffix(pluralSuffix) {
                return "cnmlab: " + notSimulatedSentence(String(body.dropLast(pluralSuffix.count)))
            }
            if body.hasSuffix(daemonSuffix) {
                return "cnmlab: " + notSimulatedSentence(String(body.dropLast(daemonSuffix.count)))
            }
            return String(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `{what:은} 시뮬레이션하지 않습니다 (note)`: the description in Korean (`NotSimulatedKorean`),
    /// its note in brackets after the verb.
    static func notSimulatedSentence(_ what: String) -> String {
        let head: String, note: String?
        if let korean = NotSimulatedKorean.phrase(what) {
            (head, note) = splitNote(korean)
        } else {
            let (h, n) = splitNote(what)
            head = NotSimulatedKorean.phrase(h) ?? h
            note = n.map { NotSimulatedKorean.note($0) ?? $0 }
        }
        let sentence = MessageTemplate.fill("{what:은} 시뮬레이션하지 않습니다", ["what": head])
        return sentence + (note.map { " (" + $0 + ")" } ?? "")
    }

    /// `what (note)` as `what` and `note`, so the note can follow the verb in Korean.
    static func splitNote(_ what: String) -> (String, String?) {
        guard what.hasSuffix(")"), let open = what.range(of: " (", options: .backwards) else { return (what, nil) }
        return (String(what[..<open.lowerBound]), String(what[open.upperBound...].dropLast()))
    }

    /// The exit code in `the container exited with code N at once (…)`, if `body` is that note.
    static func exitedAtOnce(_ body: String) -> String? {
        let prefix = "the container exited with code "
        let suffix = " at once (its entrypoint needs configuration; the log lines it prints are not simulated)"
        guard body.hasPrefix(prefix), body.hasSuffix(suffix), body.count > prefix.count + suffix.count else { return nil }
        return String(body.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
