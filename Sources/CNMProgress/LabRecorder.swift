import CNMCommands
import CNMLabs
import CNMSim
import GRDB

/// The SQLite journal of one attempt: every lab line is committed before `record` returns (synced to
/// the disk right after, off the prompt's path, by the store's `WALFlusher`; the line that finishes
/// the lab waits for its sync) — the
/// line in the command log with the state hash after it, and in the same transaction what it did
/// to the steps (a try on the current step, steps completed or undone, a quiz answer, a hint or a
/// solution shown) and, when it finished the lab, the attempt's score.
///
/// Lines after the lab is finished are practice: they are appended to the finished attempt's
/// command log (its score is final and they change nothing in the step tables).
public struct StoreJournal: LabJournal {
    public let store: ProgressStore
    public private(set) var attempt: Attempt
    public private(set) var lines: [LabLine]
    /// The state hash after the last recorded line.
    public private(set) var lastHash: String
    /// What the last hash walked, so that the next one walks only what changed.
    var cache = FingerprintCache()

    init(store: ProgressStore, attempt: Attempt, lines: [LabLine], lastHash: String) {
        self.store = store; self.attempt = attempt; self.lines = lines; self.lastHash = lastHash
    }

    public mutating func record(_ outcome: LabOutcome, session: LabSession) throws {
        guard let text = outcome.line.text else { return }
        // Only a command, an undo or a reset can change the world; any other line keeps the hash.
        let hash: String
        switch outcome.line {
        case .command, .undo, .reset: hash = StateFingerprint.hash(simulator: session.simulator, cache: &cache)
        default: hash = lastHash
        }
        var events = LabEvents()
        if !outcome.practice, let stepID = outcome.stepID {
            if outcome.line.isTyped && outcome.refusal == nil { events.triedStep = stepID }
            if let v = outcome.verdict { events.answer = (stepID, v.text, v.correct) }
            if let h = outcome.hint { events.hint = (stepID, (HintTier.allCases.firstIndex(of: h.tier) ?? 0) + 1) }
            if case .solution = outcome.line, outcome.exitCode == 0 { events.solutionStep = stepID }
        }
        let lab = session.lab
        events.completedSteps = outcome.completedSteps.map { lab.steps[$0].id }
        if case .undo = outcome.line { events.openSteps = Self.openSteps(session) }
        if case .reset = outcome.line { events.openSteps = Self.openSteps(session) }
        if outcome.finishedLab { events.finalScore = (session.score.earned, session.score.max) }
        attempt = try store.recordLabLine(attempt: attempt.id, line: Array(text.utf8), exitCode: outcome.exitCode,
                                          stateHash: hash, events: events, practice: outcome.practice)
        lines.append(outcome.line)
        lastHash = hash
        // The score is final: the line that finished the lab is on the disk before its prompt returns.
        if outcome.finishedLab { try store.waitUntilOnDisk() }
    }

    /// Steps not completed in the session (an undo or a reset may have taken a completion back).
    static func openSteps(_ session: LabSession) -> [String] {
        session.lab.steps.indices.filter { !session.progress[$0].completed }.map { session.lab.steps[$0].id }
    }
}

/// Starting, resuming and restarting recorded attempts at a lab (`LabAttempt`s on a `StoreJournal`).
///
/// Why: this is what `cnmlab shell` needs to keep a lab across days. Resume replays the journal
/// through `LabSession.apply` — hints, solutions, skips, undo and reset included — so the resumed
/// session has the same world, step and score, and checks each line's state hash and exit code.
public enum LabRecorder {
    /// Starts a new attempt at `lab` for `learner` (the learner's variant, setup applied).
    public static func start(store: ProgressStore, lab: Lab, learner: String, locale: LabLocale = .en) throws -> LabAttempt {
        try start(store: store, lab: lab, learner: learner, locale: locale, continuing: nil)
    }

    static func start(store: ProgressStore, lab: Lab, learner: String, locale: LabLocale,
                      continuing: (attempt: Int64, carried: Int)?) throws -> LabAttempt {
        let session = LabSession(lab: lab, learner: learner, locale: locale)
        let attempt = try store.startAttempt(learner: learner, labID: lab.id, labVersion: String(lab.version),
                                             seed: session.variant.seed, stepsTotal: lab.steps.count,
                                             continuing: continuing?.attempt, carriedLines: continuing?.carried ?? 0)
        let journal = StoreJournal(store: store, attempt: attempt, lines: [],
                                   lastHash: StateFingerprint.hash(simulator: session.simulator))
        return LabAttempt(session: session, journal: journal)
    }

    /// Continues the learner's open attempt at `lab`; nil when there is none.
    ///
    /// When a line no longer replays as recorded (the lab file or cnmlab changed), the session
    /// stands after the last line that did, the old attempt is closed as abandoned and a new one
    /// continues it: it re-records the lines that matched (it is not counted as another attempt,
    /// and the lines it carries are not counted twice), and the result says where the replay parted.
    public static func resume(store: ProgressStore, lab: Lab, learner: String, locale: LabLocale = .en) throws -> Resumed? {
        guard let point = try store.resumePoint(learner: learner, labID: lab.id) else { return nil }
        let replay = self.replay(point.commands, lab: lab, learner: learner, locale: locale)
        guard let mismatch = replay.mismatch else {
            let journal = StoreJournal(store: store, attempt: point.attempt, lines: point.commands.map { LabLine($0.commandText) },
                                       lastHash: StateFingerprint.hash(simulator: replay.state.simulator))
            return Resumed(attempt: LabAttempt(session: replay.state, journal: journal), replayed: replay.matched,
                           unchecked: replay.unchecked, mismatch: nil)
        }
        try store.abandonAttempt(point.attempt.id)
        let root = point.attempt.continuesAttempt ?? point.attempt.id
        var continued = try start(store: store, lab: lab, learner: learner, locale: locale,
                                  continuing: (root, replay.matched))
        for record in point.commands.prefix(replay.matched) { _ = try continued.apply(LabLine(record.commandText)) }
        return Resumed(attempt: continued, replayed: replay.matched, unchecked: replay.unchecked, mismatch: mismatch)
    }

