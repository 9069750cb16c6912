import CNMSim
import Foundation
import Yams

/// Reads a lab file strictly: every unknown key, wrong type or bad value is a
/// diagnostic with `file:line:column` and a stable code, and nothing in the
/// file can do more than describe a lab (no includes, no host commands).
public enum LabDecoder {
    /// Most diagnostics reported for one file (the rest are dropped).
    public static let maxDiagnostics = 200

    /// The outcome of reading one file: the lab (nil when an error prevents it) and every problem found.
    public struct Result: Sendable {
        public var lab: Lab?
        public var diagnostics: [LabDiagnostic]

        public var errors: [LabDiagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    /// Decodes a lab from raw bytes read from `file` (the name is only used in messages).
    public static func decode(bytes: [UInt8], file: String) -> Result {
        if let refusal = YAMLGuard.check(bytes) {
            return Result(lab: nil, diagnostics: [LabDiagnostic(.yamlTooComplex, [refusal.reason],
                at: SourcePosition(file: file, line: refusal.line, column: refusal.column), file: file)])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return Result(lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, [LabText.phrase(.notUTF8)], at: SourcePosition(file: file, line: 1, column: 1), file: file)])
        }
        return decode(text: text, file: file, prescanned: true)
    }

    /// Decodes a lab from text.
    public static func decode(text: String, file: String) -> Result {
        decode(text: text, file: file, prescanned: false)
    }

    static func decode(text: String, file: String, prescanned: Bool) -> Result {
        if !prescanned, let refusal = YAMLGuard.check(Array(text.utf8)) {
            return Result(lab: nil, diagnostics: [LabDiagnostic(.yamlTooComplex, [refusal.reason],
                at: SourcePosition(file: file, line: refusal.line, column: refusal.column), file: file)])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, column, problem) = YAMLErrorText.describe(error, text: text)
            return Result(lab: nil, diagnostics: [LabDiagnostic(.yamlSyntax, [problem],
                at: SourcePosition(file: file, line: line, column: column), file: file)])
        } catch {
            return Result(lab: nil, diagnostics: [LabDiagnostic(.yamlSyntax, [LabText.phrase(.yamlOther, "\(error)")],
                                                                at: SourcePosition(file: file, line: 1, column: 1), file: file)])
        }
        guard let root else {
            return Result(lab: nil, diagnostics: [LabDiagnostic(.rootNotMapping, [LabText.phrase(.anEmptyFile)],
                at: SourcePosition(file: file, line: 1, column: 1), file: file)])
        }
        var budget = YAMLGuard.maxNodes
        if !countNodes(root, budget: &budget, depth: 0) {
            return Result(lab: nil, diagnostics: [LabDiagnostic(.yamlTooComplex,
                [LabText.phrase(.yamlTooManyNodes, String(YAMLGuard.maxNodes))],
                at: SourcePosition(file: file, line: root.mark?.line ?? 1, column: root.mark?.column ?? 1), file: file)])
        }
        var reader = NodeReader(file: file)
        let lab = reader.lab(root)
        return Result(lab: reader.hasErrors ? nil : lab, diagnostics: reader.diagnostics)
    }

    /// Counts nodes as a walker would see them (aliases expanded); false past the budget.
    static func countNodes(_ node: Node, budget: inout Int, depth: Int) -> Bool {
        budget -= 1
        if budget < 0 || depth > 64 { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let s):
            for n in s { if !countNodes(n, budget: &budget, depth: depth + 1) { return false } }
            return true
        case .mapping(let m):
            for (k, v) in m {
                if !countNodes(k, budget: &budget, depth: depth + 1) { return false }
                if !countNodes(v, budget: &budget, depth: depth + 1) { return false }
            }
            return true
        }
    }
}

/// The lab's parts: the lab, its parameters, steps, hints and quiz, read with `NodeReader`'s primitives.
extension NodeReader {
    /// A `{ko: …, en: …}` mapping; a missing locale is a warning (the other one is shown).
    mutating func localized(_ node: Node, _ what: String) -> LocalizedText? {
        guard let f = mapping(node, what, allowed: LabLocale.allCases.map(\.rawValue)) else { return nil }
        return localizedFields(f, what)
    }

