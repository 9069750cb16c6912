import CNMCommands

// Hints, the solution and skipping: what a learner asks for besides commands and answers.
extension LabSession {
    /// The next hint: from the ladder of the first failing visible check that has one, else the
    /// step's own ladder. Recorded for scoring.
    mutating func showHint(_ o: inout LabOutcome) {
        guard let step else {
            o.reports.append(.notAQuestion(LabMessage.allStepsDone.format(locale, [])))
            o.exitCode = 1
            return
        }
        var ladder = ("step", step.hints)
        let results = evaluate(stepIndex: currentStep)
        if let (check, _) = zip(step.checks, results).first(where: { !$0.0.hidden && !$0.1.passed }), !check.hints.isEmpty,
           (progress[currentStep].ladderPosition[check.name] ?? 0) < check.hints.count {
            ladder = (check.name, check.hints)
        }
        let used = progress[currentStep].ladderPosition[ladder.0] ?? 0
        guard used < ladder.1.count else {
            o.reports.append(.noMoreHints)
            o.exitCode = 1
            return
        }
        let h = ladder.1[used]
        progress[currentStep].ladderPosition[ladder.0] = used + 1
        progress[currentStep].hintsShown.append(h.tier)
        o.hint = h
        o.reports.append(.hint(h))
    }

    /// The current step's reference solution (transcript lines); recorded for scoring.
    mutating func showSolution(_ o: inout LabOutcome) {
        guard let step else {
            o.reports.append(.notAQuestion(LabMessage.allStepsDone.format(locale, [])))
            o.exitCode = 1
            return
        }
        progress[currentStep].solutionShown = true
        o.reports.append(.solution(step.transcriptLines))
        if let why = step.quiz?.explanation(locale) { o.reports.append(.explanation(why)) }
    }

    /// Skips the current step when it is optional.
    mutating func skipStep(_ o: inout LabOutcome) {
        guard let step, step.optional else {
            o.reports.append(.cannotSkip)
            o.exitCode = 1
            return
        }
        applied.append(AppliedLine(line: .skip, step: currentStep, refused: false))
        progress[currentStep].skipped = true
        currentStep += 1
        o.reports.append(.skipped)
        completed(advance(), &o)
    }

    // MARK: Convenience (each goes through `apply`)

    /// A transcript line, classified (`answer TEXT`, `#cnmlab …` markers, or a command).
    public mutating func input(_ line: String) -> LabOutcome { apply(LabLine(line)) }

    /// A command line (a blank line or a `#` comment does nothing).
    public mutating func run(_ line: String) -> LabOutcome {
        switch LabLine(line) {
        case .blank: return apply(.blank)
        case .comment(let c): return apply(.comment(c))
        default: return apply(.command(line))
        }
    }

    /// Answers the current quiz step.
    public mutating func answer(_ text: String) -> LabOutcome { apply(.answer(LabLine.trim(text))) }

    /// The next hint of the current step, or nil when its ladder is used up.
    public mutating func hint() -> Hint? { apply(.hint).hint }

    /// The current step's reference solution; recorded for scoring.
    public mutating func revealSolution() -> [String] {
        for r in apply(.solution).reports { if case .solution(let lines) = r { return lines } }
        return []
    }

    /// Skips the current step when it is optional; false otherwise.
    public mutating func skip() -> Bool { apply(.skip).reports.contains(.skipped) }
}
