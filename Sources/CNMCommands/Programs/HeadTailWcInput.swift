import CNMSim

/// What `head`, `tail` and `wc` get for one operand: the text of a file of the site they run on
/// (or of standard input for `-`), or why it cannot be read.
enum TextOperand: Equatable {
    case text(String)
    case missing
    case directory
    /// Longer than `PATH_MAX` (`ENAMETOOLONG`).
    case nameTooLong

    /// `strerror` of the failure, as glibc and musl spell it for these two errors.
    var reason: String {
        switch self {
        case .missing: "No such file or directory"
        case .nameTooLong: "File name too long"
        case .directory: "Is a directory"
        case .text: ""
        }
    }
}

extension ProgramContext {
    /// Reads operand `name` as `cat` does (`-` is standard input).
    func readOperand(_ name: String) -> TextOperand {
        if name == "-" { return .text(stdin) }
        guard let path = resolve(name) else { return .nameTooLong }
        if let text = ProcFiles.read(path, self) { return .text(text) }
        switch files?.node(path) {
        case .file(let text)?: return .text(text)
        case .directory?: return .directory
        case nil: return .missing
        }
    }
}

/// Lines of a text split after each LF byte (a CRLF line stays one line); the last line may lack
/// its LF. Splitting on byte 10 never cuts a UTF-8 sequence, so each piece decodes losslessly.
enum TextLines {
    static func split(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var i = text.utf8.startIndex
        while i < text.utf8.endIndex {
            let next = text.utf8.index(after: i)
            if text.utf8[i] == 10 {
                out.append(text[start..<next])
                start = next
            }
            i = next
        }
        if start < text.endIndex { out.append(text[start...]) }
        return out
    }
}

/// File names in GNU coreutils 9.1 messages (gnulib quotearg, `shell_escape` styles): `quoteaf`
/// always quotes (`'a'`); `quotef` quotes only a name the shell would split or expand. A name with
/// a single quote is put in double quotes when nothing in it is special there (`"it's"`).
enum CoreutilsQuote {
    private static let special = Set(" \t\n\r!\"#$&'()*;<=>?[\\]^`{|}~")

    static func always(_ name: String) -> String {
        guard name.contains("'") else { return "'" + name + "'" }
        if !name.contains(where: { "\"$`\\".contains($0) }) { return "\"" + name + "\"" }
        return "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func ifNeeded(_ name: String) -> String {
        name.isEmpty || name.contains(where: { special.contains($0) }) ? always(name) : name
    }
}

/// A line count as `head`/`tail` take it after `-n` (`5`, `-5`, `+5`): plain decimal digits only.
/// Suffixes (`5k`) are not simulated and answer nil as an invalid number does.
struct LineCount {
    var value: Int
    /// `-5` (head: all but the last 5).
    var negative = false
    /// `+5` (tail: from line 5).
    var fromStart = false

    init?(_ text: String) {
        var digits = Substring(text)
        if digits.first == "-" { negative = true; digits = digits.dropFirst() } else if digits.first == "+" {
            fromStart = true; digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(digits) else { return nil }
        value = v
    }
}

/// The options `head` and `tail` share: `-n N`/`-nN`, the old `-N` form as the first word (tail:
/// `+N` too), `-q`, `-v`, `--`. GNU's getopt takes options after the files too; busybox's applets
/// stop at the first file (an option after one is not simulated rather than guessed).
struct HeadTailOptions {
    var count: LineCount?
    /// nil: headers when there are several files; `-v` true, `-q` false (the last one wins).
    var headers: Bool?
    var operands: [String] = []

    /// nil when an option is not simulated: the caller answers with one line saying so.
    enum Failure: Error { case notSimulated(String), invalidCount(String), invalidContext(Character) }

    static func parse(_ args: [String], program: String, busybox: Bool) -> Result<HeadTailOptions, Failure> {
        var o = HeadTailOptions()
        var rest = args[...]
        if let first = rest.first, first.count > 1, first.hasPrefix("-") || (program == "tail" && first.hasPrefix("+")),
           first.dropFirst().first?.isNumber == true {
            // GNU coreutils 9.1 tail `parse_obsolete_option`: the old form only with at most one
            // file after it; otherwise `+N` is a file and getopt meets `-N` as an unknown option.
            if !busybox, program == "tail", rest.count > 2 || (rest.count == 2 && rest.last!.hasPrefix("-") && rest.last! != "-") {
                if first.hasPrefix("-") { return .failure(.invalidContext(first.dropFirst().first!)) }
                return parseOptions(rest, o, program: program, busybox: busybox)
            }
            guard var c = LineCount(String(first.dropFirst())) else { return .failure(.notSimulated("\(program) \(first)")) }
            c.fromStart = first.hasPrefix("+")
            c.negative = false
            o.count = c
            rest = rest.dropFirst()
        }
        return parseOptions(rest, o, program: program, busybox: busybox)
    }

    static func parseOptions(_ words: ArraySlice<String>, _ start: HeadTailOptions, program: String,
                             busybox: Bool) -> Result<HeadTailOptions, Failure> {
        var o = start
        var rest = words
        var optionsDone = false
        while let a = rest.first {
            rest = rest.dropFirst()
            if optionsDone || a == "-" || !a.hasPrefix("-") {
                o.operands.append(a)
                continue
            }
            if busybox && !o.operands.isEmpty { return .failure(.notSimulated("busybox \(program) with an option after a file")) }
            if a == "--" { optionsDone = true; continue }
            if a == "-n" || (a.hasPrefix("-n") && a.count > 2) {
                let value: String
                if a == "-n" {
                    guard let v = rest.first else { return .failure(.notSimulated("\(program) -n without a number")) }
                    value = v
                    rest = rest.dropFirst()
                } else {
                    value = String(a.dropFirst(2))
                }
                guard let c = LineCount(value) else {
                    // busybox's `eat_num` drops a leading '-' before `xatoul_sfx` names the number.
                    return .failure(.invalidCount(busybox && value.hasPrefix("-") ? String(value.dropFirst()) : value))
                }
                if busybox && c.fromStart && program == "head" { return .failure(.notSimulated("busybox head -n +N")) }
                o.count = c
                continue
            }
            if a.dropFirst().allSatisfy({ $0 == "q" || $0 == "v" }) {
                for ch in a.dropFirst() { o.headers = ch == "v" }
                continue
            }
            return .failure(.notSimulated("\(program) option \(a)"))
        }
        return .success(o)
    }
}
