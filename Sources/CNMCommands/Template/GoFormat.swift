import CNMSim

/// Go `fmt` rendering of `TemplateValue`s: `%v` (what a template action prints),
/// `fmt.Sprint`, `fmt.Sprintln` and `fmt.Sprintf` with Go's verbs, flags,
/// widths, precisions and its in-band error forms (`%!d(string=x)`,
/// `%!v(MISSING)`, `%!(EXTRA string=x)`).
public enum GoFormat {
    /// `fmt.Sprint(v)`: `%v` of one value, e.g. `{172.17.0.0/16  172.17.0.1 map[]}`.
    public static func value(_ v: TemplateValue) -> String {
        var p = GoPrinter()
        p.printArg(v, "v")
        return p.buf
    }

    /// `fmt.Sprint(args...)`: spaces only between operands when neither is a string.
    public static func sprint(_ args: [TemplateValue]) -> String {
        var p = GoPrinter()
        var prevString = false
        for (i, a) in args.enumerated() {
            let isString: Bool
            if case .string = a { isString = true } else { isString = false }
            if i > 0 && !isString && !prevString { p.buf += " " }
            p.printArg(a, "v")
            prevString = isString
        }
        return p.buf
    }

    /// `fmt.Sprintln(args...)`: operands separated by spaces, newline appended.
    public static func sprintln(_ args: [TemplateValue]) -> String {
        var p = GoPrinter()
        for (i, a) in args.enumerated() {
            if i > 0 { p.buf += " " }
            p.printArg(a, "v")
        }
        p.buf += "\n"
        return p.buf
    }

    /// `fmt.Sprintf(format, args...)`.
    public static func sprintf(_ format: String, _ args: [TemplateValue]) -> String {
        var p = GoPrinter()
        p.doPrintf(Array(format.unicodeScalars), args)
        return p.buf
    }

    /// `strconv.Quote(s)` (or `QuoteASCII` when `asciiOnly`).
    public static func quote(_ s: String, asciiOnly: Bool = false) -> String {
        if !asciiOnly { return GoQuote.quote(s) }
        var out = "\""
        for r in s.unicodeScalars { appendEscaped(&out, r, quote: "\"", asciiOnly: asciiOnly) }
        out += "\""
        return out
    }

    static func quoteRune(_ r: Unicode.Scalar, asciiOnly: Bool = false) -> String {
        var out = "'"
        appendEscaped(&out, r, quote: "'", asciiOnly: asciiOnly)
        out += "'"
        return out
    }

    static func hex(_ v: UInt32, width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func appendEscaped(_ out: inout String, _ r: Unicode.Scalar, quote: Unicode.Scalar, asciiOnly: Bool) {
        if r == quote || r == "\\" { out += "\\"; out.unicodeScalars.append(r); return }
        if asciiOnly {
            if r.value < 0x80 && isPrint(r) { out.unicodeScalars.append(r); return }
        } else if isPrint(r) {
            out.unicodeScalars.append(r); return
        }
        switch r {
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        default:
            if r.value < 0x20 || r.value == 0x7f {
                out += "\\x" + hex(r.value, width: 2)
            } else if r.value < 0x10000 {
                out += "\\u" + hex(r.value, width: 4)
            } else {
                out += "\\U" + hex(r.value, width: 8)
            }
        }
    }

    /// Go `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    static func isPrint(_ r: Unicode.Scalar) -> Bool {
        if r.value < 0x80 { return r.value >= 0x20 && r.value < 0x7f }
        switch r.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .surrogate,
             .privateUse, .unassigned:
            return false
        default:
            return true
        }
    }

    /// `strconv.CanBackquote`.
    static func canBackquote(_ s: String) -> Bool {
        for r in s.unicodeScalars {
            if r == "`" || r == "\u{FEFF}" { return false }
            if r.value < 0x20 && r != "\t" { return false }
            if r.value == 0x7f { return false }
        }
        return true
    }
}

/// Go's `fmt.pp` state for one formatting call.
struct GoPrinter {
    var buf = ""
    var plus = false, minus = false, sharp = false, space = false, zero = false
    var plusV = false, sharpV = false
    var wid = 0, widPresent = false
    var prec = 0, precPresent = false

    mutating func clearFlags() {
        plus = false; minus = false; sharp = false; space = false; zero = false
        plusV = false; sharpV = false
        wid = 0; widPresent = false; prec = 0; precPresent = false
    }

    // MARK: padding

