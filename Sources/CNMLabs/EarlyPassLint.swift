/// `validate`'s warning for a step that completes before the last command of its reference
/// solution (`LAB040`): `step 2 (lookup) passes after command 1 of 3 of its solution: commands 2–3
/// are not checked`, at the position of the step's checks.
///
/// Why: the shell completes a step as soon as its checks hold and moves on, so whatever the
/// solution does after that point — often what the step is about, such as reading an `nslookup`
/// answer — is never asked of the learner. Either the checks miss something (add a check on
/// what those commands do, or a `history` check that they ran) or the commands are not needed.
public enum EarlyPassLint {
    /// The warnings for one variant of `source`: its steps replayed as a learner would, each step's
    /// solution one command at a time.
    public static func diagnostics(_ source: Lab, learner: String? = nil) -> [LabDiagnostic] {
        var session = LabSession(lab: source, learner: learner)
        let lab = session.lab
        var out: [LabDiagnostic] = []
        for (i, step) in lab.steps.enumerated() {
            // A step that does not complete from its solution is LAB022's business; stop there.
            guard session.currentStep == i else { break }
            if step.quiz == nil, !step.checks.isEmpty, step.solution.count > 1 {
                var trial = session
                for (k, line) in step.solution.enumerated().dropLast() {
                    _ = trial.apply(.command(line))
                    guard trial.currentStep > i else { continue }
                    let n = step.solution.count, done = k + 1
                    let message: LabMessage = done == n - 1 ? .passesEarlyOne : .passesEarly
                    let position = step.checks.first?.position ?? step.position
                    out.append(LabDiagnostic(message, [String(i + 1), step.id, String(done), String(n), String(done + 1)],
                                             at: position, file: lab.file, severity: .warning))
                    break
                }
            }
            for line in step.transcriptLines { _ = session.apply(LabLine(line)) }
        }
        return out
    }
}
