/// Every sentence `why` prints, in one table per language so a translation is
/// one more table. `{0}`, `{1}`… are replaced by the arguments in order.
enum WhyMessages {
    enum Key: Hashable, CaseIterable {
        case usage, badFrom, notRunning, unknownTarget, header
        case routeConnected, routeVia, noRoute, local, bridged, entersHost, lanRouter
        case chainRule, chainPolicy, chainEnd, dnat, masquerade, hostLocal, hostForward, proxy, reply
        case deliveredService, deliveredHost, deliveredPing, refused, proxyFailed, unreachable
        case droppedRule, droppedPolicy, rejected, noHost, outside, unanswered
        case childLink, parentSwitches, childModeBlocks, lanToChild, childIsolation, segmentEnd, l3NoReturn, l3Unanswered
    }

    static let english: [Key: String] = [
        .usage: "usage: why FROM TO[:PORT][/tcp|/udp]   (FROM/TO: a container, an IP, host, remote or a name)",
        .badFrom: "why: {0}: not a running container, an address of one, host or remote",
        .notRunning: "why: container {0} is not running (it has no network namespace)",
        .unknownTarget: "why: cannot resolve {0} from {1}",
        .header: "why: {0} -> {1} ({2})",
        .routeConnected: "{0} sends from {1} out {2} (the destination is on that link)",
        .routeVia: "{0} sends from {1} out {2} via gateway {3}",
        .noRoute: "{0} has no route to {1}",
        .local: "{1} is an address of {0} itself; the packet stays inside",
        .bridged: "bridge {0} switches the frame between two of its ports; br_netfilter runs the host's chains on it",
        .entersHost: "the packet enters the host's IP stack on {0}",
        .lanRouter: "the LAN router forwards it to the Docker host (192.168.1.100)",
        .chainRule: "{0} {1}: {2}  => {3}",
        .chainPolicy: "{0} {1}: no rule matched, policy {2}",
        .chainEnd: "{0} {1}: no rule matched, back to the calling chain",
        .dnat: "DNAT: destination {0} becomes {1}",
        .masquerade: "MASQUERADE: source {0} becomes {1}",
        .hostLocal: "the host's routing decision: {0} is a local address, so INPUT",
        .hostForward: "the host's routing decision: {0} goes out {1}, so FORWARD",
        .proxy: "docker-proxy listening on {0} accepts and connects to {1}:{2} itself",
        .reply: "the reply (conntrack state ESTABLISHED) goes back through:",
        .deliveredService: "Verdict: delivered to {0} ({1}), where {2} listens on {3}",
        .deliveredHost: "Verdict: delivered to {0} ({1})",
        .deliveredPing: "Verdict: delivered to {0} ({1}), which answers the echo request",
        .refused: "Verdict: not delivered — {0} ({1}) is reached but nothing listens on port {2}",
        .proxyFailed: "Verdict: not delivered — docker-proxy accepted, but could not reach the container",
        .unreachable: "Verdict: not delivered — Network is unreachable",
        .droppedRule: "Verdict: not delivered — dropped by {0}",
        .droppedPolicy: "Verdict: not delivered — dropped by a chain's DROP policy",
        .rejected: "Verdict: not delivered — rejected by {0}",
        .noHost: "Verdict: not delivered — no machine has the address {0}",
        .outside: "Verdict: delivered to {0}, outside the Docker host",
        .unanswered: "Verdict: not delivered — it left with the private source {0} (no MASQUERADE), so no reply can come back",
        .childLink: "the frame leaves through parent {0} ({1} {2} mode); the host's IP stack and iptables never see it",
        .parentSwitches: "{0} passes the frame straight to its other child (bridge mode)",
        .childModeBlocks: "{0} {1} mode does not let children of the same parent talk to each other",
        .lanToChild: "the LAN delivers the frame straight to the container's own interface on {0}; the host's iptables are not involved",
        .childIsolation: "the host and its own macvlan/ipvlan children on {0} cannot reach each other: the kernel never passes frames between a parent interface and its children (a macvlan shim interface on the host would be needed)",
        .segmentEnd: "only this host's children are on {0}; the LAN router and remote are not on that segment in this simulation",
        .l3NoReturn: "ipvlan l3 children answer no ARP, so nothing on the LAN can send to {0} (the LAN router would need a route to it via the Docker host)",
        .l3Unanswered: "Verdict: not delivered — the request left, but no reply can come back to {0}",
    ]

    /// The sentence for `key` with its arguments filled in.
    static func text(_ key: Key, _ args: String...) -> String {
        let template = Array(english[key] ?? "")
        var out = ""
        var i = 0
        while i < template.count {
            // `{N}` with a single digit N.
            if template[i] == "{", i + 2 < template.count, template[i + 2] == "}",
               let n = template[i + 1].wholeNumberValue, n < args.count {
                out += args[n]
                i += 3
            } else {
                out.append(template[i])
                i += 1
            }
        }
        return out
    }
}
