/// A person working through labs, known by name inside one progress database.
public struct Learner: Sendable, Equatable, Hashable {
    public let id: Int64
    public let name: String
    /// Milliseconds since the Unix epoch.
    public let createdAt: Int64
}

/// Whether an attempt can still take commands.
public enum AttemptStatus: String, Sendable, Equatable, CaseIterable {
    /// Being worked on; `cnmlab shell` resumes it.
    case open
    /// Graded: has a score.
    case finished
    /// Given up or restarted; kept for the record.
    case abandoned
}

/// One run of one lab by one learner: the seed fixes the simulated world, the
/// command log rebuilds it, the score closes it.
public struct Attempt: Sendable, Equatable, Hashable {
    public let id: Int64
    public let learnerID: Int64
    public let labID: String
    public let labVersion: String
    public let seed: UInt64
    /// Number of steps in the lab when the attempt started, when the caller knew it.
    public let stepsTotal: Int?
    public let startedAt: Int64
    public let finishedAt: Int64?
    public let status: AttemptStatus
    public let score: Int?
    public let maxScore: Int?
    /// The attempt this one continues after a replay parted from the log (nil: started by the learner).
    public let continuesAttempt: Int64?
    /// Lines re-recorded from the attempt it continues (at the start of its log).
    public let carriedLines: Int

    public init(id: Int64, learnerID: Int64, labID: String, labVersion: String, seed: UInt64, stepsTotal: Int?,
                startedAt: Int64, finishedAt: Int64?, status: AttemptStatus, score: Int?, maxScore: Int?,
                continuesAttempt: Int64? = nil, carriedLines: Int = 0) {
        self.id = id; self.learnerID = learnerID; self.labID = labID; self.labVersion = labVersion; self.seed = seed
        self.stepsTotal = stepsTotal; self.startedAt = startedAt; self.finishedAt = finishedAt; self.status = status
        self.score = score; self.maxScore = maxScore; self.continuesAttempt = continuesAttempt
        self.carriedLines = carriedLines
    }
}

/// What happened on one step of an attempt.
public struct StepResult: Sendable, Equatable {
    public let attemptID: Int64
    public let stepID: String
    /// Checks run against the step (each `check` or automatic check counts one).
    public let tries: Int
    /// Hint tier (1 = gentlest) → how many times it was shown.
    public let hintsByTier: [Int: Int]
    public let solutionShown: Bool
    /// When the step was first completed, or nil.
    public let completedAt: Int64?

    /// Every hint shown, all tiers together.
    public var hintsUsed: Int { hintsByTier.values.reduce(0, +) }
}

/// One command line a learner typed, as the log keeps it: chained to the row before.
public struct CommandRecord: Sendable, Equatable {
    /// Row number in the whole log (the chain runs in this order).
    public let id: Int64
    public let attemptID: Int64
    /// 1, 2, 3… within the attempt.
    public let sequence: Int
    public let at: Int64
    /// The bytes typed (not necessarily UTF-8).
    public let command: [UInt8]
    public let exitCode: Int32
    /// `StateFingerprint` of the engine after the command.
    public let stateHash: String
    public let previousHash: String
    public let rowHash: String

    /// The command as text (invalid UTF-8 shown as U+FFFD).
    public var commandText: String { String(decoding: command, as: UTF8.self) }
}

/// One answer to a quiz question inside a lab.
public struct QuizAnswer: Sendable, Equatable {
    public let attemptID: Int64
    public let questionID: String
    public let answer: String
    public let correct: Bool
    public let answeredAt: Int64
}
