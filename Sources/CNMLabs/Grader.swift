import CNMCommands
import CNMSim
import Foundation

/// Grades a submission by replaying it through the same `LabSession` the shell uses: the
/// learner's variant and seed, the lab's rules, step order, partial credit and penalties.
///
/// Why a replay and nothing else: a grade must come from what the learner did, never from a
/// progress database or a "done" flag a learner could edit.
public enum Grader {
    /// How a submission passes: every required step (the default), or at least a score.
    public enum PassMark: Sendable, Hashable {
        case everyRequiredStep
        case points(Int)
        case percent(Int)

        /// `12` (points) or `80%` (of the maximum); nil when the text is neither.
        public init?(_ text: String) {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.hasSuffix("%") {
                guard let n = Int(t.dropLast()), n >= 0, n <= 100 else { return nil }
                self = .percent(n)
            } else {
                guard let n = Int(t), n >= 0 else { return nil }
                self = .points(n)
            }
        }

        /// The pass mark in points for a lab worth `max` (nil: every required step).
        func threshold(max: Int) -> Int? {
            switch self {
            case .everyRequiredStep: return nil
            case .points(let n): return n
            case .percent(let p): return (max * p + 99) / 100
            }
        }
    }

    /// Bounds on one replay, so that one learner cannot stall a class.
    public struct Limits: Sendable, Hashable {
        /// Default `--max-commands`.
        public static let defaultMaxCommands = 2_000
        /// Default `--timeout`, in seconds.
        public static let defaultTimeout = 10.0

        /// Most command lines replayed (answers included; comments and markers not).
        public var maxCommands: Int
        /// Most seconds of wall-clock time the replay may take, checked between lines (a single
        /// line is bounded by the simulator itself).
        public var timeout: Double

        public init(maxCommands: Int = defaultMaxCommands, timeout: Double = defaultTimeout) {
            self.maxCommands = maxCommands; self.timeout = timeout
        }

        /// No bound (for tests and the shell's own replays).
        public static let none = Limits(maxCommands: .max, timeout: .infinity)
    }

    /// Who reads the report: a learner never sees a hidden check's name, expected or actual value.
    public enum Audience: String, Sendable, Hashable {
        case learner, instructor
    }

    /// Replays `submission` for `learner` (nil: the default variant) and reports every step and check.
    public static func grade(lab: Lab, learner: String?, submission: Submission, locale: LabLocale = .en,
                             passMark: PassMark = .everyRequiredStep, limits: Limits = Limits(),
                             audience: Audience = .learner) -> GradeReport {
        var session = LabSession(lab: lab, learner: learner, locale: locale)
        var atCompletion: [Int: [CheckResult]] = [:]
        var commands = 0, refused = 0
        var findings = submission.findings
        let start = DispatchTime.now().uptimeNanoseconds
        let budget = limits.timeout.isFinite ? UInt64(max(0, limits.timeout) * 1e9) : .max
        for (k, line) in submission.lines.enumerated() {
            let number = k < submission.lineNumbers.count ? submission.lineNumbers[k] : k + 1
            let parsed = LabLine(line)
            if parsed.isTyped, commands >= limits.maxCommands {
                findings.append(GradeFinding(kind: .maxCommands, line: number, detail: String(limits.maxCommands)))
                break
            }
            if DispatchTime.now().uptimeNanoseconds - start > budget {
                findings.append(GradeFinding(kind: .timeout, line: number, detail: Self.seconds(limits.timeout)))
                break
            }
            // The same entry point as the shell's: undo and reset markers included.
            let outcome = session.apply(parsed)
            if outcome.line.isTyped {
                commands += 1
                if outcome.refusal != nil { refused += 1 }
            }
            // A step's checks as they stood when it completed (the state it completed in).
            for i in outcome.completedSteps { atCompletion[i] = session.evaluate(stepIndex: i) }
        }
        findings.sort { ($0.line ?? .max, $0.kind.rawValue) < ($1.line ?? .max, $1.kind.rawValue) }
        return report(session, atCompletion: atCompletion, commands: commands, refused: refused, passMark: passMark,
                      findings: findings, audience: audience)
    }

