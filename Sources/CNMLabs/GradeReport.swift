import CNMSim
/// The verdict on one check in a grade report.
///
/// Why a separate type from `CheckResult`: a report also lists checks that never ran (steps the
/// learner did not reach) and says which checks are hidden, and its JSON shape is a versioned
/// contract (`cnmlab.grade/1`) that must not move when the session's internals do.
public struct CheckGrade: Sendable, Hashable {
    /// `passed`, `failed`, or `not_run` (the step was skipped or never reached).
    public enum Status: String, Sendable, Hashable {
        case passed
        case failed
        case notRun = "not_run"
    }

    public var name: String
    public var status: Status
    /// Hidden from the learner in the shell; scored here.
    public var hidden: Bool
    public var points: Int
    public var max: Int
    /// Why it failed (empty otherwise).
    public var message: String
    public var expected: String?
    public var actual: String?

    public init(name: String, status: Status, hidden: Bool = false, points: Int = 0, max: Int = 0, message: String = "",
                expected: String? = nil, actual: String? = nil) {
        self.name = name; self.status = status; self.hidden = hidden; self.points = points; self.max = max
        self.message = message; self.expected = expected; self.actual = actual
    }

    init(_ check: Check, _ result: CheckResult) {
        self.init(name: check.name, status: result.passed ? .passed : .failed, hidden: check.hidden,
                  points: result.points, max: check.totalPoints, message: result.passed ? "" : result.message,
                  expected: result.passed ? nil : result.expected, actual: result.passed ? nil : result.actual)
    }
}

/// The verdict on one step in a grade report.
///
/// A step passes when the learner's session completed it and every hidden check held at that
/// moment; an optional step that was not done is skipped, never failed.
public struct StepGrade: Sendable, Hashable {
    /// `passed`, `failed` or `skipped` (optional steps only).
    public enum Status: String, Sendable, Hashable {
        case passed, failed, skipped
    }

    /// 1-based position in the lab.
    public var index: Int
    public var id: String
    public var title: String
    public var optional: Bool
    public var status: Status
    /// Points earned, penalties applied (the session's score for this step).
    public var points: Int
    public var max: Int
    public var penalty: Int
    /// Hint tiers shown (`nudge`, `concept`, `command`), in order.
    public var hints: [String]
    public var solutionShown: Bool
    /// Why the step did not pass (empty when it passed).
    public var message: String
    /// For a completed step, the checks as they stood when it completed; for the step the learner
    /// stopped on, as they stand at the end; otherwise `not_run`.
    public var checks: [CheckGrade]
}

/// A graded submission: what `cnmlab grade` prints in every format.
///
/// Why: one value that the text, JSON, JUnit and TAP writers all render, so the four formats can
/// never disagree on a verdict.
public struct GradeReport: Sendable, Hashable {
    /// The JSON schema identifier; bumped only when a key changes meaning or disappears.
    public static let schema = "cnmlab.grade/1"

    public var lab: String
    public var title: String
    public var version: Int
    /// Nil for the default variant.
    public var learner: String?
    public var seed: UInt64
    public var score: Int
    /// Points of the required steps (optional steps are a bonus on top).
    public var max: Int
    /// The pass mark in points when `--min-score` was given; nil: every required step must pass.
    public var minScore: Int?
    public var passed: Bool
    /// Command lines replayed (comments and blank lines excluded), and how many a lab rule refused.
    public var commands: Int
    public var refused: Int
    public var steps: [StepGrade]
    /// Syntax problems in the transcript and bounds the replay hit, by line.
    public var findings: [GradeFinding]
    /// Learner-facing (hidden checks keep only their place and status) or instructor (everything).
    public var audience: Grader.Audience
    /// The language of the report's sentences.
    public var locale: LabLocale

    public init(lab: String, title: String, version: Int, learner: String?, seed: UInt64, score: Int, max: Int,
                minScore: Int?, passed: Bool, commands: Int, refused: Int, steps: [StepGrade],
                findings: [GradeFinding] = [], audience: Grader.Audience = .instructor, locale: LabLocale = .en) {
        self.lab = lab; self.title = title; self.version = version; self.learner = learner; self.seed = seed
        self.score = score; self.max = max; self.minScore = minScore; self.passed = passed; self.commands = commands
        self.refused = refused; self.steps = steps; self.findings = findings; self.audience = audience
        self.locale = locale
    }

    /// The findings that fail the submission (a bound was hit).
    public var failingFindings: [GradeFinding] { findings.filter(\.failsSubmission) }

    public var failedSteps: [StepGrade] { steps.filter { $0.status == .failed } }
    public var skippedSteps: [StepGrade] { steps.filter { $0.status == .skipped } }
}

// MARK: JSON

extension CheckGrade: Encodable {
    enum CodingKeys: String, CodingKey { case name, status, hidden, points, max, message, expected, actual }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(status.rawValue, forKey: .status)
        try c.encode(hidden, forKey: .hidden)
        try c.encode(points, forKey: .points)
        try c.encode(max, forKey: .max)
        try c.encode(message, forKey: .message)
        try c.encode(expected, forKey: .expected)
        try c.encode(actual, forKey: .actual)
    }
}

extension StepGrade: Encodable {
    enum CodingKeys: String, CodingKey {
        case index, id, title, optional, status, points, max, penalty, hints, message, checks
        case solutionShown = "solution_shown"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(optional, forKey: .optional)
        try c.encode(status.rawValue, forKey: .status)
        try c.encode(points, forKey: .points)
        try c.encode(max, forKey: .max)
        try c.encode(penalty, forKey: .penalty)
        try c.encode(hints, forKey: .hints)
        try c.encode(solutionShown, forKey: .solutionShown)
        try c.encode(message, forKey: .message)
        try c.encode(checks, forKey: .checks)
    }
}

/// One finding as the JSON report carries it.
struct GradeFindingJSON: Encodable {
    var kind: String
    var line: Int?
    var endLine: Int?
    var message: String
    var fails: Bool

    enum CodingKeys: String, CodingKey {
        case kind, line, message, fails
        case endLine = "end_line"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(line, forKey: .line)
        try c.encode(endLine, forKey: .endLine)
        try c.encode(message, forKey: .message)
        try c.encode(fails, forKey: .fails)
    }
}

extension GradeReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case schema, lab, title, version, learner, seed, score, max, passed, commands, refused, steps, findings, audience
        case minScore = "min_score"
    }

    /// Every key is always present (`null` when unknown), so a consumer never guesses. The seed is
    /// a decimal string: it is 64 bits, more than a JSON number keeps exactly in most readers.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schema, forKey: .schema)
        try c.encode(lab, forKey: .lab)
        try c.encode(title, forKey: .title)
        try c.encode(version, forKey: .version)
        try c.encode(learner, forKey: .learner)
        try c.encode(String(seed), forKey: .seed)
        try c.encode(score, forKey: .score)
        try c.encode(max, forKey: .max)
        try c.encode(minScore, forKey: .minScore)
        try c.encode(passed, forKey: .passed)
        try c.encode(commands, forKey: .commands)
        try c.encode(refused, forKey: .refused)
        try c.encode(steps, forKey: .steps)
        try c.encode(findings.map {
            GradeFindingJSON(kind: $0.kind.rawValue, line: $0.line, endLine: $0.endLine, message: $0.message(locale),
                             fails: $0.failsSubmission)
        }, forKey: .findings)
        try c.encode(audience.rawValue, forKey: .audience)
    }
}
