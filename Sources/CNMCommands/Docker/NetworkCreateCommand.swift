import CNMSim

/// `docker network create` (docker/cli v28.2.2 cli/command/network/create.go).
enum NetworkCreateCommand {
    static let spec = DockerCommandSpec(
        path: "docker network create", useLine: "docker network create [OPTIONS] NETWORK",
        flags: [
            .string("driver", "d", default: "bridge"),
            .stringArray("opt", "o"),
            .stringArray("label", validator: LabelValidation.validate),
            .bool("internal"),
            .bool("ipv4", default: true),
            .bool("ipv6"),
            .bool("attachable"),
            .bool("ingress"),
            .string("scope"),
            .bool("config-only"),
            .string("config-from"),
            .string("ipam-driver", default: "default"),
            .stringSlice("subnet"),
            .stringSlice("ip-range"),
            .stringSlice("gateway"),
            .stringArray("aux-address"),
            .stringArray("ipam-opt"),
        ],
        arity: .exact(1))

    static func run(_ args: [String], engine: inout Engine) throws(CommandError) -> CommandOutput {
        let flags = try spec.parse(args)
        let ipam: [IPAMConfig]
        switch ipamConfig(subnets: flags.strings("subnet"), ranges: flags.strings("ip-range"),
                          gateways: flags.strings("gateway"), aux: MapOption.parse(flags.strings("aux-address"))) {
        case .failure(let message): throw .refused(message.text)
        case .success(let c): ipam = c
        }
        let request = NetworkCreateRequest(
            name: flags.positionals[0], driver: flags.string("driver"), scope: flags.string("scope"),
            enableIPv4: flags.wasSet("ipv4") ? flags.bool("ipv4") : nil,
            enableIPv6: flags.wasSet("ipv6") ? flags.bool("ipv6") : nil,
            ipamDriver: flags.string("ipam-driver"), ipamOptions: MapOption.parse(flags.strings("ipam-opt")),
            ipamConfig: ipam, isInternal: flags.bool("internal"), attachable: flags.bool("attachable"),
            ingress: flags.bool("ingress"), configOnly: flags.bool("config-only"),
            configFrom: flags.string("config-from"), options: MapOption.parse(flags.strings("opt")),
            labels: MapOption.parse(flags.strings("label")))
        switch engine.createNetwork(request) {
        case .failure(let e): throw .daemon(e)
        case .success(let n): return .ok(n.id + "\n")
        }
    }

    struct ClientError: Error { let text: String }

    /// The CLI's `createIPAMConfig`: pairs ranges, gateways and aux addresses with subnets.
    static func ipamConfig(subnets: [String], ranges: [String], gateways: [String],
                           aux: [String: String]) -> Result<[IPAMConfig], ClientError> {
        if subnets.count < ranges.count || subnets.count < gateways.count {
            return .failure(ClientError(text: "every ip-range or gateway must have a corresponding subnet"))
        }
        func parseSubnet(_ s: String) -> Result<IPv4Subnet, ClientError> {
            guard let p = IPv4Subnet(s) else { return .failure(ClientError(text: "invalid subnet: invalid CIDR address: \(s)")) }
            return .success(p)
        }
        func matches(_ subnet: String, _ data: String) -> Result<Bool, ClientError> {
            let s: IPv4Subnet
            switch parseSubnet(subnet) { case .failure(let e): return .failure(e); case .success(let p): s = p }
            if data.contains("/") {
                guard let d = IPv4Subnet(data) else { return .failure(ClientError(text: "invalid CIDR address: \(data)")) }
                return .success(s.contains(d.address))
            }
            guard let ip = IPv4Address(data) else { return .success(false) }
            return .success(s.contains(ip))
        }
        var configs: [String: IPAMConfig] = [:]
        var order: [String] = []
        for s in subnets {
            for k in order {
                switch (matches(s, k), matches(k, s)) {
                case (.failure(let e), _), (_, .failure(let e)): return .failure(e)
                case (.success(let a), .success(let b)):
                    if a || b { return .failure(ClientError(text: "multiple overlapping subnet configuration is not supported")) }
                }
            }
            if configs[s] == nil { order.append(s) }
            configs[s] = IPAMConfig(subnet: s)
        }
        for r in ranges {
            var matched = false
            for s in subnets {
                if IPv4Subnet(r) == nil { return .failure(ClientError(text: "invalid CIDR address: \(r)")) }
                switch matches(s, r) {
                case .failure(let e): return .failure(e)
                case .success(false): continue
                case .success(true):
                    if let existing = configs[s]?.ipRange {
                        return .failure(ClientError(text: "cannot configure multiple ranges (\(r), \(existing)) on the same subnet (\(s))"))
                    }
                    configs[s]?.ipRange = r
                    matched = true
                }
            }
            if !matched { return .failure(ClientError(text: "no matching subnet for range \(r)")) }
        }
        for g in gateways {
            var matched = false
            for s in subnets {
                switch matches(s, g) {
                case .failure(let e): return .failure(e)
                case .success(false): continue
                case .success(true):
                    if let existing = configs[s]?.gateway {
                        return .failure(ClientError(text: "cannot configure multiple gateways (\(g), \(existing)) for the same subnet (\(s))"))
                    }
                    configs[s]?.gateway = g
                    matched = true
                }
            }
            if !matched { return .failure(ClientError(text: "no matching subnet for gateway \(g)")) }
        }
        for (key, address) in aux.sorted(by: { $0.key < $1.key }) {
            var matched = false
            for s in subnets {
                switch matches(s, address) {
                case .failure(let e): return .failure(e)
                case .success(false): continue
                case .success(true):
                    configs[s]?.auxAddresses[key] = address
                    matched = true
                }
            }
            if !matched { return .failure(ClientError(text: "no matching subnet for aux-address \(address)")) }
        }
        return .success(order.compactMap { configs[$0] })
    }
}

/// docker/cli v28.2.2 `MapOpts`: `k=v` items into a map (`k` alone maps to an empty value).
enum MapOption {
    static func parse(_ items: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            out[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return out
    }
}

/// docker/cli v28.2.2 `opts.ValidateLabel`.
enum LabelValidation {
    @Sendable static func validate(_ value: String) -> String? {
        let key = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if key.trimmingSpaces.isEmpty { return "invalid label '\(value)': empty name" }
        return nil
    }
}
