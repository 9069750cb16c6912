import CNMCommands

/// One thing a lab line made happen that the learner is told, in the order they are told:
/// the command's own output (warnings included) first, then verdicts, then step transitions.
public enum LabReport: Sendable, Equatable {
    /// What the command printed itself (standard output and standard error).
    case output(CommandOutput)
    /// The line was refused by a lab rule, and why (it did not run).
    case refused(String)
    /// A quiz answer: whether it was right, and what to tell the learner.
    case answer(correct: Bool, feedback: String)
    /// An answer while the current step asks no question (or every step is done).
    case notAQuestion(String)
    /// The next hint of the current step.
    case hint(Hint)
    /// The ladder of the current step is used up.
    case noMoreHints
    /// The current step's reference solution (transcript lines).
    case solution([String])
    /// Why a quiz's answer is right (its `explain`), after a right answer or the revealed solution.
    case explanation(String)
    /// The optional step was skipped.
    case skipped
    /// The current step is not optional (or every step is done).
    case cannotSkip
    /// `undo` took this command back.
    case undone(String)
    /// `undo` found no command that changed the world.
    case nothingToUndo
    /// The world went back to where the step or the lab began.
    case reset(LabLine.ResetScope)
    /// A step completed (its index), with the sentence that says so.
    case stepCompleted(index: Int, message: String)
    /// Every step is done now: the lab is finished with `score`.
    case labFinished(score: ScoreReport, message: String)
    /// Now at this step (after a completion, a skip, an undo or a reset).
    case stepStarted(index: Int)
}

/// What one lab line did: everything the shell renders, the progress store records and grading counts.
public struct LabOutcome: Sendable, Equatable {
    /// The line as classified.
    public var line: LabLine
    /// What to tell the learner, in order.
    public var reports: [LabReport]
    /// Why a lab rule refused the line, or nil.
    public var refusal: String?
    /// Indexes of the steps this line completed, in order.
    public var completedSteps: [Int]
    /// For an answer: whether it was right, and the feedback shown.
    public var verdict: AnswerVerdict?
    /// The hint shown (its tier is what a hint costs).
    public var hint: Hint?
    /// The step current before and after the line (`lab.steps.count` when every step is done).
    public var stepBefore: Int
    public var stepAfter: Int
    /// The step ID the line was tried on (nil when every step was already done).
    public var stepID: String?
    /// The score before and after the line.
    public var scoreBefore: Int
    public var scoreAfter: Int
    /// The line's exit status (1 for a refused line, a wrong answer or a request that cannot be met).
    public var exitCode: Int32
    /// This line finished the lab (its last step completed or was skipped).
    public var finishedLab: Bool
    /// The line came after the lab was finished: practice, which changes no score.
    public var practice: Bool

    /// The score change (negative for a hint, a solution or a wrong answer with a penalty).
    public var scoreChange: Int { scoreAfter - scoreBefore }

    /// The command's own output (empty for lines that are not commands; the refusal on stderr for a refused one).
    public var output: CommandOutput {
        for r in reports {
            if case .output(let o) = r { return o }
            if case .refused(let reason) = r { return CommandOutput(stderr: "cnmlab: " + reason + "\n", exitCode: 1) }
        }
        return CommandOutput(exitCode: exitCode)
    }

    /// The lab's own sentences (verdicts, completions), in the session's language.
    public var messages: [String] {
        reports.compactMap { r in
            switch r {
            case .answer(_, let feedback): return feedback
            case .notAQuestion(let m): return m
            case .stepCompleted(_, let m): return m
            case .labFinished(_, let m): return m
            default: return nil
            }
        }
    }
}

/// Whether an answer was right, and what the learner was told.
public struct AnswerVerdict: Sendable, Hashable {
    public var text: String
    public var correct: Bool
    public var feedback: String
}
