import CNMLabs
import CNMSim

/// Whether an attempt's recorded score and steps are what its own command log gives.
///
/// Why: the hash chain covers the command log, not the `attempt` and `step_result` rows, so an
/// `UPDATE attempt SET score = 10` would go unnoticed. The log is the truth: replaying it through
/// the lab (as `cnmlab grade` and a resume do) recomputes score, maximum, completed steps, hints and
/// solutions shown, and any difference is reported.
public struct AttemptVerification: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        /// The rows agree with the replay.
        case verified = "ok"
        /// The rows say something the log does not: edited by hand.
        case mismatch
        /// Not checked: the lab is not among the labs given, has another version, or its log no
        /// longer replays (the lab or cnmlab changed).
        case unverifiable = "unknown"
    }

    public let attempt: Attempt
    public let learner: String
    public let outcome: Outcome
    /// What differs (`score 10 recorded, 3 replayed`) or why it could not be checked, in English and Korean.
    public let details: [VerifyText]
}

/// The sentences of attempt verification, in English and Korean.
public enum VerifyText: Sendable, Equatable {
    case labMissing(String)
    case versionDiffers(recorded: String, lab: Int)
    case replayParted(sequence: Int)
    case fieldDiffers(field: String, recorded: String, replayed: String)
    case stepDiffers(step: String, field: String, recorded: String, replayed: String)
    case unknownStep(String)
    case summary(verified: Int, mismatched: Int, unverifiable: Int)
    case attemptLine(attempt: Int64, learner: String, lab: String, details: String)
    case attemptUnverifiable(attempt: Int64, learner: String, lab: String, details: String)

    public func text(_ language: String) -> String {
        MessageTemplate.fill(Language.named(language) == .ko ? templates.ko : templates.en, values)
    }

    /// The Korean and English templates (`MessageTemplate`), side by side.
    var templates: (ko: String, en: String) {
        switch self {
        case .labMissing: return ("실습 {lab:을} 찾지 못했습니다 (--labs)", "lab {lab} not found (--labs)")
        case .versionDiffers: return ("기록은 버전 {recorded}, 실습은 버전 {version}입니다",
                                      "recorded at version {recorded}, the lab is version {version}")
        case .replayParted: return ("명령 {sequence}에서 재생이 기록과 달라집니다 (실습이나 cnmlab이 바뀜)",
                                    "the replay parts from the log at command {sequence} (the lab or cnmlab changed)")
        case .fieldDiffers: return ("{field}: 기록 {recorded}, 재생 {replayed}", "{field} {recorded} recorded, {replayed} replayed")
        case .stepDiffers: return ("단계 {step}의 {field}: 기록 {recorded}, 재생 {replayed}",
                                   "step {step} {field}: {recorded} recorded, {replayed} replayed")
        case .unknownStep: return ("실습에 없는 단계 {step:이} 기록되어 있습니다", "step {step} is recorded but not in the lab")
        case .summary: return ("시도 {verified}개 확인, {mismatched}개 불일치, {unverifiable}개 확인 불가",
                               "attempts: {verified} verified, {mismatched} mismatched, {unverifiable} not verifiable")
        case .attemptLine: return ("{learner}의 {lab} 시도 {attempt}의 기록이 명령 기록과 다릅니다: {details}",
                                   "attempt {attempt} ({learner}, {lab}) does not match its command log: {details}")
        case .attemptUnverifiable: return ("참고: {learner}의 {lab} 시도 {attempt:은} 확인할 수 없습니다: {details}",
                                           "note: attempt {attempt} ({learner}, {lab}) cannot be verified: {details}")
        }
    }

    /// The values the templates name.
    var values: [String: String] {
        switch self {
        case .labMissing(let lab): return ["lab": lab]
        case .versionDiffers(let recorded, let lab): return ["recorded": recorded, "version": "\(lab)"]
        case .replayParted(let sequence): return ["sequence": "\(sequence)"]
        case .fieldDiffers(let field, let recorded, let replayed): return ["field": field, "recorded": recorded, "replayed": replayed]
        case .stepDiffers(let step, let field, let recorded, let replayed):
            return ["step": step, "field": field, "recorded": recorded, "replayed": replayed]
        case .unknownStep(let step): return ["step": step]
        case .summary(let v, let m, let u): return ["verified": "\(v)", "mismatched": "\(m)", "unverifiable": "\(u)"]
        case .attemptLine(let a, let l, let lab, let d), .attemptUnverifiable(let a, let l, let lab, let d):
            return ["attempt": "\(a)", "learner": l, "lab": lab, "details": d]
        }
    }
}

extension ProgressStore {
    /// Replays every attempt's command log through its lab (found by id among `labs`) and compares
    /// the recorded score, maximum, steps total, completed steps, hints and solutions shown.
    public func verifyAttempts(labs: [Lab]) throws -> [AttemptVerification] {
        var out: [AttemptVerification] = []
        for learner in try learners() {
            for attempt in try attempts(learner: learner.name) {
                out.append(try verify(attempt, learner: learner.name, labs: labs))
            }
        }
        return out
    }

