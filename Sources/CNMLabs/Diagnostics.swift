/// One problem found in a lab file: a stable code (`LAB001`), where, and what.
///
/// Codes never change meaning, so CI logs and the authoring guide can refer
/// to them; `docs/lab-format.md` lists them all.
public struct LabDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var code: String
    public var severity: Severity
    public var position: SourcePosition?
    /// The file when no position is known.
    public var file: String
    public var message: LabMessage
    public var arguments: [String]

    public init(_ message: LabMessage, _ arguments: [String] = [], at position: SourcePosition?, file: String,
                severity: Severity = .error) {
        self.code = message.code
        self.severity = severity
        self.position = position
        self.file = file
        self.message = message
        self.arguments = arguments
    }

    /// The message alone, in `locale`.
    public func text(_ locale: LabLocale = .en) -> String { message.format(locale, arguments) }

    /// `file:line:column: error LAB001: message`.
    public func formatted(_ locale: LabLocale = .en) -> String {
        let place = position?.description ?? file
        return "\(place): \(severity.rawValue) \(code): \(text(locale))"
    }

    public var description: String { formatted() }
}

extension LabMessage {
    /// The stable code of a validation message (`LAB000` for messages that are not diagnostics).
    public var code: String {
        switch self {
        case .unknownKey: return "LAB001"
        case .missingKey: return "LAB002"
        case .wrongType: return "LAB003"
        case .invalidValue: return "LAB004"
        case .yamlSyntax: return "LAB005"
        case .yamlTooComplex: return "LAB006"
        case .duplicateID: return "LAB007"
        case .unknownParameter: return "LAB008"
        case .unknownRole: return "LAB009"
        case .missingLocale: return "LAB010"
        case .quizWithoutAnswer: return "LAB011"
        case .stepWithoutChecks: return "LAB012"
        case .unknownPrerequisite: return "LAB013"
        case .unreadableFile: return "LAB014"
        case .setupFailed: return "LAB020"
        case .passesBeforeSolution: return "LAB021"
        case .notSolvable: return "LAB022"
        case .noHint: return "LAB023"
        case .solutionForbidden: return "LAB024"
        case .mutantAccepted: return "LAB030"
        case .passesEarly, .passesEarlyOne: return "LAB040"
        default: return "LAB000"
        }
    }
}
