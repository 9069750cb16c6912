import CNMCommands
import CNMSim

/// What happened to one line typed into a lab session.
public struct LabOutcome: Sendable, Equatable {
    /// What the terminal shows (a refused line shows the reason on stderr, exit 1).
    public var output: CommandOutput
    /// Why the line was refused by a lab rule, or nil when it ran.
    public var refusal: String?
    /// Indexes of the steps this line completed.
    public var completedSteps: [Int]
    /// Short messages for the learner (step completed, quiz verdict…), in the session's locale.
    public var messages: [String]
}

/// The learner's progress through one step.
public struct StepProgress: Sendable, Hashable {
    public var completed = false
    public var skipped = false
    /// Hint tiers revealed, in order (one entry per hint shown).
    public var hintsShown: [HintTier] = []
    /// Hints shown per ladder (`step` or a check name).
    public var ladderPosition: [String: Int] = [:]
    public var solutionShown = false
    public var wrongAnswers = 0
    /// The most check points held at once while this step was current (partial credit).
    public var bestCheckPoints = 0
    /// Hidden checks that failed when the step completed, and the points they missed then.
    public var hiddenFailed: [String] = []
    public var hiddenPointsMissed = 0
}

/// The score of one step and of the lab.
public struct StepScore: Sendable, Hashable, Encodable {
    public var id: String
    public var earned: Int
    public var max: Int
    public var completed: Bool
    public var optional: Bool
    public var hints: [String]
    public var solutionShown: Bool
    public var penalty: Int
}

/// Points per step and for the lab, with the penalties applied.
public struct ScoreReport: Sendable, Hashable, Encodable {
    public var labID: String
    public var labVersion: Int
    public var learner: String?
    public var seed: UInt64
    public var earned: Int
    /// Points of the non-optional steps (optional steps are a bonus).
    public var max: Int
    public var completed: Bool
    public var steps: [StepScore]
}

/// One learner's run through a lab: setup applied, every command run through
/// the `Simulator`, recorded, checked against the rules and the current step.
///
/// The same value serves the interactive shell and non-interactive grading:
/// it is deterministic for a (lab, learner) pair, and a copy is a snapshot
/// (undo, replays and mutation testing copy it).
public struct LabSession: Sendable {
    /// The lab as this learner sees it (templates rendered for the variant).
    public let lab: Lab
    public let variant: LabVariant
    public var locale: LabLocale {
        didSet { simulator.language = locale.rawValue }
    }
    public private(set) var simulator: Simulator
    /// Commands typed since setup, refused ones included.
    public private(set) var history = CommandHistory()
    /// What each setup command printed.
    public private(set) var setupOutputs: [(command: String, output: CommandOutput)] = []
    /// Index of the current step (`lab.steps.count` when every step is done).
    public private(set) var currentStep = 0
    public private(set) var progress: [StepProgress]

    /// Starts `lab` for `learner` (nil: the default variant that grading also uses without a learner).
    public init(lab source: Lab, learner: String? = nil, locale: LabLocale = .en) {
        let variant = LabVariant.make(for: source, learner: learner)
        self.variant = variant
        self.lab = source.instantiated(for: variant)
        self.locale = locale
        self.simulator = Simulator(seed: variant.seed, hosts: source.hosts)
        self.simulator.language = locale.rawValue
        self.progress = Array(repeating: StepProgress(), count: source.steps.count)
        for line in lab.setup {
            let out = simulator.run(line: line)
            setupOutputs.append((line, out))
        }
    }

    /// The engine of docker-host, where typed commands run (`ssh HOST …` reaches the other machines).
    public var engine: Engine { simulator.engine }
    /// Every machine of the lab's LAN (docker-host first) and their swarm.
    public var cluster: Cluster { simulator.cluster }
    public var isComplete: Bool { currentStep >= lab.steps.count }
    public var step: LabStep? { currentStep < lab.steps.count ? lab.steps[currentStep] : nil }

    // MARK: Input

    /// A transcript line: `answer TEXT` answers the current quiz; anything else is a command.
    public mutating func input(_ line: String) -> LabOutcome {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        if trimmed.hasPrefix("answer ") || trimmed == "answer" {
            return answer(String(trimmed.dropFirst("answer".count)))
        }
        return run(line)
    }

