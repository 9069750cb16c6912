@preconcurrency import CEditLine

/// libedit's readline: line editing, persistent history, Ctrl-R search and TAB
/// completion. Locale set-up and the Hangul-safe completion array follow the
/// traps recorded in the Swift platform notes.
public struct EditLineReader: LineReader {
    let historyPath: String?

    /// What TAB completes against; read by the C callback.
    nonisolated(unsafe) static var complete: (@Sendable (_ line: String, _ word: String) -> [String])?

    public init(historyPath: String?, complete: @escaping @Sendable (_ line: String, _ word: String) -> [String]) {
        self.historyPath = historyPath
        cnm_setup_locale()
        cnm_set_readline_name("cnmlab")
        Self.complete = complete
        cnm_set_completion(editLineCompletion)
        stifle_history(2000)
        if let path = historyPath { _ = read_history(path) }
        cnm_install_sigint()
    }

    public mutating func readLine(prompt: String) -> String? { readLine(prompt: prompt) { prompt } }

    /// Ctrl-C abandons what was typed, as in bash: the line being edited and, through `interrupted`, a
    /// command still waiting for its continuation (an open quote, a trailing `|`) or the solution's y/N.
    public mutating func readLine(prompt: String, interrupted: () -> String) -> String? {
        var prompt = prompt
        while true {
            _ = cnm_take_interrupt()
            guard let raw = readline(prompt) else {
                // NULL is Ctrl-D (end of input) unless Ctrl-C interrupted the read.
                if cnm_take_interrupt() != 0 {
                    fputs("^C\n", stdout)
                    fflush(stdout)
                    prompt = interrupted()
                    continue
                }
                return nil
            }
            defer { free(raw) }
            if cnm_take_interrupt() != 0 {
                prompt = interrupted()
                continue
            }
            return String(cString: raw)
        }
    }

    public mutating func remember(_ line: String) {
        guard !line.isEmpty else { return }
        add_history(line)
    }

    public func save() {
        if let path = historyPath { _ = write_history(path) }
    }

    /// The line before the word being completed. libedit gives the word's start in wide characters
    /// (Unicode scalars), not bytes: in `echo 안녕 > /t` the word starts at 10, byte 14.
    static func text(of line: String, before start: Int) -> String {
        let scalars = line.unicodeScalars
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(max(0, start)))
        return String(view)
    }

    /// libedit's match array without its NULL: a unique match with the space after it (none after a folder's
    /// `/`, which TAB goes on into), or several matches' common prefix followed by the list to show
    /// (a path's names without the folder already typed, as bash lists them).
    static func matchArray(_ matches: [String], word: String) -> [String] {
        guard let only = matches.first else { return [] }
        if matches.count == 1 { return [FileCompletion.staysOpen(only) ? only : only + " "] }
        return [Completer.commonPrefix(matches)] + matches.map { FileCompletion.display($0, word: word) }
    }
}

/// The `rl_attempted_completion_function`: builds libedit's match array itself —
/// `[common prefix by whole characters, match…, NULL]`, malloc-backed — because
/// libedit's own prefix computation can cut a UTF-8 sequence in half.
private func editLineCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    cnm_completion_over()
    let word = text.map { String(cString: $0) } ?? ""
    let before = EditLineReader.text(of: String(cString: cnm_line_buffer()), before: Int(start))
    guard let complete = EditLineReader.complete else { return nil }
    let all = EditLineReader.matchArray(complete(before, word), word: word)
    guard !all.isEmpty else { return nil }
    // Two NULLs: libedit (fn_complete) reads matches[2] to tell a single match, past a lone match's NULL.
    guard let array = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (all.count + 2))?
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: all.count + 2) else { return nil }
    for (i, s) in all.enumerated() { array[i] = strdup(s) }
    array[all.count] = nil
    array[all.count + 1] = nil
    return array
}
