import Foundation
import CNMCommands
import CNMSim

/// Checks that a lab is fit for learners (`cnmlab validate`): it reads cleanly,
/// setup works, every step fails before its reference solution and passes
/// after it, has a hint, has every text in every locale, and (with mutants)
/// rejects near-miss solutions.
public enum LabValidator {
    /// Learners whose variants are validated besides the default one, when a lab has parameters.
    public static let sampleLearners = ["validate-sample-1", "validate-sample-2"]

    /// Every problem of one decoded lab (schema problems come from `LabDecoder`).
    public static func validate(_ lab: Lab, mutants: Bool = false) -> [LabDiagnostic] {
        var out = validate(lab, learner: nil, mutants: mutants)
        if !lab.parameters.isEmpty {
            for learner in sampleLearners {
                for d in validate(lab, learner: learner, mutants: false) where !out.contains(d) {
                    var d = d
                    d.arguments = d.arguments.map { $0 + " [variant of \(learner)]" }
                    out.append(d)
                }
            }
        }
        return out
    }

    static func validate(_ source: Lab, learner: String?, mutants: Bool) -> [LabDiagnostic] {
        var out: [LabDiagnostic] = []
        var session = LabSession(lab: source, learner: learner)
        let lab = session.lab
        let file = lab.file
        for (command, output) in session.setupOutputs where output.exitCode != 0 {
            out.append(LabDiagnostic(.setupFailed, [String(output.exitCode), command], at: nil, file: file))
        }
        for (i, step) in lab.steps.enumerated() {
            let pos = step.position
            if step.hints.isEmpty { out.append(LabDiagnostic(.noHint, [step.id], at: pos, file: file)) }
            if let quiz = step.quiz {
                if quiz.accept.isEmpty { continue }
                for line in step.solution { _ = session.input(line) }
                if !step.checks.isEmpty, session.evaluate(stepIndex: i).allSatisfy(\.passed) == false {
                    let first = session.evaluate(stepIndex: i).first { !$0.passed }
                    out.append(LabDiagnostic(.notSolvable, [step.id, first.map(describe) ?? ""], at: pos, file: file))
                }
                _ = session.answer(quiz.accept[0])
                continue
            }
            guard !step.checks.isEmpty else { continue }
            // Hidden checks never hold a step back, so the visible ones alone must fail first.
            if session.visibleChecksHold(i, session.evaluate(stepIndex: i)) {
                out.append(LabDiagnostic(.passesBeforeSolution, [step.id], at: pos, file: file))
            }
            for line in step.solution {
                if let reason = session.refusal(for: line) {
                    out.append(LabDiagnostic(.solutionForbidden, [step.id, line + " (" + reason + ")"], at: pos, file: file))
                }
            }
            let before = session
            for line in step.solution { _ = session.input(line) }
            let after = session.evaluate(stepIndex: i)
            if let failed = after.first(where: { !$0.passed }) {
                out.append(LabDiagnostic(.notSolvable, [step.id, describe(failed)], at: pos, file: file))
            } else if mutants {
                let machines = before.cluster.machines.dropFirst().map(\.name)
                for m in MutantGenerator.mutants(of: step.solution, engine: before.engine, machines: machines) {
                    var trial = before
                    for line in m.lines { _ = trial.input(line) }
                    if trial.evaluate(stepIndex: i).allSatisfy(\.passed) {
                        out.append(LabDiagnostic(.mutantAccepted, [step.id, m.description, m.lines.joined(separator: " ; ")],
                                                 at: pos, file: file))
                    }
                }
            }
        }
        out += EarlyPassLint.diagnostics(source, learner: learner)
        return out
    }

    static func describe(_ r: CheckResult) -> String {
        var s = "\(r.name): \(r.message)"
        if let e = r.expected { s += " (expected \(e)" + (r.actual.map { ", actual \($0)" } ?? "") + ")" }
        return s
    }

    /// Validates files and folders of labs together (duplicate ids and prerequisites across them).
    public static func validate(paths: [String], mutants: Bool = false) -> ValidationReport {
        let loaded = LabCatalog.load(paths: paths)
        var report = ValidationReport(files: [])
        // Prerequisites may name labs validated together or lying beside a file given alone.
        var ids = Set(loaded.compactMap { $0.lab?.id })
        let folders = Set(loaded.map { ($0.file as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for folder in folders.sorted() where loaded.contains(where: { !($0.lab?.prerequisites.isEmpty ?? true) }) {
            ids.formUnion(LabCatalog.labs(paths: [folder]).map(\.id))
        }
        var seenIDs: [String: String] = [:]
        for entry in loaded {
            var diagnostics = entry.diagnostics
            if let lab = entry.lab {
                if let other = seenIDs[lab.id] {
                    diagnostics.append(LabDiagnostic(.duplicateID, [lab.id + " (also in \(other))"], at: nil, file: entry.file))
                } else {
                    seenIDs[lab.id] = entry.file
                }
                for p in lab.prerequisites where !ids.contains(p) {
                    diagnostics.append(LabDiagnostic(.unknownPrerequisite, [p], at: nil, file: entry.file))
                }
                diagnostics += validate(lab, mutants: mutants)
            }
            report.files.append(ValidationReport.File(file: entry.file, labID: entry.lab?.id, diagnostics: diagnostics))
        }
        return report
    }
}

/// The result of validating a set of lab files.
public struct ValidationReport: Sendable {
    public struct File: Sendable {
        public var file: String
        public var labID: String?
        public var diagnostics: [LabDiagnostic]
    }

    public var files: [File]

    /// Clean: no error and no warning in any file.
    public var isClean: Bool { files.allSatisfy { $0.diagnostics.isEmpty } && !files.isEmpty }
    public var diagnostics: [LabDiagnostic] { files.flatMap(\.diagnostics) }
}
