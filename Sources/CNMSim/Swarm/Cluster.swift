/// The simulated LAN: `docker-host` and any extra machines a lab or the
/// sandbox declares (each with its own engine, interfaces and iptables), plus
/// the swarm they may form.
///
/// Commands run on one machine at a time; afterwards `reconcile` does what
/// the swarm's managers and agents would: replicate the store, place and
/// remove tasks, instantiate overlay networks where they are used, and give
/// every node its view of the others.
public struct Cluster: Sendable {
    public var machines: [Machine]
    /// The newest copy of the swarm store (nil until `docker swarm init`).
    public internal(set) var swarm: Swarm?

    /// The course's three extra machines on the LAN: a manager and two workers.
    public static let courseHosts: [HostSpec] = [
        HostSpec(name: "manager1", address: IPv4Address(192, 168, 1, 101)),
        HostSpec(name: "worker1", address: IPv4Address(192, 168, 1, 102)),
        HostSpec(name: "worker2", address: IPv4Address(192, 168, 1, 103)),
    ]

    public init(seed: UInt64, extraHosts: [HostSpec] = []) {
        var list = [Machine(engine: Engine(seed: seed))]
        for (i, spec) in extraHosts.enumerated() {
            let mac = MACAddress(bytes: [0x52, 0x54, 0x00, 0x12, 0x35, UInt8(truncatingIfNeeded: 0x10 + i)])
            let host = HostConfig(hostname: spec.name, address: spec.address, mac: mac)
            let hostSeed = seed &+ UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15
            list.append(Machine(engine: Engine(seed: hostSeed, host: host)))
        }
        machines = list
    }

    /// A cluster of one machine around an existing engine.
    public init(engine: Engine) {
        machines = [Machine(engine: engine)]
    }


    /// The machine a name or LAN address designates (`worker1`, `192.168.1.102`).
    public func machineIndex(_ term: String) -> Int? {
        machines.firstIndex { $0.name == term || $0.address.description == term }
    }

    public func machineIndex(address: IPv4Address) -> Int? {
        machines.firstIndex { $0.address == address }
    }

}

/// One simulated machine on the LAN.
public struct Machine: Sendable {
    public var engine: Engine

    public init(engine: Engine) { self.engine = engine }

    public var name: String { engine.host.hostname }
    public var address: IPv4Address { engine.host.address }
}

/// An extra machine a lab declares: its hostname and LAN address.
public struct HostSpec: Sendable, Hashable, Codable {
    public var name: String
    public var address: IPv4Address

    public init(name: String, address: IPv4Address) {
        self.name = name
        self.address = address
    }
}
