import CNMCommands
import CNMLabs
import Foundation
import GRDB

/// One learner's work on one lab, as `cnmlab progress` and `cnmlab report` show it.
///
/// Status, score, steps, hints and solutions come from the attempt that counts: the
/// best finished one (highest score, then latest), else the latest open one, else the
/// latest abandoned one. Attempts, commands and time are summed over all attempts.
public struct LabProgress: Sendable, Equatable {
    public var learner: String
    public var labID: String
    public var labVersion: String
    public var status: AttemptStatus
    /// Attempts the learner started (`lab start`, `lab restart`); `undo`, `reset` and resuming start none.
    public var attempts: Int
    public var score: Int?
    public var maxScore: Int?
    public var stepsDone: Int
    public var stepsTotal: Int?
    public var hints: Int
    public var solutionsShown: Int
    /// Lines the learner typed for the host or a quiz (commands and answers; not hints, undo or other markers).
    public var commands: Int
    /// Active time: gaps between an attempt's events, each counted up to `ProgressReport.idleCap` seconds.
    public var timeSpentSeconds: Int64
    /// Latest event of any attempt, in milliseconds since the Unix epoch.
    public var lastActivity: Int64
    /// Whether the rows agree with a replay of the command logs (`cnmlab report --labs`): `ok`,
    /// `mismatch` or `unknown`; nil when not checked (then no column shows it).
    public var verified: AttemptVerification.Outcome?

    public init(learner: String, labID: String, labVersion: String, status: AttemptStatus, attempts: Int,
                score: Int?, maxScore: Int?, stepsDone: Int, stepsTotal: Int?, hints: Int, solutionsShown: Int,
                commands: Int, timeSpentSeconds: Int64, lastActivity: Int64) {
        self.learner = learner; self.labID = labID; self.labVersion = labVersion; self.status = status
        self.attempts = attempts; self.score = score; self.maxScore = maxScore; self.stepsDone = stepsDone
        self.stepsTotal = stepsTotal; self.hints = hints; self.solutionsShown = solutionsShown
        self.commands = commands; self.timeSpentSeconds = timeSpentSeconds; self.lastActivity = lastActivity
    }
}

/// How `cnmlab progress` and `cnmlab report` print rows.
public enum ProgressFormat: String, Sendable, CaseIterable {
    case table, json, csv
}

/// Builds, merges and prints progress tables.
public enum ProgressReport {
    /// A pause longer than this (seconds) counts as this much working time.
    public static let idleCap: Int64 = 300

    /// Rows sorted by learner, then lab.
    public static func sorted(_ rows: [LabProgress]) -> [LabProgress] {
        rows.sorted { ($0.learner, $0.labID) < ($1.learner, $1.labID) }
    }

    /// Merges the rows of several databases into one class table; a learner and lab found in
    /// several files become one row (the better attempt counts; attempts, commands and time add up).
    public static func merge(_ sources: [[LabProgress]]) -> [LabProgress] {
        var byKey: [String: LabProgress] = [:]
        var order: [String] = []
        for row in sources.joined() {
            let key = row.learner + "\u{0}" + row.labID
            guard var existing = byKey[key] else {
                byKey[key] = row
                order.append(key)
                continue
            }
            let better = rank(row) > rank(existing) ? row : existing
            let attempts = existing.attempts + row.attempts
            let commands = existing.commands + row.commands
            let time = existing.timeSpentSeconds + row.timeSpentSeconds
            let last = max(existing.lastActivity, row.lastActivity)
            let verified = VerifyWords.worst(existing.verified, row.verified)
            existing = better
            existing.verified = verified
            existing.attempts = attempts
            existing.commands = commands
            existing.timeSpentSeconds = time
            existing.lastActivity = last
            byKey[key] = existing
        }
        return sorted(order.compactMap { byKey[$0] })
    }

    private static func rank(_ r: LabProgress) -> (Int, Int, Int, Int64) {
        let s: Int
        switch r.status {
        case .finished: s = 2
        case .open: s = 1
        case .abandoned: s = 0
        }
        return (s, r.score ?? -1, r.stepsDone, r.lastActivity)
    }

