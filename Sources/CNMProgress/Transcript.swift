/// An attempt's commands as a file: a `#` comment header, then one command line per line.
///
/// Why: `cnmlab grade` and `cnmlab sim` read exactly this (shell comments are skipped),
/// so an exported attempt can be graded or replayed anywhere without the database.
public struct Transcript: Sendable, Equatable {
    public let learner: String
    public let attempt: Attempt
    public let commands: [CommandRecord]

    /// The file's bytes (commands are written exactly as typed).
    public func render() -> [UInt8] {
        var header = "# cnmlab transcript\n"
        header += "# learner: \(Self.clean(learner))\n"
        header += "# lab: \(Self.clean(attempt.labID)) (version \(Self.clean(attempt.labVersion)))\n"
        header += "# seed: \(attempt.seed)\n"
        header += "# attempt: \(attempt.id) (\(attempt.status.rawValue)), started \(ProgressTime.iso8601(milliseconds: attempt.startedAt))"
        if let f = attempt.finishedAt { header += ", closed \(ProgressTime.iso8601(milliseconds: f))" }
        header += "\n"
        if let s = attempt.score {
            header += "# score: \(s)" + (attempt.maxScore.map { "/\($0)" } ?? "") + "\n"
        }
        header += "# commands: \(commands.count)\n"
        var out = Array(header.utf8)
        for c in commands {
            out += c.command
            out.append(10)
        }
        return out
    }

    private static func clean(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}

extension ProgressStore {
    /// The transcript of a learner's attempt at a lab: the given attempt, else the latest one.
    public func transcript(learner name: String, labID: String, attemptID: Int64? = nil) throws -> Transcript {
        guard try learner(named: name) != nil else { throw ProgressError(.unknownLearner(name)) }
        let all = try attempts(learner: name, labID: labID)
        let chosen = attemptID.map { id in all.first { $0.id == id } } ?? all.last
        guard let attempt = chosen else {
            if let id = attemptID { throw ProgressError(.unknownAttempt(id)) }
            throw ProgressError(.noAttempt(learner: name, lab: labID))
        }
        return Transcript(learner: name, attempt: attempt, commands: try commands(attempt: attempt.id))
    }
}
