import CNMCommands
import CNMLabs
import CNMSim
import GRDB

/// A `LabSession` whose every input is committed to the progress store before it returns:
/// the line in the command log (with the state hash after it), and in the same transaction
/// the step it was tried on, the steps it completed, a quiz answer, a hint or a solution shown.
///
/// Why: this is what `cnmlab shell` needs to keep a lab across days. Hints, solutions and
/// skips change the score, so they are logged too, as shell comments (`#cnmlab hint`…):
/// `cnmlab sim` and grading skip them, and a resume replays them into the session.
public struct LabRecorder: Sendable {
    public let store: ProgressStore
    public private(set) var attempt: Attempt
    public private(set) var session: LabSession

    /// The logged line for a hint shown.
    public static let hintLine = "#cnmlab hint"
    /// The logged line for a solution shown.
    public static let solutionLine = "#cnmlab solution"
    /// The logged line for an optional step skipped.
    public static let skipLine = "#cnmlab skip"

    /// Starts a new attempt at `lab` for `learner` (the learner's variant, setup applied).
    public static func start(store: ProgressStore, lab: Lab, learner: String,
                             locale: LabLocale = .en) throws -> LabRecorder {
        let session = LabSession(lab: lab, learner: learner, locale: locale)
        let attempt = try store.startAttempt(learner: learner, labID: lab.id, labVersion: String(lab.version),
                                             seed: session.variant.seed, stepsTotal: lab.steps.count)
        return LabRecorder(store: store, attempt: attempt, session: session)
    }

    /// Continues the learner's open attempt at `lab`: a fresh session replays the logged lines.
    /// Nil when there is no open attempt. On a mismatch (the lab changed) the recorder stands at
    /// the last matching line and the mismatch says where; `restart` then keeps what still matches.
    public static func resume(store: ProgressStore, lab: Lab, learner: String,
                              locale: LabLocale = .en) throws -> (LabRecorder, ReplayMismatch?)? {
        guard let point = try store.resumePoint(learner: learner, labID: lab.id) else { return nil }
        let outcome = replay(point.commands, lab: lab, learner: learner, locale: locale)
        return (LabRecorder(store: store, attempt: point.attempt, session: outcome.state), outcome.mismatch)
    }

    /// Abandons the learner's open attempt at `lab` and starts a new one that re-records the
    /// lines that still replay as before (all of them when `keepingMatched` is false: none).
    public static func restart(store: ProgressStore, lab: Lab, learner: String, locale: LabLocale = .en,
                               keepingMatched: Bool = true) throws -> LabRecorder {
        var kept: [[UInt8]] = []
        if let point = try store.resumePoint(learner: learner, labID: lab.id) {
            if keepingMatched {
                let outcome = replay(point.commands, lab: lab, learner: learner, locale: locale)
                kept = point.commands.prefix(outcome.matched).map(\.command)
            }
            try store.abandonAttempt(point.attempt.id)
        }
        var recorder = try start(store: store, lab: lab, learner: learner, locale: locale)
        for line in kept { _ = try recorder.perform(String(decoding: line, as: UTF8.self)) }
        return recorder
    }

    /// Replays logged lines into a fresh session of `lab` for `learner`.
    public static func replay(_ commands: [CommandRecord], lab: Lab, learner: String, locale: LabLocale = .en)
        -> (state: LabSession, matched: Int, mismatch: ReplayMismatch?) {
        Replay.run(commands, from: LabSession(lab: lab, learner: learner, locale: locale)) { session, bytes in
            let code = apply(&session, String(decoding: bytes, as: UTF8.self))
            return (code, StateFingerprint.hash(simulator: session.simulator))
        }
    }

    /// Runs one logged line on a session; returns its exit code.
    private static func apply(_ session: inout LabSession, _ line: String) -> Int32 {
        switch line {
        case hintLine: _ = session.hint(); return 0
        case solutionLine: _ = session.revealSolution(); return 0
        case skipLine: _ = session.skip(); return 0
        default: return session.input(line).output.exitCode
        }
    }

    // MARK: Input

    /// Runs a typed line (a command, or `answer TEXT` for a quiz) and commits its record.
    /// A blank line changes nothing and is not logged.
    public mutating func input(_ line: String) throws -> LabOutcome {
        let before = session
        let stepID = session.step?.id
        let outcome = session.input(line)
        if isBlank(line.utf8) { return outcome }
        var events = LabEvents()
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let isComment = trimmed.isEmpty || trimmed.hasPrefix("#")
        if let stepID, !isComment, outcome.refusal == nil {
            events.triedStep = stepID
            if trimmed == "answer" || trimmed.hasPrefix("answer ") {
                let text = String(trimmed.dropFirst("answer".count)).drop { $0 == " " }
                let index = before.currentStep
                let correct = session.progress.indices.contains(index) && session.progress[index].completed
                    && !before.progress[index].completed
                events.answer = (stepID, String(text), correct)
            }
        }
        try commit(line, exitCode: outcome.output.exitCode, before: before, events: events)
        return outcome
    }