    /// Prints rows in a format.
    public static func render(_ rows: [LabProgress], format: ProgressFormat, language: String = "en") -> String {
        switch format {
        case .table: return table(rows, language: language)
        case .csv: return csv(rows)
        case .json: return json(rows)
        }
    }

    /// The key (and table column) added when rows were verified.
    public static let verifiedKey = "verified"

    /// Whether any row was verified (so the `verified` column is shown).
    static func showsVerification(_ rows: [LabProgress]) -> Bool { rows.contains { $0.verified != nil } }

    /// The fixed keys of CSV columns and JSON objects.
    public static let keys = ["learner", "lab", "lab_version", "status", "score", "max_score", "steps_done",
                              "steps_total", "hints", "solutions_shown", "commands", "time_spent_seconds",
                              "attempts", "last_activity"]

    /// The table's headings and cells, for a renderer that fits them to a terminal.
    public static func tableCells(_ rows: [LabProgress], language: String) -> [[String]] {
        let headings: [ProgressHeading] = [.learner, .lab, .version, .status, .score, .steps, .hints, .solutions,
                                           .commands, .time, .attempts]
        let verifying = showsVerification(rows)
        var cells = [headings.map { $0.text(language) } + (verifying ? [VerifyWords.heading(language)] : [])]
        for r in rows {
            var line = [
                clean(r.learner), clean(r.labID), clean(r.labVersion), statusText(r.status, language: language),
                r.score.map { s in r.maxScore.map { "\(s)/\($0)" } ?? "\(s)" } ?? "-",
                r.stepsTotal.map { "\(r.stepsDone)/\($0)" } ?? "\(r.stepsDone)",
                String(r.hints), String(r.solutionsShown), String(r.commands),
                ProgressTime.duration(seconds: r.timeSpentSeconds), String(r.attempts),
            ]
            if verifying { line.append(VerifyWords.word(r.verified, language)) }
            cells.append(line)
        }
        return cells
    }

    /// Plain columns three spaces apart, measured in terminal columns (Hangul takes two): docker's
    /// tab writer with no minimum width. (`cnmlab progress` on a terminal fits them with `TextTable`.)
    private static func table(_ rows: [LabProgress], language: String) -> String {
        let text = tableCells(rows, language: language).map { $0.joined(separator: "\t") + "\n" }.joined()
        return GoTabWriter.format(text, minWidth: 0)
    }

    /// Status words of the table.
    static func statusText(_ s: AttemptStatus, language: String = "en") -> String {
        VerifyWords.pick(statusTemplates(s), language)
    }

    /// The Korean and English word for each status, side by side.
    static func statusTemplates(_ s: AttemptStatus) -> (ko: String, en: String) {
        switch s {
        case .open: return ("진행 중", "in progress")
        case .finished: return ("완료", "finished")
        case .abandoned: return ("중단", "abandoned")
        }
    }

    private static func values(_ r: LabProgress) -> [TemplateValue] {
        func int(_ v: Int?) -> TemplateValue { v.map { .int(Int64($0)) } ?? .null }
        return [.string(r.learner), .string(r.labID), .string(r.labVersion), .string(r.status.rawValue),
                int(r.score), int(r.maxScore), int(r.stepsDone), int(r.stepsTotal), int(r.hints),
                int(r.solutionsShown), int(r.commands), .int(r.timeSpentSeconds), int(r.attempts),
                .string(ProgressTime.iso8601(milliseconds: r.lastActivity))]
            + (r.verified.map { [.string($0.rawValue)] } ?? [])
    }

    private static func keys(_ rows: [LabProgress]) -> [String] { keys + (showsVerification(rows) ? [verifiedKey] : []) }

    private static func csv(_ rows: [LabProgress]) -> String {
        CSV.render([keys(rows).map(CSV.Cell.text)] + rows.map { r in
            values(r).map { v -> CSV.Cell in
                switch v {
                case .string(let s): return .text(s)
                case .int(let i): return .number(i)
                default: return .empty
                }
            }
        })
    }

