/// A redirection of one simple command, as bash reads it: `> FILE`, `>> FILE`, `< FILE`, a
/// here-document (`<<WORD`, `<<-WORD`, `<<'WORD'`) whose body is the lines up to WORD, standard
/// error to a file (`2> FILE`, `2>> FILE`) and the two duplications learners type (`2>&1`, `>&2`).
/// `1>` is `>`. Other descriptor numbers and forms (`3>`, `&>`, `<&`, `|&`) are not simulated.
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
        /// `2> FILE`: truncate (or create), then standard error goes there.
        case errorOutput
        /// `2>> FILE`: standard error appended to the file.
        case errorAppend
        /// `2>&1`: standard error goes wherever standard output goes at this point.
        case errorToOutput
        /// `>&2` (`1>&2`): standard output goes wherever standard error goes at this point.
        case outputToError

        /// Whether it names a file (the duplications and here-documents do not).
        public var takesFile: Bool {
            switch self {
            case .output, .append, .input, .errorOutput, .errorAppend: return true
            case .hereDocument, .errorToOutput, .outputToError: return false
            }
        }
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
