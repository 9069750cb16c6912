/// A redirection of one simple command, as bash reads it: `> FILE`, `>> FILE`, `< FILE`, or a
/// here-document (`<<WORD`, `<<-WORD`, `<<'WORD'`) whose body is the lines up to WORD.
/// Redirections with a file-descriptor number (`2>`, `2>&1`) are not simulated.
public struct ShellRedirection: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `> FILE`: truncate (or create), then standard output goes there.
        case output
        /// `>> FILE`: append.
        case append
        /// `< FILE`: standard input from the file.
        case input
        /// A here-document: standard input is the body. `stripTabs` for `<<-` (leading tabs of each
        /// line dropped); `expands` unless the delimiter was quoted (then the body is kept as typed).
        case hereDocument(delimiter: String, stripTabs: Bool, expands: Bool)
    }

    public var kind: Kind
    /// The file name, or the here-document's body, before expansion.
    public var word: ShellWord

    /// A redirection after expansion: the file name, or the body's text.
    public struct Expanded: Sendable, Equatable {
        public var kind: Kind
        public var text: String
    }
}
