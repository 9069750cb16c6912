/// Fills `{0}`, `{1}`… in a message template with arguments, in one pass, so an
/// argument that itself contains `{1}` stays as it is. Every message table of
/// cnmlab (labs, grading, `why`) formats its sentences with this.
public enum PlaceholderText {
    public static func fill(_ template: String, _ args: [String]) -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "{", i + 2 < chars.count, chars[i + 2] == "}",
               let n = chars[i + 1].wholeNumberValue, n < args.count {
                out += args[n]
                i += 3
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}
