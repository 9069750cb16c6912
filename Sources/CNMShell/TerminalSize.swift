@preconcurrency import CEditLine
#if canImport(Glibc)
import Glibc
#endif

/// How wide and tall the learner's terminal is, for wrapping text and deciding whether to page.
///
/// On a terminal: the size the terminal reports (TIOCGWINSZ), else `COLUMNS`/`LINES`, else 80×24.
/// Not a terminal (piped, redirected): `COLUMNS` when set, else no width at all, so text reaches
/// scripts and graders as it is stored (one paragraph a line, easy to search).
public enum TerminalSize {
    public static let fallbackColumns = 80
    public static let fallbackRows = 24

    /// The width to wrap text for on `fd`, or nil for no wrapping.
    public static func columns(fd: Int32 = 1, environment: [String: String]) -> Int? {
        let fromEnv = environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? min($0, 10_000) : nil }
        guard isatty(fd) == 1 else { return fromEnv }
        let reported = Int(cnm_terminal_columns(fd))
        return reported > 0 ? reported : fromEnv ?? fallbackColumns
    }

    /// The height of the terminal on `fd`, or nil when `fd` is not a terminal.
    public static func rows(fd: Int32 = 1, environment: [String: String]) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        let reported = Int(cnm_terminal_rows(fd))
        if reported > 0 { return reported }
        return environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? fallbackRows
    }
}