    mutating func writePadding(_ n: Int) {
        if n <= 0 { return }
        buf += String(repeating: zero && !minus ? "0" : " ", count: min(n, 1 << 20))
    }

    mutating func pad(_ s: String) {
        if !widPresent || wid == 0 { buf += s; return }
        let width = wid - s.unicodeScalars.count
        if !minus {
            writePadding(width); buf += s
        } else {
            buf += s
            let z = zero; zero = false
            writePadding(width)
            zero = z
        }
    }

    // MARK: arguments

    mutating func printArg(_ arg: TemplateValue, _ verb: Unicode.Scalar) {
        if case .null = arg {
            if verb == "T" || verb == "v" { pad("<nil>") } else { badVerb(verb, arg) }
            return
        }
        if verb == "T" { pad(arg.goTypeName); return }
        printValue(arg, verb, depth: 0)
    }

    mutating func printValue(_ v: TemplateValue, _ verb: Unicode.Scalar, depth: Int) {
        switch v {
        case .null:
            if verb == "v" || depth > 0 { pad("<nil>") } else { badVerb(verb, v) }
        case .bool(let b):
            if verb == "t" || verb == "v" { pad(b ? "true" : "false") } else { badVerb(verb, v) }
        case .int(let i):
            fmtInteger(UInt64(bitPattern: i), signed: true, verb: verb, arg: v)
        case .uint(let u):
            fmtInteger(u, signed: false, verb: verb, arg: v)
        case .float(let f):
            fmtFloat(f, verb: verb, arg: v)
        case .string(let s):
            fmtString(s, verb: verb, arg: v)
        case .time(let t):
            // time.Time is a fmt.Stringer.
            switch verb {
            case "v", "s", "x", "X", "q": fmtString(GoTime.string(t), verb: verb == "v" ? "s" : verb, arg: v)
            default: badVerb(verb, v)
            }
        case .list(let items, _):
            buf += "["
            for (i, e) in items.enumerated() {
                if i > 0 { buf += " " }
                printValue(e, verb, depth: depth + 1)
            }
            buf += "]"
        case .map(let m, _, _):
            buf += "map["
            for (i, (k, e)) in TemplateValue.sortedEntries(m).enumerated() {
                if i > 0 { buf += " " }
                printValue(.string(k), verb, depth: depth + 1)
                buf += ":"
                printValue(e, verb, depth: depth + 1)
            }
            buf += "]"
        case .structure(let s):
            buf += "{"
            for (i, f) in s.fields.enumerated() {
                if i > 0 { buf += " " }
                if plusV || sharpV { buf += f.name + ":" }
                printValue(f.value, verb, depth: depth + 1)
            }
            buf += "}"
        }
    }

    mutating func badVerb(_ verb: Unicode.Scalar, _ arg: TemplateValue) {
        buf += "%!"
        buf.unicodeScalars.append(verb)
        buf += "("
        if case .null = arg {
            buf += "<nil>"
        } else {
            buf += arg.goTypeName + "="
            printArg(arg, "v")
        }
        buf += ")"
    }

    // MARK: integers

    mutating func fmtInteger(_ value: UInt64, signed: Bool, verb: Unicode.Scalar, arg: TemplateValue) {
        switch verb {
        case "v", "d": integer(value, base: 10, signed: signed, verb: verb, upper: false)
        case "b": integer(value, base: 2, signed: signed, verb: verb, upper: false)
        case "o", "O": integer(value, base: 8, signed: signed, verb: verb, upper: false)
        case "x": integer(value, base: 16, signed: signed, verb: verb, upper: false)
        case "X": integer(value, base: 16, signed: signed, verb: verb, upper: true)
        case "c":
            let r = (signed && Int64(bitPattern: value) < 0) || value > 0x10FFFF ? nil : Unicode.Scalar(UInt32(value))
            pad(String(r ?? "\u{FFFD}"))
        case "q":
            let r = (signed && Int64(bitPattern: value) < 0) || value > 0x10FFFF ? nil : Unicode.Scalar(UInt32(value))
            pad(GoFormat.quoteRune(r ?? "\u{FFFD}", asciiOnly: plus))
        case "U":
            var s = "U+" + GoFormat.hex(UInt32(truncatingIfNeeded: value), width: 4).uppercased()
            if value > 0xFFFF_FFFF { s = "U+" + String(value, radix: 16).uppercased() }
            if sharp, value <= 0x10FFFF, let r = Unicode.Scalar(UInt32(value)), GoFormat.isPrint(r) {
                s += " '" + String(r) + "'"
            }
            pad(s)
        default: badVerb(verb, arg)
        }
    }

