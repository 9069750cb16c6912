import CNMLabs
import CNMProgress

/// The lab a learner is in: recorded in the progress store (every input committed
/// before the prompt returns), or kept in memory only when no store is open.
/// `log` holds what was typed, hint and solution marks included, so `undo` and
/// `reset step` can rebuild the lab from the lines that remain — keeping the
/// hints and solutions already shown, and re-recording the rebuilt attempt.
struct ActiveLab {
    enum Backing {
        case recorded(LabRecorder)
        case memory(LabSession)
    }

    var backing: Backing
    let lab: Lab
    let learner: String
    var locale: LabLocale
    /// Inputs since setup (commands, `answer …`, and the recorder's hint/solution/skip marks).
    private(set) var log: [String] = []
    /// Where in `log` the current step began.
    private(set) var stepStart = 0

    var session: LabSession {
        switch backing {
        case .recorded(let r): return r.session
        case .memory(let s): return s
        }
    }

    /// Starts a new attempt, or resumes the learner's open one. The mismatch, if any, says where a
    /// resumed attempt stopped matching (for instance, the lab file changed).
    static func open(lab: Lab, learner: String, locale: LabLocale, store: ProgressStore?)
        throws -> (ActiveLab, ReplayMismatch?, resumed: Bool) {
        guard let store else {
            return (ActiveLab(backing: .memory(LabSession(lab: lab, learner: learner, locale: locale)), lab: lab,
                              learner: learner, locale: locale), nil, false)
        }
        if let (recorder, mismatch) = try LabRecorder.resume(store: store, lab: lab, learner: learner, locale: locale) {
            var active = ActiveLab(backing: .recorded(recorder), lab: lab, learner: learner, locale: locale)
            let lines = try store.commands(attempt: recorder.attempt.id).map { String(decoding: $0.command, as: UTF8.self) }
            active.log = lines
            active.stepStart = lines.count
            return (active, mismatch, true)
        }
        let recorder = try LabRecorder.start(store: store, lab: lab, learner: learner, locale: locale)
        return (ActiveLab(backing: .recorded(recorder), lab: lab, learner: learner, locale: locale), nil, false)
    }

    /// A fresh attempt from the lab's setup.
    static func restart(lab: Lab, learner: String, locale: LabLocale, store: ProgressStore?) throws -> ActiveLab {
        guard let store else {
            return ActiveLab(backing: .memory(LabSession(lab: lab, learner: learner, locale: locale)), lab: lab,
                             learner: learner, locale: locale)
        }
        let recorder = try LabRecorder.restart(store: store, lab: lab, learner: learner, locale: locale, keepingMatched: false)
        return ActiveLab(backing: .recorded(recorder), lab: lab, learner: learner, locale: locale)
    }

    /// Switches the language of lab messages and `why`.
    mutating func setLocale(_ l: LabLocale) {
        locale = l
        switch backing {
        case .recorded(var r): r.setLocale(l); backing = .recorded(r)
        case .memory(var s): s.locale = l; backing = .memory(s)
        }
    }

    mutating func input(_ line: String) throws -> LabOutcome {
        let stepBefore = session.currentStep
        let outcome: LabOutcome
        switch backing {
        case .recorded(var r):
            outcome = try r.input(line)
            backing = .recorded(r)
        case .memory(var s):
            outcome = s.input(line)
            backing = .memory(s)
        }
        if outcome.refusal == nil { log.append(line) }
        if session.currentStep != stepBefore { stepStart = log.count }
        return outcome
    }

    mutating func hint() throws -> Hint? {
        switch backing {
        case .recorded(var r):
            let h = try r.hint()
            backing = .recorded(r)
            if h != nil { log.append(LabRecorder.hintLine) }
            return h
        case .memory(var s):
            let h = s.hint()
            backing = .memory(s)
            if h != nil { log.append(LabRecorder.hintLine) }
            return h
        }
    }

    mutating func revealSolution() throws -> [String] {
        log.append(LabRecorder.solutionLine)
        switch backing {
        case .recorded(var r):
            let lines = try r.revealSolution()
            backing = .recorded(r)
            return lines
        case .memory(var s):
            let lines = s.revealSolution()
            backing = .memory(s)
            return lines
        }
    }

    mutating func skip() throws -> Bool {
        let stepBefore = session.currentStep
        let done: Bool
        switch backing {
        case .recorded(var r):
            done = try r.skip()
            backing = .recorded(r)
        case .memory(var s):
            done = s.skip()
            backing = .memory(s)
        }
        if done { log.append(LabRecorder.skipLine) }
        if session.currentStep != stepBefore { stepStart = log.count }
        return done
    }

    mutating func finish() throws {
        if case .recorded(var r) = backing {
            try r.finish()
            backing = .recorded(r)
        }
    }

    static func isMark(_ line: String) -> Bool {
        line == LabRecorder.hintLine || line == LabRecorder.solutionLine || line == LabRecorder.skipLine
    }

    /// Rebuilds the attempt from `kept` lines: a new session (and, when recorded, a new attempt that
    /// replaces the open one), with every kept line, mark included, entered again.
    mutating func rebuild(keeping kept: [String], store: ProgressStore?) throws {
        var fresh = try ActiveLab.restart(lab: lab, learner: learner, locale: locale, store: store)
        for line in kept {
            switch line {
            case LabRecorder.hintLine: _ = try fresh.hint()
            case LabRecorder.solutionLine: _ = try fresh.revealSolution()
            case LabRecorder.skipLine: _ = try fresh.skip()
            default: _ = try fresh.input(line)
            }
        }
        self = fresh
    }

    /// Index in `log` of the last line that changed the simulated state, if any.
    func lastStateChange() -> Int? {
        log.indices.last { i in
            let words = log[i].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            return !Self.isMark(log[i]) && ShellSession.changesState(words)
        }
    }

    /// The lines typed for the current step that `reset step` removes (marks are kept).
    func linesWithoutCurrentStep() -> [String] {
        let head = Array(log.prefix(stepStart))
        let marks = log.dropFirst(stepStart).filter(Self.isMark)
        return head + marks
    }
}
