import Foundation
import CNMCommands
import CNMSim

/// Checks that a lab is fit for learners (`cnmlab validate`): it reads cleanly,
/// setup works, every step fails before its reference solution and passes
/// after it, has a hint, has every text in every locale, and (with mutants)
/// rejects near-miss solutions.
public enum LabValidator {
    /// Raised whenever validation gets stricter, so remembered verdicts (`cnmlab grade`'s cache) are redone.
    public static let revision = 2
    /// Most variants validated besides the default one.
    public static let maxSampleVariants = 16
    /// Learner names tried when looking for variants that show every value.
    static let sampleCandidates = 256

    /// How many near-miss mutants ran and how many the checks rejected.
    public struct MutantCounts: Sendable, Hashable {
        public var tried = 0
        public var caught = 0
        public var accepted: Int { tried - caught }

        public init(tried: Int = 0, caught: Int = 0) { self.tried = tried; self.caught = caught }

        public static func + (a: MutantCounts, b: MutantCounts) -> MutantCounts {
            MutantCounts(tried: a.tried + b.tried, caught: a.caught + b.caught)
        }
    }

    /// Every problem of one decoded lab (schema problems come from `LabDecoder`).
    public static func validate(_ lab: Lab, mutants: Bool = false) -> [LabDiagnostic] {
        validateCounting(lab, mutants: mutants).diagnostics
    }

    /// The problems of one lab, and how the mutants fared: the default variant first (with mutants),
    /// then sample variants chosen so that every value of every parameter is exercised.
    public static func validateCounting(_ lab: Lab, mutants: Bool) -> (diagnostics: [LabDiagnostic], mutants: MutantCounts) {
        var (out, counts) = validate(lab, learner: nil, mutants: mutants)
        // A problem found only in some variants is reported once, naming them.
        var extra: [(LabDiagnostic, [String])] = []
        func key(_ d: LabDiagnostic) -> String { d.code + "|" + (d.position?.description ?? d.file) + "|" + (d.arguments.first ?? "") }
        let known = Set(out.map(key))
        for learner in sampleLearners(for: lab) {
            for d in validate(lab, learner: learner, mutants: false).diagnostics where !known.contains(key(d)) {
                if let k = extra.firstIndex(where: { key($0.0) == key(d) }) { extra[k].1.append(learner) }
                else { extra.append((d, [learner])) }
            }
        }
        for (d, learners) in extra {
            var d = d
            d.variants = learners
            out.append(d)
        }
        return (out, counts)
    }

    /// Learners whose variants, with the default one, show every value of every `choice` parameter
    /// and at least two drawn values of every integer and subnet parameter (at most
    /// `maxSampleVariants`, looked for among `sampleCandidates` names).
    public static func sampleLearners(for lab: Lab) -> [String] {
        guard !lab.parameters.isEmpty else { return [] }
        var missing: Set<String> = []
        var drawn: [String: Set<String>] = [:]
        for p in lab.parameters {
            switch p.kind {
            case .choice(let options): for o in options where o != p.defaultValue { missing.insert(p.name + "=" + o) }
            case .integer, .subnet: drawn[p.name] = []
            }
        }
        let defaults = Dictionary(lab.parameters.map { ($0.name, $0.defaultValue) }, uniquingKeysWith: { a, _ in a })
        func done() -> Bool { missing.isEmpty && drawn.values.allSatisfy { $0.count >= 2 } }
        var chosen: [String] = []
        for k in 1...sampleCandidates where chosen.count < maxSampleVariants && !done() {
            let learner = "validate-sample-\(k)"
            var useful = false
            for (name, value) in LabVariant.make(for: lab, learner: learner).values {
                if missing.remove(name + "=" + value) != nil { useful = true }
                if let seen = drawn[name], seen.count < 2, value != defaults[name], !seen.contains(value) {
                    drawn[name]?.insert(value)
                    useful = true
                }
            }
            if useful { chosen.append(learner) }
        }
        return chosen
    }

