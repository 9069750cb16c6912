import CNMSim
import CNMCommands
import CNMLabs
import CNMProgress
#if canImport(Glibc)
import Glibc
#endif

/// The lab half of the shell: the lab menu, starting, resuming and restarting labs, and the step
/// commands. Every lab line goes through `LabAttempt.apply` (committed to the progress store
/// before the reply is returned); the shell only renders the outcome.
extension ShellSession {
    /// A store error in the shell's language.
    static func describe(_ error: any Error, _ language: Language) -> String {
        if let e = error as? ProgressError { return e.message.text(language.rawValue) }
        return String(describing: error)
    }

    var locale: LabLocale { language }

    /// The lab a learner names: its ID, or its number in `labs`.
    func lab(named term: String) -> (lab: Lab, number: Int)? {
        if let i = labs.firstIndex(where: { $0.id == term }) { return (labs[i], i + 1) }
        if let n = Int(term), n >= 1, n <= labs.count { return (labs[n - 1], n) }
        return nil
    }

    /// `labs`: every lab grouped by its curriculum section, numbered, with this learner's state.
    func listLabs() -> ShellReply {
        var out = text(.labListHeader)
        var section = ""
        let rows = (try? store?.labProgress(learner: learner)) ?? nil
        let width = String(labs.count).count
        for (i, lab) in labs.enumerated() {
            if lab.place.label != section {
                section = lab.place.label
                out += section + "\n"
            }
            var state = ShellText.labNotStarted.render(language)
            if let row = rows?.first(where: { $0.labID == lab.id }) {
                if row.status == .finished, let score = row.score {
                    state = ShellText.labDone(score: score, max: row.maxScore ?? lab.maxPoints).render(language)
                } else if row.status == .open {
                    state = ShellText.labInProgress(done: row.stepsDone, steps: lab.steps.count).render(language)
                } else {
                    state = ShellText.labAbandoned.render(language)
                }
            }
            if active?.lab.id == lab.id { state += ShellText.labCurrent.render(language) }
            let number = String(repeating: " ", count: width - String(i + 1).count) + String(i + 1)
            let row = "  \(number)  \(lab.id.padding(to: 32))\(lab.title.resolve(locale)) "
                + "(\(ShellText.labSize(steps: lab.steps.count, minutes: lab.minutes).render(language))) [\(state)]"
            out += TextWrap.wrapRow(row, width: textWidth, hangingIndent: 4 + width + 32) + "\n"
        }
        return ShellReply(stdout: out)
    }

    mutating func labCommand(_ words: [String]) -> ShellReply {
        let verb = words.dropFirst().first
        let target = words.count == 3 ? words[2] : nil
        guard words.count <= 3 else { return ShellReply(stderr: text(.labUsage)) }
        switch verb {
        case "start"?:
            guard let target else { return ShellReply(stderr: text(.labUsage)) }
            return startLab(target)
        case "resume"?:
            return resumeLab(target)
        case "restart"?:
            guard let id = target ?? active?.lab.id else { return ShellReply(stderr: text(.labUsage)) }
            return startLab(id, fresh: true)
        case "quit"? where target == nil:
            guard let a = active else { return ShellReply(stderr: text(.labsNotAvailable)) }
            active = nil
            detach()
            // The lab's lines are committed already; leaving it waits until they are on the disk too.
            do { try store?.waitUntilOnDisk() } catch {
                return ShellReply(stdout: text(.labQuit(a.lab.id)), stderr: text(.storeError(Self.describe(error, language))))
            }
            return ShellReply(stdout: text(.labQuit(a.lab.id)))
        default:
            return ShellReply(stderr: text(.labUsage))
        }
    }

    mutating func detach() {
        attachedContainer = nil
        attachedContainerMachine = nil
        attachedMachine = nil
    }

