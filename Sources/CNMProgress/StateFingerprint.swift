import CNMCommands
import CNMSim

/// A stable SHA-256 of the simulated networking state after a command.
///
/// Why: resume rebuilds a learner's world by replaying the logged commands; the
/// hash recorded with each command proves the replay arrived at the same world.
/// It covers networks, containers, endpoints, sandboxes, IPs, MACs and published
/// ports. Timestamps, the clock and the random generator are left out: they do
/// not change what the learner's network looks like. Every map is sorted and the
/// records are sorted as a whole, so dictionary iteration order never matters.
/// A LAN of several machines (a multi-host lab) hashes every machine's engine, in
/// cluster order with its hostname, and the swarm store's essentials.
public enum StateFingerprint {
    /// Bumped when the canonical form changes (old hashes then no longer match).
    public static let formatVersion = "cnmlab-state-v1"

    /// The fingerprint of an engine: 64 lowercase hex digits, the SHA-256 of `canonicalBytes`.
    public static func hash(engine: Engine) -> String {
        var sha = SHA256()
        sha.update(canonicalBytes(engine: engine))
        return sha.hexDigest()
    }

    /// The canonical form of a LAN of several machines (or of one machine in a swarm).
    public static let clusterFormatVersion = "cnmlab-cluster-v1"

    /// The fingerprint of a simulator's whole LAN: for one machine outside any swarm exactly
    /// `hash(engine:)` (so hashes recorded before several machines existed stay valid).
    public static func hash(simulator: Simulator) -> String { hash(cluster: simulator.cluster) }

    /// The fingerprint of every machine of a cluster and of its swarm store.
    public static func hash(cluster: Cluster) -> String {
        var sha = SHA256()
        sha.update(canonicalBytes(cluster: cluster))
        return sha.hexDigest()
    }

    /// Whether `cluster` is hashed as its one engine alone (the historical form).
    static func isSingleEngine(_ cluster: Cluster) -> Bool {
        cluster.machines.count == 1 && cluster.swarm == nil && cluster.machines[0].engine.swarm == nil
    }

    /// The bytes hashed for a cluster: one engine's bytes when it is a lone machine outside a swarm;
    /// otherwise the cluster version line, each machine in cluster order (a `machine` record with
    /// its hostname, swarm node ID and the length of its engine's bytes, then those bytes), and the
    /// swarm store's essentials as sorted records.
    public static func canonicalBytes(cluster: Cluster) -> [UInt8] {
        if isSingleEngine(cluster) { return canonicalBytes(engine: cluster.machines[0].engine) }
        var out = Array(clusterFormatVersion.utf8)
        out.append(10)
        for m in cluster.machines {
            let bytes = canonicalBytes(engine: m.engine)
            var r = Record("machine")
            r.field(m.name); r.opt(m.engine.swarmNodeID); r.field(bytes.count)
            out.append(contentsOf: r.bytes)
            out.append(10)
            out.append(contentsOf: bytes)
        }
        var records = cluster.swarm.map(swarmRecords) ?? []
        records.sort { $0.lexicographicallyPrecedes($1) }
        var head = Record("swarm")
        head.opt(cluster.swarm?.id); head.field(records.count)
        out.append(contentsOf: head.bytes)
        out.append(10)
        for r in records {
            out.append(contentsOf: r)
            out.append(10)
        }
        return out
    }

    /// The canonical form of a cluster as text (for a person comparing two states).
    public static func canonicalText(cluster: Cluster) -> String {
        String(decoding: canonicalBytes(cluster: cluster), as: UTF8.self)
    }

