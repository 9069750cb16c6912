import Foundation
import GRDB

// Learners, attempts, steps and quiz answers. Every write is one committed transaction.
extension ProgressStore {
    // MARK: Learners

    /// Whether a learner name is usable: 1 to 64 characters, none of them control characters.
    public static func isValidLearnerName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// The learner with this name, or nil.
    public func learner(named name: String) throws -> Learner? {
        guard hasSchema else { return nil }
        return try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM learner WHERE name = ?", arguments: [name]).map(Self.learner)
        }
    }

    /// The learner with this name, created when new.
    public func ensureLearner(named name: String) throws -> Learner {
        guard Self.isValidLearnerName(name) else { throw ProgressError(.invalidLearnerName(name)) }
        let now = clock.now()
        return try write { db in try Self.ensureLearner(db, name: name, now: now) }
    }

    static func ensureLearner(_ db: Database, name: String, now: Int64) throws -> Learner {
        try db.execute(sql: "INSERT INTO learner (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                       arguments: [name, now])
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM learner WHERE name = ?", arguments: [name]) else {
            throw ProgressError(.unknownLearner(name))
        }
        return try learner(row)
    }

    /// Every learner, by name.
    public func learners() throws -> [Learner] {
        guard hasSchema else { return [] }
        return try read { db in try Row.fetchAll(db, sql: "SELECT * FROM learner ORDER BY name").map(Self.learner) }
    }

    // MARK: Attempts

    /// Starts a new open attempt at a lab (creating the learner when new).
    /// `continuing` names the attempt this one continues (after a replay parted from its log) and
    /// `carriedLines` how many of its lines the new one re-records first.
    public func startAttempt(learner name: String, labID: String, labVersion: String, seed: UInt64,
                             stepsTotal: Int? = nil, continuing: Int64? = nil, carriedLines: Int = 0) throws -> Attempt {
        guard Self.isValidLearnerName(name) else { throw ProgressError(.invalidLearnerName(name)) }
        let now = clock.now()
        return try write { db in
            let learner = try Self.ensureLearner(db, name: name, now: now)
            try db.execute(sql: """
                INSERT INTO attempt (learner_id, lab_id, lab_version, seed, steps_total, started_at, status,
                                     continues_attempt, carried_lines)
                VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)
                """, arguments: [learner.id, labID, labVersion, Int64(bitPattern: seed), stepsTotal, now,
                                 continuing, carriedLines])
            return try Self.attempt(db, id: db.lastInsertedRowID)
        }
    }

    /// The attempt with this number, or nil.
    public func attempt(id: Int64) throws -> Attempt? {
        guard hasSchema else { return nil }
        return try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM attempt WHERE id = ?", arguments: [id]).map(Self.attempt)
        }
    }

    /// Attempts, oldest first, optionally of one learner and one lab.
    public func attempts(learner name: String? = nil, labID: String? = nil) throws -> [Attempt] {
        guard hasSchema else { return [] }
        return try read { db in
            var sql = "SELECT attempt.* FROM attempt JOIN learner ON learner.id = attempt.learner_id WHERE 1"
            var args: StatementArguments = []
            if let name { sql += " AND learner.name = ?"; args += [name] }
            if let labID { sql += " AND attempt.lab_id = ?"; args += [labID] }
            sql += " ORDER BY attempt.id"
            return try Row.fetchAll(db, sql: sql, arguments: args).map(Self.attempt)
        }
    }

    /// The learner's latest open attempt (at one lab, or at any), or nil.
    public func openAttempt(learner name: String, labID: String? = nil) throws -> Attempt? {
        try attempts(learner: name, labID: labID).last { $0.status == .open }
    }

    /// Closes an attempt with its score.
    @discardableResult
    public func finishAttempt(_ id: Int64, score: Int, maxScore: Int) throws -> Attempt {
        let now = clock.now()
        return try write { db in
            _ = try Self.openAttempt(db, id: id)
            try db.execute(sql: """
                UPDATE attempt SET status = 'finished', finished_at = ?, score = ?, max_score = ? WHERE id = ?
                """, arguments: [now, score, maxScore, id])
            return try Self.attempt(db, id: id)
        }
    }

    /// Closes an attempt without a score (the learner restarted or gave up).
    @discardableResult
    public func abandonAttempt(_ id: Int64) throws -> Attempt {
        let now = clock.now()
        return try write { db in
            _ = try Self.openAttempt(db, id: id)
            try db.execute(sql: "UPDATE attempt SET status = 'abandoned', finished_at = ? WHERE id = ?",
                           arguments: [now, id])
            return try Self.attempt(db, id: id)
        }
    }

    // MARK: Steps

    /// Counts one check of a step.
    public func recordTry(attempt: Int64, step: String) throws {
        try updateStep(attempt: attempt, step: step, sql: "UPDATE step_result SET tries = tries + 1 WHERE id = ?")
    }

    /// Counts one hint shown for a step, at a tier (1 = gentlest).
    public func recordHint(attempt: Int64, step: String, tier: Int) throws {
        try write { db in
            _ = try Self.openAttempt(db, id: attempt)
            let stepRow = try Self.ensureStep(db, attempt: attempt, step: step)
            try db.execute(sql: """
                INSERT INTO hint_use (step_result_id, tier, count) VALUES (?, ?, 1)
                ON CONFLICT (step_result_id, tier) DO UPDATE SET count = count + 1
                """, arguments: [stepRow, tier])
        }
    }

    /// Records that the solution of a step was shown.
    public func recordSolutionShown(attempt: Int64, step: String) throws {
        try updateStep(attempt: attempt, step: step, sql: "UPDATE step_result SET solution_shown = 1 WHERE id = ?")
    }

    /// Records that a step was completed (the first completion time is kept).
    public func completeStep(attempt: Int64, step: String) throws {
        let now = clock.now()
        try write { db in
            _ = try Self.openAttempt(db, id: attempt)
            let stepRow = try Self.ensureStep(db, attempt: attempt, step: step)
            try db.execute(sql: "UPDATE step_result SET completed_at = COALESCE(completed_at, ?) WHERE id = ?",
                           arguments: [now, stepRow])
        }
    }

    private func updateStep(attempt: Int64, step: String, sql: String) throws {
        try write { db in
            _ = try Self.openAttempt(db, id: attempt)
            let stepRow = try Self.ensureStep(db, attempt: attempt, step: step)
            try db.execute(sql: sql, arguments: [stepRow])
        }
    }

    static func ensureStep(_ db: Database, attempt: Int64, step: String) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO step_result (attempt_id, step_id) VALUES (?, ?) ON CONFLICT (attempt_id, step_id) DO NOTHING
            """).execute(arguments: [attempt, step])
        let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM step_result WHERE attempt_id = ? AND step_id = ?"),
                                    arguments: [attempt, step])
        guard let id else { throw ProgressError(.unknownAttempt(attempt)) }
        return id
    }

    /// The step results of an attempt, in the order the steps were first touched.
    public func stepResults(attempt: Int64) throws -> [StepResult] {
        guard hasSchema else { return [] }
        return try read { db in try Self.stepResults(db, attempt: attempt) }
    }

    static func stepResults(_ db: Database, attempt: Int64) throws -> [StepResult] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM step_result WHERE attempt_id = ? ORDER BY id",
                                    arguments: [attempt])
        var hints: [Int64: [Int: Int]] = [:]
        for h in try Row.fetchAll(db, sql: """
            SELECT hint_use.* FROM hint_use JOIN step_result ON step_result.id = hint_use.step_result_id
            WHERE step_result.attempt_id = ?
            """, arguments: [attempt]) {
            let sid = try h.decode(Int64.self, forColumn: "step_result_id")
            hints[sid, default: [:]][try h.decode(Int.self, forColumn: "tier")] = try h.decode(Int.self, forColumn: "count")
        }
        return try rows.map { r in
            let id = try r.decode(Int64.self, forColumn: "id")
            return StepResult(attemptID: attempt, stepID: try r.decode(String.self, forColumn: "step_id"),
                              tries: try r.decode(Int.self, forColumn: "tries"), hintsByTier: hints[id] ?? [:],
                              solutionShown: try r.decode(Int.self, forColumn: "solution_shown") != 0,
                              completedAt: try r.decode(Int64?.self, forColumn: "completed_at"))
        }
    }

    // MARK: Quiz

    /// Records one answer to a quiz question.
    public func recordQuizAnswer(attempt: Int64, question: String, answer: String, correct: Bool) throws {
        let now = clock.now()
        try write { db in
            _ = try Self.openAttempt(db, id: attempt)
            try db.execute(sql: """
                INSERT INTO quiz_answer (attempt_id, question_id, answer, correct, answered_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [attempt, question, answer, correct ? 1 : 0, now])
        }
    }

    /// The quiz answers of an attempt, oldest first.
    public func quizAnswers(attempt: Int64) throws -> [QuizAnswer] {
        guard hasSchema else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM quiz_answer WHERE attempt_id = ? ORDER BY id",
                             arguments: [attempt]).map { r in
                QuizAnswer(attemptID: attempt, questionID: try r.decode(String.self, forColumn: "question_id"),
                           answer: try r.decode(String.self, forColumn: "answer"),
                           correct: try r.decode(Int.self, forColumn: "correct") != 0,
                           answeredAt: try r.decode(Int64.self, forColumn: "answered_at"))
            }
        }
    }

    // MARK: Rows

    static func learner(_ r: Row) throws -> Learner {
        Learner(id: try r.decode(Int64.self, forColumn: "id"), name: try r.decode(String.self, forColumn: "name"),
                createdAt: try r.decode(Int64.self, forColumn: "created_at"))
    }

    static func attempt(_ r: Row) throws -> Attempt {
        let statusText = try r.decode(String.self, forColumn: "status")
        return Attempt(id: try r.decode(Int64.self, forColumn: "id"),
                       learnerID: try r.decode(Int64.self, forColumn: "learner_id"),
                       labID: try r.decode(String.self, forColumn: "lab_id"),
                       labVersion: try r.decode(String.self, forColumn: "lab_version"),
                       seed: UInt64(bitPattern: try r.decode(Int64.self, forColumn: "seed")),
                       stepsTotal: try r.decode(Int?.self, forColumn: "steps_total"),
                       startedAt: try r.decode(Int64.self, forColumn: "started_at"),
                       finishedAt: try r.decode(Int64?.self, forColumn: "finished_at"),
                       status: AttemptStatus(rawValue: statusText) ?? .abandoned,
                       score: try r.decode(Int?.self, forColumn: "score"),
                       maxScore: try r.decode(Int?.self, forColumn: "max_score"),
                       // Absent in a schema-1 file opened read-only.
                       continuesAttempt: r.hasColumn("continues_attempt")
                           ? try r.decode(Int64?.self, forColumn: "continues_attempt") : nil,
                       carriedLines: r.hasColumn("carried_lines") ? try r.decode(Int.self, forColumn: "carried_lines") : 0)
    }

    static func attempt(_ db: Database, id: Int64) throws -> Attempt {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM attempt WHERE id = ?"), arguments: [id]) else {
            throw ProgressError(.unknownAttempt(id))
        }
        return try attempt(row)
    }

    /// The attempt, which must still be open.
    static func openAttempt(_ db: Database, id: Int64) throws -> Attempt {
        let a = try attempt(db, id: id)
        guard a.status == .open else { throw ProgressError(.attemptClosed(id)) }
        return a
    }
}
