/// A source of typed lines: libedit on a terminal, plain lines from a pipe.
public protocol LineReader {
    /// The next line without its newline, or nil at end of input (Ctrl-D).
    mutating func readLine(prompt: String) -> String?
    /// The same; when Ctrl-C abandons the line being typed, `interrupted` is called and returns the
    /// prompt to read with from then on (a continuation `> ` gives way to the shell's own prompt).
    mutating func readLine(prompt: String, interrupted: () -> String) -> String?
    /// Remembers a line for Up/Down and Ctrl-R.
    mutating func remember(_ line: String)
    /// Writes the history file, if any.
    func save()
}

extension LineReader {
    /// A reader that never sees Ctrl-C (a pipe) reads as usual.
    public mutating func readLine(prompt: String, interrupted: () -> String) -> String? { readLine(prompt: prompt) }
}

/// Reads standard input line by line: no prompt, no escape codes (scripts and tests).
public struct PlainLineReader: LineReader {
    public init() {}
    public mutating func readLine(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
    public mutating func remember(_ line: String) {}
    public func save() {}
}
