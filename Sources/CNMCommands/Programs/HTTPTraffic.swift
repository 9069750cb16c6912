import CNMSim

/// The request a client puts on the wire, for counting its bytes on the rules the
/// connection meets (`TrafficExchange`): the request line and headers each tool sends.
enum HTTPRequestText {
    /// `Host:` carries the port when it is not the scheme's default.
    static func host(_ u: (scheme: String, host: String, port: Int, path: String)) -> String {
        u.port == (u.scheme == "https" ? 443 : 80) ? u.host : "\(u.host):\(u.port)"
    }

    /// curl's default request: method, Host, User-Agent (`CurlTrace.userAgent`), Accept.
    static func curl(_ u: (scheme: String, host: String, port: Int, path: String), userAgent: String, head: Bool) -> Int {
        let text = "\(head ? "HEAD" : "GET") \(u.path) HTTP/1.1\r\nHost: \(host(u))\r\nUser-Agent: \(userAgent)\r\nAccept: */*\r\n\r\n"
        return text.utf8.count
    }

    /// busybox 1.36 wget's request (`networking/wget.c`): Host, `User-Agent: Wget`, `Connection: close`.
    static func busyboxWget(_ u: (scheme: String, host: String, port: Int, path: String)) -> Int {
        let text = "GET \(u.path) HTTP/1.1\r\nHost: \(host(u))\r\nUser-Agent: Wget\r\nConnection: close\r\n\r\n"
        return text.utf8.count
    }
}

extension Connectivity {
    /// Counts an HTTP request and its response on a connection `TCPOutcome.attempt` opened (and counted).
    static func countHTTP(_ ctx: inout ProgramContext, _ r: PathResult, request: Int, response: Int) {
        count(&ctx, r, as: .tcpData(request: request, response: response))
    }
}
