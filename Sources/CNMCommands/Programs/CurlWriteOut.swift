/// `curl -w FORMAT` (curl's src/tool_writeout.c): `%{variable}` replaced by the transfer's values,
/// `\n`, `\r`, `\t` and `%%` unescaped. Only variables whose value the simulation knows exactly are
/// provided; timings and speeds are not simulated.
enum CurlWriteOut {
    static let known: Set<String> = ["http_code", "response_code", "remote_ip", "remote_port", "size_download",
                                     "content_type", "url_effective", "num_connects", "exitcode", "method"]

    /// The first `%{name}` cnmlab cannot fill, if any.
    static func unsupported(_ format: String) -> String? {
        var rest = Substring(format)
        while let r = rest.range(of: "%{") {
            let after = rest[r.upperBound...]
            guard let close = after.firstIndex(of: "}") else { return nil }
            let name = String(after[..<close])
            if !known.contains(name) { return name }
            rest = after[after.index(after: close)...]
        }
        return nil
    }

    /// The variables whose values after a failed transfer are certain (curl-7_88_1 src/tool_writeout.c:
    /// `writeLong` prints the response code as `%03ld`, so no response is `000`; a string the transfer
    /// never got prints nothing). nil when the format asks for one whose value depends on how far the
    /// connection got (`remote_ip`, `remote_port`, `method`, `num_connects`).
    static func renderFailed(_ format: String, exitCode: Int32, url: String) -> String? {
        let uncertain: Set<String> = ["remote_ip", "remote_port", "method", "num_connects"]
        var rest = Substring(format)
        while let r = rest.range(of: "%{") {
            let after = rest[r.upperBound...]
            guard let close = after.firstIndex(of: "}") else { break }
            if uncertain.contains(String(after[..<close])) { return nil }
            rest = after[after.index(after: close)...]
        }
        return render(format, values: ["http_code": "000", "response_code": "000", "size_download": "0",
                                       "content_type": "", "url_effective": url,
                                       "exitcode": String(exitCode)])
    }

    static func render(_ format: String, values: [String: String]) -> String {
        var out = ""
        var chars = Array(format)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch == "%", i + 1 < chars.count {
                if chars[i + 1] == "%" { out.append("%"); i += 2; continue }
                if chars[i + 1] == "{", let close = chars[(i + 2)...].firstIndex(of: "}") {
                    let name = String(chars[(i + 2)..<close])
                    out += values[name] ?? ""
                    i = close + 1
                    continue
                }
            }
            if ch == "\\", i + 1 < chars.count {
                switch chars[i + 1] {
                case "n": out.append("\n"); i += 2; continue
                case "r": out.append("\r"); i += 2; continue
                case "t": out.append("\t"); i += 2; continue
                default: break
                }
            }
            out.append(ch)
            i += 1
        }
        chars = []
        return out
    }
}
