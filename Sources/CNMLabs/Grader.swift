import CNMCommands
import Foundation

/// A learner's submission: the lines of a transcript that the grader replays.
///
/// A transcript is what the learner typed, one command per line (`\` continuations and open
/// quotes join lines as in the shell), `answer TEXT` for a quiz. Blank lines and `#` comments are
/// ignored, except the markers the progress store writes for a hint or a solution shown, a step
/// skipped, an undo or a reset (`#cnmlab hint`, `#cnmlab solution`, `#cnmlab skip`, `#cnmlab undo`,
/// `#cnmlab reset step|lab`; see `LabLine`): they are replayed, so an exported attempt scores
/// exactly as it did in the shell.
///
/// Why the limits: a submission comes from a learner and must never stall or exhaust a CI runner.
public struct Submission: Sendable, Hashable {
    /// Largest transcript accepted, in bytes.
    public static let maxBytes = 1 << 20
    /// Most lines accepted (physical lines, comments included).
    public static let maxLines = 10_000
    /// Longest line accepted, in bytes.
    public static let maxLineBytes = 16 << 10

    /// The markers an attempt's journal holds (see `LabLine`).
    public static let hintLine = LabLine.hintMarker
    public static let solutionLine = LabLine.solutionMarker
    public static let skipLine = LabLine.skipMarker

    /// Why a submission was refused.
    public enum Problem: Sendable, Hashable, Error {
        case tooLarge
        case tooManyLines
        case lineTooLong(line: Int)
        case binary

        /// The reason, in `locale`.
        public func text(_ locale: LabLocale) -> String {
            switch self {
            case .tooLarge: return GradeText.tooLarge.format(locale, [String(Submission.maxBytes)])
            case .tooManyLines: return GradeText.tooManyLines.format(locale, [String(Submission.maxLines)])
            case .lineTooLong(let n): return GradeText.lineTooLong.format(locale, [String(n), String(Submission.maxLineBytes)])
            case .binary: return GradeText.binaryFile.format(locale)
            }
        }
    }

    /// Lines to replay: commands, `answer …` lines and the three markers, in order.
    public var lines: [String]
    /// The learner named in an exported transcript's header (`# learner: NAME`), if any.
    public var headerLearner: String?

    public init(lines: [String], headerLearner: String? = nil) {
        self.lines = lines; self.headerLearner = headerLearner
    }

    /// Reads a transcript's bytes; refuses binary files and anything past the limits.
    public static func parse(_ bytes: [UInt8]) -> Result<Submission, Problem> {
        if bytes.count > maxBytes { return .failure(.tooLarge) }
        if bytes.contains(0) { return .failure(.binary) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var physical = 0
        var start = body.startIndex
        for i in body.indices where body[i] == 10 || i == body.endIndex - 1 {
            physical += 1
            let end = body[i] == 10 ? i : i + 1
            if end - start > maxLineBytes { return .failure(.lineTooLong(line: physical)) }
            start = i + 1
        }
        if physical > maxLines { return .failure(.tooManyLines) }
        var out = Submission(lines: [])
        for raw in LineSplitter.commandLines(Array(body)) {
            let line = String(decoding: raw, as: UTF8.self)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                if LabLine(trimmed).isMarker { out.lines.append(trimmed) }
                else if out.headerLearner == nil, out.lines.isEmpty, trimmed.hasPrefix("# learner: ") {
                    out.headerLearner = String(trimmed.dropFirst("# learner: ".count))
                }
                continue
            }
            out.lines.append(line)
        }
        return .success(out)
    }
}

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

    /// Replays `submission` for `learner` (nil: the default variant) and reports every step and check.
    public static func grade(lab: Lab, learner: String?, submission: Submission, locale: LabLocale = .en,
                             passMark: PassMark = .everyRequiredStep) -> GradeReport {
        var session = LabSession(lab: lab, learner: learner, locale: locale)
        var atCompletion: [Int: [CheckResult]] = [:]
        var commands = 0, refused = 0
        for line in submission.lines {
            // The same entry point as the shell's: undo and reset markers included.
            let outcome = session.apply(LabLine(line))
            if outcome.line.isTyped {
                commands += 1
                if outcome.refusal != nil { refused += 1 }
            }
            // A step's checks as they stood when it completed (the state it completed in).
            for i in outcome.completedSteps { atCompletion[i] = session.evaluate(stepIndex: i) }
        }
        return report(session, atCompletion: atCompletion, commands: commands, refused: refused, passMark: passMark)
    }

    static func report(_ session: LabSession, atCompletion: [Int: [CheckResult]], commands: Int, refused: Int,
                       passMark: PassMark) -> GradeReport {
        let lab = session.lab
        let locale = session.locale
        let score = session.score
        var steps: [StepGrade] = []
        for (i, step) in lab.steps.enumerated() {
            let p = session.progress[i]
            let s = score.steps[i]
            var status: StepGrade.Status
            var message = ""
            var checks: [CheckGrade]
            if p.completed {
                checks = zip(step.checks, atCompletion[i] ?? session.evaluate(stepIndex: i)).map { CheckGrade($0, $1) }
                status = p.hiddenFailed.isEmpty ? .passed : .failed
                if !p.hiddenFailed.isEmpty {
                    message = GradeText.hiddenFailed.format(locale, [p.hiddenFailed.joined(separator: ", ")])
                }
            } else if i == session.currentStep && !p.skipped {
                checks = zip(step.checks, session.evaluate(stepIndex: i)).map { CheckGrade($0, $1) }
                status = step.optional ? .skipped : .failed
                if step.optional {
                    message = GradeText.optionalNotDone.format(locale)
                } else if let first = checks.first(where: { $0.status == .failed }) {
                    message = GradeText.stepFailed.format(locale, [first.name + ": " + first.message])
                } else {
                    message = GradeText.quizNotAnswered.format(locale)
                }
            } else {
                checks = step.checks.map {
                    CheckGrade(name: $0.name, status: .notRun, hidden: $0.hidden, max: $0.totalPoints)
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
        let passed = threshold.map { score.earned >= $0 }
            ?? steps.allSatisfy { $0.optional || $0.status == .passed }
        return GradeReport(lab: lab.id, title: lab.title.resolve(locale), version: lab.version, learner: score.learner,
                           seed: score.seed, score: score.earned, max: score.max, minScore: threshold, passed: passed,
                           commands: commands, refused: refused, steps: steps)
    }
}
