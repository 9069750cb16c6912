/// What `hashicorp/http-echo` was told to answer: `-text=…` or `-text …` (Go's flag package also
/// takes `--text`), else the `ECHO_TEXT` variable; nil when neither is set, and the server exits 127.
///
/// Source: hashicorp/http-echo v1.0.0 main.go (the `-text` flag, `ECHO_TEXT`, `-listen` default `:5678`).
public enum EchoServer {
    public static func text(of c: Container) -> String? {
        let args = c.args
        var i = 0
        while i < args.count {
            let a = args[i]
            for flag in ["-text", "--text"] {
                if a.hasPrefix(flag + "=") { let v = String(a.dropFirst(flag.count + 1)); return v.isEmpty ? env(c) : v }
                if a == flag, i + 1 < args.count { return args[i + 1].isEmpty ? env(c) : args[i + 1] }
            }
            i += 1
        }
        return env(c)
    }

    static func env(_ c: Container) -> String? {
        for e in c.env where e.hasPrefix("ECHO_TEXT=") {
            let v = String(e.dropFirst("ECHO_TEXT=".count))
            return v.isEmpty ? nil : v
        }
        return nil
    }

    /// Go's `log` package prefix (`log.LstdFlags`): `2025/06/01 10:00:00 `, in the container's UTC.
    public static func goLogStamp(_ t: SimTime) -> String {
        let c = t.components
        return "\(c.year)/\(ImageLogs.two(c.month))/\(ImageLogs.two(c.day)) \(ImageLogs.two(c.hour)):\(ImageLogs.two(c.minute)):\(ImageLogs.two(c.second))"
    }
}