    static func validate(_ source: Lab, learner: String?, mutants: Bool) -> (diagnostics: [LabDiagnostic], mutants: MutantCounts) {
        var out: [LabDiagnostic] = []
        var counts = MutantCounts()
        var session = LabSession(lab: source, learner: learner)
        let lab = session.lab
        let file = lab.file
        func at(_ positions: [SourcePosition?], _ k: Int?, else fallback: SourcePosition?) -> SourcePosition? {
            guard let k, k >= 0, k < positions.count, let p = positions[k] else { return fallback }
            return p
        }
        for (k, (command, output)) in session.setupOutputs.enumerated() where output.exitCode != 0 {
            out.append(LabDiagnostic(.setupFailed, [String(output.exitCode), command],
                                     at: at(lab.setupPositions, k, else: SourcePosition(file: file, line: 1, column: 1)), file: file))
        }
        /// Undo lines of steps whose invariants they established, by step index.
        var undoable: [(step: Int, lines: [String])] = []
        for (i, step) in lab.steps.enumerated() {
            let pos = step.position
            if step.hints.isEmpty { out.append(LabDiagnostic(.noHint, [step.id], at: pos, file: file)) }
            if let quiz = step.quiz {
                if quiz.accept.isEmpty { continue }
                for line in step.solution { _ = session.input(line) }
                if !step.checks.isEmpty, let d = notSolvable(session, i, step, file) { out.append(d) }
                _ = session.answer(quiz.accept[0])
                continue
            }
            guard !step.checks.isEmpty else { continue }
            // Hidden checks never hold a step back, so the visible ones alone must fail first.
            let early = session.evaluate(stepIndex: i)
            if session.visibleChecksHold(i, early) {
                let holding = zip(step.checks, early).first { !$0.0.hidden && $0.1.passed }?.0.position
                out.append(LabDiagnostic(.passesBeforeSolution, [step.id], at: holding ?? pos, file: file))
            }
            var refused = false
            for (k, line) in step.solution.enumerated() {
                if let reason = session.refusal(for: line) {
                    refused = true
                    var ko = session
                    ko.locale = .ko
                    let text = LabText(en: line + " (" + reason + ")", ko: line + " (" + (ko.refusal(for: line) ?? reason) + ")")
                    out.append(LabDiagnostic(.solutionForbidden, [step.id, text],
                                             at: at(step.solutionPositions, k, else: pos), file: file))
                }
            }
            let before = session
            let invariantsBefore = step.invariants.isEmpty ? [] : invariantResults(session, step.invariants)
            for line in step.solution { _ = session.input(line) }
            if let d = notSolvable(session, i, step, file) {
                // A solution the lab's rules refuse cannot pass: LAB024 already says why (one error per mistake).
                if !refused { out.append(d) }
                continue
            }
            if !step.invariants.isEmpty, invariantsBefore.contains(where: { !$0.passed }) {
                // The step establishes its invariants: undoing it must break them (else the undo is no test).
                let lines = MutantGenerator.undo(step.solution)
                var probe = session
                for line in lines { _ = probe.input(line) }
                if !lines.isEmpty, invariantResults(probe, step.invariants).contains(where: { !$0.passed }) {
                    undoable.append((i, lines))
                }
            }
            guard mutants else { continue }
            let machines = before.cluster.machines.dropFirst().map(\.name)
            let mentioned = texts(of: step.checks, roles: lab.roles)
            for m in MutantGenerator.mutants(of: step.solution, engine: before.engine, machines: machines, mentioned: mentioned) {
                var trial = before
                for line in m.lines { _ = trial.input(line) }
                counts.tried += 1
                if trial.evaluate(stepIndex: i).allSatisfy(\.passed) {
                    out.append(LabDiagnostic(.mutantAccepted, [step.id, m.text, shown(m.lines)],
                                             at: at(step.solutionPositions, m.line, else: pos), file: file))
                } else {
                    counts.caught += 1
                }
            }
            for (earlier, lines) in undoable where earlier < i {
                var trial = session
                for line in lines { _ = trial.input(line) }
                counts.tried += 1
                if trial.evaluate(stepIndex: i).allSatisfy(\.passed) {
                    let text = LabText.phrase(.mutantUndo, lab.steps[earlier].id, lines.joined(separator: " ; "))
                    let place = lab.steps[earlier].invariants.first?.position ?? pos
                    out.append(LabDiagnostic(.mutantAccepted, [step.id, text, shown(step.solution + lines)], at: place, file: file))
                } else {
                    counts.caught += 1
                }
            }
        }
        out += EarlyPassLint.diagnostics(source, learner: learner)
        return (out, counts)
    }