    func verify(_ a: Attempt, learner: String, labs: [Lab]) throws -> AttemptVerification {
        func result(_ o: AttemptVerification.Outcome, _ d: [VerifyText]) -> AttemptVerification {
            AttemptVerification(attempt: a, learner: learner, outcome: o, details: d)
        }
        guard let lab = labs.last(where: { $0.id == a.labID }) else { return result(.unverifiable, [.labMissing(a.labID)]) }
        guard a.labVersion == String(lab.version) else {
            return result(.unverifiable, [.versionDiffers(recorded: a.labVersion, lab: lab.version)])
        }
        let replay = LabRecorder.replay(try commands(attempt: a.id), lab: lab, learner: learner)
        if let m = replay.mismatch { return result(.unverifiable, [.replayParted(sequence: m.sequence)]) }
        let session = replay.state
        var differs: [VerifyText] = []
        func compare(_ field: String, _ recorded: String?, _ replayed: String) {
            guard let recorded, recorded != replayed else { return }
            differs.append(.fieldDiffers(field: field, recorded: recorded, replayed: replayed))
        }
        compare("seed", String(a.seed), String(session.variant.seed))
        compare("steps_total", a.stepsTotal.map(String.init), String(lab.steps.count))
        if a.status == .finished {
            compare("score", a.score.map(String.init) ?? "null", String(session.score.earned))
            compare("max_score", a.maxScore.map(String.init) ?? "null", String(session.score.max))
        } else {
            // Open and abandoned attempts carry no score.
            if let s = a.score { differs.append(.fieldDiffers(field: "score", recorded: String(s), replayed: "null")) }
        }
        let rows = try stepResults(attempt: a.id)
        for row in rows where !lab.steps.contains(where: { $0.id == row.stepID }) { differs.append(.unknownStep(row.stepID)) }
        for (i, step) in lab.steps.enumerated() {
            let p = session.progress[i]
            let row = rows.first { $0.stepID == step.id }
            let id = step.id
            func differ(_ field: String, _ recorded: String, _ replayed: String) {
                if recorded != replayed {
                    differs.append(.stepDiffers(step: id, field: field, recorded: recorded, replayed: replayed))
                }
            }
            differ("completed", String(row?.completedAt != nil), String(p.completed))
            differ("hints", String(row?.hintsUsed ?? 0), String(p.hintsShown.count))
            differ("solution_shown", String(row?.solutionShown ?? false), String(p.solutionShown))
        }
        return result(differs.isEmpty ? .verified : .mismatch, differs)
    }
}

/// The `verified` column of `cnmlab report`: words, never colour alone.
enum VerifyWords {
    static func heading(_ language: String) -> String { pick(("검증", "VERIFIED"), language) }

    static func word(_ o: AttemptVerification.Outcome?, _ language: String) -> String {
        pick(templates(o), language)
    }

    /// The Korean and English word for each verdict, side by side.
    static func templates(_ o: AttemptVerification.Outcome?) -> (ko: String, en: String) {
        switch o {
        case .verified?: return ("확인됨", "ok")
        case .mismatch?: return ("불일치!", "MISMATCH")
        case .unverifiable?, nil: return ("확인 불가", "unknown")
        }
    }

    static func pick(_ t: (ko: String, en: String), _ language: String) -> String {
        Language.named(language) == .ko ? t.ko : t.en
    }

    /// The worse of two verdicts (a mismatch anywhere marks the row).
    static func worst(_ a: AttemptVerification.Outcome?, _ b: AttemptVerification.Outcome?) -> AttemptVerification.Outcome? {
        let rank: (AttemptVerification.Outcome?) -> Int = { $0 == .mismatch ? 3 : $0 == .unverifiable ? 2 : $0 == .verified ? 1 : 0 }
        return rank(a) >= rank(b) ? a : b
    }
}

extension ProgressStore {
    /// `labProgress`, each row marked with how its attempts fare against their command logs (the
    /// worst of them); every row is `mismatch` when the hash chain itself is broken.
    public func verifiedLabProgress(labs: [Lab], learner: String? = nil) throws -> [LabProgress] {
        var rows = try labProgress(learner: learner)
        let checks = try verifyAttempts(labs: labs)
        let chainBroken = try !verifyChain().isIntact
        for k in rows.indices {
            var verdict: AttemptVerification.Outcome? = .verified
            for c in checks where c.learner == rows[k].learner && c.attempt.labID == rows[k].labID {
                verdict = VerifyWords.worst(verdict, c.outcome)
            }
            rows[k].verified = chainBroken ? .mismatch : verdict
        }
        return rows
    }
}
