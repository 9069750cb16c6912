/// One line given to a lab — typed in the shell, read from a transcript, or replayed from an
/// attempt's journal — classified once, here.
///
/// Why one place: the shell, the progress store, resume and `cnmlab grade` must agree on what a
/// line is. What a learner does besides commands and answers (a hint shown, the solution shown,
/// a step skipped, an undo, a reset) changes the score or the world, so it is journaled too, as a
/// shell comment that `cnmlab sim` ignores: `#cnmlab hint`, `#cnmlab solution`, `#cnmlab skip`,
/// `#cnmlab undo`, `#cnmlab reset step`, `#cnmlab reset lab`.
public enum LabLine: Sendable, Hashable {
    /// A command line for the simulated host, exactly as typed.
    case command(String)
    /// `answer TEXT`: an answer to the current quiz (the text after `answer`, spaces around it removed).
    case answer(String)
    /// The next hint of the current step was shown.
    case hint
    /// The current step's reference solution was shown.
    case solution
    /// The current optional step was skipped.
    case skip
    /// The last command that changed the world was taken back.
    case undo
    /// The world went back to where the step (or the lab) began.
    case reset(ResetScope)
    /// Any other `#` line: nothing happens.
    case comment(String)
    /// Only spaces: nothing happens and nothing is recorded.
    case blank

    /// What `reset` goes back to.
    public enum ResetScope: String, Sendable, Hashable, CaseIterable {
        case step, lab
    }

    /// The marker lines, as a journal and an exported transcript hold them.
    public static let hintMarker = "#cnmlab hint"
    public static let solutionMarker = "#cnmlab solution"
    public static let skipMarker = "#cnmlab skip"
    public static let undoMarker = "#cnmlab undo"
    public static let resetStepMarker = "#cnmlab reset step"
    public static let resetLabMarker = "#cnmlab reset lab"

    /// Classifies one line (surrounding spaces, tabs and a carriage return do not matter).
    public init(_ text: String) {
        let trimmed = LabLine.trim(text)
        if trimmed.isEmpty {
            self = .blank
        } else if trimmed.hasPrefix("#") {
            switch trimmed {
            case Self.hintMarker: self = .hint
            case Self.solutionMarker: self = .solution
            case Self.skipMarker: self = .skip
            case Self.undoMarker: self = .undo
            case Self.resetStepMarker: self = .reset(.step)
            case Self.resetLabMarker: self = .reset(.lab)
            default: self = .comment(text)
            }
        } else if trimmed == "answer" {
            self = .answer("")
        } else if trimmed.hasPrefix("answer ") || trimmed.hasPrefix("answer\t") {
            self = .answer(LabLine.trim(String(trimmed.dropFirst("answer".count))))
        } else {
            self = .command(text)
        }
    }

    /// The line as a journal records it and a transcript shows it; nil for a blank line.
    public var text: String? {
        switch self {
        case .command(let c): return c
        case .answer(let a): return a.isEmpty ? "answer" : "answer " + a
        case .hint: return Self.hintMarker
        case .solution: return Self.solutionMarker
        case .skip: return Self.skipMarker
        case .undo: return Self.undoMarker
        case .reset(.step): return Self.resetStepMarker
        case .reset(.lab): return Self.resetLabMarker
        case .comment(let c): return c
        case .blank: return nil
        }
    }

    /// One of the `#cnmlab …` markers.
    public var isMarker: Bool {
        switch self {
        case .hint, .solution, .skip, .undo, .reset: return true
        default: return false
        }
    }

    /// What the learner typed for the host or the quiz (what a command count counts).
    public var isTyped: Bool {
        switch self {
        case .command, .answer: return true
        default: return false
        }
    }

    /// Whether this line may change the simulated world. A command is judged by its words
    /// (`mayChangeState`); undo and reset rebuild the world.
    public var mayChangeWorld: Bool {
        switch self {
        case .command(let c): return CommandEffect.mayChangeState(c)
        case .undo, .reset: return true
        default: return false
        }
    }

    static func trim(_ s: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = s.firstIndex(where: { !isSpace($0) }), let last = s.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(s[first...last])
    }
}
