/// A template parse or execution error carrying Go's exact message text,
/// e.g. `template: :1: function "foo" not defined`.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whether the error came from parsing or executing.
    public enum Phase: Sendable, Equatable { case parse, execute }

    /// Go's `err.Error()` text.
    public let message: String
    public let phase: Phase

    public init(_ message: String, phase: Phase = .execute) {
        self.message = message
        self.phase = phase
    }

    /// The message as docker prints it: `template parsing error: ` + Go's text
    /// (docker uses that prefix for both parse and execution failures).
    public var dockerMessage: String { "template parsing error: " + message }

    public var description: String { message }
}
