// How a learner stands in a lab: per step, and the lab's total.

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
    /// Points earned, never above `max`.
    public var earned: Int
    /// Points of the non-optional steps (an optional step's points make up for points lost elsewhere, up to this).
    public var max: Int
    public var completed: Bool
    public var steps: [StepScore]
}

extension LabSession {
    /// Points per step and for the lab, penalties applied. The lab's total never exceeds its
    /// maximum: an optional step's points make up for points lost elsewhere, up to the maximum.
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
        let total = steps.reduce(0) { $0 + $1.earned }
        // `lab.maxPoints` from the steps' maxima just computed (it would copy every step twice more:
        // `apply` asks for the score twice per line, so this showed in grading profiles).
        let labMax = steps.reduce(0) { $0 + ($1.optional ? 0 : $1.max) }
        return ScoreReport(labID: lab.id, labVersion: lab.version, learner: variant.learner, seed: variant.seed,
                           earned: min(total, labMax), max: labMax,
                           completed: lab.steps.indices.allSatisfy { progress[$0].completed || progress[$0].skipped },
                           steps: steps)
    }
}