    mutating func integer(_ value: UInt64, base: UInt64, signed: Bool, verb: Unicode.Scalar, upper: Bool) {
        let negative = signed && Int64(bitPattern: value) < 0
        var u = value
        if negative { u = 0 &- u }
        var precision = 0
        if precPresent {
            precision = prec
            if precision == 0 && u == 0 {
                let z = zero; zero = false
                writePadding(wid)
                zero = z
                return
            }
        } else if zero && !minus && widPresent {
            precision = wid
            if negative || plus || space { precision -= 1 }
        }
        var digits = String(u, radix: Int(base), uppercase: upper)
        if digits.count < precision { digits = String(repeating: "0", count: min(precision - digits.count, 1 << 20)) + digits }
        if sharp {
            switch base {
            case 2: digits = "0b" + digits
            case 8: if !digits.hasPrefix("0") { digits = "0" + digits }
            case 16: digits = (upper ? "0X" : "0x") + digits
            default: break
            }
        }
        if verb == "O" { digits = "0o" + digits }
        if negative { digits = "-" + digits } else if plus { digits = "+" + digits } else if space { digits = " " + digits }
        let z = zero; zero = false
        pad(digits)
        zero = z
    }

    // MARK: floats

    mutating func fmtFloat(_ f: Double, verb: Unicode.Scalar, arg: TemplateValue) {
        var num: String
        switch verb {
        case "v", "g", "G":
            if precPresent {
                num = GoFloat.formatFixed(f, verb: verb == "G" ? "G" : "g", precision: prec)
            } else {
                num = GoFloat.formatG(f, upper: verb == "G")
            }
        case "e", "E", "f", "F":
            let c: Character = verb == "F" ? "f" : Character(verb)
            num = GoFloat.formatFixed(f, verb: c, precision: precPresent ? prec : 6)
        default:
            badVerb(verb, arg); return
        }
        if f.isInfinite || f.isNaN {
            var n = f.isNaN ? "+NaN" : (f < 0 ? "-Inf" : "+Inf")
            if space && n.hasPrefix("+") && !plus { n = " " + n.dropFirst() }
            if f.isNaN && !space && !plus { n = "NaN" }
            let z = zero; zero = false
            pad(n)
            zero = z
            return
        }
        var sign = ""
        if num.hasPrefix("-") { sign = "-"; num.removeFirst() } else if plus { sign = "+" } else if space { sign = " " }
        if zero && !minus && widPresent && wid > sign.count + num.count {
            buf += sign
            buf += String(repeating: "0", count: min(wid - sign.count - num.count, 1 << 20))
            buf += num
            return
        }
        pad(sign + num)
    }

    // MARK: strings

