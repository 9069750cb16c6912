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

    /// The size of the answer on the wire (RFC 1035 §4.1): the header, the question, each answer
    /// (type, class, TTL and length: 10 bytes, plus the data) and the authority section's SOA
    /// (its data: two names and five 32-bit numbers), every name compressed against the names
    /// written before it (RFC 1035 §4.1.4), as resolvers compress the names of SOA and PTR data.
    public static func responseSize(_ name: String, _ response: DNSResponse) -> Int {
        var names = NameCompressor()
        var size = names.write(name, at: 12) + 12 + 4
        for a in response.answers {
            size += names.write(a.name, at: size) + 10
            switch a.type {
            case .a: size += 4
            case .aaaa: size += 16
            case .ptr: size += names.write(a.data, at: size)
            }
        }
        if let soa = response.authority {
            size += names.write(soa.zone, at: size) + 10
            size += names.write(soa.mname, at: size)
            size += names.write(soa.rname, at: size) + 20
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

/// The names of one DNS message being written, for RFC 1035 §4.1.4 compression: a name whose tail
/// was written before ends in a 2-byte pointer to it (offsets below 0x4000 only). Labels compare
/// without regard to case.
struct NameCompressor {
    private var offsets: [String: Int] = [:]

    /// The bytes `name` takes when written at `offset`; remembers its suffixes for the next names.
    mutating func write(_ name: String, at offset: Int) -> Int {
        let labels = name.lowercased().split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        var size = 0
        for i in labels.indices {
            let tail = labels[i...].joined(separator: ".")
            if offsets[tail] != nil { return size + 2 }
            if offset + size < 0x4000 { offsets[tail] = offset + size }
            size += 1 + labels[i].utf8.count
        }
        return size + 1
    }
}
