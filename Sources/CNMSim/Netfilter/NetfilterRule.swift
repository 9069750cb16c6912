/// One iptables rule: the generic matches (`-s -d -i -o -p`), the `-m` match
/// modules in the order given, and a target. Value semantics: two rules are the
/// same rule when `iptables -D` would consider them the same.
public struct NetfilterRule: Sendable, Hashable {
    public var source: AddressMatch?
    public var destination: AddressMatch?
    public var inInterface: InterfaceMatch?
    public var outInterface: InterfaceMatch?
    /// `tcp`, `udp`, `icmp`; nil for all protocols.
    public var proto: String?
    public var protoNegated: Bool
    public var matches: [RuleMatch]
    public var target: RuleTarget

    public init(source: AddressMatch? = nil, destination: AddressMatch? = nil, inInterface: InterfaceMatch? = nil,
                outInterface: InterfaceMatch? = nil, proto: String? = nil, protoNegated: Bool = false,
                matches: [RuleMatch] = [], target: RuleTarget) {
        self.source = source; self.destination = destination; self.inInterface = inInterface
        self.outInterface = outInterface; self.proto = proto; self.protoNegated = protoNegated
        self.matches = matches; self.target = target
    }

    /// The rule as `iptables -S` prints it after `-A CHAIN ` (e.g. `-o docker0 -j DOCKER`).
    public var specification: String { specification(counters: nil) }

    /// The specification with `-c PKTS BYTES` before the target when `counters` is given (`iptables -S -v`).
    public func specification(counters: PacketCounter?) -> String {
        var w: [String] = []
        if let s = source { w += (s.negated ? ["!"] : []) + ["-s", s.subnet.description] }
        if let d = destination { w += (d.negated ? ["!"] : []) + ["-d", d.subnet.description] }
        if let i = inInterface { w += (i.negated ? ["!"] : []) + ["-i", i.name] }
        if let o = outInterface { w += (o.negated ? ["!"] : []) + ["-o", o.name] }
        if let p = proto { w += (protoNegated ? ["!"] : []) + ["-p", p] }
        for m in matches { w += m.saveWords }
        if let counters { w += ["-c", String(counters.packets), String(counters.bytes)] }
        w += ["-j"] + target.saveWords
        return w.joined(separator: " ")
    }

    /// The protocol number `iptables -L -n` prints (`0` for all).
    public var protoNumber: String {
        switch proto {
        case nil: return "0"
        case "tcp": return "6"
        case "udp": return "17"
        case "icmp": return "1"
        case let p?: return p
        }
    }
}
