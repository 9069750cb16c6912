import Foundation
import Yams

/// Walks composed YAML nodes and builds the lab model, collecting diagnostics.
struct NodeReader {
    let file: String
    var diagnostics: [LabDiagnostic] = []
    var parameters: Set<String> = []
    /// Every parameter named under `parameters:`, valid or not: a bad definition is one error, and
    /// the templates that use it are not reported again as unknown.
    var declaredParameters: Set<String> = []
    /// The lab's extra machines (`hosts:`), for checking `host:` fields.
    var machines: [String] = []
    /// Roles bound for the whole lab (`roles:`): every step may use them.
    var labRoles: Set<String> = []
    /// While a step's invariants are read: the roles its own checks bind, which an invariant may not
    /// use (it is checked again in later steps, where they are gone); named so in the error.
    var stepRolesOutOfReach: Set<String> = []
    var hasErrors = false

    init(file: String) { self.file = file }

    // MARK: Diagnostics

    func position(_ node: Node?) -> SourcePosition? {
        guard let m = node?.mark else { return nil }
        return SourcePosition(file: file, line: m.line, column: m.column)
    }

    mutating func report(_ message: LabMessage, _ args: [any DiagnosticArgument], _ node: Node?,
                         severity: LabDiagnostic.Severity = .error) {
        if severity == .error { hasErrors = true }
        guard diagnostics.count < LabDecoder.maxDiagnostics else { return }
        diagnostics.append(LabDiagnostic(message, args, at: position(node), file: file, severity: severity))
    }

    // MARK: Primitive readers

    /// The pairs of a mapping whose keys are all in `allowed`; unknown keys are reported.
    mutating func mapping(_ node: Node, _ what: String, allowed: [String], required: [String] = []) -> Fields? {
        guard case .mapping(let m) = node else {
            report(.wrongType, [what, LabText.phrase(.aMapping)], node)
            return nil
        }
        var fields = Fields(node: node)
        for (k, v) in m {
            guard case .scalar(let s) = k else { report(.wrongType, ["\(what) key", LabText.phrase(.aPlainName)], k); continue }
            let key = s.string
            if !allowed.contains(key) {
                report(.unknownKey, [key, allowed.joined(separator: ", "), LabText.didYouMean(key, allowed)], k)
                fields.unknown.append(key)
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
            reportWrongType(what, .aString, node)
            return nil
        }
        if template { checkTemplates(s.string, node) }
        return s.string
    }

    /// `'what' must be …`, with a hint to quote it when YAML read `{{name}}` as a mapping.
    mutating func reportWrongType(_ what: String, _ expected: LabPhrase, _ node: Node) {
        if let template = unquotedTemplate(node) {
            report(.wrongTypeQuote, [what, LabText.phrase(expected), template], node)
        } else {
            report(.wrongType, [what, LabText.phrase(expected)], node)
        }
    }

    /// `{{name}}` when YAML read an unquoted template as a mapping inside a mapping.
    func unquotedTemplate(_ node: Node) -> String? {
        func isNull(_ n: Node) -> Bool {
            guard case .scalar(let s) = n else { return false }
            return ["", "~", "null", "Null", "NULL"].contains(s.string)
        }
        guard case .mapping(let outer) = node, outer.count == 1, let (key, value) = outer.first, isNull(value),
              case .mapping(let inner) = key, inner.count == 1, let (name, empty) = inner.first, isNull(empty),
              case .scalar(let s) = name else { return nil }
        return "{{" + s.string + "}}"
    }

    mutating func checkTemplates(_ text: String, _ node: Node) {
        for name in LabTemplate.references(in: text) where !parameters.contains(name) && !declaredParameters.contains(name) {
            report(.unknownParameter, [name], node)
        }
    }

    mutating func int(_ node: Node, _ what: String, min: Int? = nil) -> Int? {
        guard case .scalar(let s) = node, let v = Int(s.string.trimmingCharacters(in: .whitespaces)) else {
            reportWrongType(what, .aWholeNumber, node)
            return nil
        }
        if let min, v < min {
            report(.invalidValue, [what, LabText.phrase(.atLeast, String(v), String(min))], node)
            return nil
        }
        return v
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar(let s) = node else { report(.wrongType, [what, LabText.phrase(.trueOrFalse)], node); return nil }
        switch s.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            report(.wrongType, [what, LabText.phrase(.trueOrFalse)], node)
            return nil
        }
    }

    mutating func stringList(_ node: Node, _ what: String, template: Bool = true) -> [String]? {
        guard case .sequence(let seq) = node else {
            reportWrongType(what, .aListOfStrings, node)
            return nil
        }
        var out: [String] = []
        for item in seq {
            if let s = string(item, what, template: template) { out.append(s) }
        }
        return out
    }

    mutating func stringMap(_ node: Node, _ what: String) -> [String: String]? {
        guard case .mapping(let m) = node else { report(.wrongType, [what, LabText.phrase(.aMappingOfStrings)], node); return nil }
        var out: [String: String] = [:]
        for (k, v) in m {
            guard let key = string(k, what), let value = string(v, what + "." + key) else { continue }
            out[key] = value
        }
        return out
    }
}

/// The fields of one YAML mapping, by key.
struct Fields {
    let node: Node
    var values: [String: Node] = [:]
    var keys: [String: Node] = [:]
    /// Keys that were reported as unknown (so a follow-up "missing" error is not piled on).
    var unknown: [String] = []
}