    private static func json(_ rows: [LabProgress]) -> String {
        let list = TemplateValue.list(rows.map { r in
            TemplateValue.object(Array(zip(keys(rows), values(r))))
        })
        return ((try? GoJSON.encodeIndented(list, indent: "  ")) ?? "[]") + "\n"
    }

    /// Replaces control characters so that a name cannot break a table line.
    static func clean(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}

extension ProgressStore {
    /// Per-lab progress of one learner, or of everyone in the file.
    public func labProgress(learner name: String? = nil) throws -> [LabProgress] {
        guard hasSchema else { return [] }
        return try read { db in
            var sql = "SELECT attempt.*, learner.name AS learner_name FROM attempt JOIN learner ON learner.id = attempt.learner_id"
            var args: StatementArguments = []
            if let name { sql += " WHERE learner.name = ?"; args += [name] }
            sql += " ORDER BY attempt.id"
            let rows = try Row.fetchAll(db, sql: sql, arguments: args)
            var byKey: [String: [(Attempt, String)]] = [:]
            var order: [String] = []
            for row in rows {
                let a = try Self.attempt(row)
                let learner = try row.decode(String.self, forColumn: "learner_name")
                let key = learner + "\u{0}" + a.labID
                if byKey[key] == nil { order.append(key) }
                byKey[key, default: []].append((a, learner))
            }
            var result: [LabProgress] = []
            for key in order {
                guard let group = byKey[key], let first = group.first else { continue }
                let attempts = group.map(\.0)
                var commandCount = 0
                var milliseconds: Int64 = 0
                var last: Int64 = 0
                for a in attempts {
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT sequence, at, command FROM command_log WHERE attempt_id = ? ORDER BY sequence
                        """, arguments: [a.id])
                    var times: [Int64] = []
                    for row in rows {
                        let at: Int64 = try row.decode(Int64.self, forColumn: "at")
                        times.append(at)
                        // Typed lines only: commands and answers, not the markers of hints, undo…, and
                        // not the lines a continuation re-recorded from the attempt it continues.
                        let sequence: Int = try row.decode(Int.self, forColumn: "sequence")
                        let bytes = try row.decode(Data.self, forColumn: "command")
                        if sequence > a.carriedLines, LabLine(String(decoding: bytes, as: UTF8.self)).isTyped {
                            commandCount += 1
                        }
                    }
                    var events = [a.startedAt] + times
                    if let f = a.finishedAt { events.append(f) }
                    let sortedEvents = events.sorted()
                    for (x, y) in zip(sortedEvents, sortedEvents.dropFirst()) {
                        let gap = y.subtractingReportingOverflow(x)
                        milliseconds += gap.overflow ? 0 : min(max(0, gap.partialValue), ProgressReport.idleCap * 1000)
                    }
                    last = max(last, sortedEvents.last ?? a.startedAt)
                }
                guard let counted = Self.countingAttempt(attempts) else { continue }
                let steps = try Self.stepResults(db, attempt: counted.id)
                result.append(LabProgress(
                    learner: first.1, labID: counted.labID, labVersion: counted.labVersion, status: counted.status,
                    attempts: attempts.filter { $0.continuesAttempt == nil }.count, score: counted.score,
                    maxScore: counted.maxScore,
                    stepsDone: steps.filter { $0.completedAt != nil }.count, stepsTotal: counted.stepsTotal,
                    hints: steps.reduce(0) { $0 + $1.hintsUsed }, solutionsShown: steps.filter(\.solutionShown).count,
                    commands: commandCount, timeSpentSeconds: milliseconds / 1000, lastActivity: last))
            }
            return ProgressReport.sorted(result)
        }
    }

    /// The attempt whose status and score a report shows.
    static func countingAttempt(_ attempts: [Attempt]) -> Attempt? {
        let finished = attempts.filter { $0.status == .finished }
        if let best = finished.max(by: { ($0.score ?? -1, $0.id) < ($1.score ?? -1, $1.id) }) { return best }
        if let open = attempts.last(where: { $0.status == .open }) { return open }
        return attempts.last
    }
}
