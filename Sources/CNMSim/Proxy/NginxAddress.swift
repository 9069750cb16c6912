/// Splits nginx's `host[:port]` (as in `server web1:8080;` or `proxy_pass http://web1:8080/path;`)
/// into the host and the port, when one is written. A port that is not a number makes the port
/// invalid (0), so that the caller reports `invalid port`.
///
/// Source: nginx release-1.27.5 `src/core/ngx_inet.c` (`ngx_parse_inet_url`).
enum NginxAddress {
    static func split(_ url: String) -> (host: String, port: Int?) {
        let hostPort = url.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
        guard let colon = hostPort.lastIndex(of: ":") else { return (hostPort, nil) }
        let host = String(hostPort[..<colon])
        let portText = String(hostPort[hostPort.index(after: colon)...])
        return (host, NginxNumber.atoi(portText) ?? 0)
    }

    /// The `host[:port]` of a `proxy_pass` URL (`http://backend/api` → `backend`) and its scheme's port.
    static func target(ofURL url: String) -> (hostPort: String, defaultPort: Int) {
        let lower = url.lowercased()
        let https = lower.hasPrefix("https://")
        let rest = url.dropFirst(https ? 8 : (lower.hasPrefix("http://") ? 7 : 0))
        let hostPort = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return (hostPort, https ? 443 : 80)
    }
}
