import GRDB

/// The progress database's schema, as versioned GRDB migrations.
///
/// Why versioned: a learner's file outlives the cnmlab that wrote it. Each
/// migration also sets `PRAGMA user_version` to its number, so an older cnmlab
/// recognises a file from a newer one (and refuses it) without knowing the
/// newer migrations, and `PRAGMA application_id` marks the file as cnmlab's.
public enum ProgressSchema {
    /// `PRAGMA application_id` of every progress database: ASCII "cnml".
    public static let applicationID: Int32 = 0x636E_6D6C

    /// The newest schema version this cnmlab knows (the last migration's number).
    public static let version = 2

    /// Migration identifiers in order; the number before the colon is the schema version.
    public static let identifiers = ["1:initial", "2:attempt-continuation"]

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("1:initial") { db in
            try db.execute(sql: """
                CREATE TABLE learner (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE attempt (
                    id INTEGER PRIMARY KEY,
                    learner_id INTEGER NOT NULL REFERENCES learner(id),
                    lab_id TEXT NOT NULL,
                    lab_version TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    steps_total INTEGER,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished', 'abandoned')),
                    score INTEGER,
                    max_score INTEGER
                );
                CREATE INDEX attempt_by_learner ON attempt(learner_id, lab_id);
                CREATE TABLE step_result (
                    id INTEGER PRIMARY KEY,
                    attempt_id INTEGER NOT NULL REFERENCES attempt(id),
                    step_id TEXT NOT NULL,
                    tries INTEGER NOT NULL DEFAULT 0,
                    solution_shown INTEGER NOT NULL DEFAULT 0,
                    completed_at INTEGER,
                    UNIQUE (attempt_id, step_id)
                );
                CREATE TABLE hint_use (
                    step_result_id INTEGER NOT NULL REFERENCES step_result(id),
                    tier INTEGER NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (step_result_id, tier)
                );
                CREATE TABLE command_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    attempt_id INTEGER NOT NULL REFERENCES attempt(id),
                    sequence INTEGER NOT NULL,
                    at INTEGER NOT NULL,
                    command BLOB NOT NULL,
                    exit_code INTEGER NOT NULL,
                    state_hash TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    row_hash TEXT NOT NULL,
                    UNIQUE (attempt_id, sequence)
                );
                CREATE TABLE quiz_answer (
                    id INTEGER PRIMARY KEY,
                    attempt_id INTEGER NOT NULL REFERENCES attempt(id),
                    question_id TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    correct INTEGER NOT NULL,
                    answered_at INTEGER NOT NULL
                );
                CREATE INDEX quiz_answer_by_attempt ON quiz_answer(attempt_id);
                PRAGMA user_version = 1;
                """)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        // An attempt that continues another after its replay parted from the log (the lab or cnmlab
        // changed): not another attempt, and the lines it re-recorded are not typed lines.
        m.registerMigration("2:attempt-continuation") { db in
            try db.execute(sql: """
                ALTER TABLE attempt ADD COLUMN continues_attempt INTEGER REFERENCES attempt(id);
                ALTER TABLE attempt ADD COLUMN carried_lines INTEGER NOT NULL DEFAULT 0;
                PRAGMA user_version = 2;
                """)
        }
        return m
    }
}
