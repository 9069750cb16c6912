import CNMCommands
import CNMSim

/// One learner's run through a lab: setup applied, then every lab line — commands, answers,
/// hints, solutions, skips, undo, reset — taken through `apply`, which runs it, checks the
/// current step and returns one complete `LabOutcome`.
///
/// The same value serves the interactive shell, resume and non-interactive grading: it is
/// deterministic for a (lab, learner) pair and a sequence of lines, so an attempt's journal
/// replayed through `apply` gives back the same world, steps and score. A copy is a snapshot
/// (validation and mutation testing copy it).
public struct LabSession: Sendable {
    /// The lab as written (what `undo` and `reset` rebuild from).
    public let source: Lab
    /// The lab as this learner sees it (templates rendered for the variant).
    public let lab: Lab
    public let variant: LabVariant
    public var locale: LabLocale {
        didSet { simulator.language = locale.rawValue }
    }
    public internal(set) var simulator: Simulator
    /// Commands and answers since setup, refused ones included (what history checks read).
    public internal(set) var history = CommandHistory()
    /// What each setup command printed.
    public internal(set) var setupOutputs: [(command: String, output: CommandOutput)] = []
    /// Index of the current step (`lab.steps.count` when every step is done).
    public internal(set) var currentStep = 0
    public internal(set) var progress: [StepProgress]
    /// The lines whose effects make the current world and steps: what was applied, less what
    /// `undo` took back and `reset` cleared. Hints and solutions are not here: they are kept
    /// per step in `progress` and survive both.
    public internal(set) var applied: [AppliedLine] = []
    /// Set once every step is done: the score is final and later lines are practice.
    public internal(set) var finished = false

    /// Starts `lab` for `learner` (nil: the default variant that grading also uses without a learner).
    public init(lab source: Lab, learner: String? = nil, locale: LabLocale = .en) {
        let variant = LabVariant.make(for: source, learner: learner)
        self.source = source
        self.variant = variant
        self.lab = source.instantiated(for: variant)
        self.locale = locale
        self.simulator = Simulator(seed: variant.seed, hosts: source.hosts)
        self.simulator.language = locale.rawValue
        // The lab's outside world before setup, so setup, the learner, checks and a resumed or
        // graded session all resolve the same names.
        if !lab.outside.isEmpty { self.simulator.cluster.apply(outside: lab.outside.outsideNames) }
        self.progress = Array(repeating: StepProgress(), count: source.steps.count)
        for line in lab.setup {
            let out = simulator.run(line: line)
            setupOutputs.append((line, out))
        }
        if lab.steps.isEmpty { finished = true }
    }

    /// The engine of docker-host, where typed commands run (`ssh HOST …` reaches the other machines).
    public var engine: Engine { simulator.engine }
    /// Every machine of the lab's LAN (docker-host first) and their swarm.
    public var cluster: Cluster { simulator.cluster }
    public var isComplete: Bool { currentStep >= lab.steps.count }
    public var step: LabStep? { currentStep < lab.steps.count ? lab.steps[currentStep] : nil }

    // MARK: The one entry point

    /// Takes one lab line and returns everything it did, in the order the learner is told.
    public mutating func apply(_ line: LabLine) -> LabOutcome {
        let wasFinished = finished
        var o = LabOutcome(line: line, reports: [], refusal: nil, completedSteps: [], verdict: nil, hint: nil,
                           stepBefore: currentStep, stepAfter: currentStep, stepID: step?.id, scoreBefore: score.earned,
                           scoreAfter: 0, exitCode: 0, finishedLab: false, practice: wasFinished)
        var showStep = false
        switch line {
        case .blank, .comment: break
        case .command(let text): runCommand(text, &o)
        case .answer(let text): answerQuiz(text, &o)
        case .hint: showHint(&o)
        case .solution: showSolution(&o)
        case .skip: skipStep(&o)
        case .undo: undoLast(&o)
        case .reset(let scope):
            resetWorld(scope, &o)
            showStep = true
        }
        if isComplete { finished = true }
        if finished && !wasFinished {
            o.finishedLab = true
            o.reports.append(.labFinished(score: score, message: LabMessage.labComplete.format(locale, [])))
        } else if !isComplete && (showStep || currentStep != o.stepBefore) {
            o.reports.append(.stepStarted(index: currentStep))
        }
        o.stepAfter = currentStep
        o.scoreAfter = score.earned
        return o
    }

    // MARK: Commands

    /// Why `line` would be refused now (a forbidden command, or one outside the allowed ones), or nil.
    public func refusal(for line: String) -> String? {
        let step = self.step
        let forbid = lab.rules.forbid + (step?.rules.forbid ?? [])
        let allow = lab.rules.allow + (step?.rules.allow ?? [])
        // Without rules nothing is refused: the line is not split into its commands for nothing.
        if forbid.isEmpty && allow.isEmpty { return nil }
        let commands = CommandMatcher.simpleCommands(line)
        for rule in forbid {
            let pattern = CommandMatcher.normalize(rule.pattern)
            if commands.contains(where: { CommandMatcher.glob(pattern, $0) }) {
                return LabMessage.commandForbidden.format(locale, [rule.reason.resolve(locale)])
            }
        }
        if !allow.isEmpty {
            let patterns = allow.map(CommandMatcher.normalize)
            for c in commands where !patterns.contains(where: { CommandMatcher.glob($0, c) }) {
                return LabMessage.commandNotAllowed.format(locale, [allow.joined(separator: " | ")])
            }
        }
        return nil
    }

