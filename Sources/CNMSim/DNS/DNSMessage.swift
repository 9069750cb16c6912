/// The record types the simulated resolvers answer (`A`, `AAAA`, `PTR`).
///
/// The embedded DNS server handles A, AAAA, PTR (and MX/SRV for services)
/// itself and forwards other types (moby `libnetwork/resolver.go` `serveDNS`);
/// cnmlab's clients only ask these three.
public enum DNSQueryType: String, Sendable, Hashable, CaseIterable {
    case a = "A"
    case aaaa = "AAAA"
    case ptr = "PTR"
}

/// A DNS response code, with the spelling tools print (`NXDOMAIN`, `SERVFAIL`).
public enum DNSRcode: Int, Sendable, Hashable {
    case noError = 0
    case formErr = 1
    case servFail = 2
    case nxDomain = 3
    case notImp = 4
    case refused = 5

    /// The name busybox `nslookup` and `dig` print for it.
    public var text: String {
        switch self {
        case .noError: return "NOERROR"
        case .formErr: return "FORMERR"
        case .servFail: return "SERVFAIL"
        case .nxDomain: return "NXDOMAIN"
        case .notImp: return "NOTIMP"
        case .refused: return "REFUSED"
        }
    }
}

/// One answer record: the owner name as asked, its type, TTL and data
/// (an address for A/AAAA, a domain name without the final dot for PTR).
public struct DNSAnswer: Sendable, Hashable {
    public var name: String
    public var type: DNSQueryType
    public var ttl: Int
    public var data: String

    public init(name: String, type: DNSQueryType, ttl: Int, data: String) {
        self.name = name; self.type = type; self.ttl = ttl; self.data = data
    }
}

/// The SOA record a negative answer (NXDOMAIN, or NOERROR without data) carries in its authority
/// section (RFC 2308 §3): the zone that answered, the TTL the resolver gives it, and the record's
/// data. Names are absolute, with their final dot, as dig prints them.
public struct DNSSOA: Sendable, Hashable {
    public var zone: String
    public var ttl: Int
    public var mname: String
    public var rname: String
    public var serial: UInt32
    public var refresh: Int
    public var retry: Int
    public var expire: Int
    public var minimum: Int

    public init(zone: String, ttl: Int, mname: String, rname: String, serial: UInt32,
                refresh: Int, retry: Int, expire: Int, minimum: Int) {
        self.zone = zone; self.ttl = ttl; self.mname = mname; self.rname = rname; self.serial = serial
        self.refresh = refresh; self.retry = retry; self.expire = expire; self.minimum = minimum
    }

    /// The record data as dig prints it (lib/dns/rdata/generic/soa_6.c `totext`, one line).
    public var dataText: String { "\(mname) \(rname) \(serial) \(refresh) \(retry) \(expire) \(minimum)" }
}

/// A DNS reply as a client receives it: code, answers, the authority section's SOA of a
/// negative answer when the simulated world can say which zone answered (nil otherwise, and for
/// the embedded DNS, which sends none), and whether the server claimed authority (busybox prints
/// `Non-authoritative answer:` when not).
public struct DNSResponse: Sendable, Hashable {
    public var rcode: DNSRcode
    public var answers: [DNSAnswer]
    public var authority: DNSSOA?
    public var authoritative: Bool

    public init(rcode: DNSRcode, answers: [DNSAnswer] = [], authority: DNSSOA? = nil, authoritative: Bool = false) {
        self.rcode = rcode; self.answers = answers; self.authority = authority; self.authoritative = authoritative
    }

    /// The IPv4 addresses among the answers, in answer order.
    public var ipv4Addresses: [IPv4Address] {
        answers.filter { $0.type == .a }.compactMap { IPv4Address($0.data) }
    }

    static let servFail = DNSResponse(rcode: .servFail)
    static let nxDomain = DNSResponse(rcode: .nxDomain)
}
