/// `head [-n [-]N | -N] [-q|-v] [FILE…]`: the first lines (10 by default) of each file of the site
/// it runs on, or of standard input (`-`, or no file). `-n -N` prints all but the last N lines.
///
/// Two implementations, as the images carry them:
/// - GNU coreutils 9.1 `src/head.c` (the Debian 12 host, Debian-based images): a header
///   `==> NAME <==` before each file when there are several, a blank line before every header but
///   the first one printed; a missing file gets `head: cannot open 'a' for reading: …` and no
///   header; a folder gets its header, then `head: error reading 'd': Is a directory`.
/// - busybox 1_36_1 `coreutils/head.c` (busybox and Alpine images): the same headers, but the
///   blank line goes before every header after the first file named, printed or not; a missing
///   file is `head: a: No such file or directory`. A folder is not simulated there (what it prints
///   depends on the C library's error text).
/// Both exit 1 when a file could not be read. `-c` and size suffixes are not simulated.
enum HeadProgram: SimulatedProgram {
    static let names = ["head"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let busybox = ctx.busybox
        let options: HeadTailOptions
        switch HeadTailOptions.parse(args, program: "head", busybox: busybox) {
        case .success(let o): options = o
        case .failure(.notSimulated(let what)): return NotSimulated.feature(what)
        case .failure(.invalidCount(let text)):
            return .fail(busybox ? "head: invalid number '\(text)'\n" : "head: invalid number of lines: '\(text)'\n")
        case .failure(.invalidContext(let digit)):
            // GNU tail: getopt meets the digit of an old-style `-N` given with several files.
            return .fail("head: option used in invalid context -- \(digit)\n")
        }
        let count = options.count ?? LineCount("10")!
        let operands = options.operands.isEmpty ? ["-"] : options.operands
        let headers = options.headers ?? (operands.count > 1)
        var out = CommandOutput()
        var blankBefore = false
        for name in operands {
            let input = ctx.readOperand(name)
            let shown = name == "-" ? "standard input" : name
            switch input {
            case .missing, .nameTooLong:
                out.stderr += busybox ? "head: \(name): \(input.reason)\n"
                    : "head: cannot open \(CoreutilsQuote.always(name)) for reading: \(input.reason)\n"
                out.exitCode = 1
                if busybox { blankBefore = true }
                continue
            case .directory where busybox:
                return NotSimulated.feature("busybox head on a folder")
            default: break
            }
            if headers {
                out.stdout += (blankBefore ? "\n" : "") + "==> \(shown) <==\n"
            }
            blankBefore = true
            switch input {
            case .text(let text):
                let lines = TextLines.split(text)
                let kept = count.negative ? lines.dropLast(min(count.value, lines.count)) : lines.prefix(count.value)
                out.stdout += kept.joined()
            default:
                out.stderr += "head: error reading \(CoreutilsQuote.always(name)): Is a directory\n"
                out.exitCode = 1
            }
        }
        return out
    }
}
