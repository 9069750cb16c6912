import CNMSim

/// What a backend answers to a request: `traefik/whoami` tells who it is and echoes the request,
/// `hashicorp/http-echo` answers its text; the other web servers answer as `SimulatedHTTP` says.
enum BackendHTTP {
    static func answer(_ server: Container, request: HTTPRequestFacts, engine: inout Engine) -> SimulatedHTTP.Response {
        var request = request
        // The client's source port, drawn only for the server that shows it.
        if request.clientPort == 0 && server.image.repository == "traefik/whoami" {
            request.clientPort = HTTPRequestFacts.ephemeralPort(&engine)
        }
        let date = SimulatedHTTP.httpDate(engine.clock)
        switch server.image.repository {
        case "traefik/whoami":
            // traefik/whoami app.go `whoamiHandler`: Hostname, every interface address (Go's
            // net.Interfaces: lo first), RemoteAddr, then the request as Go's `Request.Write` puts it.
            let body = whoamiBody(server, request: request, engine: engine)
            return SimulatedHTTP.Response(status: "200 OK", headers: goHeaders(date: date, length: body.utf8.count), body: body)
        case "hashicorp/http-echo":
            // hashicorp/http-echo v1.0.0 handlers.go `withAppHeaders` and main.go `httpEcho`: the text and a newline.
            let body = (EchoServer.text(of: server) ?? "") + "\n"
            return SimulatedHTTP.Response(status: "200 OK",
                                          headers: [("X-App-Name", "http-echo"), ("X-App-Version", "1.0.0")] + goHeaders(date: date, length: body.utf8.count),
                                          body: body)
        default:
            return SimulatedHTTP.respond(image: server.image, path: request.path, at: engine.clock)
        }
    }

    /// Go net/http's own headers after the handler's (server.go `extraHeader.Write`): Date,
    /// Content-Length, then the sniffed Content-Type.
    static func goHeaders(date: String, length: Int) -> [(String, String)] {
        [("Date", date), ("Content-Length", "\(length)"), ("Content-Type", "text/plain; charset=utf-8")]
    }

    static func whoamiBody(_ c: Container, request: HTTPRequestFacts, engine: Engine) -> String {
        var out = "Hostname: \(c.hostname)\n"
        out += "IP: 127.0.0.1\n"
        if !c.ipv6Disabled { out += "IP: ::1\n" }
        let endpoints = engine.endpoints(ofContainer: c).sorted { $0.interfaceIndex < $1.interfaceIndex }
        for ep in endpoints { if let ip = ep.ipv4 { out += "IP: \(ip)\n" } }
        out += "RemoteAddr: \(request.client):\(request.clientPort)\n"
        // Go's Request.Write (net/http request.go): request line with HTTP/1.1, Host, User-Agent, then
        // the other headers sorted by their canonical names, each line ending in CRLF.
        out += "\(request.method) \(request.path) HTTP/1.1\r\n"
        out += "Host: \(request.host)\r\n"
        if let ua = request.header("User-Agent") { out += "User-Agent: \(ua)\r\n" }
        let rest = request.headers.filter { !["user-agent", "host", "content-length", "transfer-encoding", "trailer"].contains($0.0.lowercased()) }
            .map { (canonicalKey($0.0), $0.1) }
        for (k, v) in rest.enumerated().sorted(by: { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }).map(\.element) {
            out += "\(k): \(v)\r\n"
        }
        out += "\r\n"
        return out
    }

    /// Go's `CanonicalMIMEHeaderKey`: the first letter and each letter after a hyphen upper case,
    /// the rest lower case (`x-real-ip` → `X-Real-Ip`).
    static func canonicalKey(_ key: String) -> String {
        var out = ""
        var upper = true
        for ch in key {
            out += upper ? ch.uppercased() : ch.lowercased()
            upper = ch == "-"
        }
        return out
    }
}