    /// Starts a lab (or resumes the learner's unfinished attempt at it, or, with `fresh`, starts a
    /// new attempt: `lab restart`) and shows its current step.
    public mutating func startLab(_ term: String, fresh: Bool = false) -> ShellReply {
        guard let (lab, number) = lab(named: term) else { return ShellReply(stderr: text(.noSuchLab(term))) }
        if !fresh, let a = active, a.lab.id == lab.id {
            return ShellReply(stdout: labBanner(a) + currentStepText())
        }
        detach()
        resumeOffer = nil
        do {
            var notes = ""
            let attempt: LabAttempt
            if let store {
                if fresh {
                    attempt = try LabRecorder.restart(store: store, lab: lab, learner: learner, locale: locale)
                    // Say that this is a new attempt: the banner alone looks like the old one shown again.
                    notes += text(.restarted(attempt: try store.attempts(learner: learner, labID: lab.id).count))
                } else if let resumed = try LabRecorder.resume(store: store, lab: lab, learner: learner, locale: locale) {
                    attempt = resumed.attempt
                    notes += text(.resumed(lines: resumed.replayed))
                    if resumed.unchecked > 0 { notes += text(.resumedUnchecked(resumed.unchecked)) }
                    if let m = resumed.mismatch { notes += text(.resumeMismatch(sequence: m.sequence, command: m.command)) }
                } else {
                    // Coming back to a finished lab starts a new attempt: say so, with the best score kept.
                    let earlier = try store.attempts(learner: learner, labID: lab.id)
                    if let best = earlier.filter({ $0.status == .finished }).max(by: { ($0.score ?? 0) < ($1.score ?? 0) }),
                       let score = best.score, let max = best.maxScore {
                        notes += text(.finishedBefore(score: score, max: max, attempt: earlier.count + 1))
                    }
                    attempt = try LabRecorder.start(store: store, lab: lab, learner: learner, locale: locale)
                }
            } else {
                attempt = LabAttempt(session: LabSession(lab: lab, learner: learner, locale: locale))
            }
            let a = ActiveLab(attempt: attempt, lab: lab, number: number)
            active = a
            var out = labBanner(a) + notes
            if let summary = a.session.lab.summary.resolve(locale).nonEmpty { out += prose(summary.trimmingSpaces) + "\n" }
            out += a.session.finished ? text(.allDone) : currentStepText()
            return ShellReply(stdout: out)
        } catch {
            active = nil
            return ShellReply(stderr: text(.storeError(Self.describe(error, language))))
        }
    }

    /// `lab resume [ID|N]`: the learner's unfinished attempt at that lab, or the latest one.
    mutating func resumeLab(_ term: String?) -> ShellReply {
        if let term {
            guard let (lab, _) = lab(named: term) else { return ShellReply(stderr: text(.noSuchLab(term))) }
            guard (try? store?.openAttempt(learner: learner, labID: lab.id)) != nil else {
                return ShellReply(stderr: text(.nothingToResume))
            }
            return startLab(lab.id)
        }
        guard let open = unfinishedLabs().first else { return ShellReply(stderr: text(.nothingToResume)) }
        return startLab(open.lab.id)
    }

    /// The learner's unfinished attempts at labs of this shell, the latest first, each with its
    /// current step (found by replaying its journal, without checking hashes).
    func unfinishedLabs() -> [(lab: Lab, number: Int, step: Int)] {
        guard let store, let attempts = try? store.attempts(learner: learner) else { return [] }
        var seen = Set<String>()
        var out: [(Lab, Int, Int)] = []
        for a in attempts.reversed() where a.status == .open && seen.insert(a.labID).inserted {
            guard let (lab, number) = lab(named: a.labID), let records = try? store.commands(attempt: a.id) else { continue }
            var session = LabSession(lab: lab, learner: learner, locale: locale)
            for r in records { _ = session.apply(LabLine(r.commandText)) }
            out.append((lab, number, session.currentStep))
        }
        return out
    }

    /// What the shell says when it opens for a learner with unfinished labs (nil: none). With
    /// `offerEnter`, Enter on an empty line at the first prompt resumes the latest one.
    public mutating func openingNotice(offerEnter: Bool) -> String? {
        let open = unfinishedLabs()
        guard let latest = open.first else { return nil }
        var out = ""
        for o in open {
            out += text(.unfinishedLab(number: o.number, title: o.lab.title.resolve(locale),
                                       step: min(o.step + 1, o.lab.steps.count), steps: o.lab.steps.count))
        }
        out += text(.resumeHow(id: latest.lab.id, enter: offerEnter))
        if offerEnter { resumeOffer = latest.lab.id }
        return out
    }

    /// `== 3 · Title ==` and where the lab sits.
    func labBanner(_ a: ActiveLab) -> String {
        text(.labHeader(number: a.number, title: a.lab.title.resolve(locale), place: a.lab.place.label,
                        minutes: a.lab.minutes, steps: a.lab.steps.count))
    }

    /// The current step: banner (with the lab), instructions, and a note for optional steps and quizzes.
    func currentStepText() -> String {
        guard let a = active else { return "" }
        let s = a.session
        guard s.step != nil else { return text(.allDone) }
        return stepText(s.currentStep, a)
    }

    func stepText(_ index: Int, _ a: ActiveLab) -> String {
        let s = a.session
        guard s.lab.steps.indices.contains(index) else { return "" }
        let step = s.lab.steps[index]
        var out = "\n" + text(.stepHeader(lab: a.number, labTitle: a.lab.title.resolve(locale), index: index + 1,
                                          total: s.lab.steps.count, title: step.title.resolve(locale),
                                          points: step.maxPoints))
        out += prose(step.text.resolve(locale).trimmingSpaces) + "\n"
        if let quiz = step.quiz {
            // A step whose text already asks (it holds a question mark) is not followed by the quiz's
            // question again; how to answer follows unless the step shows the `answer …` form itself.
            let asked = step.text.resolve(locale)
            let question = quiz.question.resolve(locale).trimmingSpaces
            if !asked.contains("?") { out += prose(question) + "\n" }
            if !(asked + question).contains("`answer") { out += text(.answerHow) }
        }
        if step.optional { out += text(.optionalStep) }
        return out
    }

