/// Why a command line could not be used, with bash's wording where bash has
/// one (`message` returns the text after bash's `bash: ` prefix) and a plain
/// English "not simulated" text for shell features the simulator leaves out.
/// Kept as an enum so the integrator can localise each case.
public enum ShellSyntaxError: Error, Equatable, Sendable {
    /// `syntax error near unexpected token `;;'`
    case unexpectedToken(String)
    /// `${a b}: bad substitution` (the payload is the whole `${...}` text).
    case badSubstitution(String)
    /// A real shell feature the simulator does not provide.
    case notSimulated(ShellUnsupportedFeature)
    /// `$(...)` or backquotes used where no substitution closure was given.
    case commandSubstitutionUnavailable
    /// `$(` nested more deeply than `ShellLine.maxSubstitutionDepth`.
    case substitutionTooDeep(limit: Int)
    /// A redirection's file name expanded to no word or several (payload: the word as typed).
    case ambiguousRedirect(String)

    /// English text; for bash's own errors exactly what bash prints after `bash: `.
    public var message: String {
        switch self {
        case .unexpectedToken(let token):
            return "syntax error near unexpected token `\(token)'"
        case .badSubstitution(let text):
            return "\(text): bad substitution"
        case .notSimulated(let feature):
            return feature.message
        case .commandSubstitutionUnavailable:
            return "command substitution is not available here"
        case .substitutionTooDeep(let limit):
            return "command substitution nested more than \(limit) levels deep"
        case .ambiguousRedirect(let word):
            return "\(word): ambiguous redirect"
        }
    }
}

extension ShellSyntaxError: CustomStringConvertible {
    public var description: String { message }
}

/// Shell features recognised but deliberately not simulated.
public enum ShellUnsupportedFeature: Equatable, Sendable {
    /// `2>&1`, `&>`, `|&`, `<(`, `<<<`… (payload: the operator as typed); `>`, `>>`, `<`, `<<` and
    /// `<<-` without a file-descriptor number are simulated.
    case redirection(String)
    /// A command ended with `&`.
    case background
    /// `( … )` subshells.
    case subshell
    /// `$(( … ))` arithmetic expansion.
    case arithmetic
    /// `${name:-word}` and other parameter-expansion operators (payload: the `${…}` text).
    case parameterOperator(String)

    /// English text.
    public var message: String {
        switch self {
        case .redirection(let op):
            return "redirection `\(op)' is not simulated"
        case .background:
            return "background jobs (`&') are not simulated"
        case .subshell:
            return "subshells `( … )' are not simulated"
        case .arithmetic:
            return "arithmetic expansion `$(( … ))' is not simulated"
        case .parameterOperator(let text):
            return "parameter expansion `\(text)' is not simulated"
        }
    }
}

/// What is still open at the end of an incomplete line; an interactive shell
/// shows its continuation prompt (`> `) and parses the joined text again.
public enum ShellIncompleteReason: Equatable, Sendable {
    case singleQuote
    case doubleQuote
    case backquote
    /// The line ends with a backslash (line continuation).
    case backslash
    /// An unclosed `$(`.
    case commandSubstitution
    /// An unclosed `${`.
    case parameterBrace
    /// The line ends after `&&`, `||` or `|` (payload: that operator).
    case operatorPending(String)
    /// A here-document whose delimiter line has not come yet (payload: the delimiter).
    case hereDocument(String)
}