    /// Why `line` would be refused now (a forbidden command, or one outside the allowed ones), or nil.
    public func refusal(for line: String) -> String? {
        let step = self.step
        let forbid = lab.rules.forbid + (step?.rules.forbid ?? [])
        let allow = lab.rules.allow + (step?.rules.allow ?? [])
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

    /// Runs a command line (unless a rule refuses it), records it, and checks the current step.
    public mutating func run(_ line: String) -> LabOutcome {
        if CommandMatcher.normalize(line).isEmpty || line.drop(while: { $0 == " " }).hasPrefix("#") {
            return LabOutcome(output: simulator.run(line: line), refusal: nil, completedSteps: [], messages: [])
        }
        if let reason = refusal(for: line) {
            history.append(HistoryEntry(command: line, exitCode: 1, refused: true, stepIndex: currentStep))
            return LabOutcome(output: CommandOutput(stderr: "cnmlab: " + reason + "\n", exitCode: 1), refusal: reason,
                              completedSteps: [], messages: [])
        }
        let out = simulator.run(line: line)
        history.append(HistoryEntry(command: line, exitCode: out.exitCode, stepIndex: currentStep,
                                    commands: simulator.lastCommands))
        let done = advance()
        return LabOutcome(output: out, refusal: nil, completedSteps: done, messages: completionMessages(done))
    }

    /// Answers the current quiz step.
    public mutating func answer(_ text: String) -> LabOutcome {
        guard let step, let quiz = step.quiz else {
            return LabOutcome(output: CommandOutput(stderr: LabMessage.notAQuiz.format(locale, []) + "\n", exitCode: 1),
                              refusal: nil, completedSteps: [], messages: [LabMessage.notAQuiz.format(locale, [])])
        }
        history.append(HistoryEntry(command: "answer " + text.trimmingSpaces, exitCode: 0, stepIndex: currentStep))
        let results = evaluate(stepIndex: currentStep)
        guard quiz.accepts(text), visibleChecksHold(currentStep, results) else {
            progress[currentStep].wrongAnswers += 1
            let m = LabMessage.quizWrong.format(locale, [])
            return LabOutcome(output: CommandOutput(stdout: m + "\n", exitCode: 1), refusal: nil, completedSteps: [], messages: [m])
        }
        let index = currentStep
        progress[index].completed = true
        recordHidden(index, results)
        currentStep += 1
        let done = [index] + advance()
        let messages = [LabMessage.quizCorrect.format(locale, [])] + completionMessages(done)
        return LabOutcome(output: CommandOutput(stdout: messages.joined(separator: "\n") + "\n"), refusal: nil,
                          completedSteps: done, messages: messages)
    }

    func completionMessages(_ done: [Int]) -> [String] {
        var out = done.map { LabMessage.stepComplete.format(locale, [String($0 + 1), lab.steps[$0].title.resolve(locale)]) }
        if !done.isEmpty && isComplete { out.append(LabMessage.labComplete.format(locale, [])) }
        return out
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

    // MARK: Checking, hints, solution

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

    /// The next hint: from the ladder of the first failing check that has one, else the step's
    /// own ladder; nil when that ladder is used up. Recorded for scoring.
    public mutating func hint() -> Hint? {
        guard let step else { return nil }
        var ladder = ("step", step.hints)
        let results = evaluate(stepIndex: currentStep)
        if let (check, _) = zip(step.checks, results).first(where: { !$0.0.hidden && !$0.1.passed }), !check.hints.isEmpty,
           (progress[currentStep].ladderPosition[check.name] ?? 0) < check.hints.count {
            ladder = (check.name, check.hints)
        }
        let used = progress[currentStep].ladderPosition[ladder.0] ?? 0
        guard used < ladder.1.count else { return nil }
        let h = ladder.1[used]
        progress[currentStep].ladderPosition[ladder.0] = used + 1
        progress[currentStep].hintsShown.append(h.tier)
        return h
    }

    /// The current step's reference solution (transcript lines); recorded for scoring.
    public mutating func revealSolution() -> [String] {
        guard let step else { return [] }
        progress[currentStep].solutionShown = true
        return step.transcriptLines
    }

    /// Skips the current step when it is optional; false otherwise.
    public mutating func skip() -> Bool {
        guard let step, step.optional else { return false }
        progress[currentStep].skipped = true
        currentStep += 1
        _ = advance()
        return true
    }

    // MARK: Scoring

    public var score: ScoreReport {
        var steps: [StepScore] = []
        for (i, step) in lab.steps.enumerated() {
            let p = progress[i]
            let max = step.maxPoints
            var earned = p.skipped ? 0 : (p.completed ? Swift.max(0, max - p.hiddenPointsMissed) : min(p.bestCheckPoints, max))
            var penalty = p.hintsShown.reduce(0) { $0 + (lab.scoring.hintPenalty[$1] ?? 0) }
            if p.solutionShown { penalty += lab.scoring.solutionPenalty }
            penalty += p.wrongAnswers * lab.scoring.wrongAnswerPenalty
            if earned > 0 { earned = Swift.max(0, earned - penalty) }
            steps.append(StepScore(id: step.id, earned: earned, max: max, completed: p.completed, optional: step.optional,
                                   hints: p.hintsShown.map(\.rawValue), solutionShown: p.solutionShown, penalty: penalty))
        }
        return ScoreReport(labID: lab.id, labVersion: lab.version, learner: variant.learner, seed: variant.seed,
                           earned: steps.reduce(0) { $0 + $1.earned }, max: lab.maxPoints,
                           completed: lab.steps.indices.allSatisfy { progress[$0].completed || progress[$0].skipped },
                           steps: steps)
    }

    /// Runs a whole transcript non-interactively and returns the score (what grading does).
    public static func grade(lab: Lab, learner: String? = nil, transcript: [String]) -> (LabSession, ScoreReport) {
        var session = LabSession(lab: lab, learner: learner)
        for line in transcript { _ = session.input(line) }
        return (session, session.score)
    }

    /// The whole reference solution of this variant as transcript lines, one command per line.
    public var solutionTranscript: [String] { lab.steps.flatMap(\.transcriptLines) }
}