    /// One lab line through the attempt (journaled before this returns), rendered.
    mutating func labLine(_ line: LabLine) -> ShellReply {
        guard var a = active else { return ShellReply() }
        do {
            let outcome = try a.attempt.apply(line)
            active = a
            if case .undo = line { detach() }
            if case .reset = line { detach() }
            return render(outcome, a)
        } catch {
            return ShellReply(stderr: text(.storeError(Self.describe(error, language))))
        }
    }

    /// An outcome as the terminal shows it, in the outcome's order.
    func render(_ outcome: LabOutcome, _ a: ActiveLab) -> ShellReply {
        var r = ShellReply()
        for report in outcome.reports {
            switch report {
            case .output(let o):
                r.append(ShellReply(o))
            case .refused(let reason): r.err("cnmlab: " + reason + "\n")
            case .answer(_, let feedback): r.out(prose(feedback) + "\n")
            case .notAQuestion(let m): r.err(prose(m) + "\n")
            case .hint(let h): r.out(text(.hint(tier: h.tier.rawValue, text: h.text.resolve(locale).trimmingSpaces)))
            case .noMoreHints: r.out(text(.noMoreHints))
            case .solution(let lines): r.out(text(.solutionHeader) + lines.map { "  " + $0 + "\n" }.joined())
            case .explanation(let why): r.out(text(.explanation(why)))
            case .skipped: r.out(text(.skipped))
            case .cannotSkip: r.err(text(.cannotSkip))
            case .undone(let c): r.out(text(.undone(c)))
            case .nothingToUndo: r.err(text(.undoNothing))
            case .reset: r.out(text(.resetDone))
            case .stepCompleted(_, let m): r.out(prose("✔ " + m, hangingIndent: 2) + "\n")
            case .labFinished(let score, _):
                r.out("✔ " + text(.labFinished(score: score.earned, max: score.max)) + text(.practiceNote))
            case .stepStarted(let i): r.out(stepText(i, a))
            }
        }
        return r
    }

    func checkStep() -> ShellReply {
        guard let s = active?.session else { return ShellReply() }
        guard let step = s.step else { return ShellReply(stdout: text(.allDone)) }
        var out = s.check().map { prose($0.line(locale), hangingIndent: 5) + "\n" }.joined()
        // A quiz step stays open until it is answered, whatever its checks say.
        if step.quiz != nil {
            out += text(.questionOpen)
        } else if out.isEmpty {
            out = text(.noVisibleChecks)
        }
        return ShellReply(stdout: out)
    }

    mutating func reset(_ words: [String]) -> ShellReply {
        switch words.dropFirst().first {
        case nil, "step"?: return labLine(.reset(.step))
        case "lab"?: return labLine(.reset(.lab))
        default: return ShellReply(stderr: text(.resetUsage))
        }
    }

    mutating func confirmSolution(_ answer: String) -> ShellReply {
        confirmingSolution = false
        let yes = ["y", "yes", "예", "네", "ㅇ"].contains(answer.trimmingSpaces.lowercased())
        guard yes, active != nil else { return ShellReply(stdout: text(.solutionDeclined)) }
        return labLine(.solution)
    }

    /// `theory`: the curriculum section the lab belongs to, rendered for the terminal (`MarkdownTerminal`;
    /// 80 columns when the width is unknown) and paged by the runner when taller than the screen.
    func theory(_ section: String) -> ShellReply {
        guard let body = CurriculumText.section(section, language: language, folder: curriculum) else {
            return ShellReply(stderr: text(.theoryMissing(section)))
        }
        var reply = ShellReply(stdout: MarkdownTerminal.render(body, width: textWidth ?? TerminalSize.fallbackColumns, styled: styledText))
        reply.paged = true
        return reply
    }

    /// `progress`: this learner's labs from the store, or the current lab's score.
    func progressReport() -> ShellReply {
        if let store, let rows = try? store.labProgress(learner: learner), !rows.isEmpty {
            return ShellReply(stdout: TextTable.render(ProgressReport.tableCells(rows, language: language.rawValue), width: textWidth))
        }
        if let s = active?.session {
            let score = s.score
            return ShellReply(stdout: "\(s.lab.id): \(score.earned)/\(score.max)\n")
        }
        return ShellReply(stderr: text(.progressUnavailable))
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
