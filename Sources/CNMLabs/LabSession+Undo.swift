import CNMSim

// `undo` and `reset`: the world rebuilt from the lines in effect, less what they take back.
extension LabSession {
    /// Takes back the last command that may have changed the world (`CommandEffect`).
    mutating func undoLast(_ o: inout LabOutcome) {
        guard let i = applied.lastIndex(where: { !$0.refused && $0.line.mayChangeWorld }) else {
            o.reports.append(.nothingToUndo)
            o.exitCode = 1
            return
        }
        var kept = applied
        let undone = kept.remove(at: i)
        rebuild(keeping: kept)
        o.reports.append(.undone(undone.line.text ?? ""))
    }

    /// `reset step` clears the lines applied while the current step was current; `reset lab` clears
    /// every line (the world and the steps go back to the lab's start).
    mutating func resetWorld(_ scope: LabLine.ResetScope, _ o: inout LabOutcome) {
        let current = currentStep
        switch scope {
        case .step: rebuild(keeping: applied.filter { $0.step != current })
        case .lab: rebuild(keeping: [])
        }
        o.reports.append(.reset(scope))
    }

    /// Rebuilds the session from setup with `kept` lines applied again, then:
    /// * the world goes on with the same random stream and clock, so IDs and MACs are never
    ///   drawn twice in one attempt (and time does not run backwards);
    /// * hints, solutions and wrong answers already counted stay counted, on their steps;
    /// * once the lab is finished its steps and score stay as they were (later lines are practice).
    ///
    /// Deterministic: replaying the same journal, `undo` and `reset` lines included, gives the same session.
    mutating func rebuild(keeping kept: [AppliedLine]) {
        var fresh = LabSession(lab: source, learner: variant.learner, locale: locale)
        for a in kept { _ = fresh.apply(a.line) }
        fresh.simulator.cluster.continueStreams(from: simulator.cluster)
        for i in progress.indices where fresh.progress.indices.contains(i) {
            fresh.progress[i].hintsShown = progress[i].hintsShown
            fresh.progress[i].ladderPosition = progress[i].ladderPosition
            fresh.progress[i].solutionShown = progress[i].solutionShown
            fresh.progress[i].wrongAnswers = progress[i].wrongAnswers
        }
        if finished {
            fresh.progress = progress
            fresh.currentStep = currentStep
            fresh.finished = true
        }
        self = fresh
    }
}
