import CNMSim

/// `tail [-n [+]N | -N | +N] [-q|-v] [FILE…]`: the last lines (10 by default) of each file of the
/// site it runs on, or of standard input; `+N` starts at line N.
///
/// - GNU coreutils 9.1 `src/tail.c` (host, Debian-based images): headers `==> NAME <==` as `head`
///   prints them (a blank line before all but the first printed); a missing file gets
///   `tail: cannot open 'a' for reading: No such file or directory` and no header; a folder its
///   header, then `tail: error reading 'd': Is a directory`.
/// - busybox 1_36_1 `coreutils/tail.c` (busybox, Alpine): every file is opened first, each missing
///   one warned as `tail: can't open 'a': No such file or directory`; headers only when more than
///   one file opened; none at all ends with `tail: no files`. A folder is not simulated there.
/// Following (`-f`) never ends and is not simulated; neither are `-c` and size suffixes.
enum TailProgram: SimulatedProgram {
    static let names = ["tail"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        if args.contains(where: { $0 == "-f" || $0 == "-F" || $0 == "--follow" || $0.hasPrefix("--follow=") }) {
            return NotSimulated.feature("tail -f (following a file never ends)")
        }
        let busybox = ctx.busybox
        let options: HeadTailOptions
        switch HeadTailOptions.parse(args, program: "tail", busybox: busybox) {
        case .success(let o): options = o
        case .failure(.notSimulated(let what)): return NotSimulated.feature(what)
        case .failure(.invalidCount(let text)):
            return .fail(busybox ? "tail: invalid number '\(text)'\n" : "tail: invalid number of lines: '\(text)'\n")
        case .failure(.invalidContext(let digit)):
            // GNU tail: getopt meets the digit of an old-style `-N` given with several files.
            return .fail("tail: option used in invalid context -- \(digit)\n")
        }
        let count = options.count ?? LineCount("10")!
        let operands = options.operands.isEmpty ? ["-"] : options.operands
        var out = CommandOutput()
        if busybox {
            var opened: [(String, String)] = []
            for name in operands {
                let input = ctx.readOperand(name)
                switch input {
                case .text(let text):
                    opened.append((options.operands.isEmpty ? "standard input" : name, text))
                case .directory:
                    return NotSimulated.feature("busybox tail on a folder")
                default:
                    out.stderr += "tail: can't open '\(name)': \(input.reason)\n"
                    out.exitCode = 1
                }
            }
            if opened.isEmpty {
                out.stderr += "tail: no files\n"
                out.exitCode = 1
                return out
            }
            let headers = options.headers ?? (opened.count > 1)
            for (i, (name, text)) in opened.enumerated() {
                if headers { out.stdout += (i == 0 ? "" : "\n") + "==> \(name) <==\n" }
                out.stdout += lastLines(text, count)
            }
            return out
        }
        let headers = options.headers ?? (operands.count > 1)
        var first = true
        for name in operands {
            let input = ctx.readOperand(name)
            switch input {
            case .missing, .nameTooLong:
                out.stderr += "tail: cannot open \(CoreutilsQuote.always(name)) for reading: \(input.reason)\n"
                out.exitCode = 1
                continue
            default: break
            }
            if headers {
                out.stdout += (first ? "" : "\n") + "==> \(name == "-" ? "standard input" : name) <==\n"
            }
            first = false
            if case .text(let text) = input {
                out.stdout += lastLines(text, count)
            } else {
                out.stderr += "tail: error reading \(CoreutilsQuote.always(name)): Is a directory\n"
                out.exitCode = 1
            }
        }
        return out
    }

    /// The last `count` lines, or from line `count` on with `+N` (`+0` as `+1`).
    static func lastLines(_ text: String, _ count: LineCount) -> String {
        let lines = TextLines.split(text)
        if count.fromStart { return lines.dropFirst(max(count.value - 1, 0)).joined() }
        return lines.suffix(count.value).joined()
    }
}
