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
            return Result(lab: nil, diagnostics: [LabDiagnostic(.unreadableFile, ["not UTF-8"], at: nil, file: file)])
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
            let (line, column, problem) = describe(error)
            return Result(lab: nil, diagnostics: [LabDiagnostic(.yamlSyntax, [problem],
                at: SourcePosition(file: file, line: line, column: column), file: file)])
        } catch {
            return Result(lab: nil, diagnostics: [LabDiagnostic(.yamlSyntax, ["\(error)"], at: nil, file: file)])
        }
        guard let root else {
            return Result(lab: nil, diagnostics: [LabDiagnostic(.missingKey, ["id"],
                at: SourcePosition(file: file, line: 1, column: 1), file: file)])
        }
        var budget = YAMLGuard.maxNodes
        if !countNodes(root, budget: &budget, depth: 0) {
            return Result(lab: nil, diagnostics: [LabDiagnostic(.yamlTooComplex,
                ["the document expands to more than \(YAMLGuard.maxNodes) nodes or nests deeper than 64 (aliases?)"],
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

    static func describe(_ error: YamlError) -> (Int, Int, String) {
        switch error {
        case .scanner(let ctx, let problem, let mark, _), .parser(let ctx, let problem, let mark, _),
             .composer(let ctx, let problem, let mark, _):
            let context = ctx.map { $0.text + " " } ?? ""
            return (mark.line, mark.column, context + problem)
        case .reader(let problem, _, _, _):
            return (1, 1, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, context.mark.column, "duplicate key " + duplicates.joined(separator: ", "))
        default:
            return (1, 1, "\(error)")
        }
    }
}

/// Walks composed YAML nodes and builds the lab model, collecting diagnostics.
struct NodeReader {
    let file: String
    var diagnostics: [LabDiagnostic] = []
    var parameters: Set<String> = []
    /// The lab's extra machines (`hosts:`), for checking `host:` fields.
    var machines: [String] = []
    var hasErrors = false

    init(file: String) { self.file = file }

    // MARK: Diagnostics

    func position(_ node: Node?) -> SourcePosition? {
        guard let m = node?.mark else { return nil }
        return SourcePosition(file: file, line: m.line, column: m.column)
    }

    mutating func report(_ message: LabMessage, _ args: [String], _ node: Node?, severity: LabDiagnostic.Severity = .error) {
        if severity == .error { hasErrors = true }
        guard diagnostics.count < LabDecoder.maxDiagnostics else { return }
        diagnostics.append(LabDiagnostic(message, args, at: position(node), file: file, severity: severity))
    }

    // MARK: Primitive readers

    /// The pairs of a mapping whose keys are all in `allowed`; unknown keys are reported.
    mutating func mapping(_ node: Node, _ what: String, allowed: [String], required: [String] = []) -> Fields? {
        guard case .mapping(let m) = node else {
            report(.wrongType, [what, "a mapping"], node)
            return nil
        }
        var fields = Fields(node: node)
        for (k, v) in m {
            guard case .scalar(let s) = k else { report(.wrongType, ["\(what) key", "a plain name"], k); continue }
            let key = s.string
            if !allowed.contains(key) {
                report(.unknownKey, [key, allowed.joined(separator: ", ")], k)
                continue
            }
            fields.values[key] = v
            fields.keys[key] = k
        }
        for r in required where fields.values[r] == nil {
            report(.missingKey, [what.isEmpty ? r : what + "." + r], node)
        }
        return fields
    }

    mutating func string(_ node: Node, _ what: String, template: Bool = true) -> String? {
        guard case .scalar(let s) = node else {
            report(.wrongType, [what, "a string"], node)
            return nil
        }
        if template { checkTemplates(s.string, node) }
        return s.string
    }

    mutating func checkTemplates(_ text: String, _ node: Node) {
        for name in LabTemplate.references(in: text) where !parameters.contains(name) {
            report(.unknownParameter, [name], node)
        }
    }

    mutating func int(_ node: Node, _ what: String, min: Int? = nil) -> Int? {
        guard case .scalar(let s) = node, let v = Int(s.string.trimmingCharacters(in: .whitespaces)) else {
            report(.wrongType, [what, "a whole number"], node)
            return nil
        }
        if let min, v < min {
            report(.invalidValue, [what, "\(v) (at least \(min))"], node)
            return nil
        }
        return v
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar(let s) = node else { report(.wrongType, [what, "true or false"], node); return nil }
        switch s.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            report(.wrongType, [what, "true or false"], node)
            return nil
        }
    }

    mutating func stringList(_ node: Node, _ what: String, template: Bool = true) -> [String]? {
        guard case .sequence(let seq) = node else {
            report(.wrongType, [what, "a list of strings"], node)
            return nil
        }
        var out: [String] = []
        for item in seq {
            if let s = string(item, what, template: template) { out.append(s) }
        }
        return out
    }

    mutating func stringMap(_ node: Node, _ what: String) -> [String: String]? {
        guard case .mapping(let m) = node else { report(.wrongType, [what, "a mapping of strings"], node); return nil }
        var out: [String: String] = [:]
        for (k, v) in m {
            guard let key = string(k, what), let value = string(v, what + "." + key) else { continue }
            out[key] = value
        }
        return out
    }

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
                    "setup", "rules", "scoring", "steps"]
        guard let f = mapping(root, "", allowed: keys, required: ["id", "version", "title", "place", "minutes", "steps"])
        else { return nil }
        var params: [LabParameter] = []
        if let p = f.values["parameters"] { params = parameterList(p) }
        parameters = Set(params.map(\.name))
        let hosts = f.values["hosts"].map { hostList($0) } ?? []
        machines = hosts.map(\.name)

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
                report(.wrongType, ["steps", "a non-empty list of steps"], s)
            }
        }
        guard let id, let version, let title, let place, let minutes else { return nil }
        return Lab(id: id, version: version, title: title, summary: summary, place: place, minutes: minutes,
                   prerequisites: prerequisites, parameters: params, hosts: hosts, setup: setup, rules: rules, scoring: scoring,
                   steps: steps, file: file)
    }

    mutating func identifier(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what, template: false) else { return nil }
        let ok = !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" || $0 == "."
        }
        if !ok { report(.invalidValue, [what, "'\(s)' (use a-z, 0-9, '-', '_', '.')"], node); return nil }
        return s
    }

    /// A role: letters, digits, '_' or '-', not starting with a digit (`N`, `web_net`).
    mutating func roleName(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what, template: false) else { return nil }
        let ok = !s.isEmpty && s.count <= 32 && !(s.first?.isNumber ?? true) && s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_"
        }
        if !ok { report(.invalidValue, [what, "'\(s)' (letters, digits, '-', '_')"], node); return nil }
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
        guard case .mapping(let m) = node else { report(.wrongType, ["parameters", "a mapping"], node); return [] }
        var out: [LabParameter] = []
        for (k, v) in m {
            guard let name = string(k, "parameter name", template: false) else { continue }
            let valid = !name.isEmpty && name.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
            } && !(name.first?.isNumber ?? true) && !LabTemplate.goKeywords.contains(name)
            if !valid { report(.invalidValue, ["parameter name", "'\(name)' (use a-z, 0-9, '_')"], k); continue }
            guard let f = mapping(v, "parameters." + name, allowed: ["choice", "integer", "subnet", "default"],
                                  required: ["default"]) else { continue }
            let kinds = ["choice", "integer", "subnet"].filter { f.values[$0] != nil }
            guard kinds.count == 1 else {
                report(.invalidValue, ["parameters." + name, "give exactly one of choice, integer, subnet"], v)
                continue
            }
            guard let defNode = f.values["default"], let def = string(defNode, "parameters.\(name).default", template: false)
            else { continue }
            var kind: LabParameter.Kind?
            if let c = f.values["choice"], let options = stringList(c, "parameters.\(name).choice", template: false) {
                if options.isEmpty { report(.invalidValue, ["parameters.\(name).choice", "empty"], c) }
                else if !options.contains(def) { report(.invalidValue, ["parameters.\(name).default", "'\(def)' is not a choice"], defNode) }
                else { kind = .choice(options) }
            }
            if let r = f.values["integer"] {
                if case .sequence(let s) = r, s.count == 2, let lo = int(s[0], "parameters.\(name).integer"),
                   let hi = int(s[1], "parameters.\(name).integer") {
                    if lo > hi { report(.invalidValue, ["parameters.\(name).integer", "\(lo) > \(hi)"], r) }
                    else if let d = Int(def), d >= lo, d <= hi { kind = .integer(min: lo, max: hi) }
                    else { report(.invalidValue, ["parameters.\(name).default", "'\(def)' is not in [\(lo), \(hi)]"], defNode) }
                } else {
                    report(.wrongType, ["parameters.\(name).integer", "[min, max]"], r)
                }
            }
            if let sn = f.values["subnet"], let sf = mapping(sn, "parameters.\(name).subnet", allowed: ["within", "prefix"],
                                                               required: ["within", "prefix"]) {
                let within = sf.values["within"].flatMap { cidr($0, "parameters.\(name).subnet.within") }
                let prefix = sf.values["prefix"].flatMap { int($0, "parameters.\(name).subnet.prefix", min: 1) }
                if let within, let prefix {
                    if prefix < within.prefixLength || prefix > 30 {
                        report(.invalidValue, ["parameters.\(name).subnet.prefix", "\(prefix) (between \(within.prefixLength) and 30)"], sn)
                    } else if let d = IPv4Subnet(def), d.isCanonical, d.prefixLength == prefix, within.contains(d) {
                        kind = .subnet(within: within, prefix: prefix)
                    } else {
                        report(.invalidValue, ["parameters.\(name).default", "'\(def)' is not a /\(prefix) inside \(within)"], defNode)
                    }
                }
            }
            if let kind { out.append(LabParameter(name: name, kind: kind, defaultValue: def)) }
        }
        return out
    }

    mutating func cidr(_ node: Node, _ what: String) -> IPv4Subnet? {
        guard let s = string(node, what, template: false) else { return nil }
        guard let c = IPv4Subnet(s) else { report(.invalidValue, [what, "'\(s)' is not an IPv4 CIDR"], node); return nil }
        return c
    }

    mutating func rules(_ node: Node, _ what: String) -> CommandRules? {
        guard let f = mapping(node, what, allowed: ["allow", "forbid"]) else { return nil }
        var rules = CommandRules()
        if let a = f.values["allow"] { rules.allow = stringList(a, what + ".allow") ?? [] }
        if let fb = f.values["forbid"] {
            guard case .sequence(let seq) = fb else { report(.wrongType, [what + ".forbid", "a list"], fb); return rules }
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
        let keys = ["id", "title", "text", "points", "optional", "hints", "checks", "solution", "quiz", "rules"]
        guard let f = mapping(node, "step", allowed: keys, required: ["id", "title", "text"]) else { return nil }
        let id = f.values["id"].flatMap { identifier($0, "step.id") }
        let title = f.values["title"].flatMap { localized($0, "step \(id ?? "?") title") }
        let text = f.values["text"].flatMap { localized($0, "step \(id ?? "?") text") }
        let points = f.values["points"].flatMap { int($0, "points", min: 0) } ?? 0
        let optional = f.values["optional"].flatMap { bool($0, "optional") } ?? false
        let hints = f.values["hints"].flatMap { hintList($0, "step \(id ?? "?") hint") } ?? []
        var roles: Set<String> = []
        var checks: [Check] = []
        if let c = f.values["checks"] {
            if case .sequence(let seq) = c {
                for (i, item) in seq.enumerated() {
                    if let check = self.check(item, index: i, roles: &roles) { checks.append(check) }
                }
            } else {
                report(.wrongType, ["checks", "a list of checks"], c)
            }
        }
        let solution = f.values["solution"].flatMap { stringList($0, "solution") } ?? []
        let quiz = f.values["quiz"].flatMap { self.quiz($0, id ?? "?") }
        let rules = f.values["rules"].flatMap { self.rules($0, "step.rules") } ?? CommandRules()
        guard let id, let title, let text else { return nil }
        var checksGiven = false
        if let c = f.values["checks"], case .sequence(let seq) = c, !seq.isEmpty { checksGiven = true }
        if !checksGiven && f.values["quiz"] == nil {
            report(.stepWithoutChecks, [id], node)
        }
        if !checks.isEmpty, f.values["quiz"] == nil, checks.allSatisfy(\.hidden) {
            report(.invalidValue, ["step \(id) checks", "at least one check must be visible (not hidden)"], f.values["checks"])
        }
        return LabStep(id: id, title: title, text: text, points: points, optional: optional, hints: hints,
                       checks: checks, solution: solution, quiz: quiz, rules: rules, position: position(node))
    }

    mutating func hintList(_ node: Node, _ what: String) -> [Hint]? {
        guard case .sequence(let seq) = node else { report(.wrongType, ["hints", "a list of hints"], node); return nil }
        var out: [Hint] = []
        for item in seq {
            guard let f = mapping(item, "hint", allowed: ["tier"] + LabLocale.allCases.map(\.rawValue), required: ["tier"])
            else { continue }
            guard let tn = f.values["tier"], let t = string(tn, "hint.tier", template: false) else { continue }
            guard let tier = HintTier(rawValue: t) else {
                report(.invalidValue, ["hint.tier", "'\(t)' (nudge, concept or command)"], tn)
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
        let question = f.values["question"].flatMap { localized($0, "step \(stepID) quiz.question") }
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

    // MARK: Checks

    static let checkKinds = ["network", "container", "history", "all", "any", "not", "reachable", "unreachable",
                             "resolves", "iptables", "swarm", "service"]

    mutating func check(_ node: Node, index: Int, roles: inout Set<String>, nested: Bool = false) -> Check? {
        let keys = ["name", "points", "message", "hints", "hidden"] + NodeReader.checkKinds
        guard let f = mapping(node, "check", allowed: keys) else { return nil }
        let present = NodeReader.checkKinds.filter { f.values[$0] != nil }
        guard present.count == 1, let kindName = present.first, let body = f.values[kindName] else {
            report(.invalidValue, ["check", "give exactly one of " + NodeReader.checkKinds.joined(separator: ", ")], node)
            return nil
        }
        let name = f.values["name"].flatMap { string($0, "check.name") } ?? "\(kindName)-\(index + 1)"
        let points = f.values["points"].flatMap { int($0, "check.points", min: 0) } ?? 0
        let message = f.values["message"].flatMap { localized($0, "check \(name) message") }
        let hints = f.values["hints"].flatMap { hintList($0, "check \(name) hint") } ?? []
        let hidden = f.values["hidden"].flatMap { bool($0, "check.hidden") } ?? false
        if hidden, nested, let h = f.keys["hidden"] {
            report(.invalidValue, ["check.hidden", "only a step's own checks can be hidden, not one inside all, any or not"], h)
        }
        let kind: CheckKind?
        switch kindName {
        case "network": kind = networkPredicate(body, roles: &roles).map(CheckKind.network)
        case "container": kind = containerPredicate(body, roles: &roles).map(CheckKind.container)
        case "history":
            guard let h = mapping(body, "history", allowed: ["command", "success"], required: ["command"]) else { return nil }
            let pattern = h.values["command"].flatMap { string($0, "history.command") }
            let success = h.values["success"].flatMap { bool($0, "history.success") } ?? true
            kind = pattern.map { .history(HistoryPredicate(pattern: $0, success: success)) }
        case "all", "any":
            guard case .sequence(let seq) = body, !seq.isEmpty else {
                report(.wrongType, [kindName, "a non-empty list of checks"], body)
                return nil
            }
            var inner: [Check] = []
            for (i, item) in seq.enumerated() {
                // Roles bound inside `any` are not reliable afterwards; inside `all` they are.
                var scoped = roles
                if let c = check(item, index: i, roles: &scoped, nested: true) { inner.append(c) }
                if kindName == "all" { roles = scoped }
            }
            kind = kindName == "all" ? .all(inner) : .any(inner)
        case "not":
            var scoped = roles
            kind = check(body, index: 0, roles: &scoped, nested: true).map(CheckKind.not)
        case "reachable", "unreachable":
            guard let r = mapping(body, kindName, allowed: ["from", "to", "port", "proto"], required: ["from", "to"])
            else { return nil }
            let from = r.values["from"].flatMap { ref($0, kindName + ".from", roles) }
            let to = r.values["to"].flatMap { ref($0, kindName + ".to", roles) }
            let port = r.values["port"].flatMap { portValue($0, kindName + ".port") }
            let proto = r.values["proto"].flatMap { string($0, kindName + ".proto") } ?? "tcp"
            guard let from, let to else { return nil }
            let p = ReachPredicate(from: from, to: to, port: port, proto: proto)
            kind = kindName == "reachable" ? .reachable(p) : .unreachable(p)
        case "resolves":
            guard let r = mapping(body, "resolves", allowed: ["from", "name", "to", "none", "tasks", "vip"],
                                  required: ["from", "name"])
            else { return nil }
            let from = r.values["from"].flatMap { ref($0, "resolves.from", roles) }
            let name = r.values["name"].flatMap { string($0, "resolves.name") }
            let to = r.values["to"].flatMap { refList($0, "resolves.to", roles) } ?? []
            let none = r.values["none"].flatMap { bool($0, "resolves.none") } ?? false
            let tasks = r.values["tasks"].flatMap { string($0, "resolves.tasks") }
            let vip = r.values["vip"].flatMap { string($0, "resolves.vip") }
            if to.isEmpty && !none && tasks == nil && vip == nil { report(.missingKey, ["resolves.to"], body) }
            if none && (!to.isEmpty || tasks != nil || vip != nil) {
                report(.invalidValue, ["resolves", "none: true cannot be combined with to, tasks or vip"], body)
            }
            guard let from, let name else { return nil }
            kind = .resolves(ResolvePredicate(from: from, name: name, to: to, none: none, tasks: tasks, vip: vip))
        case "iptables":
            guard let r = mapping(body, "iptables", allowed: ["table", "chain", "contains", "absent", "host"],
                                  required: ["chain", "contains"]) else { return nil }
            let table = r.values["table"].flatMap { string($0, "iptables.table") } ?? "filter"
            let chain = r.values["chain"].flatMap { string($0, "iptables.chain") }
            let contains = r.values["contains"].flatMap { string($0, "iptables.contains") }
            let absent = r.values["absent"].flatMap { bool($0, "iptables.absent") } ?? false
            let host = r.values["host"].flatMap { machineName($0, "iptables.host") }
            guard let chain, let contains else { return nil }
            kind = .iptables(IptablesPredicate(table: table, chain: chain, contains: contains, absent: absent, host: host))
        case "swarm":
            kind = swarmPredicate(body).map(CheckKind.swarm)
        case "service":
            kind = servicePredicate(body).map(CheckKind.service)
        default:
            kind = nil
        }
        guard let kind else { return nil }
        return Check(name: name, points: points, message: message, hints: hints, kind: kind, position: position(node),
                     hidden: hidden)
    }

    mutating func portValue(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what) else { return nil }
        if !s.contains("{{"), Int(s).map({ $0 < 1 || $0 > 65535 }) ?? true {
            report(.invalidValue, [what, "'\(s)' (a port from 1 to 65535)"], node)
            return nil
        }
        return s
    }

    /// A name that may be a `$role` (which must be bound already).
    mutating func ref(_ node: Node, _ what: String, _ roles: Set<String>) -> String? {
        guard let s = string(node, what) else { return nil }
        if s.hasPrefix("$"), !roles.contains(String(s.dropFirst())) {
            report(.unknownRole, [String(s.dropFirst())], node)
            return nil
        }
        return s
    }

    mutating func refList(_ node: Node, _ what: String, _ roles: Set<String>) -> [String]? {
        guard case .sequence(let seq) = node else { report(.wrongType, [what, "a list of names"], node); return nil }
        return seq.compactMap { ref($0, what, roles) }
    }

    mutating func bindName(_ f: Fields, _ what: String, roles: inout Set<String>) -> (String?, String?)? {
        let name = f.values["name"].flatMap { ref($0, what + ".name", roles) }
        let bind = f.values["bind"].flatMap { roleName($0, what + ".bind") }
        if (f.values["name"] == nil) == (f.values["bind"] == nil) {
            report(.invalidValue, [what, "give exactly one of name, bind"], f.node)
            return nil
        }
        return (name, bind)
    }

    mutating func networkPredicate(_ node: Node, roles: inout Set<String>) -> NetworkPredicate? {
        let keys = ["name", "bind", "absent", "driver", "subnet", "subnet_within", "gateway", "internal", "attachable",
                    "user_defined", "options", "labels", "holds", "host"]
        guard let f = mapping(node, "network", allowed: keys), let nb = bindName(f, "network", roles: &roles)
        else { return nil }
        let (name, bind) = nb
        var p = NetworkPredicate()
        p.name = name
        p.bind = bind
        p.absent = f.values["absent"].flatMap { bool($0, "network.absent") } ?? false
        p.driver = f.values["driver"].flatMap { string($0, "network.driver") }
        p.subnet = f.values["subnet"].flatMap { cidrTemplate($0, "network.subnet") }
        p.subnetWithin = f.values["subnet_within"].flatMap { cidrTemplate($0, "network.subnet_within") }
        p.gateway = f.values["gateway"].flatMap { string($0, "network.gateway") }
        p.isInternal = f.values["internal"].flatMap { bool($0, "network.internal") }
        p.attachable = f.values["attachable"].flatMap { bool($0, "network.attachable") }
        p.userDefined = f.values["user_defined"].flatMap { bool($0, "network.user_defined") }
        p.options = f.values["options"].flatMap { stringMap($0, "network.options") } ?? [:]
        p.labels = f.values["labels"].flatMap { stringMap($0, "network.labels") } ?? [:]
        p.holds = f.values["holds"].flatMap { refList($0, "network.holds", roles) } ?? []
        p.host = f.values["host"].flatMap { machineName($0, "network.host") }
        if p.absent, bind != nil { report(.invalidValue, ["network", "absent cannot bind a role"], node) }
        if let bind { roles.insert(bind) }
        return p
    }

    mutating func cidrTemplate(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what) else { return nil }
        if !s.contains("{{"), IPv4Subnet(s) == nil { report(.invalidValue, [what, "'\(s)' is not an IPv4 CIDR"], node) }
        return s
    }

    mutating func containerPredicate(_ node: Node, roles: inout Set<String>) -> ContainerPredicate? {
        let keys = ["name", "bind", "absent", "running", "image", "networks", "not_networks", "ip", "ip_within",
                    "aliases", "published", "network_mode", "host"]
        guard let f = mapping(node, "container", allowed: keys), let nb = bindName(f, "container", roles: &roles)
        else { return nil }
        let (name, bind) = nb
        var p = ContainerPredicate()
        p.name = name
        p.bind = bind
        p.absent = f.values["absent"].flatMap { bool($0, "container.absent") } ?? false
        p.running = f.values["running"].flatMap { bool($0, "container.running") }
        p.image = f.values["image"].flatMap { string($0, "container.image") }
        p.networks = f.values["networks"].flatMap { refList($0, "container.networks", roles) } ?? []
        p.notNetworks = f.values["not_networks"].flatMap { refList($0, "container.not_networks", roles) } ?? []
        p.ip = f.values["ip"].flatMap { string($0, "container.ip") }
        p.ipWithin = f.values["ip_within"].flatMap { cidrTemplate($0, "container.ip_within") }
        if let a = f.values["aliases"] {
            if case .mapping(let m) = a {
                for (k, v) in m {
                    guard let net = ref(k, "container.aliases", roles), let names = stringList(v, "container.aliases." + net)
                    else { continue }
                    p.aliases[net] = names
                }
            } else {
                report(.wrongType, ["container.aliases", "a mapping of network → list of aliases"], a)
            }
        }
        p.published = f.values["published"].flatMap { stringList($0, "container.published") } ?? []
        for (i, spec) in p.published.enumerated() where !spec.contains("{{") && PublishedSpec(spec) == nil {
            if let value = f.values["published"], case .sequence(let seq) = value, i < seq.count {
                report(.invalidValue, ["container.published", "'\(spec)' (PORT, HOSTPORT:PORT or IP:HOSTPORT:PORT, optional /proto)"], seq[i])
            }
        }
        p.networkMode = f.values["network_mode"].flatMap { string($0, "container.network_mode") }
        p.host = f.values["host"].flatMap { machineName($0, "container.host") }
        if p.absent, bind != nil { report(.invalidValue, ["container", "absent cannot bind a role"], node) }
        if let bind { roles.insert(bind) }
        return p
    }
}

/// The fields of one YAML mapping, by key.
struct Fields {
    let node: Node
    var values: [String: Node] = [:]
    var keys: [String: Node] = [:]
}

/// A `published` entry of a container check: `80`, `8080:80`, `127.0.0.1:8080:80`, with optional `/udp`.
struct PublishedSpec: Hashable {
    var hostIP: String?
    var hostPort: Int?
    var port: Int
    var proto: String

    init?(_ text: String) {
        var body = Substring(text)
        proto = "tcp"
        if let slash = body.lastIndex(of: "/") {
            proto = String(body[body.index(after: slash)...]).lowercased()
            body = body[..<slash]
            guard ["tcp", "udp", "sctp"].contains(proto) else { return nil }
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func port(_ s: String) -> Int? { Int(s).flatMap { $0 >= 1 && $0 <= 65535 ? $0 : nil } }
        switch parts.count {
        case 1:
            guard let p = port(parts[0]) else { return nil }
            self.port = p
        case 2:
            guard let h = port(parts[0]), let p = port(parts[1]) else { return nil }
            hostPort = h; self.port = p
        case 3:
            guard IPv4Address(parts[0]) != nil, let h = port(parts[1]), let p = port(parts[2]) else { return nil }
            hostIP = parts[0]; hostPort = h; self.port = p
        default:
            return nil
        }
    }
}