    /// What the swarm store holds that shapes the learner's network: nodes and their roles,
    /// overlay networks, services with their replicas and ports, tasks with their node and slot,
    /// and the addresses the swarm handed out. Timestamps, tokens and the revision are left out.
    static func swarmRecords(_ s: Swarm) -> [[UInt8]] {
        var records: [[UInt8]] = []
        for n in s.nodes {
            var r = Record("node")
            r.field(n.id); r.field(n.hostname); r.field(n.address.description); r.field(n.role.rawValue)
            r.flag(n.leader); r.flag(s.isDown(n.id))
            records.append(r.bytes)
        }
        for n in s.networks {
            var r = Record("swarm-network")
            r.field(n.id); r.field(n.name); r.field(n.subnet.description); r.field(n.gateway.description); r.field(n.vni)
            r.flag(n.attachable); r.flag(n.ingress); r.flag(n.isInternal); r.map(n.options); r.map(n.labels)
            records.append(r.bytes)
        }
        for svc in s.services {
            var r = Record("service")
            r.field(svc.id); r.field(svc.name); r.field(svc.imageReference); r.list(svc.command); r.field(svc.replicas)
            r.field(svc.endpointMode.rawValue); r.list(svc.networkIDs)
            r.list(svc.ports.map { "\($0.published):\($0.target)/\($0.proto)" })
            r.map(svc.vips.mapValues(\.description))
            r.map(svc.aliases.mapValues { $0.joined(separator: ",") })
            records.append(r.bytes)
        }
        for t in s.tasks {
            var r = Record("task")
            r.field(t.id); r.field(t.serviceID); r.field(t.slot); r.field(t.nodeID); r.field(t.containerID)
            r.flag(t.running); r.map(t.addresses.mapValues(\.description))
            records.append(r.bytes)
        }
        var addresses = Record("swarm-addresses")
        addresses.map(s.ingressAddresses.mapValues(\.description)); addresses.map(s.loadBalancers.mapValues(\.description))
        records.append(addresses.bytes)
        return records
    }

    /// The canonical form as text (for a person comparing two states).
    public static func canonicalText(engine: Engine) -> String {
        String(decoding: canonicalBytes(engine: engine), as: UTF8.self)
    }

    /// The bytes that are hashed: the format version, then one record per object, sorted,
    /// each ending in a newline. Every field is `length:value`, so no value can fake a separator.
    public static func canonicalBytes(engine: Engine) -> [UInt8] {
        var records: [[UInt8]] = []
        records.reserveCapacity(engine.networks.count + 2 * engine.containers.count + engine.endpoints.count + 2)
        let h = engine.host
        var host = Record("host")
        host.field(h.hostname); host.field(h.address.description); host.field(h.prefixLength)
        host.field(h.gateway.description); host.list(h.nameservers.map(\.description)); host.list(h.searchDomains)
        host.field(h.mac.description)
        records.append(host.bytes)
        for n in engine.networks.values {
            var r = Record("network")
            r.field(n.id); r.field(n.name); r.field(n.driver.rawValue); r.flag(n.enableIPv4); r.flag(n.enableIPv6)
            r.field(n.ipamDriver)
            if let o = n.ipamOptions { r.map(o) } else { r.none() }
            if let configs = n.ipamConfig {
                r.nested(configs.map { c in
                    var x = Record()
                    x.opt(c.subnet); x.opt(c.ipRange); x.opt(c.gateway); x.map(c.auxAddresses)
                    return x.bytes
                })
            } else {
                r.none()
            }
            r.opt(n.subnet?.description); r.opt(n.gateway?.description); r.flag(n.isInternal); r.flag(n.attachable)
            r.flag(n.ingress); r.flag(n.configOnly); r.field(n.configFrom); r.map(n.options); r.map(n.labels)
            r.flag(n.predefined); r.opt(n.deviceName); r.flag(n.userSubnet); r.opt(n.deviceMAC?.description)
            if let index = engine.bridgeIndex[n.id] { r.field(index) } else { r.none() }
            records.append(r.bytes)
        }
        for c in engine.containers.values {
            var r = Record("container")
            r.field(c.id); r.field(c.name); r.field(c.image.id); r.field(c.imageReference); r.field(c.path)
            r.list(c.args); r.field(c.hostname); r.field(c.domainname); r.field(state(c.state)); r.field(c.restartCount)
            r.field(c.networkMode)
            r.nested(c.attachments.map { a in
                var x = Record()
                x.field(a.network); x.opt(a.networkID); x.list(a.aliases); x.opt(a.ipv4Address?.description)
                x.opt(a.macAddress?.description); x.list(a.links); x.field(a.gwPriority); x.map(a.driverOpts)
                return x.bytes
            })
            r.list(c.exposedPorts.sorted().map(\.description))
            r.nested(c.portBindings.keys.sorted().map { port in
                var x = Record()
                x.field(port.description)
                for b in c.portBindings[port] ?? [] { x.field(b.hostIP); x.field(b.hostPort) }
                return x.bytes
            })
            r.flag(c.publishAll); r.list(c.dns); r.list(c.dnsSearch); r.list(c.dnsOptions); r.list(c.extraHosts)
            r.list(c.links); r.opt(c.sandboxID); r.map(c.endpoints)
            r.list(c.portMappings.map { "\($0.hostIP):\($0.hostPort)->\($0.containerPort)" }.sorted())
            r.list(c.env); r.map(c.labels); r.flag(c.autoRemove)
            records.append(r.bytes)
        }
        for e in engine.endpoints.values {
            var r = Record("endpoint")
            r.field(e.id); r.field(e.networkID); r.field(e.containerID); r.field(e.name); r.opt(e.mac?.description)
            r.opt(e.ipv4?.description); r.field(e.prefixLength); r.opt(e.gateway?.description); r.opt(e.interfaceName)
            r.field(e.interfaceIndex); r.field(e.peerIndex); r.opt(e.hostVeth); r.list(e.dnsNames); r.list(e.aliases)
            records.append(r.bytes)
        }
        for sb in engine.sandboxes.values {
            var r = Record("sandbox")
            r.field(sb.id); r.field(sb.containerID); r.list(sb.endpointIDs)
            records.append(r.bytes)
        }
        var subnets = Record("subnets")
        subnets.list(engine.localSpace.allocatedSubnets.map(\.description).sorted())
        records.append(subnets.bytes)
        records.sort { $0.lexicographicallyPrecedes($1) }
        var out = Array(formatVersion.utf8)
        out.append(10)
        out.reserveCapacity(records.reduce(out.count) { $0 + $1.count + 1 })
        for r in records {
            out.append(contentsOf: r)
            out.append(10)
        }
        return out
    }