    mutating func truncated(_ s: String) -> String {
        if precPresent && prec < s.unicodeScalars.count {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: s.unicodeScalars.prefix(max(prec, 0)))
            return String(out)
        }
        return s
    }

    mutating func fmtString(_ s: String, verb: Unicode.Scalar, arg: TemplateValue) {
        switch verb {
        case "v":
            if sharpV { pad(GoFormat.quote(truncated(s))) } else { pad(truncated(s)) }
        case "s": pad(truncated(s))
        case "q":
            let t = truncated(s)
            if sharp && GoFormat.canBackquote(t) { pad("`" + t + "`") } else { pad(GoFormat.quote(t, asciiOnly: plus)) }
        case "x", "X":
            var bytes = Array(s.utf8)
            if precPresent && prec < bytes.count { bytes = Array(bytes.prefix(max(prec, 0))) }
            var out = ""
            for (i, b) in bytes.enumerated() {
                if space && i > 0 { out += " " }
                if sharp && (space || i == 0) { out += verb == "X" ? "0X" : "0x" }
                let h = GoFormat.hex(UInt32(b), width: 2)
                out += verb == "X" ? h.uppercased() : h
            }
            pad(out)
        default: badVerb(verb, arg)
        }
    }

    // MARK: Printf

    /// Parses a decimal number at `i`; Go's `parsenum` (gives up above 1e6).
    static func parseNum(_ f: [Unicode.Scalar], _ start: Int) -> (num: Int, present: Bool, next: Int) {
        var i = start
        var num = 0
        var present = false
        while i < f.count, f[i].value >= 48, f[i].value <= 57 {
            let d = f[i]
            if num > 1_000_000 { return (0, false, f.count) }
            num = num * 10 + Int(d.value - 48)
            present = true
            i += 1
        }
        return (num, present, i)
    }

    mutating func doPrintf(_ f: [Unicode.Scalar], _ a: [TemplateValue]) {
        let end = f.count
        var argNum = 0
        var afterIndex = false
        var reordered = false
        var goodArgNum = true
        var i = 0

        func argNumber(_ argNum: Int, _ i: Int) -> (Int, Int, Bool, Bool) {
            // Returns (argNum, i, found, ok)
            guard i < end, f[i] == "[" else { return (argNum, i, false, true) }
            reordered = true
            var j = i + 1
            while j < end && f[j] != "]" { j += 1 }
            if j >= end { return (argNum, i + 1, false, false) }
            let (n, present, next) = GoPrinter.parseNum(f, i + 1)
            if !present || next != j { return (argNum, j + 1, false, false) }
            let idx = n - 1
            if idx >= 0 && idx < a.count { return (idx, j + 1, true, true) }
            return (argNum, j + 1, true, false)
        }

        while i < end {
            goodArgNum = true
            let lasti = i
            while i < end && f[i] != "%" { i += 1 }
            if i > lasti { buf.unicodeScalars.append(contentsOf: f[lasti..<i]) }
            if i >= end { break }
            i += 1
            clearFlags()
            flags: while i < end {
                switch f[i] {
                case "#": sharp = true
                case "0": zero = !minus
                case "+": plus = true
                case "-": minus = true; zero = false
                case " ": space = true
                default: break flags
                }
                i += 1
            }
            var r = argNumber(argNum, i)
            argNum = r.0; i = r.1; afterIndex = r.2; if !r.3 { goodArgNum = false }
            if i < end && f[i] == "*" {
                i += 1
                if argNum < a.count, case .int(let n) = a[argNum] {
                    wid = Int(clamping: n); widPresent = true
                    if wid < 0 { minus = true; zero = false; wid = -wid }
                    if wid > 1_000_000 { widPresent = false; wid = 0; buf += "%!(BADWIDTH)" }
                } else {
                    buf += "%!(BADWIDTH)"
                }
                argNum += 1
                afterIndex = false
            } else {
                let n = GoPrinter.parseNum(f, i)
                wid = n.num; widPresent = n.present; i = n.next
                if afterIndex && widPresent { goodArgNum = false }
            }
            if i + 1 <= end && i < end && f[i] == "." {
                i += 1
                if afterIndex { goodArgNum = false }
                r = argNumber(argNum, i)
                argNum = r.0; i = r.1; afterIndex = r.2; if !r.3 { goodArgNum = false }
                if i < end && f[i] == "*" {
                    i += 1
                    if argNum < a.count, case .int(let n) = a[argNum] {
                        prec = Int(clamping: n); precPresent = true
                        if prec < 0 { prec = 0; precPresent = false }
                        if prec > 1_000_000 { precPresent = false; buf += "%!(BADPREC)" }
                    } else {
                        buf += "%!(BADPREC)"
                    }
                    argNum += 1
                    afterIndex = false
                } else {
                    let n = GoPrinter.parseNum(f, i)
                    prec = n.num; precPresent = true; i = n.next
                    if !n.present { prec = 0 }
                }
            }
            if !afterIndex {
                r = argNumber(argNum, i)
                argNum = r.0; i = r.1; afterIndex = r.2; if !r.3 { goodArgNum = false }
            }
            if i >= end { buf += "%!(NOVERB)"; break }
            let verb = f[i]
            i += 1
            if verb == "%" { buf += "%"; continue }
            if !goodArgNum { buf += "%!"; buf.unicodeScalars.append(verb); buf += "(BADINDEX)"; continue }
            if argNum >= a.count { buf += "%!"; buf.unicodeScalars.append(verb); buf += "(MISSING)"; continue }
            if verb == "v" {
                sharpV = sharp; sharp = false
                plusV = plus; plus = false
            }
            printArg(a[argNum], verb)
            argNum += 1
        }
        if !reordered && argNum < a.count {
            clearFlags()
            buf += "%!(EXTRA "
            for (k, arg) in a[argNum...].enumerated() {
                if k > 0 { buf += ", " }
                if case .null = arg { buf += "<nil>" } else {
                    buf += arg.goTypeName + "="
                    printArg(arg, "v")
                }
            }
            buf += ")"
        }
    }
}
