/// A DNS query that leaves for a server off the host or off the container: the
/// packet path decides whether it gets there (a rule that drops UDP port 53, a
/// network without a way back) and the query and its answer count on the rules
/// they meet (`TrafficExchange.udp`). Queries to the embedded server at
/// 127.0.0.11 stay inside the container's namespace and meet none of the host's rules.
public enum DNSTraffic {
    /// The size of a DNS message asking for `name` (RFC 1035 §4: a 12-byte header, the question
    /// name as labels, QTYPE and QCLASS).
    static func querySize(_ name: String) -> Int {
        let labels = name.split(separator: ".", omittingEmptySubsequences: true)
        let wire = labels.reduce(1) { $0 + 1 + $1.utf8.count }
        return 12 + wire + 4
    }

    /// The size of the answer: the query plus each record with a compressed owner name
    /// (2 + type, class, TTL and length 10 + the data). The authority section of a negative
    /// answer is not modelled.
    public static func responseSize(_ name: String, _ response: DNSResponse) -> Int {
        var size = querySize(name)
        for a in response.answers {
            switch a.type {
            case .a: size += 12 + 4
            case .aaaa: size += 12 + 16
            case .ptr:
                let labels = a.data.split(separator: ".", omittingEmptySubsequences: true)
                size += 12 + labels.reduce(1) { $0 + 1 + $1.utf8.count }
            }
        }
        return size
    }

    /// Carries `name`'s query from `site` to `server` over the packet path. Returns `response` when the
    /// query and its answer got through, nil when the packet path lost them (the client times out).
    static func carry(_ name: String, response: DNSResponse, to server: IPv4Address, from site: NetSite,
                      engine: inout Engine) -> DNSResponse? {
        engine.syncFirewall()
        let r = PacketPath(engine: engine).trace(from: site, to: server, proto: "udp", port: 53)
        engine.count(r, as: .udp(query: querySize(name), response: responseSize(name, response)))
        switch r.verdict {
        case .delivered, .refused: return response
        default: return nil
        }
    }
}