    mutating func localizedFields(_ f: Fields, _ what: String) -> LocalizedText? {
        var text = LocalizedText()
        for locale in LabLocale.allCases {
            if let v = f.values[locale.rawValue], let s = string(v, what + "." + locale.rawValue) {
                text.texts[locale] = s
            }
        }
        if text.texts.isEmpty {
            report(.missingKey, [what + ".en"], f.node)
            return nil
        }
        for locale in LabLocale.allCases where text.texts[locale] == nil {
            report(.missingLocale, [locale.rawValue, what, locale.fallback.rawValue], f.node, severity: .warning)
        }
        return text
    }

    // MARK: Lab

    mutating func lab(_ root: Node) -> Lab? {
        let keys = ["id", "version", "title", "summary", "place", "minutes", "prerequisites", "parameters", "hosts",
                    "roles", "outside", "setup", "rules", "scoring", "steps"]
        // A file whose top level is a list or a single value is told what a lab file looks like,
        // not that "'' must be a mapping".
        switch root {
        case .mapping: break
        case .sequence: report(.rootNotMapping, [LabText.phrase(.aList)], root); return nil
        default: report(.rootNotMapping, [LabText.phrase(.aSingleValue)], root); return nil
        }
        guard let f = mapping(root, "", allowed: keys, required: ["id", "version", "title", "place", "minutes", "steps"])
        else { return nil }
        var params: [LabParameter] = []
        if let p = f.values["parameters"] { params = parameterList(p) }
        parameters = Set(params.map(\.name))
        let hosts = f.values["hosts"].map { hostList($0) } ?? []
        machines = hosts.map(\.name)
        let outside = f.values["outside"].map { outsideWorld($0, params) } ?? OutsideWorld()

        let id = f.values["id"].flatMap { identifier($0, "id") }
        let version = f.values["version"].flatMap { int($0, "version", min: 1) }
        let title = f.values["title"].flatMap { localized($0, "title") }
        let summary = f.values["summary"].flatMap { localized($0, "summary") } ?? LocalizedText()
        let place = f.values["place"].flatMap { self.place($0) }
        let minutes = f.values["minutes"].flatMap { int($0, "minutes", min: 1) }
        let prerequisites = f.values["prerequisites"].flatMap { stringList($0, "prerequisites", template: false) } ?? []
        let setup = f.values["setup"].flatMap { stringList($0, "setup") } ?? []
        let rules = f.values["rules"].flatMap { self.rules($0, "rules") } ?? CommandRules()
        let scoring = f.values["scoring"].flatMap { self.scoring($0) } ?? ScoringPolicy()
        let roles = f.values["roles"].map { labRoleList($0) } ?? []
        var steps: [LabStep] = []
        if let s = f.values["steps"] {
            if case .sequence(let seq) = s, !seq.isEmpty {
                var seen: Set<String> = []
                for item in seq {
                    guard let step = self.step(item) else { continue }
                    if !seen.insert(step.id).inserted { report(.duplicateID, [step.id], item) }
                    steps.append(step)
                }
            } else {
                report(.wrongType, ["steps", LabText.phrase(.nonEmptyStepList)], s)
            }
        }
        guard let id, let version, let title, let place, let minutes else { return nil }
        var lab = Lab(id: id, version: version, title: title, summary: summary, place: place, minutes: minutes,
                      prerequisites: prerequisites, parameters: params, hosts: hosts, outside: outside, setup: setup, rules: rules,
                      scoring: scoring, steps: Self.spreadInvariants(steps), file: file)
        lab.roles = roles
        lab.idPosition = position(f.values["id"])
        lab.setupPositions = itemPositions(f.values["setup"])
        lab.prerequisitePositions = itemPositions(f.values["prerequisites"])
        return lab
    }

    /// The positions of a list's items (empty when it is not a list).
    func itemPositions(_ node: Node?) -> [SourcePosition?] {
        guard let node, case .sequence(let seq) = node else { return [] }
        return seq.map { position($0) }
    }

    /// Each step's invariants join its own checks and those of every later step; the later copies
    /// are worth no points (an invariant's points count once, where it is introduced).
    static func spreadInvariants(_ steps: [LabStep]) -> [LabStep] {
        var out = steps
        for (i, step) in steps.enumerated() where !step.invariants.isEmpty {
            for j in i..<steps.count {
                out[j].checks += step.invariants.map { j == i ? $0 : $0.withoutPoints() }
            }
        }
        return out
    }