    /// Shows the next hint of the current step (nil when the ladder is used up) and commits it.
    public mutating func hint() throws -> Hint? {
        let before = session
        guard let stepID = session.step?.id, let hint = session.hint() else { return nil }
        var events = LabEvents()
        events.hint = (stepID, (HintTier.allCases.firstIndex(of: hint.tier) ?? 0) + 1)
        try commit(Self.hintLine, exitCode: 0, before: before, events: events)
        return hint
    }

    /// Shows the current step's solution and commits that it was shown.
    public mutating func revealSolution() throws -> [String] {
        let before = session
        guard let stepID = session.step?.id else { return [] }
        let lines = session.revealSolution()
        var events = LabEvents()
        events.solutionStep = stepID
        try commit(Self.solutionLine, exitCode: 0, before: before, events: events)
        return lines
    }

    /// Skips the current optional step (false when it is not optional) and commits it.
    public mutating func skip() throws -> Bool {
        let before = session
        guard session.skip() else { return false }
        try commit(Self.skipLine, exitCode: 0, before: before, events: LabEvents())
        return true
    }

    /// Switches the language of the session's messages (nothing is recorded).
    public mutating func setLocale(_ locale: LabLocale) { session.locale = locale }

    /// Closes the attempt with the session's score.
    @discardableResult
    public mutating func finish() throws -> Attempt {
        let score = session.score
        attempt = try store.finishAttempt(attempt.id, score: score.earned, maxScore: score.max)
        return attempt
    }

    /// Re-runs a logged line (used by `restart`).
    private mutating func perform(_ line: String) throws -> Int32 {
        switch line {
        case Self.hintLine: _ = try hint(); return 0
        case Self.solutionLine: _ = try revealSolution(); return 0
        case Self.skipLine: _ = try skip(); return 0
        default: return try input(line).output.exitCode
        }
    }

    private static func completed(_ before: LabSession, _ after: LabSession) -> [String] {
        after.lab.steps.indices.filter { i in
            after.progress.indices.contains(i) && after.progress[i].completed
                && !(before.progress.indices.contains(i) && before.progress[i].completed)
        }.map { after.lab.steps[$0].id }
    }

    /// Writes the line and its events in one transaction; on failure the session goes back.
    private mutating func commit(_ line: String, exitCode: Int32, before: LabSession, events: LabEvents) throws {
        var events = events
        events.completedSteps = Self.completed(before, session)
        do {
            try store.recordLabInput(attempt: attempt.id, line: Array(line.utf8), exitCode: exitCode,
                                     stateHash: StateFingerprint.hash(simulator: session.simulator), events: events)
        } catch {
            session = before
            throw error
        }
    }
}

/// What one lab input did, for the step tables.
struct LabEvents: Sendable {
    var triedStep: String?
    var answer: (step: String, text: String, correct: Bool)?
    var hint: (step: String, tier: Int)?
    var solutionStep: String?
    var completedSteps: [String] = []
}

extension ProgressStore {
    /// One lab input: its command-log row and its step events, in one committed transaction.
    func recordLabInput(attempt: Int64, line: [UInt8], exitCode: Int32, stateHash: String, events: LabEvents) throws {
        let now = clock.now()
        let path = self.path
        try write { db in
            _ = try Self.appendCommand(db, path: path, attempt: attempt, at: now, command: line, exitCode: exitCode,
                                       stateHash: stateHash)
            if let step = events.triedStep {
                let row = try Self.ensureStep(db, attempt: attempt, step: step)
                try db.execute(sql: "UPDATE step_result SET tries = tries + 1 WHERE id = ?", arguments: [row])
            }
            if let a = events.answer {
                try db.execute(sql: """
                    INSERT INTO quiz_answer (attempt_id, question_id, answer, correct, answered_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [attempt, a.step, a.text, a.correct ? 1 : 0, now])
            }
            if let h = events.hint {
                let row = try Self.ensureStep(db, attempt: attempt, step: h.step)
                try db.execute(sql: """
                    INSERT INTO hint_use (step_result_id, tier, count) VALUES (?, ?, 1)
                    ON CONFLICT (step_result_id, tier) DO UPDATE SET count = count + 1
                    """, arguments: [row, h.tier])
            }
            if let step = events.solutionStep {
                let row = try Self.ensureStep(db, attempt: attempt, step: step)
                try db.execute(sql: "UPDATE step_result SET solution_shown = 1 WHERE id = ?", arguments: [row])
            }
            for step in events.completedSteps {
                let row = try Self.ensureStep(db, attempt: attempt, step: step)
                try db.execute(sql: "UPDATE step_result SET completed_at = COALESCE(completed_at, ?) WHERE id = ?",
                               arguments: [now, row])
            }
        }
    }
}
