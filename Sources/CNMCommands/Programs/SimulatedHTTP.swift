import CNMSim

/// What the simulated web servers answer: nginx's welcome page, httpd's
/// "It works!", traefik's 404 — each with the real server's headers and nothing
/// more. To see which container answered, run `traefik/whoami` backends (`BackendHTTP`).
enum SimulatedHTTP {
    static let nginxVersion = "nginx/1.27.5"
    static let nginxWelcome = """
    <!DOCTYPE html>
    <html>
    <head>
    <title>Welcome to nginx!</title>
    <style>
    html { color-scheme: light dark; }
    body { width: 35em; margin: 0 auto;
    font-family: Tahoma, Verdana, Arial, sans-serif; }
    </style>
    </head>
    <body>
    <h1>Welcome to nginx!</h1>
    <p>If you see this page, the nginx web server is successfully installed and
    working. Further configuration is required.</p>

    <p>For online documentation and support please refer to
    <a href="http://nginx.org/">nginx.org</a>.<br/>
    Commercial support is available at
    <a href="http://nginx.com/">nginx.com</a>.</p>

    <p><em>Thank you for using nginx.</em></p>
    </body>
    </html>

    """
    static let nginx404 = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>\(nginxVersion)</center>\r\n</body>\r\n</html>\r\n"
    static let httpdWorks = "<html><body><h1>It works!</h1></body></html>\n"
    static let httpd404 = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n"

    struct Response {
        var status: String
        var headers: [(String, String)]
        var body: String
    }

    /// RFC 1123 date of the simulated clock (`Sun, 01 Jun 2025 10:00:00 GMT`).
    static func httpDate(_ t: SimTime) -> String {
        let stamp = IptablesListing.ctime(t)  // `Sun Jun  1 10:00:00 2025`
        let parts = stamp.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 5 else { return stamp }
        let day = parts[2].count == 1 ? "0" + parts[2] : String(parts[2])
        return "\(parts[0]), \(day) \(parts[1]) \(parts[4]) \(parts[3]) GMT"
    }

    static func respond(image: Image, path: String, at time: SimTime) -> Response {
        let date = httpDate(time)
        let ok = path == "/" || path == "/index.html" || path.isEmpty
        switch image.repository {
        case "httpd":
            let body = ok ? httpdWorks : httpd404
            var h: [(String, String)] = [("Date", date), ("Server", "Apache/2.4.63 (Unix)")]
            if ok { h += [("Last-Modified", "Mon, 11 Jun 2007 18:53:14 GMT"), ("ETag", "\"2d-432a5e4a73a80\""), ("Accept-Ranges", "bytes")] }
            h += [("Content-Length", "\(body.utf8.count)"), ("Content-Type", ok ? "text/html" : "text/html; charset=iso-8859-1")]
            return Response(status: ok ? "200 OK" : "404 Not Found", headers: h, body: body)
        case "traefik":
            let body = "404 page not found\n"
            return Response(status: "404 Not Found", headers: [("Content-Type", "text/plain; charset=utf-8"), ("X-Content-Type-Options", "nosniff"),
                                                               ("Date", date), ("Content-Length", "\(body.utf8.count)")], body: body)
        default:
            let body = ok ? nginxWelcome : nginx404
            var h: [(String, String)] = [("Server", nginxVersion), ("Date", date), ("Content-Type", "text/html"), ("Content-Length", "\(body.utf8.count)")]
            if ok { h += [("Last-Modified", "Wed, 16 Apr 2025 12:01:11 GMT")] }
            h += [("Connection", "keep-alive")]
            if ok { h += [("ETag", "\"67ff9c07-267\""), ("Accept-Ranges", "bytes")] }
            return Response(status: ok ? "200 OK" : "404 Not Found", headers: h, body: body)
        }
    }

    /// The URL as curl reports it after normalising (`web` → `http://web/`).
    static func effectiveURL(_ url: String) -> String {
        var u = url.contains("://") ? url : "http://" + url
        if let schemeEnd = u.range(of: "://"), !u[schemeEnd.upperBound...].contains("/") { u += "/" }
        return u
    }

    /// `http://host:port/path` → (host, port, path); nil for anything else.
    static func parseURL(_ url: String) -> (scheme: String, host: String, port: Int, path: String)? {
        var rest = Substring(url)
        var scheme = "http"
        if let r = rest.range(of: "://") {
            scheme = rest[..<r.lowerBound].lowercased()
            rest = rest[r.upperBound...]
        }
        guard scheme == "http" || scheme == "https" else { return nil }
        var path = "/"
        if let slash = rest.firstIndex(of: "/") { path = String(rest[slash...]); rest = rest[..<slash] }
        var port = scheme == "https" ? 443 : 80
        var host = String(rest)
        if let colon = rest.lastIndex(of: ":") {
            guard let p = Int(rest[rest.index(after: colon)...]), p > 0, p <= 65535 else { return nil }
            port = p
            host = String(rest[..<colon])
        }
        guard !host.isEmpty else { return nil }
        return (scheme, host, port, path)
    }
}

/// The outcome of a TCP connection attempt, as the network programs report it.
enum TCPOutcome {
    case connected(PathResult, Container?, ServiceListener)
    case refused
    case timedOut
    case unreachable
    case noRouteToHost
    case reset
    case outside

    /// `connectTimeout`: the seconds after which the client gives up (it stops sending SYNs then).
    static func attempt(_ ctx: inout ProgramContext, ip: IPv4Address, port: Int, from site: NetSite? = nil,
                        connectTimeout: Int? = nil) -> TCPOutcome {
        let r = Connectivity.trace(&ctx, to: ip, proto: "tcp", port: port, from: site,
                                   exchange: .tcp(request: 0, response: 0, giveUpAfter: connectTimeout))
        switch r.verdict {
        case .delivered(.outside, _, _), .delivered(.remote, _, _): return .outside
        case .delivered(_, _, let service?):
            return .connected(r, Connectivity.server(r, ctx.engine), service)
        case .delivered: return .outside
        case .refused, .rejected: return .refused
        case .proxyBackendFailed: return .reset
        case .networkUnreachable: return .unreachable
        case .dropped: return .timedOut
        case .noHost, .handoff: return .noRouteToHost
        }
    }
}