    /// Every text the checks (and the lab's roles) hold: names, patterns, addresses.
    static func texts(of checks: [Check], roles: [LabRole]) -> [String] {
        var out: [String] = []
        for c in checks { _ = c.mapStrings { out.append($0); return $0 } }
        for r in roles {
            switch r.kind {
            case .network(let p): _ = CheckKind.network(p).mapStrings { out.append($0); return $0 }
            case .container(let p): _ = CheckKind.container(p).mapStrings { out.append($0); return $0 }
            }
        }
        return out
    }

    /// `a ; b`, or a word saying there is no command.
    static func shown(_ lines: [String]) -> LabText {
        lines.isEmpty ? LabText.phrase(.noCommand) : LabText(lines.joined(separator: " ; "))
    }

    /// The invariants of a step against a session's state (lab roles bound as for a step).
    static func invariantResults(_ session: LabSession, _ invariants: [Check]) -> [CheckResult] {
        var evaluator = CheckEvaluator(cluster: session.cluster, machine: session.simulator.machine, history: session.history)
        evaluator.bind(session.lab.roles)
        return evaluator.evaluate(invariants)
    }

    /// LAB022 at the first failing check (its failure in both languages), or nil when all pass.
    static func notSolvable(_ session: LabSession, _ i: Int, _ step: LabStep, _ file: String) -> LabDiagnostic? {
        let results = session.evaluate(stepIndex: i)
        guard let k = results.firstIndex(where: { !$0.passed }) else { return nil }
        var ko = session
        ko.locale = .ko
        let koResults = ko.evaluate(stepIndex: i)
        let text = LabText(en: describe(results[k], .en), ko: k < koResults.count ? describe(koResults[k], .ko) : describe(results[k], .en))
        let place = k < step.checks.count ? step.checks[k].position ?? step.position : step.position
        return LabDiagnostic(.notSolvable, [step.id, text], at: place, file: file)
    }

    static func describe(_ r: CheckResult, _ locale: LabLocale = .en) -> String {
        let head = "\(r.name): \(r.message)"
        guard let e = r.expected else { return head }
        return LabText.phrase(.expectedActual, head, e, r.actual ?? "-").resolve(locale)
    }

    /// Validates files and folders of labs together (duplicate ids and prerequisites across them),
    /// read from `files` (the real file system in the executables).
    public static func validate(paths: [String], mutants: Bool = false, files: any GradeFiles) -> ValidationReport {
        let loaded = LabCatalog.load(paths: paths, files: files)
        var report = ValidationReport(files: [])
        // Prerequisites may name labs validated together or lying beside a file given alone.
        var ids = Set(loaded.compactMap { $0.lab?.id })
        let folders = Set(loaded.map { ($0.file as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for folder in folders.sorted() where loaded.contains(where: { !($0.lab?.prerequisites.isEmpty ?? true) }) {
            ids.formUnion(LabCatalog.labs(paths: [folder], files: files).map(\.id))
        }
        var seenIDs: [String: String] = [:]
        for entry in loaded {
            var diagnostics = entry.diagnostics
            var counts = MutantCounts()
            if let lab = entry.lab {
                if let other = seenIDs[lab.id] {
                    diagnostics.append(LabDiagnostic(.duplicateLabID, [lab.id, LabText.phrase(.alsoIn, other)],
                                                     at: lab.idPosition, file: entry.file))
                } else {
                    seenIDs[lab.id] = entry.file
                }
                for (k, p) in lab.prerequisites.enumerated() where !ids.contains(p) {
                    let place = k < lab.prerequisitePositions.count ? lab.prerequisitePositions[k] : nil
                    diagnostics.append(LabDiagnostic(.unknownPrerequisite, [p], at: place ?? lab.idPosition, file: entry.file))
                }
                let (found, tried) = validateCounting(lab, mutants: mutants)
                diagnostics += found
                counts = tried
            }
            report.files.append(ValidationReport.File(file: entry.file, labID: entry.lab?.id, diagnostics: diagnostics,
                                                      mutants: counts))
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
        /// Near-miss mutants tried and caught (zero without `--mutants`).
        public var mutants: LabValidator.MutantCounts = LabValidator.MutantCounts()
    }

    public var files: [File]

    /// Mutants tried and caught over every file.
    public var mutants: LabValidator.MutantCounts { files.reduce(LabValidator.MutantCounts()) { $0 + $1.mutants } }

    /// Clean: no error and no warning in any file.
    public var isClean: Bool { files.allSatisfy { $0.diagnostics.isEmpty } && !files.isEmpty }
    public var diagnostics: [LabDiagnostic] { files.flatMap(\.diagnostics) }
}
