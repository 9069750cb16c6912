import CNMSim
import CNMCommands
import CNMLabs
import CNMProgress
#if canImport(Glibc)
import Glibc
#endif

/// The lab half of the shell: the lab menu, starting and resuming labs, and the
/// step commands (`step`, `check`, `hint`, `solution`, `skip`, `reset`, `undo`,
/// `theory`, `progress`). Every lab input goes through `ActiveLab`, which commits
/// it to the progress store before the reply is returned.
extension ShellSession {
    /// A store error in the shell's language.
    static func describe(_ error: any Error, _ language: Language) -> String {
        if let e = error as? ProgressError { return e.message.text(language.rawValue) }
        return String(describing: error)
    }

    var locale: LabLocale { language == .ko ? .ko : .en }

    /// A message of the shell, wrapped to the terminal's width.
    func text(_ t: ShellText) -> String { prose(t.render(language)) + "\n" }

    /// Lab or shell prose wrapped to the terminal's width (`TextWrap`; commands and indented lines kept whole).
    func prose(_ s: String, hangingIndent: Int = 0) -> String { TextWrap.wrap(s, width: textWidth, hangingIndent: hangingIndent) }

    /// `labs`: every lab grouped by its curriculum section, with this learner's state.
    func listLabs() -> ShellReply {
        var out = text(.labListHeader)
        var section = ""
        let rows = (try? store?.labProgress(learner: learner)) ?? nil
        for lab in labs {
            if lab.place.label != section {
                section = lab.place.label
                out += section + "\n"
            }
            var state = language == .ko ? "시작 전" : "not started"
            if let row = rows?.first(where: { $0.labID == lab.id }) {
                state = row.status == .finished
                    ? (language == .ko ? "완료 \(row.score)/\(row.maxScore)" : "done \(row.score)/\(row.maxScore)")
                    : (language == .ko ? "진행 중 \(row.stepsDone)/\(lab.steps.count)" : "in progress \(row.stepsDone)/\(lab.steps.count)")
            }
            if active?.lab.id == lab.id { state += language == .ko ? " (지금 하는 중)" : " (current)" }
            let steps = language == .ko ? "\(lab.steps.count)단계, 약 \(lab.minutes)분" : "\(lab.steps.count) steps, ~\(lab.minutes) min"
            out += TextWrap.wrapRow("  \(lab.id.padding(to: 34))\(lab.title.resolve(locale)) (\(steps)) [\(state)]",
                                    width: textWidth, hangingIndent: 36) + "\n"
        }
        return ShellReply(stdout: out)
    }

    mutating func labCommand(_ words: [String]) -> ShellReply {
        switch (words.dropFirst().first, words.count) {
        case ("start", 3): return startLab(words[2])
        case ("restart", 2):
            guard let a = active else { return ShellReply(stderr: text(.labsNotAvailable)) }
            return startLab(a.lab.id, fresh: true)
        case ("quit", 2):
            guard let a = active else { return ShellReply(stderr: text(.labsNotAvailable)) }
            active = nil
            attachedContainer = nil
            attachedContainerMachine = nil
            attachedMachine = nil
            return ShellReply(stdout: text(.labQuit(a.lab.id)))
        default:
            return ShellReply(stderr: text(.labUsage))
        }
    }

    /// Starts (or resumes) a lab and shows its first open step.
    public mutating func startLab(_ id: String, fresh: Bool = false) -> ShellReply {
        guard let lab = labs.first(where: { $0.id == id }) else { return ShellReply(stderr: text(.noSuchLab(id))) }
        attachedContainer = nil
        attachedContainerMachine = nil
        attachedMachine = nil
        do {
            var out = ""
            if fresh {
                active = try ActiveLab.restart(lab: lab, learner: learner, locale: locale, store: store)
            } else {
                let (opened, mismatch, resumed) = try ActiveLab.open(lab: lab, learner: learner, locale: locale, store: store)
                active = opened
                if resumed { out += text(.resumed(lines: opened.log.count)) }
                if let m = mismatch { out += text(.resumeMismatch(sequence: m.sequence, command: m.command)) }
            }
            let s = active?.session
            out = text(.labHeader(title: lab.title.resolve(locale), place: lab.place.label, minutes: lab.minutes,
                                  steps: lab.steps.count)) + out
            if let summary = s?.lab.summary.resolve(locale), !summary.isEmpty { out += prose(summary) + "\n" }
            out += currentStepText()
            return ShellReply(stdout: out)
        } catch {
            active = nil
            return ShellReply(stderr: text(.storeError(Self.describe(error, language))))
        }
    }

    /// The current step: header, instructions, and a note for optional steps and quizzes.
    func currentStepText() -> String {
        guard let s = active?.session else { return "" }
        guard let step = s.step else { return text(.allDone) }
        var out = "\n" + text(.stepHeader(index: s.currentStep + 1, total: s.lab.steps.count,
                                          title: step.title.resolve(locale), points: step.maxPoints))
        out += prose(step.text.resolve(locale).trimmingSpaces) + "\n"
        if let quiz = step.quiz {
            out += prose(quiz.question.resolve(locale).trimmingSpaces) + "\n"
            out += language == .ko ? "(답은 answer 답 으로 입력)\n" : "(answer with: answer YOUR-ANSWER)\n"
        }
        if step.optional { out += text(.optionalStep) }
        return out
    }

