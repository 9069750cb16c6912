/// Where the lines of one attempt are recorded, each with what it did. An attempt's journal is its
/// only record: resume and grading replay it through `LabSession.apply`, `undo` and `reset`
/// included, and get the same world, steps and score back.
///
/// Two kinds: `MemoryJournal` (a shell without a progress store) and the SQLite journal of
/// module CNMProgress (`StoreJournal`), which commits every line before the prompt returns.
public protocol LabJournal: Sendable {
    /// Records one line and its outcome; `session` is the session after it. Throws when the line
    /// cannot be kept (the caller then puts the session back as it was before the line).
    mutating func record(_ outcome: LabOutcome, session: LabSession) throws

    /// The lines recorded so far, in order.
    var lines: [LabLine] { get }
}

/// A journal kept in memory only (nothing survives the process).
public struct MemoryJournal: LabJournal {
    public private(set) var lines: [LabLine] = []

    public init() {}

    public mutating func record(_ outcome: LabOutcome, session: LabSession) throws {
        lines.append(outcome.line)
    }
}

/// One attempt at a lab: its session and the journal that records every line the session takes.
/// The shell's lab input goes through `apply`; so does a resume's replay.
public struct LabAttempt: Sendable {
    public private(set) var session: LabSession
    public private(set) var journal: any LabJournal

    public init(session: LabSession, journal: any LabJournal = MemoryJournal()) {
        self.session = session
        self.journal = journal
    }

    /// Applies one line and records it. Not recorded: a blank line, and a marker that did nothing
    /// (a hint when the ladder is used up, `undo` with nothing to undo…). When the journal cannot
    /// keep the line, the session goes back to where it was and the error is thrown: the journal
    /// and the world never disagree.
    public mutating func apply(_ line: LabLine) throws -> LabOutcome {
        let before = session
        let outcome = session.apply(line)
        if case .blank = line { return outcome }
        if line.isMarker && outcome.exitCode != 0 { return outcome }
        do {
            try journal.record(outcome, session: session)
        } catch {
            session = before
            throw error
        }
        return outcome
    }

    /// A transcript line, classified (`answer TEXT`, a `#cnmlab` marker, or a command).
    public mutating func input(_ text: String) throws -> LabOutcome { try apply(LabLine(text)) }

    /// The next hint of the current step (nil when its ladder is used up).
    public mutating func hint() throws -> Hint? { try apply(.hint).hint }

    /// The current step's reference solution (recorded for scoring).
    public mutating func revealSolution() throws -> [String] {
        for r in try apply(.solution).reports { if case .solution(let lines) = r { return lines } }
        return []
    }

    /// Skips the current optional step; false when it is not optional.
    public mutating func skip() throws -> Bool { try apply(.skip).reports.contains(.skipped) }

    /// Switches the language of the session's messages (nothing is recorded).
    public mutating func setLocale(_ locale: LabLocale) { session.locale = locale }
}
