/// Why a proxy refused its configuration, in the words the real program uses, and where: the file
/// and line it names (nil when the message names none, as nginx's `open() … failed` for the main file).
/// `NginxMessages` and `HaproxyMessages` turn it into the lines each program prints.
public struct ProxyConfigError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// nginx: one `[emerg]` text, ` in FILE:LINE` appended when `file` is set.
        case nginx
        /// HAProxy: `[ALERT]` lines, in the order printed (each without the `[ALERT]    (PID) : ` head).
        case haproxy(alerts: [String])
    }

    public var kind: Kind
    /// The message (nginx) or the first alert (HAProxy).
    public var message: String
    public var file: String?
    public var line: Int?

    public init(nginx message: String, file: String? = nil, line: Int? = nil) {
        kind = .nginx; self.message = message; self.file = file; self.line = line
    }

    public init(haproxy alerts: [String]) {
        kind = .haproxy(alerts: alerts); message = alerts.first ?? ""; file = nil; line = nil
    }

    /// nginx's text: `unknown directive "foo" in /etc/nginx/nginx.conf:3`.
    public var nginxText: String {
        guard let file, let line else { return message }
        return "\(message) in \(file):\(line)"
    }
}
