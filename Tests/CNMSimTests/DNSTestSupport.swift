@testable import CNMSim

/// A small world builder for the DNS tests: networks and running busybox containers.
struct DNSWorld {
    var engine: Engine

    init(seed: UInt64 = 7) { engine = Engine(seed: seed) }

    mutating func network(_ name: String, internal isInternal: Bool = false) {
        _ = engine.createNetwork(NetworkCreateRequest(name: name, isInternal: isInternal))
    }

    /// Creates and starts `busybox sleep 100000`; returns its ID ("" on failure).
    @discardableResult
    mutating func run(_ name: String, networks: [String] = [], aliases: [String] = [], hostname: String? = nil,
                      domainname: String = "", dns: [String] = [], dnsSearch: [String] = [], dnsOptions: [String] = [],
                      extraHosts: [String] = [], links: [String] = [], start: Bool = true) -> String {
        let mode = networks.first ?? "default"
        var attachments = networks.map { NetworkAttachment(network: $0) }
        if !attachments.isEmpty { attachments[0].aliases = aliases }
        let request = ContainerCreateRequest(
            name: name, image: "busybox", cmd: ["sleep", "100000"], hostname: hostname, domainname: domainname,
            networkMode: mode, attachments: attachments, dns: dns, dnsSearch: dnsSearch, dnsOptions: dnsOptions,
            extraHosts: extraHosts, links: links)
        guard case .success(let c) = engine.createContainer(request) else { return "" }
        if start { _ = engine.startContainer(c.id) }
        return c.id
    }

    func id(_ name: String) -> String {
        if case .success(let c) = engine.findContainer(name) { return c.id }
        return ""
    }

    func ip(_ name: String, on network: String) -> IPv4Address? {
        guard case .success(let c) = engine.findContainer(name), let n = engine.network(named: network),
              let ep = c.endpoints[n.id] else { return nil }
        return engine.endpoints[ep]?.ipv4
    }

    mutating func resolve(_ name: String, from site: String?) -> [IPv4Address]? {
        NameResolution.resolve(name: name, from: site.map { id($0) }, engine: &engine)
    }

    mutating func query(_ name: String, _ type: DNSQueryType = .a, from: String) -> DNSResponse {
        EmbeddedDNS.query(name, type: type, from: id(from), engine: &engine)
    }

    func file(_ path: String, of name: String?) -> String {
        ResolutionFiles.read(path, site: name.map { id($0) }, engine: engine) ?? "<none>"
    }
}