    private static func state(_ s: ContainerState) -> String {
        switch s {
        case .created: return "created"
        case .running: return "running"
        case .exited(let code): return "exited(\(code))"
        }
    }

    /// One record's bytes: a kind, then length-prefixed fields separated by spaces.
    private struct Record {
        var bytes: [UInt8] = []

        init() {}
        init(_ kind: String) { bytes.append(contentsOf: kind.utf8) }

        private mutating func separator() { if !bytes.isEmpty { bytes.append(32) } }

        private mutating func decimal(_ v: Int) {
            if v < 0 { bytes.append(45) }
            var digits: [UInt8] = []
            var m = v.magnitude
            repeat { digits.append(UInt8(48 + m % 10)); m /= 10 } while m > 0
            bytes.append(contentsOf: digits.reversed())
        }

        /// `length:bytes`
        mutating func raw<C: Collection>(_ value: C) where C.Element == UInt8 {
            separator()
            decimal(value.count)
            bytes.append(58)
            bytes.append(contentsOf: value)
        }

        mutating func field(_ s: String) { raw(s.utf8) }
        mutating func field(_ n: Int) {
            var x = Record()
            x.decimal(n)
            raw(x.bytes)
        }
        mutating func flag(_ b: Bool) { raw(CollectionOfOne(b ? UInt8(49) : UInt8(48))) }
        mutating func none() { raw(CollectionOfOne(UInt8(45))) }
        mutating func opt(_ s: String?) {
            if let s { raw([43] + Array(s.utf8)) } else { none() }
        }
        mutating func list(_ items: [String]) {
            var x = Record()
            for i in items { x.field(i) }
            raw([91] + x.bytes + [93])
        }
        mutating func nested(_ items: [[UInt8]]) {
            var x = Record()
            for i in items { x.raw(i) }
            raw([91] + x.bytes + [93])
        }
        mutating func map(_ m: [String: String]) {
            var x = Record()
            for key in m.keys.sorted() { x.field(key); x.field(m[key] ?? "") }
            raw([123] + x.bytes + [125])
        }
    }
}
