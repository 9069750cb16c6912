import CNMSim
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
    /// The message's arguments in both languages (names and values are the same in both).
    public var texts: [LabText]

    /// The arguments in English.
    public var arguments: [String] { texts.map(\.en) }

    public init(_ message: LabMessage, _ arguments: [any DiagnosticArgument] = [], at position: SourcePosition?,
                file: String, severity: Severity = .error) {
        self.code = message.code
        self.severity = severity
        // Every finding has a place; the file's start when nothing nearer is known.
        self.position = position ?? SourcePosition(file: file, line: 1, column: 1)
        self.file = file
        self.message = message
        self.texts = arguments.map(\.labText)
    }

    /// The sample learners whose variants alone show this problem (empty: the default variant shows it).
    public var variants: [String] = []

    /// The message alone, in `locale` (with the variants that show it, when only some do).
    public func text(_ locale: LabLocale = .en) -> String {
        let base = message.format(locale, texts.map { $0.resolve(locale) })
        guard !variants.isEmpty else { return base }
        let phrase: LabPhrase = variants.count == 1 ? .variantOf : .variantsOf
        return base + " [" + LabText.phrase(phrase, variants.joined(separator: ", ")).resolve(locale) + "]"
    }

    /// `file:line:column: error LAB001: message`.
    public func formatted(_ locale: LabLocale = .en) -> String {
        let place = position?.description ?? (file + ":1:1")
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
        case .wrongType, .wrongTypeQuote, .rootNotMapping: return "LAB003"
        case .invalidValue: return "LAB004"
        case .yamlSyntax: return "LAB005"
        case .yamlTooComplex: return "LAB006"
        case .duplicateID, .duplicateLabID: return "LAB007"
        case .unknownParameter: return "LAB008"
        case .unknownRole, .invariantStepRole: return "LAB009"
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