    /// Abandons the learner's open attempt at `lab`, if any, and starts a new one (`lab restart`).
    public static func restart(store: ProgressStore, lab: Lab, learner: String, locale: LabLocale = .en) throws -> LabAttempt {
        if let open = try store.openAttempt(learner: learner, labID: lab.id) { try store.abandonAttempt(open.id) }
        return try start(store: store, lab: lab, learner: learner, locale: locale)
    }

    /// Replays logged lines into a fresh session of `lab` for `learner`, checking each line's
    /// exit code and (when recorded by this canonical form) state hash.
    public static func replay(_ commands: [CommandRecord], lab: Lab, learner: String, locale: LabLocale = .en)
        -> (state: LabSession, matched: Int, unchecked: Int, mismatch: ReplayMismatch?) {
        var cached: String?
        var cache = FingerprintCache()
        return Replay.run(commands, from: LabSession(lab: lab, learner: learner, locale: locale)) { session, bytes, wantHash in
            let line = LabLine(String(decoding: bytes, as: UTF8.self))
            let code = session.apply(line).exitCode
            if line.mayChangeWorld || line.isTyped { cached = nil }
            guard wantHash else { return (code, nil) }
            let hash = cached ?? StateFingerprint.hash(simulator: session.simulator, cache: &cache)
            cached = hash
            return (code, hash)
        }
    }

    /// A resumed attempt and how its replay went.
    public struct Resumed: Sendable {
        /// The attempt, ready for the next line (a continuation of the old one after a mismatch).
        public var attempt: LabAttempt
        /// Lines replayed as recorded.
        public var replayed: Int
        /// Of those, lines recorded with another form of state hash (an older cnmlab): only their
        /// exit codes could be checked.
        public var unchecked: Int
        /// Where the replay parted from the log, or nil.
        public var mismatch: ReplayMismatch?
    }
}

extension LabAttempt {
    /// The progress-store attempt this one records into, when it has one.
    public var recordedAttempt: Attempt? { (journal as? StoreJournal)?.attempt }
}

/// What one lab line did, for the step tables.
struct LabEvents: Sendable {
    var triedStep: String?
    var answer: (step: String, text: String, correct: Bool)?
    var hint: (step: String, tier: Int)?
    var solutionStep: String?
    var completedSteps: [String] = []
    /// Steps to mark as not completed (after an undo or a reset), or nil.
    var openSteps: [String]?
    /// The score and maximum when the line finished the lab.
    var finalScore: (score: Int, max: Int)?
}

extension ProgressStore {
    /// One lab line: its command-log row and its step events (and the attempt's score when it
    /// finished the lab), in one committed transaction. A practice line goes to a finished attempt.
    func recordLabLine(attempt: Int64, line: [UInt8], exitCode: Int32, stateHash: String, events: LabEvents,
                       practice: Bool) throws -> Attempt {
        let now = clock.now()
        let path = self.path
        return try writeFlushingLater { db in
            _ = try Self.appendCommand(db, path: path, attempt: attempt, at: now, command: line, exitCode: exitCode,
                                       stateHash: stateHash, allowFinished: practice)
            if let step = events.triedStep {
                let row = try Self.ensureStep(db, attempt: attempt, step: step)
                try db.cachedStatement(sql: "UPDATE step_result SET tries = tries + 1 WHERE id = ?").execute(arguments: [row])
            }
            if let a = events.answer {
                try db.cachedStatement(sql: """
                    INSERT INTO quiz_answer (attempt_id, question_id, answer, correct, answered_at) VALUES (?, ?, ?, ?, ?)
                    """).execute(arguments: [attempt, a.step, a.text, a.correct ? 1 : 0, now])
            }
            if let h = events.hint {
                let row = try Self.ensureStep(db, attempt: attempt, step: h.step)
                try db.cachedStatement(sql: """
                    INSERT INTO hint_use (step_result_id, tier, count) VALUES (?, ?, 1)
                    ON CONFLICT (step_result_id, tier) DO UPDATE SET count = count + 1
                    """).execute(arguments: [row, h.tier])
            }
            if let step = events.solutionStep {
                let row = try Self.ensureStep(db, attempt: attempt, step: step)
                try db.cachedStatement(sql: "UPDATE step_result SET solution_shown = 1 WHERE id = ?").execute(arguments: [row])
            }
            for step in events.openSteps ?? [] {
                try db.cachedStatement(sql: "UPDATE step_result SET completed_at = NULL WHERE attempt_id = ? AND step_id = ?").execute(
                               arguments: [attempt, step])
            }
            for step in events.completedSteps {
                let row = try Self.ensureStep(db, attempt: attempt, step: step)
                try db.cachedStatement(sql: "UPDATE step_result SET completed_at = COALESCE(completed_at, ?) WHERE id = ?").execute(
                               arguments: [now, row])
            }
            if let s = events.finalScore {
                try db.cachedStatement(sql: """
                    UPDATE attempt SET status = 'finished', finished_at = ?, score = ?, max_score = ? WHERE id = ?
                    """).execute(arguments: [now, s.score, s.max, attempt])
            }
            return try Self.attempt(db, id: attempt)
        }
    }
}
