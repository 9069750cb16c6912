/// `printf FORMAT [ARG…]`: the format's backslash escapes (`\n`, `\t`, `\\`, `\"`, `\a`…) and the
/// conversions `%s`, `%b`, `%d`/`%i`, `%%`; the format is reused while arguments remain, and a
/// missing argument is empty (or 0), as in bash's builtin and coreutils. Widths, precisions and the
/// other conversions are not simulated.
enum PrintfProgram: SimulatedProgram {
    static let names = ["printf"]

    static func run(_ args: [String], _ ctx: inout ProgramContext) -> CommandOutput {
        guard let format = args.first else {
            return .fail("printf: usage: printf [-v var] format [arguments]\n", code: 2)
        }
        var rest = Array(args.dropFirst())
        var out = ""
        repeat {
            var used = false
            let chars = Array(format)
            var k = 0
            while k < chars.count {
                let c = chars[k]
                if c == "\\" {
                    let (text, n) = escape(chars, from: k)
                    out += text
                    k += n
                    continue
                }
                guard c == "%" else { out.append(c); k += 1; continue }
                guard k + 1 < chars.count else { out.append(c); k += 1; continue }
                let conv = chars[k + 1]
                k += 2
                switch conv {
                case "%": out += "%"
                case "s", "b", "d", "i":
                    let arg = rest.isEmpty ? nil : rest.removeFirst()
                    used = used || arg != nil
                    switch conv {
                    case "s": out += arg ?? ""
                    case "b": out += interpret(arg ?? "")
                    default:
                        guard let a = arg else { out += "0"; continue }
                        guard let n = Int(a) else {
                            return CommandOutput(stdout: out + "0", stderr: "bash: printf: \(a): invalid number\n", exitCode: 1)
                        }
                        out += String(n)
                    }
                default:
                    return NotSimulated.feature("printf's %\(conv) conversion")
                }
            }
            if !used { break }
        } while !rest.isEmpty
        return .ok(out)
    }

    /// A backslash escape at `k`: its text and how many characters it took.
    static func escape(_ chars: [Character], from k: Int) -> (String, Int) {
        guard k + 1 < chars.count else { return ("\\", 1) }
        switch chars[k + 1] {
        case "n": return ("\n", 2)
        case "t": return ("\t", 2)
        case "r": return ("\r", 2)
        case "a": return ("\u{07}", 2)
        case "b": return ("\u{08}", 2)
        case "f": return ("\u{0C}", 2)
        case "v": return ("\u{0B}", 2)
        case "e": return ("\u{1B}", 2)
        case "\\": return ("\\", 2)
        case "\"": return ("\"", 2)
        case "'": return ("'", 2)
        default: return ("\\" + String(chars[k + 1]), 2)
        }
    }

    /// `%b`: the argument's backslash escapes.
    static func interpret(_ s: String) -> String {
        let chars = Array(s)
        var out = ""
        var k = 0
        while k < chars.count {
            if chars[k] == "\\" {
                let (t, n) = escape(chars, from: k)
                out += t
                k += n
            } else {
                out.append(chars[k])
                k += 1
            }
        }
        return out
    }
}
