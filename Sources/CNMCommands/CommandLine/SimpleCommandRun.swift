/// One simple command of a typed line and what became of it: whether it ran, its own exit
/// status and what it printed.
///
/// Why: a line's exit status says little about its parts. In `true || ssh remote curl …` the
/// curl never runs, and in `ssh remote curl … || true` the line succeeds although curl failed.
/// Grading looks at each simple command (`;`, `&&`, `||`, each stage of a pipe and each
/// command inside `$(…)`) on its own.
public struct SimpleCommandRun: Sendable, Hashable {
    /// Most bytes of a command's output kept (the rest is cut at a character boundary).
    public static let maxOutputBytes = 16 * 1024

    /// The command's words joined by single spaces, after expansion (for a command that did not
    /// run, `$(…)` stands for nothing, since it never ran either).
    public var text: String
    /// False when `&&`/`||` skipped it, or its words could not be expanded.
    public var ran: Bool
    /// Its own exit status (0 success); for a command that did not run, the status the shell
    /// reports instead (2 for an expansion error) or nil when it was skipped.
    public var exitCode: Int32?
    /// What it printed, standard output then standard error (at most `maxOutputBytes`); a pipe
    /// stage's standard output is what it wrote into the pipe.
    public var output: String
    /// 0 for a command of the line itself, 1 inside one `$(…)`, and so on.
    public var depth: Int

    public init(text: String, ran: Bool, exitCode: Int32?, output: String = "", depth: Int = 0) {
        self.text = text; self.ran = ran; self.exitCode = exitCode; self.depth = depth
        self.output = Self.bounded(output)
    }

    /// A command that did not run: its words with every `$(…)` standing for nothing.
    public init(skipped command: ShellCommand, environment: [String: String], exitCode: Int32? = nil) {
        let words = (try? command.expand(environment: environment) { _ in "" }.get()) ?? []
        self.init(text: words.joined(separator: " "), ran: false, exitCode: exitCode)
    }

    /// Whether it ran and exited 0.
    public var succeeded: Bool { ran && exitCode == 0 }

    static func bounded(_ s: String) -> String {
        guard s.utf8.count > maxOutputBytes else { return s }
        var bytes = Array(s.utf8.prefix(maxOutputBytes))
        // Drop a character cut in two: find where the last one starts and how long it should be.
        var start = bytes.count - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let lead = bytes[start]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        if bytes.count - start < length { bytes.removeSubrange(start...) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
