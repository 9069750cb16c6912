#if canImport(Foundation)
import Foundation
#endif

/// Go `strconv.FormatFloat` for the forms templates and JSON need: shortest
/// round-trip digits (`'g'`, `'e'`, `'f'` with precision -1) plus fixed
/// precisions (delegated to C `printf`, which rounds exactly like Go).
public enum GoFloat {
    /// Shortest decimal digits `d` and decimal point position `dp`: value = 0.d × 10^dp.
    struct Digits { var digits: [UInt8]; var dp: Int }

    static func shortest(_ x: Double) -> Digits {
        let text = x.magnitude.description   // Swift prints shortest round-trip digits.
        var mantissa = Substring(text)
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[text.startIndex..<e]
            exp = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
        }
        var intPart = mantissa
        var frac: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[mantissa.startIndex..<dot]
            frac = mantissa[mantissa.index(after: dot)...]
        }
        var digits = Array((intPart + frac).utf8).map { $0 &- 48 }
        var dp = intPart.count + exp
        while let f = digits.first, f == 0 { digits.removeFirst(); dp -= 1 }
        while let l = digits.last, l == 0 { digits.removeLast() }
        if digits.isEmpty { dp = 0 }
        return Digits(digits: digits, dp: dp)
    }

    static func special(_ x: Double) -> String? {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-Inf" : "+Inf" }
        return nil
    }

    static func digitString(_ d: ArraySlice<UInt8>) -> String {
        String(decoding: d.map { $0 &+ 48 }, as: UTF8.self)
    }

    static func expString(_ e: Int, _ letter: Character) -> String {
        let mag = e < 0 ? -e : e
        return String(letter) + (e < 0 ? "-" : "+") + (mag < 10 ? "0" : "") + String(mag)
    }

    /// `strconv.FormatFloat(x, 'e', -1, 64)`.
    static func shortestE(_ d: Digits, neg: Bool, letter: Character = "e") -> String {
        var s = neg ? "-" : ""
        if d.digits.isEmpty { return s + "0" + expString(0, letter) }
        s += String(UnicodeScalar(d.digits[0] &+ 48))
        if d.digits.count > 1 { s += "." + digitString(d.digits[1...]) }
        return s + expString(d.dp - 1, letter)
    }

    /// `strconv.FormatFloat(x, 'f', -1, 64)`.
    static func shortestF(_ d: Digits, neg: Bool) -> String {
        var s = neg ? "-" : ""
        let n = d.digits.count
        if n == 0 { return s + "0" }
        if d.dp <= 0 {
            s += "0." + String(repeating: "0", count: -d.dp) + digitString(d.digits[...])
        } else if d.dp >= n {
            s += digitString(d.digits[...]) + String(repeating: "0", count: d.dp - n)
        } else {
            s += digitString(d.digits[0..<d.dp]) + "." + digitString(d.digits[d.dp...])
        }
        return s
    }

    /// Go `%v` / `strconv.FormatFloat(x, 'g', -1, 64)`: `1`, `0.5`, `1e+06`, `1e-05`.
    public static func formatG(_ x: Double, upper: Bool = false) -> String {
        if let s = special(x) { return s }
        let d = shortest(x)
        let neg = x.sign == .minus
        let exp = d.dp - 1
        if !d.digits.isEmpty && (exp < -4 || exp >= 6) {
            return shortestE(d, neg: neg, letter: upper ? "E" : "e")
        }
        return shortestF(d, neg: neg)
    }

    /// Go `encoding/json` float encoding: `'f'` unless |x| < 1e-6 or >= 1e21, and `e-07` → `e-7`.
    public static func formatJSON(_ x: Double) -> String {
        let a = x.magnitude
        let d = shortest(x)
        let neg = x.sign == .minus
        if a != 0 && (a < 1e-6 || a >= 1e21) {
            var s = shortestE(d, neg: neg)
            if let r = s.range(of: "e-0") { s.replaceSubrange(r, with: "e-") }
            return s
        }
        return shortestF(d, neg: neg)
    }

    /// A fixed-precision `%e`, `%f` or `%g` (C and Go agree on these).
    static func formatFixed(_ x: Double, verb: Character, precision: Int) -> String {
        if let s = special(x) { return s }
        let p = min(max(precision, 0), 200)
        #if canImport(Foundation)
        let s = String(format: "%.\(p)\(verb)", x)
        return s
        #else
        return formatG(x)
        #endif
    }
}
