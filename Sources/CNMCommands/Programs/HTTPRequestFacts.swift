import CNMSim

/// One HTTP request as it reaches a server: what the client (or a proxy in between) sent, and from
/// where. The backends that echo requests (`traefik/whoami`) print it back; the proxies rewrite it.
struct HTTPRequestFacts {
    var method: String
    /// The request target (`/`, `/a?b=1`).
    var path: String
    /// The `Host` header's value.
    var host: String
    /// The headers after `Host`, in the order sent (`User-Agent`, `Accept`, `Cookie`…).
    var headers: [(String, String)]
    /// The address and port the server sees the connection come from.
    var client: IPv4Address
    var clientPort: Int

    /// The first value of a header, names compared without case.
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// A cookie's value from the `Cookie` header(s).
    func cookie(_ name: String) -> String? {
        for (k, v) in headers where k.lowercased() == "cookie" {
            for part in v.split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
                if kv.count == 2, kv[0] == name { return kv[1] }
            }
        }
        return nil
    }

    /// An ephemeral source port (Linux `ip_local_port_range` 32768–60999), drawn from the seed.
    static func ephemeralPort(_ engine: inout Engine) -> Int {
        32768 + Int(engine.rng.next() % 28232)
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