    mutating func identifier(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what, template: false) else { return nil }
        let ok = !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" || $0 == "."
        }
        if !ok { report(.invalidValue, [what, LabText.phrase(.idChars, s)], node); return nil }
        return s
    }

    /// A role: letters, digits, '_' or '-', not starting with a digit (`N`, `web_net`).
    mutating func roleName(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what, template: false) else { return nil }
        let ok = !s.isEmpty && s.count <= 32 && !(s.first?.isNumber ?? true) && s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_"
        }
        if !ok { report(.invalidValue, [what, LabText.phrase(.roleChars, s)], node); return nil }
        return s
    }

    mutating func place(_ node: Node) -> CurriculumPlace? {
        guard let f = mapping(node, "place", allowed: ["week", "day", "session", "section"],
                              required: ["week", "day", "session", "section"]) else { return nil }
        let week = f.values["week"].flatMap { int($0, "place.week", min: 1) }
        let day = f.values["day"].flatMap { int($0, "place.day", min: 1) }
        let session = f.values["session"].flatMap { int($0, "place.session", min: 1) }
        let section = f.values["section"].flatMap { string($0, "place.section", template: false) }
        guard let week, let day, let session, let section else { return nil }
        return CurriculumPlace(week: week, day: day, session: session, section: section)
    }

    mutating func parameterList(_ node: Node) -> [LabParameter] {
        guard case .mapping(let m) = node else { report(.wrongType, ["parameters", LabText.phrase(.aMapping)], node); return [] }
        var out: [LabParameter] = []
        for (k, v) in m {
            guard let name = string(k, "parameter name", template: false) else { continue }
            let valid = !name.isEmpty && name.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
            } && !(name.first?.isNumber ?? true) && !LabTemplate.goKeywords.contains(name)
            if !valid { report(.invalidValue, ["parameter name", LabText.phrase(.parameterChars, name)], k); continue }
            declaredParameters.insert(name)
            guard let f = mapping(v, "parameters." + name, allowed: ["choice", "integer", "subnet", "default"],
                                  required: ["default"]) else { continue }
            let kinds = ["choice", "integer", "subnet"].filter { f.values[$0] != nil }
            guard kinds.count == 1 else {
                report(.invalidValue, ["parameters." + name, LabText.phrase(.exactlyOneOf, "choice, integer, subnet")], v)
                continue
            }
            guard let defNode = f.values["default"], let def = string(defNode, "parameters.\(name).default", template: false)
            else { continue }
            var kind: LabParameter.Kind?
            if let c = f.values["choice"], let options = stringList(c, "parameters.\(name).choice", template: false) {
                if options.isEmpty { report(.invalidValue, ["parameters.\(name).choice", LabText.phrase(.empty)], c) }
                else if !options.contains(def) { report(.invalidValue, ["parameters.\(name).default", LabText.phrase(.notAChoice, def)], defNode) }
                else { kind = .choice(options) }
            }
            if let r = f.values["integer"] {
                if case .sequence(let s) = r, s.count == 2, let lo = int(s[0], "parameters.\(name).integer"),
                   let hi = int(s[1], "parameters.\(name).integer") {
                    if lo > hi { report(.invalidValue, ["parameters.\(name).integer", LabText.phrase(.greaterThan, String(lo), String(hi))], r) }
                    else if let d = Int(def), d >= lo, d <= hi { kind = .integer(min: lo, max: hi) }
                    else { report(.invalidValue, ["parameters.\(name).default", LabText.phrase(.notInRange, def, String(lo), String(hi))], defNode) }
                } else {
                    report(.wrongType, ["parameters.\(name).integer", LabText.phrase(.minMax)], r)
                }
            }
            if let sn = f.values["subnet"], let sf = mapping(sn, "parameters.\(name).subnet", allowed: ["within", "prefix"],
                                                               required: ["within", "prefix"]) {
                let within = sf.values["within"].flatMap { cidr($0, "parameters.\(name).subnet.within") }
                let prefix = sf.values["prefix"].flatMap { int($0, "parameters.\(name).subnet.prefix", min: 1) }
                if let within, let prefix {
                    if prefix < within.prefixLength || prefix > 30 {
                        report(.invalidValue, ["parameters.\(name).subnet.prefix", LabText.phrase(.prefixBetween, String(prefix), String(within.prefixLength))], sn)
                    } else if let d = IPv4Subnet(def), d.isCanonical, d.prefixLength == prefix, within.contains(d) {
                        kind = .subnet(within: within, prefix: prefix)
                    } else {
                        report(.invalidValue, ["parameters.\(name).default", LabText.phrase(.notASubnetInside, def, String(prefix), within.description)], defNode)
                    }
                }
            }
            if let kind { out.append(LabParameter(name: name, kind: kind, defaultValue: def)) }
        }
        return out
    }

    mutating func cidr(_ node: Node, _ what: String) -> IPv4Subnet? {
        guard let s = string(node, what, template: false) else { return nil }
        guard let c = IPv4Subnet(s) else { report(.invalidValue, [what, LabText.phrase(.notACIDR, s)], node); return nil }
        return c
    }

    mutating func rules(_ node: Node, _ what: String) -> CommandRules? {
        guard let f = mapping(node, what, allowed: ["allow", "forbid"]) else { return nil }
        var rules = CommandRules()
        if let a = f.values["allow"] { rules.allow = stringList(a, what + ".allow") ?? [] }
        if let fb = f.values["forbid"] {
            guard case .sequence(let seq) = fb else { report(.wrongType, [what + ".forbid", LabText.phrase(.aList)], fb); return rules }
            for item in seq {
                guard let r = mapping(item, what + ".forbid", allowed: ["pattern", "reason"], required: ["pattern", "reason"]),
                      let p = r.values["pattern"].flatMap({ string($0, what + ".forbid.pattern") }),
                      let reason = r.values["reason"].flatMap({ localized($0, what + ".forbid.reason") }) else { continue }
                rules.forbid.append(CommandRule(pattern: p, reason: reason))
            }
        }
        return rules
    }

    mutating func scoring(_ node: Node) -> ScoringPolicy? {
        guard let f = mapping(node, "scoring", allowed: ["hint_penalty", "solution_penalty", "wrong_answer_penalty"])
        else { return nil }
        var policy = ScoringPolicy()
        if let h = f.values["hint_penalty"],
           let hf = mapping(h, "scoring.hint_penalty", allowed: HintTier.allCases.map(\.rawValue)) {
            for tier in HintTier.allCases {
                if let v = hf.values[tier.rawValue], let n = int(v, "scoring.hint_penalty." + tier.rawValue, min: 0) {
                    policy.hintPenalty[tier] = n
                }
            }
        }
        if let s = f.values["solution_penalty"] { policy.solutionPenalty = int(s, "scoring.solution_penalty", min: 0) ?? 0 }
        if let s = f.values["wrong_answer_penalty"] {
            policy.wrongAnswerPenalty = int(s, "scoring.wrong_answer_penalty", min: 0) ?? 0
        }
        return policy
    }

    // MARK: Steps

    mutating func step(_ node: Node) -> LabStep? {
        let keys = ["id", "title", "text", "points", "optional", "hints", "checks", "invariants", "solution", "quiz", "rules"]
        guard let f = mapping(node, "step", allowed: keys, required: ["id", "title", "text"]) else { return nil }
        let id = f.values["id"].flatMap { identifier($0, "step.id") }
        let title = f.values["title"].flatMap { localized($0, "steps[\(id ?? "?")].title") }
        let text = f.values["text"].flatMap { localized($0, "steps[\(id ?? "?")].text") }
        let points = f.values["points"].flatMap { int($0, "points", min: 0) } ?? 0
        let optional = f.values["optional"].flatMap { bool($0, "optional") } ?? false
        let hints = f.values["hints"].flatMap { hintList($0, "steps[\(id ?? "?")].hints") } ?? []
        var roles = labRoles
        var checks: [Check] = []
        if let c = f.values["checks"] {
            if case .sequence(let seq) = c {
                for (i, item) in seq.enumerated() {
                    if let check = self.check(item, index: i, roles: &roles) { checks.append(check) }
                }
            } else {
                report(.wrongType, ["checks", LabText.phrase(.aListOfChecks)], c)
            }
        }
        // Invariants hold for the rest of the lab, where a step's own roles are gone: lab roles only.
        var invariants: [Check] = []
        if let c = f.values["invariants"] {
            stepRolesOutOfReach = roles.subtracting(labRoles)
            defer { stepRolesOutOfReach = [] }
            if case .sequence(let seq) = c, !seq.isEmpty {
                for (i, item) in seq.enumerated() {
                    var scoped = labRoles
                    if var check = self.check(item, index: checks.count + i, roles: &scoped) {
                        check.invariantOf = id
                        invariants.append(check)
                    }
                }
            } else {
                report(.wrongType, ["invariants", LabText.phrase(.nonEmptyListOfChecks)], c)
            }
        }
        let solution = f.values["solution"].flatMap { stringList($0, "solution") } ?? []
        let quiz = f.values["quiz"].flatMap { self.quiz($0, id ?? "?") }
        let rules = f.values["rules"].flatMap { self.rules($0, "step.rules") } ?? CommandRules()
        guard let id, let title, let text else { return nil }
        var checksGiven = false
        if let c = f.values["checks"], case .sequence(let seq) = c, !seq.isEmpty { checksGiven = true }
        if !invariants.isEmpty { checksGiven = true }
        if !checksGiven && f.values["quiz"] == nil {
            report(.stepWithoutChecks, [id], node)
        }
        var written = 0
        for key in ["checks", "invariants"] { if let c = f.values[key], case .sequence(let seq) = c { written += seq.count } }
        if !(checks + invariants).isEmpty, (checks + invariants).count == written, f.values["quiz"] == nil,
           (checks + invariants).allSatisfy(\.hidden) {
            report(.invalidValue, ["steps[\(id)].checks", LabText.phrase(.oneVisible)], f.values["checks"] ?? f.values["invariants"])
        }
        var step = LabStep(id: id, title: title, text: text, points: points, optional: optional, hints: hints,
                           checks: checks, solution: solution, quiz: quiz, rules: rules, position: position(node))
        step.solutionPositions = itemPositions(f.values["solution"])
        step.invariants = invariants
        return step
    }

    mutating func hintList(_ node: Node, _ what: String) -> [Hint]? {
        guard case .sequence(let seq) = node else { report(.wrongType, ["hints", LabText.phrase(.aListOfHints)], node); return nil }
        var out: [Hint] = []
        for item in seq {
            guard let f = mapping(item, "hint", allowed: ["tier"] + LabLocale.allCases.map(\.rawValue), required: ["tier"])
            else { continue }
            guard let tn = f.values["tier"], let t = string(tn, "hint.tier", template: false) else { continue }
            guard let tier = HintTier(rawValue: t) else {
                report(.invalidValue, ["hint.tier", LabText.phrase(.tierValues, t) + LabText.didYouMean(t, HintTier.allCases.map(\.rawValue))], tn)
                continue
            }
            guard let text = localizedFields(f, what + " (\(t))") else { continue }
            out.append(Hint(tier: tier, text: text))
        }
        return out.sorted { $0.tier < $1.tier }
    }

    mutating func quiz(_ node: Node, _ stepID: String) -> Quiz? {
        guard let f = mapping(node, "quiz", allowed: ["question", "accept", "case_sensitive", "wrong", "explain"],
                              required: ["question", "accept"])
        else { return nil }
        let question = f.values["question"].flatMap { localized($0, "steps[\(stepID)].quiz.question") }
        let accept = f.values["accept"].flatMap { stringList($0, "quiz.accept") } ?? []
        let cs = f.values["case_sensitive"].flatMap { bool($0, "quiz.case_sensitive") } ?? false
        if accept.isEmpty, let a = f.values["accept"] { report(.quizWithoutAnswer, [stepID], a) }
        var quiz = Quiz(question: LocalizedText(), accept: accept, caseSensitive: cs)
        if let w = f.values["wrong"] { quiz.wrong = wrongAnswers(w, stepID, quiz) }
        quiz.explain = f.values["explain"].flatMap { localized($0, "step \(stepID) quiz.explain") }
        guard let question else { return nil }
        quiz.question = question
        return quiz
    }

    /// `wrong: [{accept: [...], say: {ko: …, en: …}}]`: feedback for expected wrong answers.
    /// An answer listed here that the quiz also accepts is `LAB004`.
    mutating func wrongAnswers(_ node: Node, _ stepID: String, _ quiz: Quiz) -> [WrongAnswer] {
        guard case .sequence(let seq) = node else {
            report(.wrongType, ["quiz.wrong", "a list of {accept, say}"], node)
            return []
        }
        var out: [WrongAnswer] = []
        for (i, item) in seq.enumerated() {
            let what = "step \(stepID) quiz.wrong[\(i + 1)]"
            guard let f = mapping(item, "quiz.wrong", allowed: ["accept", "say"], required: ["accept", "say"]) else { continue }
            let accept = f.values["accept"].flatMap { stringList($0, "quiz.wrong.accept") } ?? []
            let say = f.values["say"].flatMap { localized($0, what + ".say") }
            if accept.isEmpty, let a = f.values["accept"] { report(.invalidValue, ["quiz.wrong.accept", "empty"], a) }
            for answer in accept where quiz.accepts(answer) {
                report(.invalidValue, ["quiz.wrong.accept", "'\(answer)' is also an accepted answer"], f.values["accept"])
            }
            if let say { out.append(WrongAnswer(accept: accept, say: say)) }
        }
        return out
    }
}