    /// `10` or `2.5`.
    static func seconds(_ s: Double) -> String {
        s == s.rounded() && abs(s) < 1e15 ? String(Int(s)) : String(s)
    }

    static func report(_ session: LabSession, atCompletion: [Int: [CheckResult]], commands: Int, refused: Int,
                       passMark: PassMark, findings: [GradeFinding] = [], audience: Audience = .instructor) -> GradeReport {
        let lab = session.lab
        let locale = session.locale
        let score = session.score
        let open = audience == .instructor
        var steps: [StepGrade] = []
        for (i, step) in lab.steps.enumerated() {
            let p = session.progress[i]
            let s = score.steps[i]
            var status: StepGrade.Status
            var message = ""
            var checks: [CheckGrade]
            if p.completed {
                checks = grades(step, atCompletion[i] ?? session.evaluate(stepIndex: i), open: open, locale: locale)
                status = p.hiddenFailed.isEmpty ? .passed : .failed
                if !p.hiddenFailed.isEmpty {
                    message = open ? GradeText.hiddenFailed.format(locale, [p.hiddenFailed.joined(separator: ", ")])
                        : GradeText.hiddenFailedCount.format(locale, [String(p.hiddenFailed.count)])
                }
            } else if i == session.currentStep && !p.skipped {
                checks = grades(step, session.evaluate(stepIndex: i), open: open, locale: locale)
                status = step.optional ? .skipped : .failed
                if step.optional {
                    message = GradeText.optionalNotDone.format(locale)
                } else if let first = zip(step.checks, checks).first(where: { $0.1.status == .failed && (open || !$0.0.hidden) })?.1 {
                    message = GradeText.stepFailed.format(locale, [first.name + ": " + first.message])
                } else {
                    message = GradeText.quizNotAnswered.format(locale)
                }
            } else {
                checks = step.checks.enumerated().map { k, c in
                    CheckGrade(name: open || !c.hidden ? c.name : GradeText.hiddenCheckName.format(locale, [String(k + 1)]),
                               status: .notRun, hidden: c.hidden, max: c.totalPoints)
                }
                if p.skipped {
                    status = .skipped
                    message = GradeText.optionalSkipped.format(locale)
                } else {
                    status = step.optional ? .skipped : .failed
                    message = step.optional ? GradeText.optionalNotDone.format(locale)
                        : GradeText.notReached.format(locale, [String(session.currentStep + 1)])
                }
            }
            steps.append(StepGrade(index: i + 1, id: step.id, title: step.title.resolve(locale), optional: step.optional,
                                   status: status, points: s.earned, max: s.max, penalty: s.penalty, hints: s.hints,
                                   solutionShown: s.solutionShown, message: message, checks: checks))
        }
        let threshold = passMark.threshold(max: score.max)
        let failing = findings.contains(where: \.failsSubmission)
        let passed = !failing && (threshold.map { score.earned >= $0 }
            ?? steps.allSatisfy { $0.optional || $0.status == .passed })
        return GradeReport(lab: lab.id, title: lab.title.resolve(locale), version: lab.version, learner: score.learner,
                           seed: score.seed, score: score.earned, max: score.max, minScore: threshold, passed: passed,
                           commands: commands, refused: refused, steps: steps, findings: findings, audience: audience,
                           locale: locale)
    }

    /// The checks of a step as a report shows them; for learners, a hidden check keeps only its
    /// place, status and points (`hidden check 2`), never its name, message, expected or actual.
    static func grades(_ step: LabStep, _ results: [CheckResult], open: Bool, locale: LabLocale) -> [CheckGrade] {
        zip(step.checks, results).enumerated().map { k, pair in
            var g = CheckGrade(pair.0, pair.1)
            if !open && pair.0.hidden {
                g.name = GradeText.hiddenCheckName.format(locale, [String(k + 1)])
                g.message = ""
                g.expected = nil
                g.actual = nil
            }
            return g
        }
    }
}
