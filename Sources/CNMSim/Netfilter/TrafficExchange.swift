/// The packets one simulated exchange puts on the wire, so that the rules it
/// meets count them as netfilter does: every packet moves the counters of every
/// rule it matches in every chain it traverses (and the policy where it falls
/// through a built-in chain).
///
/// Sizes are IPv4 total lengths, the `bytes` iptables counts:
/// * ICMP echo: 20 (IP) + 8 (ICMP) + the payload, 56 bytes by default in busybox
///   and iputils ping — 84 bytes each way, as `PING … 56(84) bytes` says.
/// * TCP between Linux hosts: SYN and SYN-ACK carry 20 bytes of options (MSS,
///   SACK-permitted, timestamps, window scale) — 60 bytes; every later segment
///   carries the 12-byte timestamp option — 52 bytes plus its payload; a RST
///   answering a SYN to a closed port has no options — 40 bytes.
///   A connection is: SYN, SYN-ACK, ACK; the request and its ACK, the response
///   and its ACK (when there is data); FIN from the client, FIN from the server,
///   the last ACK. Data longer than one segment is cut into segments of 1448 bytes
///   (MSS 1460 on a 1500-byte MTU, less the timestamp option), acknowledged once.
///   A SYN nobody answers is sent again after 1, 3, 7, 15, 31 and 63 seconds
///   (`tcp_syn_retries` 6): 7 times, or as many as fit before the client gives up.
/// * UDP: 20 + 8 + the datagram; a closed port answers ICMP port unreachable,
///   which quotes the IP header and 8 bytes of the datagram (20 + 8 + 28).
///
/// Only the first packet of a connection goes through the nat table; the others
/// meet the raw and filter chains with conntrack state ESTABLISHED; replies take
/// the chains the walk checked them through.
public enum TrafficExchange: Sendable, Hashable {
    /// `count` echo requests with `payload` data bytes (and their replies, when answered).
    case echo(count: Int, payload: Int)
    /// A TCP connection carrying `request` bytes one way and `response` bytes back; a client that
    /// gives up after `giveUpAfter` seconds stops sending SYNs then.
    case tcp(request: Int, response: Int, giveUpAfter: Int? = nil)
    /// The data of a TCP connection already counted as opened (`tcp(0, 0)`): the request and
    /// its ACK, the response and its ACK.
    case tcpData(request: Int, response: Int)
    /// One UDP datagram of `query` bytes and its answer of `response` bytes.
    case udp(query: Int, response: Int)

    /// The default exchange of one probe of `proto` (`icmp`: one echo; `tcp`: a connection without data).
    public static func probe(_ proto: String) -> TrafficExchange {
        switch proto {
        case "icmp": return .echo(count: 1, payload: 56)
        case "udp": return .udp(query: 0, response: 0)
        default: return .tcp(request: 0, response: 0)
        }
    }

    /// The packets for a walk that ended in `verdict`: the sender's (first one opens the
    /// connection), the replies, and how often the first is sent when nothing answers.
    func packets(for verdict: PathVerdict) -> (forward: [Int], reply: [Int], unanswered: Int, opens: Bool) {
        let answered: Bool
        var refused = false
        switch verdict {
        case .delivered, .proxyBackendFailed: answered = true
        case .refused: answered = true; refused = true
        default: answered = false
        }
        switch self {
        case .echo(let count, let payload):
            let size = 28 + max(0, payload)
            let n = max(0, count)
            return answered ? (Array(repeating: size, count: n), Array(repeating: size, count: n), 0, true) : ([size], [], n, true)
        case .tcp(let request, let response, let giveUpAfter):
            guard answered else {
                let sent = [0, 1, 3, 7, 15, 31, 63].filter { $0 < (giveUpAfter ?? Int.max) }.count
                return ([60], [], max(1, sent), true)
            }
            if refused { return ([60], [40], 0, true) }
            var forward = [60, 52], reply = [60]
            if request > 0 { forward += Self.segments(request); reply.append(52) }
            if response > 0 { reply += Self.segments(response); forward.append(52) }
            forward += [52, 52]
            reply.append(52)
            return (forward, reply, 0, true)
        case .tcpData(let request, let response):
            guard answered, !refused else { return ([], [], 0, false) }
            var forward: [Int] = [], reply: [Int] = []
            if request > 0 { forward += Self.segments(request); reply.append(52) }
            if response > 0 { reply += Self.segments(response); forward.append(52) }
            return (forward, reply, 0, false)
        case .udp(let query, let response):
            guard answered else { return ([28 + max(0, query)], [], 1, true) }
            if refused { return ([28 + max(0, query)], [56 + max(0, query)], 0, true) }
            return ([28 + max(0, query)], [28 + max(0, response)], 0, true)
        }
    }
}

extension TrafficExchange {
    /// The TCP segments (IP sizes) that carry `bytes` of data.
    static func segments(_ bytes: Int) -> [Int] {
        let mss = 1448
        var out: [Int] = []
        var left = bytes
        while left > 0 {
            let n = min(left, mss)
            out.append(52 + n)
            left -= n
        }
        return out
    }
}

extension Engine {
    /// Counts the packets of `exchange` on the rules its walk `result` met on this machine.
    public mutating func count(_ result: PathResult, as exchange: TrafficExchange) {
        guard views.countsTraffic, !result.hookRuns.isEmpty else { return }
        let (forward, reply, unanswered, opens) = exchange.packets(for: result.verdict)
        let first = result.hookRuns.filter { !$0.reply }
        if unanswered > 0, let size = forward.first {
            // Nothing came back: every attempt is a new connection and walks like the first.
            for run in first { countTraffic(run.visits, packets: unanswered, bytes: unanswered * size) }
            return
        }
        var later = forward[...]
        if opens, let opening = forward.first {
            for run in first { countTraffic(run.visits, packets: 1, bytes: opening) }
            later = forward.dropFirst()
        }
        if !later.isEmpty {
            let evaluator = trafficEvaluator()
            for run in first where run.table != .nat {
                var p = run.packet
                p.ctstates.remove("NEW")
                p.ctstates.insert("ESTABLISHED")
                var trace: [ChainVisit] = []
                _ = evaluator.run(run.table, run.chain, p, trace: &trace)
                countTraffic(trace, packets: later.count, bytes: later.reduce(0, +))
            }
        }
        if !reply.isEmpty {
            for run in result.hookRuns where run.reply {
                countTraffic(run.visits, packets: reply.count, bytes: reply.reduce(0, +))
            }
        }
    }

    /// The evaluator counting re-runs hooks with (the rules as they stand, LOCAL from the host's view).
    func trafficEvaluator() -> NetfilterEvaluator {
        let stack = currentViews.hostStack
        return NetfilterEvaluator(ruleset: firewall.ruleset, exhaustive: views.mode == .rebuild) { stack.isLocal($0) }
    }
}