    /// Runs a command (or `answer …`) in the lab and reports what it completed.
    mutating func labInput(_ line: String) -> ShellReply {
        guard var a = active else { return ShellReply() }
        let stepBefore = a.session.currentStep
        do {
            let outcome = try a.input(line)
            active = a
            var reply = ShellReply(stdout: outcome.output.stdout, stderr: outcome.output.stderr)
            // A quiz answer prints its own messages; a command's completions are announced here.
            let alreadyShown = outcome.output.stdout.hasSuffix(outcome.messages.joined(separator: "\n") + "\n")
            if !outcome.messages.isEmpty && !alreadyShown {
                reply.stdout += outcome.messages.map { prose("✔ " + $0, hangingIndent: 2) + "\n" }.joined()
            }
            if a.session.currentStep != stepBefore {
                if a.session.isComplete {
                    try a.finish()
                    active = a
                    let score = a.session.score
                    reply.stdout += text(.labFinished(score: score.earned, max: score.max))
                } else {
                    reply.stdout += currentStepText()
                }
            }
            return reply
        } catch {
            return ShellReply(stderr: text(.storeError(Self.describe(error, language))))
        }
    }

    mutating func labMeta(_ words: [String]) -> ShellReply {
        guard var a = active else { return ShellReply() }
        do {
            switch words[0] {
            case "step":
                return ShellReply(stdout: currentStepText())
            case "check":
                let results = a.session.check()
                if results.isEmpty { return ShellReply(stdout: text(.allDone)) }
                return ShellReply(stdout: results.map { prose($0.line(locale), hangingIndent: 5) + "\n" }.joined())
            case "hint":
                guard let h = try a.hint() else { active = a; return ShellReply(stdout: text(.noMoreHints)) }
                active = a
                return ShellReply(stdout: text(.hint(tier: h.tier.rawValue, text: h.text.resolve(locale).trimmingSpaces)))
            case "solution":
                confirmingSolution = true
                return ShellReply()
            case "skip":
                let before = a.session.currentStep
                guard try a.skip() else { active = a; return ShellReply(stderr: text(.cannotSkip)) }
                active = a
                var out = text(.skipped)
                if a.session.currentStep != before { out += currentStepText() }
                return ShellReply(stdout: out)
            case "reset":
                switch words.dropFirst().first {
                case nil, "step":
                    try a.rebuild(keeping: a.linesWithoutCurrentStep(), store: store)
                case "lab":
                    a = try ActiveLab.restart(lab: a.lab, learner: learner, locale: locale, store: store)
                default:
                    return ShellReply(stderr: text(.resetUsage))
                }
                active = a
                attachedContainer = nil
                attachedContainerMachine = nil
                attachedMachine = nil
                return ShellReply(stdout: text(.resetDone) + currentStepText())
            case "theory":
                return theory(a.lab.place.section)
            default:
                return ShellReply()
            }
        } catch {
            return ShellReply(stderr: text(.storeError(Self.describe(error, language))))
        }
    }

    mutating func confirmSolution(_ answer: String) -> ShellReply {
        confirmingSolution = false
        let yes = ["y", "yes", "예", "네", "ㅇ"].contains(answer.trimmingSpaces.lowercased())
        guard yes, var a = active else { return ShellReply(stdout: text(.solutionDeclined)) }
        do {
            let lines = try a.revealSolution()
            active = a
            return ShellReply(stdout: text(.solutionHeader) + lines.map { "  " + $0 + "\n" }.joined())
        } catch {
            return ShellReply(stderr: text(.storeError(Self.describe(error, language))))
        }
    }

    /// `undo` in a lab: the attempt is rebuilt without its last state-changing command.
    mutating func labUndo() -> ShellReply {
        guard var a = active else { return ShellReply() }
        guard let index = a.lastStateChange() else { return ShellReply(stderr: text(.undoNothing)) }
        let undone = a.log[index]
        var kept = a.log
        kept.remove(at: index)
        do {
            try a.rebuild(keeping: kept, store: store)
            active = a
            attachedContainer = nil
            attachedContainerMachine = nil
            attachedMachine = nil
            return ShellReply(stdout: text(.undone(undone)))
        } catch {
            return ShellReply(stderr: text(.storeError(Self.describe(error, language))))
        }
    }

    /// `theory`: the curriculum section the lab belongs to, rendered for the terminal (`MarkdownTerminal`;
    /// 80 columns when the width is unknown) and paged by the runner when taller than the screen.
    func theory(_ section: String) -> ShellReply {
        guard let body = CurriculumText.section(section, language: language, root: curriculumDir) else {
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