    /// Runs a command (unless a rule refuses it), records it and checks the current step.
    mutating func runCommand(_ text: String, _ o: inout LabOutcome) {
        let index = currentStep
        if let reason = refusal(for: text) {
            history.append(HistoryEntry(command: text, exitCode: 1, refused: true, stepIndex: index))
            applied.append(AppliedLine(line: .command(text), step: index, refused: true))
            o.refusal = reason
            o.reports.append(.refused(reason))
            o.exitCode = 1
            return
        }
        let out = simulator.run(line: text)
        history.append(HistoryEntry(command: text, exitCode: out.exitCode, stepIndex: index,
                                    commands: simulator.lastCommands))
        applied.append(AppliedLine(line: .command(text), step: index, refused: false))
        o.reports.append(.output(out))
        o.exitCode = out.exitCode
        completed(advance(), &o)
    }

    /// Answers the current quiz step.
    mutating func answerQuiz(_ text: String, _ o: inout LabOutcome) {
        guard let step, let quiz = step.quiz else {
            let m = (isComplete ? LabMessage.allStepsDone : LabMessage.notAQuiz).format(locale, [])
            o.reports.append(.notAQuestion(m))
            o.exitCode = 1
            return
        }
        let index = currentStep
        history.append(HistoryEntry(command: "answer " + text, exitCode: 0, stepIndex: index))
        applied.append(AppliedLine(line: .answer(text), step: index, refused: false))
        let results = evaluate(stepIndex: index)
        guard quiz.accepts(text), visibleChecksHold(index, results) else {
            // A right answer given before the step's checks hold is not a wrong answer: it costs
            // nothing, and the learner is told what is still missing.
            let accepted = quiz.accepts(text)
            if !accepted { progress[index].wrongAnswers += 1 }
            let feedback = accepted ? LabMessage.quizChecksPending.format(locale, [])
                : quiz.feedback(for: text, locale: locale)
            o.verdict = AnswerVerdict(text: text, correct: false, feedback: feedback)
            o.reports.append(.answer(correct: false, feedback: feedback))
            o.exitCode = 1
            return
        }
        let right = LabMessage.quizCorrect.format(locale, [])
        o.verdict = AnswerVerdict(text: text, correct: true, feedback: right)
        o.reports.append(.answer(correct: true, feedback: right))
        if let why = quiz.explanation(locale) { o.reports.append(.explanation(why)) }
        progress[index].completed = true
        recordHidden(index, results)
        currentStep += 1
        completed([index] + advance(), &o)
    }

    /// Notes completed steps in the outcome (the transition to the next step comes after, in `apply`).
    mutating func completed(_ done: [Int], _ o: inout LabOutcome) {
        for i in done {
            o.completedSteps.append(i)
            o.reports.append(.stepCompleted(index: i, message: LabMessage.stepComplete.format(
                locale, [String(i + 1), lab.steps[i].title.resolve(locale)])))
        }
    }

    /// Completes the current step and the following ones while their checks hold.
    mutating func advance() -> [Int] {
        var done: [Int] = []
        while currentStep < lab.steps.count {
            let step = lab.steps[currentStep]
            let results = evaluate(stepIndex: currentStep)
            let held = results.reduce(0) { $0 + $1.points }
            progress[currentStep].bestCheckPoints = max(progress[currentStep].bestCheckPoints, held)
            if step.quiz != nil || step.checks.isEmpty || !visibleChecksHold(currentStep, results) { break }
            progress[currentStep].completed = true
            recordHidden(currentStep, results)
            done.append(currentStep)
            currentStep += 1
        }
        return done
    }

    /// Whether the visible checks of a step hold in `results` (hidden checks never hold a step back).
    func visibleChecksHold(_ index: Int, _ results: [CheckResult]) -> Bool {
        zip(lab.steps[index].checks, results).allSatisfy { $0.0.hidden || $0.1.passed }
    }

    /// Notes the hidden checks that fail as step `index` completes (they cost their points).
    mutating func recordHidden(_ index: Int, _ results: [CheckResult]) {
        for (check, result) in zip(lab.steps[index].checks, results) where check.hidden && !result.passed {
            progress[index].hiddenFailed.append(check.name)
            progress[index].hiddenPointsMissed += max(0, check.totalPoints - result.points)
        }
    }

    // MARK: Checking

    /// Every check of a step against the current state, in order (roles bound along the way).
    public func evaluate(stepIndex: Int) -> [CheckResult] {
        guard stepIndex >= 0, stepIndex < lab.steps.count else { return [] }
        var evaluator = CheckEvaluator(cluster: simulator.cluster, machine: simulator.machine, history: history, locale: locale)
        evaluator.bind(lab.roles)
        return evaluator.evaluate(lab.steps[stepIndex].checks)
    }

    /// The current step's visible checks (what the `check` command prints; hidden checks never show).
    public func check() -> [CheckResult] {
        guard let step else { return [] }
        return zip(step.checks, evaluate(stepIndex: currentStep)).filter { !$0.0.hidden }.map(\.1)
    }

    // MARK: Transcripts

    /// Runs a whole transcript through `apply` and returns the session and its score (what grading does).
    public static func grade(lab: Lab, learner: String? = nil, transcript: [String]) -> (LabSession, ScoreReport) {
        var session = LabSession(lab: lab, learner: learner)
        for line in transcript { _ = session.apply(LabLine(line)) }
        return (session, session.score)
    }

    /// The whole reference solution of this variant as transcript lines, one command per line.
    public var solutionTranscript: [String] { lab.steps.flatMap(\.transcriptLines) }
}

/// One line in effect in a session: the line, the step that was current when it was applied,
/// and whether a lab rule refused it (a refused command never ran).
public struct AppliedLine: Sendable, Hashable {
    public var line: LabLine
    public var step: Int
    public var refused: Bool
}
