/// `wc [-lwmcL] [FILE…]`: lines, words, characters, bytes and the longest line's width of each file
/// of the site it runs on, or of standard input; a `total` line (the longest width, not a sum) when
/// more than one file is named. Columns come in that order whatever the order of the options
/// (lines, words and bytes by default).
///
/// - GNU coreutils 9.1 `src/wc.c` (host, Debian-based images): every column is right-aligned to
///   one width, the digits of the summed size of the regular files named (at least 7 when one of
///   them is standard input or a folder; 1 when one file and one column); a missing file prints
///   `wc: a: No such file or directory` (names quoted only when the shell would need it); a folder
///   `wc: d: Is a directory` and then a line of zeros.
/// - busybox 1_36_1 `coreutils/wc.c` (busybox, Alpine): each column `%9u` after a space, except a
///   single column of at most one file (`%u`); a missing file `wc: a: No such file or directory`.
///   A folder is not simulated there.
/// Words are runs of printable non-blank ASCII characters (C locale). The long options and
/// `-m`/`-L` (and GNU's `-w` on the host) over non-ASCII text (they depend on the locale) are not simulated.
enum WcProgram: SimulatedProgram {
    static let names = ["wc"]

    /// Lines, words, characters, bytes, longest line.
    struct Counts {
        var values = [0, 0, 0, 0, 0]
        static func of(_ text: String) -> Counts {
            var c = Counts()
            var inWord = false
            var column = 0
            for b in text.utf8 {
                c.values[3] += 1
                if b == 10 { c.values[0] += 1 }
                if b == 32 || (9...13).contains(b) {
                    c.values[1] += inWord ? 1 : 0
                    inWord = false
                } else if b > 32 && b < 127 {
                    inWord = true
                }
                // `-L`: a tab moves to the next multiple of 8, LF/CR/FF end a line, VT and the
                // other non-printable bytes take no column (both wc.c files, C locale).
                switch b {
                case 32..<127: column += 1
                case 9: column = (column | 7) + 1
                case 10, 12, 13: c.values[4] = max(c.values[4], column); column = 0
                default: break
                }
            }
            c.values[4] = max(c.values[4], column)
            c.values[1] += inWord ? 1 : 0
            c.values[2] = c.values[3]
            return c
        }
    }

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        let busybox = ctx.busybox
        var columns = Set<Int>()
        var operands: [String] = []
        var optionsDone = false
        for a in args {
            if optionsDone || a == "-" || !a.hasPrefix("-") { operands.append(a); continue }
            if a == "--" { optionsDone = true; continue }
            if busybox && !operands.isEmpty { return NotSimulated.feature("busybox wc with an option after a file") }
            for ch in a.dropFirst() {
                switch ch {
                case "l": columns.insert(0)
                case "w": columns.insert(1)
                case "m": columns.insert(2)
                case "c": columns.insert(3)
                case "L": columns.insert(4)
                default: return NotSimulated.feature("wc option \(a)")
                }
            }
        }
        if columns.isEmpty { columns = [0, 1, 3] }
        let shown = columns.sorted()
        let names = operands.isEmpty ? ["-"] : operands
        var out = CommandOutput()
        // Read every operand first; GNU sizes its columns before counting (`get_input_fstatus`).
        var inputs: [TextOperand] = []
        for name in names {
            let input = ctx.readOperand(name)
            if case .text(let text) = input, !text.utf8.allSatisfy({ $0 < 128 }),
               columns.contains(2) || columns.contains(4) || (columns.contains(1) && !busybox && ctx.container == nil) {
                return NotSimulated.feature("wc -m, -L or -w over non-ASCII text (it depends on the locale)")
            }
            if busybox, input == .directory { return NotSimulated.feature("busybox wc on a folder") }
            inputs.append(input)
        }
        var total = Counts()
        let columnWidth = width(names, inputs, columns.count)
        for (name, input) in zip(names, inputs) {
            var counts = Counts()
            switch input {
            case .text(let text):
                counts = Counts.of(text)
                for i in 0..<4 { total.values[i] += counts.values[i] }
                total.values[4] = max(total.values[4], counts.values[4])
            case .directory:
                out.stderr += "wc: \(CoreutilsQuote.ifNeeded(name)): Is a directory\n"
                out.exitCode = 1
            case .missing, .nameTooLong:
                out.stderr += "wc: \(busybox ? name : CoreutilsQuote.ifNeeded(name)): \(input.reason)\n"
                out.exitCode = 1
                continue
            }
            out.stdout += format((counts, operands.isEmpty ? nil : name), shown, busybox: busybox, width: columnWidth,
                                 single: names.count <= 1 && shown.count == 1)
        }
        if names.count > 1 {
            out.stdout += format((total, "total"), shown, busybox: busybox, width: columnWidth, single: false)
        }
        return out
    }

    /// GNU wc's `compute_number_width`: 1 for one file and one column; else the digits of the
    /// regular files' summed size, at least 7 when one input is not a regular file (standard
    /// input, which cnmlab always pipes, or a folder).
    static func width(_ names: [String], _ inputs: [TextOperand], _ columns: Int) -> Int {
        if names.count == 1 && columns == 1 { return 1 }
        var size = 0
        var minimum = 1
        for (name, input) in zip(names, inputs) {
            switch input {
            case .text(let text) where name != "-": size += text.utf8.count
            case .text, .directory: minimum = 7
            default: break
            }
        }
        return max(String(size).count, minimum)
    }

    static func format(_ line: (Counts, String?), _ shown: [Int], busybox: Bool, width: Int, single: Bool) -> String {
        let numbers = shown.map { String(line.0.values[$0]) }
        var text: String
        if busybox {
            // `start_fmt` "%9u" (or "%u" for one column of at most one file), then " %9u".
            text = numbers.enumerated().map { i, n in
                single && i == 0 ? n : (i == 0 ? "" : " ") + String(repeating: " ", count: max(9 - n.count, 0)) + n
            }.joined()
            if let name = line.1 { text += " " + name }
        } else {
            text = numbers.map { String(repeating: " ", count: max(width - $0.count, 0)) + $0 }.joined(separator: " ")
            if let name = line.1 { text += " " + (name.contains("\n") ? CoreutilsQuote.always(name) : name) }
        }
        return text + "\n"
    }
}
