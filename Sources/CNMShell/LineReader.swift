/// A source of typed lines: libedit on a terminal, plain lines from a pipe.
public protocol LineReader {
    /// The next line without its newline, or nil at end of input (Ctrl-D).
    mutating func readLine(prompt: String) -> String?
    /// Remembers a line for Up/Down and Ctrl-R.
    mutating func remember(_ line: String)
    /// Writes the history file, if any.
    func save()
}

/// Reads standard input line by line: no prompt, no escape codes (scripts and tests).
public struct PlainLineReader: LineReader {
    public init() {}
    public mutating func readLine(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
    public mutating func remember(_ line: String) {}
    public func save() {}
}
